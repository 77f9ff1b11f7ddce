// The released snippet (embed.html as it is; only its src/href point at this test server) on
// pages styled by a real design system: the borger.dk theme of DKFDS (npm `dkfds`), with the
// widget in the main column, a 224 px sidebar and a dark footer, at 375 and 1280 px. The wasm is
// held back until the page has painted, so the upgrade happens after the first paint, as on a
// slow line; the Layout Instability API then reports any shift it causes. The real clock runs
// (Playwright's fake one empties the performance entries): special weeks are shown with
// `preview-at`, whose label the page hides, as a visitor sees that week. The layout shift the
// upgrade causes is what counts; the page's own (its web font arriving) is logged beside it.
import assert from 'node:assert/strict';
import { mkdir, readFile, readdir } from 'node:fs/promises';
import { after, before, test } from 'node:test';

import { HotlinePage, file, launch, serve } from './support/hotline.mjs';

const manifest = JSON.parse(await readFile(new URL('../../dist/digital-hotline/release.json', import.meta.url)));
const FOLDER = `dist/digital-hotline/${manifest.version}`;
const PREFIX = `/digital-hotline/${manifest.version}/`;
const snippet = (await readFile(new URL(`../../${FOLDER}/embed.html`, import.meta.url), 'utf8'))
  .replace('href="digital-hotline.css"', `href="${PREFIX}digital-hotline.css"`)
  .replace('src="digital-hotline.js"', `src="${PREFIX}digital-hotline.js"`);
const SCREENSHOTS = new URL('../output/', import.meta.url);
const THEME = '/dkfds/css/dkfds-borgerdk.min.css';
// The page preloads the theme's fonts, as a careful host does (and bench/lighthouse.mjs's page):
// otherwise the theme's own font swap (font-display: swap) moves the whole page, box included,
// by chance before or after the upgrade, which would hide what the widget itself does.
const FONTS = ['Regular', 'Medium', 'SemiBold', 'Bold'].map((weight) => `woff2/IBMPlexSans-${weight}.woff2`)
  .map((font) => `<link rel="preload" href="/dkfds/fonts/IBMPlexSans/complete/${font}" as="font" type="font/${font.split('/')[0]}" crossorigin>`)
  .join('');

const WEEKS = {
  ordinary: null,
  christmas: '2026-12-22T10:00',
  ascension: '2027-05-04T10:00',
};

/** The snippet, showing `week` (a `preview-at` on the element, nothing else changed). */
function widget(week) {
  const at = WEEKS[week];
  return at ? snippet.replace('<digital-hotline lang="da">', `<digital-hotline lang="da" preview-at="${at}">`) : snippet;
}

/** A borger.dk-styled page (DKFDS's own classes) with the widget in `place`. */
function page(place, week) {
  const box = widget(week);
  const main = place === 'main' ? box : '';
  const side = place === 'sidebar' ? box : '';
  const foot = place === 'footer' ? box : '';
  return `<!doctype html><html lang="da"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Borgerservice – Kommune</title><link rel="icon" href="data:,">${FONTS}<link rel="stylesheet" href="${THEME}">
<style>digital-hotline::part(preview) { display: none; } digital-hotline[preview-at]::part(name) { margin-top: 0; } .sidebar { width: 224px; flex: none; } .layout { display: flex; flex-wrap: wrap; gap: 32px; }
footer.dark { color-scheme: dark; background: #1b1b1b; color: #fff; padding: 32px 16px; } footer.dark a { color: #9cc7ff; } footer.dark p { color: inherit; }</style></head>
<body><header class="header"><div class="container"><p class="h3">Kommune</p></div></header>
<div class="container page-container"><div class="layout">
<nav class="sidebar" aria-label="Undermenu"><ul class="sidenav-list"><li><a href="#">Pas og kørekort</a></li><li><a href="#">Flytning</a></li><li><a href="#">Digital post</a></li></ul>${side}</nav>
<main id="main" style="flex:1 1 20rem;min-width:0"><h1>Borgerservice</h1><p class="font-lead">Få hjælp til digital selvbetjening, NemID og MitID, Digital Post og borger.dk.</p>
${main}<h2>Åbningstider i Borgerservice</h2><p>Mandag til fredag kl. 10.00–15.00. Torsdag til kl. 17.30.</p><p>Bestil tid, før du møder op.</p></main>
</div></div>
<footer class="dark"><div class="container"><h2 class="h3" style="color:inherit">Kontakt</h2><p>Rådhuspladsen 1</p>${foot}</div></footer></body></html>`;
}

let server;
let browser;

before(async () => {
  // node_modules/dkfds/dist as /dkfds/: the theme with its fonts and images.
  const pages = {};
  const dist = new URL('../../node_modules/dkfds/dist/', import.meta.url);
  for (const path of await readdir(dist, { recursive: true })) {
    if (/\.(css|woff2?|ttf|svg|png)$/.test(path)) pages[`/dkfds/${path}`] = file(`node_modules/dkfds/dist/${path}`);
  }
  for (const name of ['js', 'wasm', 'css']) pages[`${PREFIX}digital-hotline.${name}`] = file(`${FOLDER}/digital-hotline.${name}`);
  for (const place of ['main', 'sidebar', 'footer']) {
    for (const week of Object.keys(WEEKS)) pages[`/${place}-${week}.html`] = page(place, week);
  }
  server = await serve(pages);
  browser = await launch();
  await mkdir(SCREENSHOTS, { recursive: true });
});

after(async () => {
  await browser?.close();
  await server?.close();
});

