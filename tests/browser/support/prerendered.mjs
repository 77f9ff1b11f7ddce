// What the tests of the prerendered box share (status-size.test.mjs for the full box,
// compact-size.test.mjs for the compact line): the release's snippet with the box of any language
// and variant inside, pages set in a web font and the Linux fallback fonts, the moments whose
// status texts are longest, and the in-page helpers that show a moment and measure the box.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';

import { HotlinePage, file } from './hotline.mjs';

const manifest = JSON.parse(await readFile(new URL('../../../dist/digital-hotline/release.json', import.meta.url)));
const FOLDER = `dist/digital-hotline/${manifest.version}`;
const PREFIX = `/digital-hotline/${manifest.version}/`;
const snippet = (await readFile(new URL(`../../../${FOLDER}/embed.html`, import.meta.url), 'utf8'))
  .replace('href="digital-hotline.css"', `href="${PREFIX}digital-hotline.css"`)
  .replace('src="digital-hotline.js"', `src="${PREFIX}digital-hotline.js"`);
const { fallbacks } = JSON.parse(await readFile(new URL('../../../dist/digital-hotline/fallbacks.json', import.meta.url)));
const PLEX = '/dkfds/fonts/IBMPlexSans/complete/woff2/IBMPlexSans';

/** A web font (IBM Plex Sans, the borger.dk theme's) and two Linux fallback fonts (DejaVu Sans,
 * one of the widest; Liberation Sans, Arial's metrics), with the slug of their page. */
export const FONTS = { 'IBM Plex Sans': 'plex', 'DejaVu Sans': 'dejavu', 'Liberation Sans': 'liberation' };

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

export const HOLIDAY_DATES = Object.entries(HOLIDAYS).flatMap(([year, days]) => days.map((day) => `${year}-${day}`));
const DATES = [...new Set(HOLIDAY_DATES.flatMap((date) => [shifted(date, -1), date, shifted(date, 1)]))].sort();
// Closed before opening ("Åbner i dag kl. 9.00"), open ("Lukker kl. 21.00"), closing soon on a
// Friday and on other days ("Lukker snart – kl. 17.00" / "kl. 21.00"), closed after ("Åbner i
// morgen kl. 17.00" on a Saturday, "Åbner søndag kl. 17.00" on a holiday Friday).
export const TIMES = ['08:00', '10:00', '16:45', '20:45', '22:00'];
/** Every 2026–2027 holiday the built-in hours close for and the days either side, at `TIMES`. */
export const MOMENTS = DATES.flatMap((date) => TIMES.map((time) => `${date}T${time}`));

/** Every `step` px from 224 (a sidebar) to 1280. */
export function widths(step) {
  return Array.from({ length: (1280 - 224) / step + 1 }, (_, index) => 224 + index * step);
}

/** The release's snippet with the box of `lang` and `variant` inside, on an element with
 * `attributes` (` variant="compact"` …) as a web team writes them. */
function box(lang, variant, attributes) {
  return snippet.replace(
    /<digital-hotline lang="da">[\s\S]*<\/digital-hotline>/,
    `<digital-hotline lang="${lang}"${attributes}>\n${fallbacks[`${lang}-${variant}`]}\n</digital-hotline>`,
  );
}

/** A page set in `font`, with the box in a column whose width the test sets. The preview label
 * is hidden, as the DKFDS test does, because a visitor never sees it. */
function page(font, content) {
  return `<!doctype html><html lang="da"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">
<title>Status size</title><link rel="icon" href="data:,">
<style>@font-face { font-family: 'IBM Plex Sans'; font-weight: 400; src: url(${PLEX}-Regular.woff2) format('woff2'); }
@font-face { font-family: 'IBM Plex Sans'; font-weight: 700; src: url(${PLEX}-Bold.woff2) format('woff2'); }
body { margin: 0; font: 16px/1.5 '${font}'; }
digital-hotline::part(preview) { display: none; } digital-hotline[preview-at]::part(name) { margin-top: 0; }</style></head>
<body><div id="column" style="width:224px">${content}</div></body></html>`;
}

