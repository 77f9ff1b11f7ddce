// The released snippet (embed.html as it is; only its src/href point at this test server) on
// pages styled by a real design system: the borger.dk theme of DKFDS (npm `dkfds`), with the
// widget in the main column, a 224 px sidebar and a dark footer, at 375 and 1280 px. The wasm is
// held back until the page has painted, so the upgrade happens after the first paint, as on a
// slow line; the Layout Instability API then reports any shift it causes. The real clock runs
// (Playwright's fake one empties the performance entries): special weeks are shown with
// `preview-at`, whose label the page hides, as a visitor sees that week. Both count: the shift
// of the upgrade and the page's whole layout shift.
//
// In the footer the snippet's stylesheet link is in the page's <head>, as the README advises
// there: Chrome stops parsing at a stylesheet link in the body until the stylesheet arrives, and
// paints what it has meanwhile; DKFDS holds its footer to the bottom of a short page, so the
// footer painted without the box jumps up by the box's height when it comes (0.10 at 375 px, 0.17
// at 1280). The last test shows that, and that the page without the widget does not move.
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
// otherwise the theme's own font swap (font-display: swap) reflows the text, the box's included.
// The files the theme actually uses: for weight 400 it lists WOFF before WOFF2, so browsers
// take the WOFF (a preloaded WOFF2 would go unused and the swap would come late).
const FONTS = ['woff/IBMPlexSans-Regular.woff', ...['Medium', 'SemiBold', 'Bold'].map((weight) => `woff2/IBMPlexSans-${weight}.woff2`)]
  .map((font) => `<link rel="preload" href="/dkfds/fonts/IBMPlexSans/complete/${font}" as="font" type="font/${font.split('/')[0]}" crossorigin>`)
  .join('');
const LINK = /<link rel="stylesheet"[^>]*>\n/;
const SCRIPT = /<script [^>]*><\/script>\n/;

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

/**
 * A borger.dk-styled page (DKFDS's own classes) with `box` (the snippet showing `week`) in
 * `place`; in the footer its stylesheet link goes to the <head> unless `inBody`.
 */
