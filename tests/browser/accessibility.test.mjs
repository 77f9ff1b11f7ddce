// WCAG 2.1 AA checks of the rendered widget: axe-core over every language × variant × state ×
// colour scheme, reflow at 320 px, visible keyboard focus; and screenshots for a person to see.
// Chromium only (Playwright's colour-scheme emulation, keyboard, screenshots and accessible names).
import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { after, before, test } from 'node:test';

import { embed, hostPage, launch, openAt, serve } from './support/hotline.mjs';

const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const SCREENSHOTS = new URL('../output/', import.meta.url);
const OPEN = '2026-11-30T10:00:00+01:00';
const CLOSED = '2026-12-24T10:00:00+01:00';

let server;
let browser;

before(async () => {
  const pages = {};
  for (const lang of ['da', 'en']) {
    for (const variant of ['full', 'compact']) {
      pages[`/${lang}-${variant}.html`] = hostPage(`<main><h1>Test</h1>${embed({ lang, variant })}</main>`);
    }
  }
  server = await serve(pages);
  browser = await launch();
  await mkdir(SCREENSHOTS, { recursive: true });
});

after(async () => {
  await browser?.close();
  await server?.close();
});

for (const lang of ['da', 'en']) {
  for (const variant of ['full', 'compact']) {
    for (const [state, at] of [['open', OPEN], ['closed', CLOSED]]) {
      for (const colorScheme of ['light', 'dark']) {
        test(`axe: 0 violations, ${lang} ${variant} ${state} ${colorScheme}`, async () => {
          const page = await openAt(browser, `${server.origin}/${lang}-${variant}.html`, at, { colorScheme });
          const widget = await page.widget().rendered();
          assert.equal(await widget.state(), state);
          // axe schedules its work with timers; let the (fake) clock run from here.
          await page.page.clock.resume();
          await page.page.addScriptTag({ path: AXE });
          const violations = await page.page.evaluate(async () => {
            const result = await window.axe.run(document.querySelector('digital-hotline'), {
              runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] },
            });
            return {
              violations: result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
              passes: result.passes.map((rule) => rule.id),
            };
          });
          assert.deepEqual(violations.violations, []);
          // The rules that matter here did look at the shadow content.
          for (const rule of ['color-contrast', 'link-name', 'aria-allowed-role']) {
            assert.ok(violations.passes.includes(rule), `${rule} ran`);
          }
          await page.close();
        });
      }
    }
  }
}

for (const variant of ['full', 'compact']) {
  test(`${variant}: reflows at 320 px and 200 % zoom without horizontal scrolling; screenshots`, async () => {
    // 640 CSS px is a 1280 px window at 200 % zoom.
    for (const width of [320, 640, 1280]) {
      const page = await openAt(browser, `${server.origin}/da-${variant}.html`, CLOSED, { width });
      await page.widget().rendered();
      const overflow = await page.page.evaluate(() => {
        const box = document.querySelector('digital-hotline').shadowRoot.querySelector('.widget');
        return {
          page: document.documentElement.scrollWidth - window.innerWidth,
          widget: box.scrollWidth - box.clientWidth,
        };
      });
      assert.deepEqual(overflow, { page: 0, widget: 0 }, `at ${width} px`);
      const path = new URL(`widget-${variant}-${width}px.png`, SCREENSHOTS);
      await page.page.locator('digital-hotline').screenshot({ path: path.pathname });
      await page.close();
    }
  });
}

test('the phone link shows a visible focus outline from the keyboard', async () => {
  const page = await openAt(browser, `${server.origin}/da-full.html`, OPEN);
  await page.widget().rendered();
  await page.page.keyboard.press('Tab');
  const focus = await page.page.evaluate(() => {
    const link = document.querySelector('digital-hotline').shadowRoot.activeElement;
    const style = link && getComputedStyle(link);
    return link && { cls: link.className, style: style.outlineStyle, width: parseFloat(style.outlineWidth) };
  });
  assert.equal(focus?.cls, 'phone');
  assert.equal(focus.style, 'solid');
  assert.ok(focus.width >= 2, `outline ${focus.width}px`);
  await page.close();
});

test('the shadow content carries the language, and the link its full accessible name', async () => {
  const page = await openAt(browser, `${server.origin}/en-full.html`, OPEN);
  await page.widget().rendered();
  assert.equal(await page.page.locator('digital-hotline .widget').getAttribute('lang'), 'en');
  const link = page.page.getByRole('link', { name: 'Call The Digital Hotline on 70 20 00 00' });
  assert.equal(await link.getAttribute('href'), 'tel:+4570200000');
  await page.close();
});
