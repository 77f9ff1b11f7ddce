// A good guest while the page loads: the wasm download waits until the page has painted its
// own first content (Lighthouse counts every request begun before that against the page's
// Largest Contentful Paint), also past the page's `load` event; only a page that has loaded
// with nothing to paint gets it at once.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';

import { embed, hostPage, launch, serve } from './support/hotline.mjs';

const EMPTY_WIDGET = '<digital-hotline lang="da"></digital-hotline>';

let server;
let browser;
/** Sends the rest of `/slow-body.html`, whose head (with the script, `async`) went out at once. */
let sendBody;
/** Answers the image that holds back that page's `load` event. */
let sendImage;

before(async () => {
  server = await serve({
    '/slow-body.html': (_request, response) => {
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      response.write('<!doctype html><html lang="da"><head><meta charset="utf-8"><title>Test host</title><script src="/dist/digital-hotline.js" async></script></head>');
      // An image still loading: the page paints its text long before its `load` event.
      sendBody = () => response.end(`<body><h1>Borgerservice</h1><img src="/held.png" alt="">${embed()}</body></html>`);
    },
    '/held.png': (_request, response) => {
      sendImage = () => response.writeHead(404).end();
    },
    // A theme that fades its page in from a script: loaded, but nothing painted yet.
    '/faded.html': hostPage(`<div id="page" style="opacity: 0"><h1>Borgerservice</h1>${embed()}</div>`),
    '/nothing-to-paint.html': hostPage(EMPTY_WIDGET),
    '/empty.html': hostPage(EMPTY_WIDGET, { script: null }),
  });
  browser = await launch();
});

after(async () => {
  sendImage?.();
  await browser?.close();
  await server?.close();
});

/** Notes when the page calls `fetch` (the loader's wasm download) and when it first painted content. */
function record() {
  window.seen = { fetches: [] };
  const fetch = window.fetch;
  window.fetch = function recorded(input, ...rest) {
    window.seen.fetches.push({ url: String(input), at: performance.now() });
    return fetch.call(this, input, ...rest);
  };
  new PerformanceObserver((list) => {
    for (const entry of list.getEntriesByName('first-contentful-paint')) window.seen.painted = entry.startTime;
  }).observe({ type: 'paint', buffered: true });
}

/**
 * Opens `path` in a fresh context (recorded from the start, returning as soon as the response
 * begins), runs `check(page)`, then asserts that nothing went wrong in the page.
 */
async function visit(path, check) {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (error) => errors.push(String(error)));
    page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
    await page.addInitScript(record);
    await page.goto(`${server.origin}${path}`, { waitUntil: 'commit' });
    await check(page);
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
}

const rendered = (page) => page.locator('digital-hotline[state]').waitFor({ state: 'attached' });
const wasmFetches = (page) => page.evaluate(() => window.seen.fetches.filter(({ url }) => url.endsWith('.wasm')));

/** Once the widget is in: its wasm was fetched, and not before the page's first contentful paint. */
async function fetchedAfterPaint(page) {
  await rendered(page);
  const [fetched] = await wasmFetches(page);
  const painted = await page.evaluate(() => window.seen.painted);
  assert.ok(fetched.at >= painted, `wasm fetched at ${fetched.at} ms, first content painted at ${painted} ms`);
}

test('the wasm download starts only after the page has painted its first content', () =>
  visit('/slow-body.html', async (page) => {
    // The script has run (it defines the element) while the page has nothing to show yet.
    // Polled by timer: a page with no content yet renders no frames to poll on.
    await page.waitForFunction(() => customElements.get('digital-hotline'), null, { polling: 50 });
    assert.deepEqual(await wasmFetches(page), []);
    assert.equal(await page.evaluate(() => window.seen.painted), undefined);

    sendBody();
    await fetchedAfterPaint(page);
    assert.equal(await page.evaluate(() => document.readyState), 'interactive');
  }));

test('a page that paints nothing until after its load event: the download waits for that paint', () =>
  visit('/faded.html', async (page) => {
    // The load event is over, its listeners have run.
    await page.waitForFunction(() => performance.getEntriesByType('navigation')[0]?.loadEventEnd > 0, null, { polling: 50 });
    assert.deepEqual(await wasmFetches(page), []);
    assert.equal(await page.evaluate(() => window.seen.painted), undefined);

    await page.evaluate(() => (document.querySelector('#page').style.opacity = '1'));
    await fetchedAfterPaint(page);
  }));

test('a page with nothing to paint before the widget: the download starts at its load event', () =>
  visit('/nothing-to-paint.html', async (page) => {
    await rendered(page);
    const [fetched] = await wasmFetches(page);
    const loaded = await page.evaluate(() => performance.getEntriesByType('navigation')[0].loadEventStart);
    assert.ok(fetched.at >= loaded, `wasm fetched at ${fetched.at} ms, load event at ${loaded} ms`);
  }));

test('the script added to such a page after its load event downloads the wasm at once', () =>
  visit('/empty.html', async (page) => {
    await page.waitForFunction(() => document.readyState === 'complete');
    await page.evaluate(() => {
      const script = document.createElement('script');
      script.src = '/dist/digital-hotline.js';
      document.head.append(script);
    });
    await rendered(page);
    assert.equal((await wasmFetches(page)).length, 1);
  }));
