// The box rendered ahead of time (the release's fallback markup, styled by its page stylesheet)
// against the widget that replaces it, on every 2026 and 2027 day the built-in hours close for a
// holiday and the days either side, at the times whose status texts are longest, in both
// languages, at every 8 px from 224 to 1280 px, in a web font (IBM Plex Sans, the
// borger.dk theme's) and in the Linux fallback fonts (DejaVu Sans, one of the widest; Liberation
// Sans, Arial's metrics): the widget must have the prerendered box's height in every case, or the
// page moves when it upgrades. `preview-at` puts the widget on each moment; its label is hidden,
// as the DKFDS test does, because a visitor never sees it. The full box only: the compact line
// reserves nothing for its status yet (see the README's "Narrow places").
import assert from 'node:assert/strict';
import { mkdir, readFile } from 'node:fs/promises';
import { after, before, test } from 'node:test';

import { HotlinePage, file, launch, serve } from './support/hotline.mjs';

const manifest = JSON.parse(await readFile(new URL('../../dist/digital-hotline/release.json', import.meta.url)));
const FOLDER = `dist/digital-hotline/${manifest.version}`;
const PREFIX = `/digital-hotline/${manifest.version}/`;
const snippet = (await readFile(new URL(`../../${FOLDER}/embed.html`, import.meta.url), 'utf8'))
  .replace('href="digital-hotline.css"', `href="${PREFIX}digital-hotline.css"`)
  .replace('src="digital-hotline.js"', `src="${PREFIX}digital-hotline.js"`);
const { fallbacks } = JSON.parse(await readFile(new URL('../../dist/digital-hotline/fallbacks.json', import.meta.url)));
const SCREENSHOTS = new URL('../output/', import.meta.url);
const PLEX = '/dkfds/fonts/IBMPlexSans/complete/woff2/IBMPlexSans';
const FONTS = { 'IBM Plex Sans': 'plex', 'DejaVu Sans': 'dejavu', 'Liberation Sans': 'liberation' };

/** The days the built-in hours close for a holiday (DESIGN §3), 2026 and 2027. */
const HOLIDAYS = {
  2026: ['01-01', '04-02', '04-03', '04-05', '04-06', '05-14', '05-24', '05-25', '06-05', '12-24', '12-25', '12-26', '12-31'],
  2027: ['01-01', '03-25', '03-26', '03-28', '03-29', '05-06', '05-16', '05-17', '06-05', '12-24', '12-25', '12-26', '12-31'],
};

/** `date` (YYYY-MM-DD) moved by `days`. */
function shifted(date, days) {
  const day = new Date(`${date}T12:00:00Z`);
  day.setUTCDate(day.getUTCDate() + days);
  return day.toISOString().slice(0, 10);
}

const HOLIDAY_DATES = Object.entries(HOLIDAYS).flatMap(([year, days]) => days.map((day) => `${year}-${day}`));
const DATES = [...new Set(HOLIDAY_DATES.flatMap((date) => [shifted(date, -1), date, shifted(date, 1)]))].sort();
// Closed before opening ("Åbner i dag kl. 9.00"), open ("Lukker kl. 21.00"), closing soon on a
// Friday and on other days ("Lukker snart – kl. 17.00" / "kl. 21.00"), closed after ("Åbner i
// morgen kl. 17.00" on a Saturday, "Åbner søndag kl. 17.00" on a holiday Friday).
const TIMES = ['08:00', '10:00', '16:45', '20:45', '22:00'];
const MOMENTS = DATES.flatMap((date) => TIMES.map((time) => `${date}T${time}`));
const WIDTHS = Array.from({ length: (1280 - 224) / 8 + 1 }, (_, index) => 224 + index * 8);

/** The release's snippet in `lang`: embed.html with the full box of that language inside. */
function box(lang) {
  return snippet.replace(/<digital-hotline lang="da">[\s\S]*<\/digital-hotline>/, `<digital-hotline lang="${lang}">\n${fallbacks[`${lang}-full`]}\n</digital-hotline>`);
}

/** A page set in `font`, with the box in `lang` in a column whose width the test sets. */
function page(lang, font) {
  return `<!doctype html><html lang="da"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">
<title>Status size</title><link rel="icon" href="data:,">
<style>@font-face { font-family: 'IBM Plex Sans'; font-weight: 400; src: url(${PLEX}-Regular.woff2) format('woff2'); }
@font-face { font-family: 'IBM Plex Sans'; font-weight: 700; src: url(${PLEX}-Bold.woff2) format('woff2'); }
body { margin: 0; font: 16px/1.5 '${font}'; }
digital-hotline::part(preview) { display: none; } digital-hotline[preview-at]::part(name) { margin-top: 0; }</style></head>
<body><div id="column" style="width:224px">${box(lang)}</div></body></html>`;
}

let server;
let browser;

