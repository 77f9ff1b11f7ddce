// The compact line rendered ahead of time (the release's fallback markup for
// `variant="compact"`, styled by its page stylesheet) against the widget that replaces it, as
// status-size.test.mjs does for the full box: on every 2026 and 2027 day the built-in hours close
// for a holiday and the days either side, at the times whose status texts are longest, in both
// languages, with the hotline's name and without it (`label="short"`), at every 4 px from 224 to
// 1280 px, in IBM Plex Sans, DejaVu Sans and Liberation Sans. The height depends on the status
// text only, so each text is measured once at every width (the first moment that shows it); the
// others are still shown, so every moment is drawn. At every width measured, no part of the line
// (the name, "Åben nu", the holiday, the next change, the number) may break across lines.
import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import { after, before, test } from 'node:test';

import { launch, serve } from './support/hotline.mjs';
import { FONTS, HOLIDAY_DATES, MOMENTS, TIMES, open, openPrerendered, pages, showMoment, summarize, widths } from './support/prerendered.mjs';

const SCREENSHOTS = new URL('../output/', import.meta.url);
const WIDTHS = widths(4);
const BOXES = {};
for (const lang of ['da', 'en']) {
  for (const label of ['full', 'short']) {
    // The short label as a CMS may leave it, with spaces and a capital: the widget reads it so.
    BOXES[`${lang}-${label}`] = { lang, variant: 'compact', attributes: ` variant="compact"${label === 'short' ? ' label=" Short "' : ''}` };
  }
}

let server;
let browser;

before(async () => {
  server = await serve(pages(BOXES));
  browser = await launch();
  await mkdir(SCREENSHOTS, { recursive: true });
});

after(async () => {
  await browser?.close();
  await server?.close();
});

/**
 * In the page: at each of `widths`, the box's height and the parts of the line that take more
 * than one line (their text), read from the shadow root once the widget is in, else from the
 * prerendered markup.
 */
function measure(widths) {
  const column = document.querySelector('#column');
  const host = document.querySelector('digital-hotline');
  const root = host.shadowRoot ?? host;
  const parts = [...root.querySelectorAll('.name, .headline, .reason, .detail, .phone')];
  const range = document.createRange();
  const seen = widths.map((width) => {
    column.style.width = `${width}px`;
    const height = Math.round(host.getBoundingClientRect().height * 10) / 10;
    const broken = parts
      .filter((part) => part.textContent.trim() && part.getClientRects().length)
      .filter((part) => {
        range.selectNodeContents(part);
        return new Set([...range.getClientRects()].map((rect) => Math.round(rect.top))).size > 1;
      })
      .map((part) => part.textContent.trim());
    return { height, broken };
  });
  column.style.width = '224px';
  return seen;
}

for (const box of Object.keys(BOXES)) {
  test(`${box}: the compact line has the prerendered height on and around every 2026–2027 holiday, at 224–1280 px, in a web font and the fallback fonts`, async () => {
    const mismatches = [];
    const broken = new Set();
    let texts = 0;
    for (const [font, slug] of Object.entries(FONTS)) {
      const path = `/${box}-${slug}.html`;
      const plain = await openPrerendered(browser, server.origin, path, font);
      const prerendered = await plain.tab.evaluate(measure, WIDTHS);
      await plain.context.close();

      const upgraded = await open(browser, server.origin, path, { script: true });
      await upgraded.hotline.widget().rendered();
      const named = await upgraded.tab.evaluate(() => Boolean(document.querySelector('digital-hotline').shadowRoot.querySelector('.name')));
      assert.equal(named, box.endsWith('-full'), 'the name is shown unless label="short"');
      let holidays = 0;
      const measured = new Set();
      for (const moment of MOMENTS) {
        const shown = await upgraded.tab.evaluate(showMoment, moment);
        if (HOLIDAY_DATES.includes(moment.slice(0, 10))) {
          assert.ok(shown.reason, `${moment}: a holiday, but "${shown.status}"`);
          holidays += 1;
        }
        if (measured.has(shown.status)) continue;
        measured.add(shown.status);
        const seen = await upgraded.tab.evaluate(measure, WIDTHS);
        WIDTHS.forEach((width, index) => {
          const [before, after] = [prerendered[index].height, seen[index].height];
          if (Math.abs(after - before) >= 0.5) mismatches.push({ key: `${font}: "${shown.status}"`, moment, width, before, after });
          for (const text of [...prerendered[index].broken, ...seen[index].broken]) broken.add(`${font}, ${width} px: "${text}"`);
        });
      }
      assert.equal(holidays, HOLIDAY_DATES.length * TIMES.length);
      assert.deepEqual(upgraded.hotline.errors, []);
      texts += measured.size;
      await upgraded.context.close();
    }
    const summary = summarize(mismatches);
    console.log(`${box}: ${MOMENTS.length} moments (${texts} status texts over ${Object.keys(FONTS).length} fonts) × ${WIDTHS.length} widths, ${mismatches.length} heights differ, ${broken.size} parts broken across lines`, summary, [...broken].slice(0, 10));
    assert.deepEqual(summary, [], `${box}: the box changes height at upgrade`);
    assert.deepEqual([...broken], [], `${box}: a part of the line breaks`);
  });
}

test('screenshots at 224, 320, 375, 600 and 1280 px in DejaVu Sans, before the upgrade and after it on Kristi himmelfartsdag 2026 and an ordinary Monday: nothing overflows the box', async () => {
  const moments = ['2026-05-14T10:00', '2026-11-30T10:00'];
  const sizes = [];
  for (const width of [224, 320, 375, 600, 1280]) {
    for (const script of [false, true]) {
      const { tab, hotline, context } = await open(browser, server.origin, '/da-full-dejavu.html', { script });
      await tab.evaluate((w) => {
        document.querySelector('#column').style.width = `${w}px`;
      }, width);
      if (script) await hotline.widget().rendered();
      for (const moment of script ? moments : ['prerendered']) {
        if (script) await tab.evaluate(showMoment, moment);
        const { height, overflow } = await tab.evaluate(() => {
          const host = document.querySelector('digital-hotline');
          const widget = (host.shadowRoot ?? host).querySelector('.widget');
          return { height: host.getBoundingClientRect().height, overflow: widget.scrollWidth - widget.clientWidth };
        });
        sizes.push(`${width} px, ${moment}: ${height.toFixed(1)} px`);
        assert.equal(overflow, 0, `${width} px, ${moment}: the line overflows the box`);
        const name = `compact-size-${width}px-${script ? moment.slice(0, 10) : moment}.png`;
        await tab.locator('#column').screenshot({ path: new URL(name, SCREENSHOTS).pathname });
      }
      await context.close();
    }
  }
  console.log(sizes.join('\n'));
});