function page(place, week, { box = widget(week), inBody = false } = {}) {
  const head = place === 'footer' && !inBody ? (box.match(LINK)?.[0] ?? '') : '';
  if (head) box = box.replace(LINK, '');
  const main = place === 'main' ? box : '';
  const side = place === 'sidebar' ? box : '';
  const foot = place === 'footer' ? box : '';
  return `<!doctype html><html lang="da"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Borgerservice – Kommune</title><link rel="icon" href="data:,">${FONTS}<link rel="stylesheet" href="${THEME}">${head}
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
  pages['/footer-none.html'] = page('footer', 'ordinary', { box: '' });
  pages['/footer-fallback.html'] = page('footer', 'ordinary', { box: snippet.replace(SCRIPT, '') });
  pages['/footer-in-body.html'] = page('footer', 'ordinary', { inBody: true });
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

/** In the page before its own scripts: sums every layout shift, and those after `__released`. */
function observeShifts() {
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
}

/**
 * The theme's stylesheet (which blocks the first paint) waits until the preloaded fonts are in:
 * the page paints in its web font, as a preload means it to. Otherwise, on a busy machine, a font
 * can come after the first paint, and the page's own text, reflowing, moves the box with it (up
 * to 0.02 at 375 px when the page's fonts are held 400 ms): the page's shift, not the box's. That
 * the box itself keeps its size in either font is the test after these.
 */
async function fontsFirst(tab) {
  let count = 0;
  const fonts = new Promise((resolve) => {
    tab.on('requestfinished', (request) => {
      if (request.url().includes('/fonts/') && (count += 1) === FONTS.split('<link').length - 1) resolve();
    });
  });
  await tab.route(`**${THEME}`, async (route) => {
    await fonts;
    await route.continue();
  });
}

/** Two frames: what the page has so far has been painted. */
function painted(tab) {
  return tab.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
}

async function visit(place, week, viewport) {
  const context = await browser.newContext({ viewport: { width: viewport, height: 900 } });
  const tab = await context.newPage();
  await tab.addInitScript(observeShifts);
  await fontsFirst(tab);
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
        assert.ok(m.upgradeCls <= 0.01, `${id}: CLS of the upgrade ${m.upgradeCls}`);
        assert.ok(m.cls <= 0.01, `${id}: CLS of the page ${m.cls}: ${m.shifts}`);
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

/**
 * Opens `path` and returns the page's layout shifts once it has loaded and painted; with
 * `stylesheet` held, the snippet's stylesheet arrives only after the page has painted (as from a
 * slow CDN).
 */
async function pageShift(path, viewport, { holdStylesheet = false } = {}) {
  const context = await browser.newContext({ viewport: { width: viewport, height: 900 } });
  const tab = await context.newPage();
  await tab.addInitScript(observeShifts);
  await fontsFirst(tab);
  let release = () => {};
  if (holdStylesheet) {
    const held = new Promise((resolve) => {
      release = resolve;
    });
    await tab.route('**/digital-hotline.css', async (route) => {
      await held;
      await route.continue();
    });
  }
  await tab.goto(`${server.origin}${path}`, { waitUntil: 'commit' });
  await tab.locator('footer p').first().waitFor();
  await painted(tab);
  release();
  await tab.waitForLoadState('load');
  if (path === '/footer-in-body.html') await tab.locator('digital-hotline[state]').waitFor();
  await painted(tab);
  const seen = await tab.evaluate(() => ({ cls: window.__cls, shifts: window.__shifts }));
  await context.close();
  return seen;
}

test('DKFDS footer: the page does not move without the widget or with its fallback; with the stylesheet link in the body, the footer jumps when it arrives late', async () => {
  for (const viewport of [375, 1280]) {
    const none = await pageShift('/footer-none.html', viewport);
    const fallback = await pageShift('/footer-fallback.html', viewport);
    const inBody = await pageShift('/footer-in-body.html', viewport, { holdStylesheet: true });
    console.log(`footer ${viewport} px: CLS of the page without the widget ${none.cls.toFixed(4)}, fallback only ${fallback.cls.toFixed(4)}, stylesheet link in the body and late ${inBody.cls.toFixed(4)}`, inBody.shifts);
    assert.ok(none.cls <= 0.01, `${viewport} px without the widget: ${none.shifts}`);
    assert.ok(fallback.cls <= 0.01, `${viewport} px, fallback only: ${fallback.shifts}`);
    // The control: the measurement sees the footer painted without the box and then moved.
    assert.ok(inBody.cls > 0.05, `${viewport} px, link in the body: ${inBody.cls}`);
    assert.match(inBody.shifts.join('\n'), /: footer\.dark$/m);
  }
});

/** The box's height and where its parts start, in the light DOM before the wasm or in the shadow root after. */
function boxLayout() {
  const host = document.querySelector('digital-hotline');
  const root = host.shadowRoot ?? host;
  const top = host.getBoundingClientRect().top;
  const at = (selector) => {
    const element = [...root.querySelectorAll(selector)].find((candidate) => candidate.checkVisibility());
    // An empty span (the prerendered detail) sits wherever the font's metrics put nothing.
    if (!element.textContent) return 'empty';
    return Math.round((element.getBoundingClientRect().top - top) * 10) / 10;
  };
  return {
    height: Math.round(host.getBoundingClientRect().height * 10) / 10,
    parts: { status: at('.status'), detail: at('.detail'), phone: at('.phone'), changes: at('.changes'), week: at('table.week'), hours: at('.week td') },
  };
}

test("DKFDS pages: the box has the same size, its parts the same places, in the page's fallback font as in its web font", async () => {
  for (const place of ['main', 'sidebar', 'footer']) {
    for (const viewport of [375, 1280]) {
      const seen = {};
      for (const fonts of ['web font', 'fallback font']) {
        const context = await browser.newContext({ viewport: { width: viewport, height: 900 } });
        const tab = await context.newPage();
        // Without the theme's fonts, the page and the box are set in its fallback (system-ui).
        if (fonts === 'fallback font') await tab.route('**/fonts/**', (route) => route.abort());
        let release;
        const held = new Promise((resolve) => {
          release = resolve;
        });
        await tab.route('**/*.wasm', async (route) => {
          await held;
          await route.continue();
        });
        await tab.goto(`${server.origin}/${place}-ordinary.html`, { waitUntil: 'load' });
        await tab.evaluate(() => document.fonts.ready);
        const loaded = await tab.evaluate(() => [...document.fonts].filter((font) => font.status === 'loaded').length);
        assert.equal(loaded > 0, fonts === 'web font', `${place} ${viewport} px: ${loaded} fonts loaded`);
        const prerendered = await tab.evaluate(boxLayout);
        release();
        await tab.locator('digital-hotline[state]').waitFor();
        seen[fonts] = { prerendered, widget: await tab.evaluate(boxLayout) };
        await context.close();
      }
      const id = `${place} at ${viewport} px`;
      console.log(`${id}:`, JSON.stringify(seen));
      assert.deepEqual(seen['fallback font'], seen['web font'], id);
      assert.equal(seen['web font'].prerendered.height, seen['web font'].widget.height, id);
    }
  }
});
