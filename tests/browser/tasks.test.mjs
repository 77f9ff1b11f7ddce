// A good guest on a slow phone: the widget's first drawing comes in two tasks of its own per
// widget (what to show, then the view), so the page's main thread is never held for long, and
// until the second one the element shows what it showed before and claims nothing.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';

import { embed, hostPage, launch, openAt, serve } from './support/hotline.mjs';

/** A Tuesday at 10:00: open. */
const AT = '2026-12-01T10:00:00+01:00';

let server;
let browser;

before(async () => {
  server = await serve({
    '/three.html': hostPage(embed({ id: 'a' }) + embed({ id: 'b', variant: 'compact' }) + embed({ id: 'c', lang: 'en' })),
  });
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

/**
 * Holds back the second halves: the loader's `runtime.soon` queue is caught as the loader sets
 * its runtime on the window, and each callback is kept until the test lets it go.
 */
function holdSecondHalves() {
  window.held = [];
  const key = Symbol.for('digital-hotline');
  let runtime;
  Object.defineProperty(window, key, {
    configurable: true,
    get: () => runtime,
    set(value) {
      runtime = value;
      const soon = value.soon;
      // The loader assigns `soon` before it sets the runtime on the window.
      value.soon = (callback) => window.held.push(() => soon(callback));
    },
  });
}

const look = (page) =>
  page.$$eval('digital-hotline', (elements) =>
    elements.map((element) => ({
      id: element.id,
      state: element.getAttribute('state'),
      shadow: element.shadowRoot?.innerHTML ?? null,
      fallback: element.querySelector('a')?.checkVisibility() ?? false,
    })),
  );

test('each first drawing waits for a task of its own; until then the fallback shows and no state is claimed', async () => {
  const hotline = await openAt(browser, `${server.origin}/three.html`, AT, { init: holdSecondHalves });
  const { page } = hotline;
  try {
    // All three first halves have run: the module is loaded and each element has composed.
    await page.waitForFunction(() => window.held.length === 3);
    for (const widget of await look(page)) {
      assert.deepEqual(widget, { id: widget.id, state: null, shadow: null, fallback: true }, widget.id);
    }
    // Let them go: each draws its box and claims its state.
    await page.evaluate(() => window.held.splice(0).forEach((release) => release()));
    await page.locator('digital-hotline:not([state])').waitFor({ state: 'detached' });
    for (const widget of await look(page)) {
      assert.equal(widget.state, 'open', widget.id);
      assert.match(widget.shadow, /class="widget /, widget.id);
      assert.equal(widget.fallback, false, widget.id);
    }
    assert.deepEqual(hotline.errors, []);
  } finally {
    await hotline.close();
  }
});

test('a widget removed between its two halves is never drawn, and the others are', async () => {
  const hotline = await openAt(browser, `${server.origin}/three.html`, AT, { init: holdSecondHalves });
  const { page } = hotline;
  try {
    await page.waitForFunction(() => window.held.length === 3);
    await page.evaluate(() => {
      window.removed = document.getElementById('b');
      window.removed.remove();
      window.held.splice(0).forEach((release) => release());
    });
    await page.locator('#a[state], #c[state]').nth(1).waitFor();
    const removed = await page.evaluate(() => ({
      state: window.removed.getAttribute('state'),
      shadow: window.removed.shadowRoot?.innerHTML ?? null,
    }));
    assert.deepEqual(removed, { state: null, shadow: null });
    assert.deepEqual(hotline.errors, []);
  } finally {
    await hotline.close();
  }
});