/**
 * The test server's pages: the release's files, the web font, and `/{slug}-{font slug}.html`
 * for each of `boxes` (`{ slug: { lang, variant, attributes } }`) in each of `FONTS`.
 */
export function pages(boxes) {
  const routes = {};
  for (const weight of ['Regular', 'Bold']) routes[`${PLEX}-${weight}.woff2`] = file(`node_modules/dkfds/dist/fonts/IBMPlexSans/complete/woff2/IBMPlexSans-${weight}.woff2`);
  for (const name of ['js', 'wasm', 'css']) routes[`${PREFIX}digital-hotline.${name}`] = file(`${FOLDER}/digital-hotline.${name}`);
  for (const [slug, { lang, variant, attributes = '' }] of Object.entries(boxes)) {
    for (const [font, fontSlug] of Object.entries(FONTS)) routes[`/${slug}-${fontSlug}.html`] = page(font, box(lang, variant, attributes));
  }
  return routes;
}

/** Opens `path` in a fresh context, with the widget's script or without it (blocked, as by a
 * failed request), once the web font is in. */
export async function open(browser, origin, path, { script }) {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  const tab = await context.newPage();
  if (!script) await tab.route('**/digital-hotline.js', (route) => route.abort());
  const hotline = new HotlinePage(tab);
  await tab.goto(`${origin}${path}`);
  await tab.evaluate(() => Promise.all([document.fonts.load('400 16px "IBM Plex Sans"'), document.fonts.load('700 16px "IBM Plex Sans"')]));
  return { tab, hotline, context };
}

/**
 * `open` without the script, checked: the box is the prerendered one (no shadow root), set
 * in `font`, with the web font loaded when that is the font.
 */
export async function openPrerendered(browser, origin, path, font) {
  const plain = await open(browser, origin, path, { script: false });
  assert.equal(await plain.tab.evaluate(() => document.querySelector('digital-hotline').shadowRoot), null, 'the script was blocked');
  const family = await plain.tab.evaluate(() => getComputedStyle(document.querySelector('.widget')).fontFamily);
  assert.match(family, new RegExp(font), `${path}: the box is set in ${font}`);
  if (font === 'IBM Plex Sans') assert.ok(await plain.tab.evaluate(() => document.fonts.check('700 16px "IBM Plex Sans"')), 'the web font is in');
  return plain;
}

/** In the page: the box's height at each of `widths`, as the column is set to each. */
export function heights(widths) {
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
export async function showMoment(moment) {
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
  const text = [...status.children].map((part) => part.textContent.replace(/\s+/g, ' ').trim()).filter(Boolean).join(' ');
  return { status: text, reason: status.querySelector('.reason')?.textContent ?? null };
}

/** Mismatches (`{ key, moment, width, before, after }`) grouped by `key` (a font and a status
 * text): the widths where each happens, the moments, the heights. */
export function summarize(mismatches) {
  const groups = new Map();
  for (const m of mismatches) {
    const group = groups.get(m.key) ?? { key: m.key, widths: [], moments: new Set(), change: new Set() };
    if (!group.widths.includes(m.width)) group.widths.push(m.width);
    group.moments.add(m.moment);
    group.change.add(`${m.before} → ${m.after}`);
    groups.set(m.key, group);
  }
  return [...groups.values()].map((group) => {
    const moments = [...group.moments];
    const changes = [...group.change];
    return `${group.key} at ${Math.min(...group.widths)}–${Math.max(...group.widths)} px (${group.widths.length} widths; ${moments.slice(0, 2).join(', ')}${moments.length > 2 ? ` +${moments.length - 2}` : ''}): ${changes.slice(0, 2).join(', ')}${changes.length > 2 ? ' …' : ''}`;
  });
}