/** Everything measured in the page, after the widget has rendered. */
function measure() {
  const host = document.querySelector('digital-hotline');
  const root = host.shadowRoot;
  const box = root.querySelector('.widget');
  const rgb = (colour) => colour.match(/[\d.]+/g).slice(0, 3).map(Number);
  const luminance = (colour) => {
    const [r, g, b] = rgb(colour).map((v) => {
      const c = v / 255;
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const contrast = (a, b) => {
    const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p);
    return (x + 0.05) / (y + 0.05);
  };
  const background = getComputedStyle(box).backgroundColor;
  const texts = [...root.querySelectorAll('.name, .headline, .detail, .phone, .line, .more, .week caption, .week th, .week td')]
    .filter((element) => element.getClientRects().length)
    .map((element) => contrast(getComputedStyle(element).color, background));
  const icon = root.querySelector('.icon');
  const iconContrast = Math.max(
    contrast(getComputedStyle(icon).borderTopColor, background),
    contrast(getComputedStyle(icon).backgroundColor, background),
  );
  // On one line: all of its boxes at one height (a span with a span inside has two).
  const broken = [...root.querySelectorAll('.nowrap, .hours, .day-note, .phone, .today-mark, .more, .headline')]
    .filter((element) => new Set([...element.getClientRects()].map((rect) => Math.round(rect.top))).size > 1)
    .map((element) => element.textContent.trim());
  return {
    width: host.getBoundingClientRect().width,
    height: host.getBoundingClientRect().height,
    boxOverflow: box.scrollWidth - box.clientWidth,
    pageOverflow: document.documentElement.scrollWidth - document.documentElement.clientWidth,
    textContrast: Math.min(...texts),
    iconContrast,
    broken,
    line: root.querySelector('.changes .line-box').innerText.replace(/\s+/g, ' ').trim(),
    cls: window.__cls,
    upgradeCls: window.__upgradeCls,
    shifts: window.__shifts,
  };
}

async function visit(place, week, viewport) {
  const context = await browser.newContext({ viewport: { width: viewport, height: 900 } });
  const tab = await context.newPage();
  await tab.addInitScript(() => {
    window.__cls = 0;
    window.__upgradeCls = 0;
    window.__shifts = [];
    const name = (node) => (node?.nodeType === 1 ? `${node.localName}${node.id ? `#${node.id}` : ''}.${node.className}` : String(node?.nodeName));
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) {
        if (entry.hadRecentInput) continue;
        window.__cls += entry.value;
        if (window.__released !== undefined && entry.startTime >= window.__released) window.__upgradeCls += entry.value;
        window.__shifts.push(`${entry.value.toFixed(4)} at ${Math.round(entry.startTime)} ms: ${entry.sources.map((source) => name(source.node)).join(', ')}`);
      }
    }).observe({ type: 'layout-shift', buffered: true });
  });
  let release;
  const held = new Promise((resolve) => {
    release = resolve;
  });
  await tab.route('**/*.wasm', async (route) => {
    await held;
    await route.continue();
  });
  const hotline = new HotlinePage(tab);
  await tab.goto(`${server.origin}/${place}-${week}.html`, { waitUntil: 'load' });
  // Two frames: the page (and the prerendered box) has painted before the wasm arrives.
  await tab.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
  const firstHeight = await tab.evaluate(() => {
    window.__released = performance.now();
    return document.querySelector('digital-hotline').getBoundingClientRect().height;
  });
  release();
  // A preview claims no state (no `state` attribute): wait for the status the wasm drew.
  await tab.locator('digital-hotline .status.open, digital-hotline .status.closed').first().waitFor();
  await tab.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
  const result = { firstHeight, ...(await tab.evaluate(measure)) };
  await tab.screenshot({ path: new URL(`dkfds-${place}-${viewport}px-${week}.png`, SCREENSHOTS).pathname, fullPage: true });
  assert.deepEqual(hotline.errors, []);
  await context.close();
  return result;
}

for (const place of ['main', 'sidebar', 'footer']) {
  for (const viewport of [375, 1280]) {
    test(`DKFDS borger.dk page, widget in the ${place} at ${viewport} px: no layout shift in any week, readable, nothing broken`, async () => {
      for (const week of Object.keys(WEEKS)) {
        const m = await visit(place, week, viewport);
        console.log(`${place} ${viewport} px ${week}: CLS of the upgrade ${m.upgradeCls.toFixed(4)}, of the page ${m.cls.toFixed(4)}, ${m.firstHeight.toFixed(1)} → ${m.height.toFixed(1)} px, width ${m.width}, "${m.line}"`, m.shifts);
        const id = `${place} ${viewport} px ${week}`;
        // The page's own shifts (the theme's web font replacing the fallback font moves all text,
        // the prerendered box's too) come before; what the widget's upgrade adds is measured.
        assert.ok(m.upgradeCls <= 0.01, `${id}: CLS ${m.upgradeCls}`);
        assert.ok(Math.abs(m.firstHeight - m.height) < 0.5, `${id}: ${m.firstHeight} → ${m.height} px`);
        if (m.width <= 224) assert.ok(m.height <= 320, `${id}: ${m.height} px tall`);
        assert.ok(m.textContrast >= 4.5, `${id}: text contrast ${m.textContrast}`);
        assert.ok(m.iconContrast >= 3, `${id}: icon contrast ${m.iconContrast}`);
        assert.ok(m.boxOverflow <= 0 && m.pageOverflow <= 0, `${id}: overflow ${m.boxOverflow} / ${m.pageOverflow}`);
        assert.deepEqual(m.broken, [], `${id}: broken across lines`);
        if (week === 'christmas') assert.match(m.line, /^\+4 flere tors\. 24\.12\.: Lukket – Juleaftensdag$/);
      }
    });
  }
}