before(async () => {
  const pages = {};
  for (const weight of ['Regular', 'Bold']) pages[`${PLEX}-${weight}.woff2`] = file(`node_modules/dkfds/dist/fonts/IBMPlexSans/complete/woff2/IBMPlexSans-${weight}.woff2`);
  for (const name of ['js', 'wasm', 'css']) pages[`${PREFIX}digital-hotline.${name}`] = file(`${FOLDER}/digital-hotline.${name}`);
  for (const lang of ['da', 'en']) {
    for (const [font, slug] of Object.entries(FONTS)) pages[`/${lang}-${slug}.html`] = page(lang, font);
  }
  server = await serve(pages);
  browser = await launch();
  await mkdir(SCREENSHOTS, { recursive: true });
});

after(async () => {
  await browser?.close();
  await server?.close();
});

/** In the page: the box's height at each of `widths`, as the column is set to each. */
function heights(widths) {
  const column = document.querySelector('#column');
  const host = document.querySelector('digital-hotline');
  const seen = widths.map((width) => {
    column.style.width = `${width}px`;
    return Math.round(host.getBoundingClientRect().height * 10) / 10;
  });
  column.style.width = '224px';
  return seen;
}

/** In the page: puts the widget on `moment` and waits until it has drawn it. */
async function showMoment(moment) {
  const host = document.querySelector('digital-hotline');
  const label = () => host.shadowRoot?.querySelector('.preview')?.textContent ?? '';
  const [date, time] = moment.split('T');
  const day = Number(date.slice(8));
  // The label names the moment: "… 24. december kl. 10.00" / "… 24 December at 10:00".
  const wanted = new RegExp(`\\b${day}\\.? \\S+ (kl\\.|at) ${Number(time.slice(0, 2))}[.:]${time.slice(3)}$`);
  host.setAttribute('preview-at', moment);
  for (let frames = 0; !(wanted.test(label()) && host.shadowRoot.querySelector('.status.open, .status.closed')); frames += 1) {
    if (frames > 600) throw new Error(`${moment} not drawn: "${label()}"`);
    await new Promise((resolve) => requestAnimationFrame(resolve));
  }
  const status = host.shadowRoot.querySelector('.status');
  return { status: status.textContent.replace(/\s+/g, ' ').trim(), reason: status.querySelector('.reason')?.textContent ?? null };
}

async function open(path, { script }) {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  const tab = await context.newPage();
  if (!script) await tab.route('**/digital-hotline.js', (route) => route.abort());
  const hotline = new HotlinePage(tab);
  await tab.goto(`${server.origin}${path}`);
  await tab.evaluate(() => Promise.all([document.fonts.load('400 16px "IBM Plex Sans"'), document.fonts.load('700 16px "IBM Plex Sans"')]));
  return { tab, hotline, context };
}

for (const lang of ['da', 'en']) {
  test(`${lang}: the widget has the prerendered box's height on and around every 2026–2027 holiday, at 224–1280 px, in a web font and the fallback fonts`, async () => {
    const mismatches = [];
    for (const [font, slug] of Object.entries(FONTS)) {
      const path = `/${lang}-${slug}.html`;
      const plain = await open(path, { script: false });
      assert.equal(await plain.tab.evaluate(() => document.querySelector('digital-hotline').shadowRoot), null, 'the script was blocked');
      const family = await plain.tab.evaluate(() => getComputedStyle(document.querySelector('.widget')).fontFamily);
      assert.match(family, new RegExp(font), `${path}: the box is set in ${font}`);
      if (font === 'IBM Plex Sans') assert.ok(await plain.tab.evaluate(() => document.fonts.check('700 16px "IBM Plex Sans"')), 'the web font is in');
      const prerendered = await plain.tab.evaluate(heights, WIDTHS);
      await plain.context.close();

      const upgraded = await open(path, { script: true });
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
            mismatches.push({ font, moment, width, before: prerendered[index], after: seen[index], status: shown.status });
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

/** The mismatches grouped by font and status text: the widths where each happens, the heights. */
function summarize(mismatches) {
  const groups = new Map();
  for (const m of mismatches) {
    const key = `${m.font}: "${m.status}"`;
    const group = groups.get(key) ?? { key, widths: [], moments: new Set(), change: new Set() };
    if (!group.widths.includes(m.width)) group.widths.push(m.width);
    group.moments.add(m.moment);
    group.change.add(`${m.before} → ${m.after}`);
    groups.set(key, group);
  }
  return [...groups.values()].map((group) => {
    const moments = [...group.moments];
    const changes = [...group.change];
    return `${group.key} at ${Math.min(...group.widths)}–${Math.max(...group.widths)} px (${group.widths.length} widths; ${moments.slice(0, 2).join(', ')}${moments.length > 2 ? ` +${moments.length - 2}` : ''}): ${changes.slice(0, 2).join(', ')}${changes.length > 2 ? ' …' : ''}`;
  });
}

test('screenshots: 2. juledag 2026 (next opening "i morgen kl. 17.00") at 375 and 224 px, before and after the upgrade, in DejaVu Sans', async () => {
  for (const width of [375, 224]) {
    for (const script of [false, true]) {
      const { tab, hotline, context } = await open('/da-dejavu.html', { script });
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
