// The box rendered ahead of time (the release's fallback markup, styled by its page stylesheet)
// against the widget that replaces it, on every 2026 and 2027 day the built-in hours close for a
// holiday and the days either side, at the times whose status texts are longest, in both
// languages, at every 8 px from 224 to 1280 px, in a web font (IBM Plex Sans, the
// borger.dk theme's) and in the Linux fallback fonts (DejaVu Sans, one of the widest; Liberation
// Sans, Arial's metrics): the widget must have the prerendered box's height in every case, or the
// page moves when it upgrades. `preview-at` puts the widget on each moment; its label is hidden,
// as the DKFDS test does, because a visitor never sees it. The full box; the compact line has
// compact-size.test.mjs.
import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import { after, before, test } from 'node:test';

import { launch, serve } from './support/hotline.mjs';
import { FONTS, HOLIDAY_DATES, MOMENTS, TIMES, heights, open, openPrerendered, pages, showMoment, summarize, widths } from './support/prerendered.mjs';

const SCREENSHOTS = new URL('../output/', import.meta.url);
const WIDTHS = widths(8);

let server;
let browser;

before(async () => {
  server = await serve(pages({ da: { lang: 'da', variant: 'full' }, en: { lang: 'en', variant: 'full' } }));
  browser = await launch();
  await mkdir(SCREENSHOTS, { recursive: true });
});

after(async () => {
  await browser?.close();
  await server?.close();
});

for (const lang of ['da', 'en']) {
  test(`${lang}: the widget has the prerendered box's height on and around every 2026–2027 holiday, at 224–1280 px, in a web font and the fallback fonts`, async () => {
    const mismatches = [];
    for (const [font, slug] of Object.entries(FONTS)) {
      const path = `/${lang}-${slug}.html`;
      const plain = await openPrerendered(browser, server.origin, path, font);
      const prerendered = await plain.tab.evaluate(heights, WIDTHS);
      await plain.context.close();

      const upgraded = await open(browser, server.origin, path, { script: true });
      await upgraded.hotline.widget().rendered();
      let holidays = 0;
      for (const moment of MOMENTS) {
        const shown = await upgraded.tab.evaluate(showMoment, moment);
        if (HOLIDAY_DATES.includes(moment.slice(0, 10))) {
          assert.ok(shown.reason, `${moment}: a holiday, but "${shown.status}"`);
          holidays += 1;
        }
        const seen = await upgraded.tab.evaluate(heights, WIDTHS);
        WIDTHS.forEach((width, index) => {
          if (Math.abs(seen[index] - prerendered[index]) >= 0.5) {
            mismatches.push({ key: `${font}: "${shown.status}"`, moment, width, before: prerendered[index], after: seen[index] });
          }
        });
      }
      assert.equal(holidays, HOLIDAY_DATES.length * TIMES.length);
      assert.deepEqual(upgraded.hotline.errors, []);
      await upgraded.context.close();
    }
    const summary = summarize(mismatches);
    console.log(`${lang}: ${MOMENTS.length} moments × ${WIDTHS.length} widths × ${Object.keys(FONTS).length} fonts, ${mismatches.length} heights differ`, summary);
    assert.deepEqual(summary, [], `${lang}: the box changes height at upgrade`);
  });
}

test('screenshots: 2. juledag 2026 (next opening "i morgen kl. 17.00") at 375 and 224 px, before and after the upgrade, in DejaVu Sans', async () => {
  for (const width of [375, 224]) {
    for (const script of [false, true]) {
      const { tab, hotline, context } = await open(browser, server.origin, '/da-dejavu.html', { script });
      await tab.evaluate((w) => {
        document.querySelector('#column').style.width = `${w}px`;
      }, width);
      if (script) {
        await hotline.widget().rendered();
        await tab.evaluate(showMoment, '2026-12-26T10:00');
      }
      const height = await tab.evaluate(() => document.querySelector('digital-hotline').getBoundingClientRect().height);
      console.log(`2. juledag, ${width} px, ${script ? 'widget' : 'prerendered'}: ${height.toFixed(1)} px`);
      await tab.locator('#column').screenshot({ path: new URL(`status-size-${width}px-${script ? 'widget' : 'prerendered'}.png`, SCREENSHOTS).pathname });
      await context.close();
    }
  }
});
