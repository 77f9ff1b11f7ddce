// The widget as a guest on someone else's page (issue 10): the page's colour scheme and font,
// contrast whatever subset of colours a web team sets, the compact line naming the hotline,
// and the narrow layout of a 224 px sidebar.
import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import { after, before, test } from 'node:test';
import { gzipSync } from 'node:zlib';

import { HotlinePage, bundle, embed, file, hostPage, launch, openAt, serve } from './support/hotline.mjs';

const SCREENSHOTS = new URL('../output/', import.meta.url);
const ORDINARY = '2026-11-26T10:00:00+01:00';
const CHRISTMAS_WEEK = '2026-12-21T10:00:00+01:00';
const CHRISTMAS_EVE = '2026-12-24T10:00:00+01:00';

/** Two coherent themes a web team might write; any subset of either must keep contrast. */
const THEMES = {
  light: { background: '#f5f9fc', color: '#1b1b1b', 'link-color': '#004b6b', 'open-color': '#0b6b2e', 'closed-color': '#a4141c' },
  dark: { background: '#002e42', color: '#ffffff', 'link-color': '#9cd6ff', 'open-color': '#5fd38a', 'closed-color': '#ff8a8f' },
};

/** Where the widget sits: a plain light page, a page that declares it is dark, a dark footer that does not. */
const SURROUNDINGS = {
  'light page': 'background:#ffffff;color:#1b1b1b',
  'dark page (color-scheme: dark)': 'background:#121212;color:#f2f2f2;color-scheme:dark',
  'dark footer (no color-scheme)': 'background:#1b1b1b;color:#ffffff',
};

function subsets(theme) {
  const names = Object.keys(theme);
  return Array.from({ length: 2 ** names.length }, (_, mask) =>
    Object.fromEntries(names.filter((_, bit) => mask & (1 << bit)).map((name) => [name, theme[name]])),
  );
}

function styleOf(properties) {
  return Object.entries(properties)
    .map(([name, value]) => `--dh-${name}:${value}`)
    .join(';');
}

function matrixPage(surrounding, state) {
  const widgets = [];
  for (const [themeName, theme] of Object.entries(THEMES)) {
    for (const subset of subsets(theme)) {
      const id = `${themeName}:${Object.keys(subset).join(',') || 'none'}`;
      widgets.push(`<div style="${SURROUNDINGS[surrounding]};padding:8px">
        ${embed({ id: `w${widgets.length}` }).replace('<digital-hotline', `<digital-hotline data-case="${id}" data-state="${state}" style="${styleOf(subset)}"`)}
      </div>`);
    }
  }
  return hostPage(widgets.join('\n'));
}

let server;
let browser;

before(async () => {
  const pages = {
    '/themes.html': hostPage(`
      <div id="light">${embed({ id: 'plain' })}</div>
      <div id="dark-page" style="color-scheme:dark;background:#121212">${embed({ id: 'in-dark-page' })}</div>
      ${embed({ id: 'theme-dark' }).replace('<digital-hotline', '<digital-hotline theme="dark"')}
      ${embed({ id: 'theme-auto' }).replace('<digital-hotline', '<digital-hotline theme="auto"')}
      <div style="color-scheme:dark">${embed({ id: 'theme-light' }).replace('<digital-hotline', '<digital-hotline theme="light"')}</div>`),
    '/fonts.html': hostPage(`
      <div style="font-family:Arial, sans-serif;font-size:18px">${embed({ id: 'arial' })}</div>
      <div style="font-family:Arial;font-size:18px">${embed({ id: 'override' }).replace('<digital-hotline', '<digital-hotline style="--dh-font: Georgia, serif; --dh-font-size: 14px"')}</div>`),
    '/compact.html': hostPage(`
      ${embed({ id: 'named', variant: 'compact' })}
      ${embed({ id: 'short', variant: 'compact' }).replace('<digital-hotline', '<digital-hotline label="short"')}
      ${embed({ id: 'english', variant: 'compact', lang: 'en' })}
      ${embed({ id: 'wrong', variant: 'compact' }).replace('<digital-hotline', '<digital-hotline label="tiny"')}`),
    '/sidebar.html': hostPage(`
      <div style="width:224px;font-family:Arial, sans-serif">${embed({ id: 'da' })}</div>
      <div style="width:224px;font-family:Arial, sans-serif">${embed({ id: 'en', lang: 'en' })}</div>`),
  };
  // The shared server gzips what it serves; this folder sends the wasm as a bare server would.
  Object.assign(pages, bundle('/plain/', 'dist'));
  pages['/plain-wasm.html'] = hostPage(`${embed({ id: 'a' })}${embed({ id: 'b' })}`, { script: '/plain/digital-hotline.js' });
  pages['/plain/hotline.json'] = file('src/config/hotline.json');
  pages['/plain-config.html'] = hostPage(`${embed({ id: 'a', config: '/plain/hotline.json' })}${embed({ id: 'b' })}`, {
    script: '/plain/digital-hotline.js',
  });
  pages['/gzip/digital-hotline.js'] = file('dist/digital-hotline.js');
  pages['/gzip/digital-hotline.wasm'] = file('dist/digital-hotline.wasm', {
    transform: (bytes) => gzipSync(bytes),
    headers: { 'content-encoding': 'gzip' },
  });
  pages['/gzip/page.html'] = hostPage(embed({ id: 'a' }), { script: '/gzip/digital-hotline.js' });
  for (const surrounding of Object.keys(SURROUNDINGS)) {
    for (const state of ['open', 'closed']) {
      pages[`/matrix-${Object.keys(SURROUNDINGS).indexOf(surrounding)}-${state}.html`] = matrixPage(surrounding, state);
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

/** Computed colours of a widget's box, text and icon, as sRGB through a canvas. */
function colours(selector) {
  const canvas = document.createElement('canvas');
  canvas.width = canvas.height = 1;
  const context = canvas.getContext('2d', { willReadFrequently: true });
  const rgb = (css) => {
    context.clearRect(0, 0, 1, 1);
    context.fillStyle = '#000';
    context.fillStyle = css;
    context.fillRect(0, 0, 1, 1);
    return [...context.getImageData(0, 0, 1, 1).data];
  };
  return [...document.querySelectorAll(selector)].map((host) => {
    const root = host.shadowRoot;
    const style = (element) => getComputedStyle(element);
    const texts = [...root.querySelectorAll('.name, .headline, .detail, .reason, .phone, caption, th, td')]
      .filter((element) => element.getClientRects().length)
      .map((element) => ({ what: element.className || element.localName, colour: rgb(style(element).color) }));
    const icon = style(root.querySelector('.icon'));
    return {
      id: host.dataset.case ?? host.id,
      background: rgb(style(root.querySelector('.widget')).backgroundColor),
      texts,
      icon: [rgb(icon.backgroundColor), rgb(icon.borderTopColor)],
    };
  });
}

function luminance([r, g, b]) {
  const linear = (c) => {
    const s = c / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
}

function contrast(a, b) {
  const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p);
  return (x + 0.05) / (y + 0.05);
}

for (const [index, surrounding] of Object.keys(SURROUNDINGS).entries()) {
  for (const [state, at] of [['open', ORDINARY], ['closed', CHRISTMAS_EVE]]) {
    test(`contrast over every subset of two themes, ${surrounding}, ${state}: text ≥ 4.5:1, icon ≥ 3:1`, async () => {
      const page = await openAt(browser, `${server.origin}/matrix-${index}-${state}.html`, at);
      // Every one drawn (they need not finish in page order: those mounted before the module
      // was there come after the rest).
      await page.page.waitForFunction(() => !document.querySelector('digital-hotline:not([state])'));
      const widgets = await page.page.evaluate(colours, 'digital-hotline');
      assert.equal(widgets.length, 64);
      const failures = [];
      for (const widget of widgets) {
        assert.equal(widget.background[3], 255, `${widget.id}: the box is opaque`);
        for (const text of widget.texts) {
          const ratio = contrast(text.colour, widget.background);
          if (ratio < 4.5) failures.push(`${widget.id} ${text.what}: ${ratio.toFixed(2)}:1`);
        }
        const icon = Math.max(...widget.icon.map((colour) => contrast(colour, widget.background)));
        if (icon < 3) failures.push(`${widget.id} icon: ${icon.toFixed(2)}:1`);
      }
      assert.deepEqual(failures, []);
      assert.deepEqual(page.errors, []);
      await page.close();
    });
  }
}

test('light by default whatever the OS prefers; dark when the page says so or theme="dark"; theme="auto" follows the OS', async () => {
  const backgrounds = {};
  for (const colorScheme of ['light', 'dark']) {
    const page = await openAt(browser, `${server.origin}/themes.html`, ORDINARY, { colorScheme });
    await page.widget('#theme-light').rendered();
    for (const widget of await page.page.evaluate(colours, 'digital-hotline')) {
      backgrounds[`${widget.id}, OS ${colorScheme}`] = luminance(widget.background) > 0.5 ? 'light' : 'dark';
    }
    await page.page.locator('body').screenshot({ path: new URL(`guest-themes-os-${colorScheme}.png`, SCREENSHOTS).pathname });
    await page.close();
  }
  assert.deepEqual(backgrounds, {
    'plain, OS light': 'light',
    'plain, OS dark': 'light',
    'in-dark-page, OS light': 'dark',
    'in-dark-page, OS dark': 'dark',
    'theme-dark, OS light': 'dark',
    'theme-dark, OS dark': 'dark',
    'theme-auto, OS light': 'light',
    'theme-auto, OS dark': 'dark',
    'theme-light, OS light': 'light',
    'theme-light, OS dark': 'light',
  });
});

test("the page's font and size by default; --dh-font and --dh-font-size override them", async () => {
  const page = await openAt(browser, `${server.origin}/fonts.html`, ORDINARY);
  await page.widget('#override').rendered();
  const fonts = await page.page.evaluate(() =>
    [...document.querySelectorAll('digital-hotline')].map((host) => {
      const style = getComputedStyle(host.shadowRoot.querySelector('.widget'));
      return [style.fontFamily, style.fontSize];
    }),
  );
  assert.deepEqual(fonts, [
    ['Arial, sans-serif', '18px'],
    ['Georgia, serif', '14px'],
  ]);
  await page.close();
});

test('the compact line names the hotline; label="short" leaves the name out', async () => {
  const page = await openAt(browser, `${server.origin}/compact.html`, ORDINARY);
  await page.widget('#wrong').rendered();
  assert.equal(await page.widget('#named').text(), 'Den Digitale Hotline: Åben nu Lukker kl. 21.00 70 20 00 00');
  assert.equal(await page.widget('#short').text(), 'Åben nu Lukker kl. 21.00 70 20 00 00');
  assert.equal(await page.widget('#english').text(), 'The Digital Hotline: Open now Closes at 21:00 70 20 00 00');
  assert.equal(await page.widget('#wrong').text(), 'Den Digitale Hotline: Åben nu Lukker kl. 21.00 70 20 00 00');
  assert.deepEqual(page.warnings, ['<digital-hotline>: label="tiny" is not a label (full, short); showing full.']);
  // A label changed on a live element re-renders it.
  await page.page.locator('#named').evaluate((host) => host.setAttribute('label', 'short'));
  assert.equal(await page.widget('#named').text(), 'Åben nu Lukker kl. 21.00 70 20 00 00');
  await page.close();
});

/** Height, overflow and every piece of text that must stay on one line, in one widget. */
function narrowLayout(host) {
  const root = host.shadowRoot;
  const box = root.querySelector('.widget');
  const broken = [...root.querySelectorAll('.nowrap, .hours, .day-note, .phone, .today-mark, .changes .more')]
    .filter((element) => element.getClientRects().length)
    .filter((element) => {
      const lines = new Set([...element.getClientRects()].map((rect) => Math.round(rect.top)));
      return lines.size > 1;
    })
    .map((element) => element.textContent.trim());
  return {
    width: host.getBoundingClientRect().width,
    height: host.getBoundingClientRect().height,
    overflow: box.scrollWidth - box.clientWidth,
    broken,
    grouped: [...root.querySelectorAll('table.grouped tr')].map((row) => row.innerText.replace(/\s+/g, ' ').trim()),
    changes: root.querySelector('.changes .line-box').innerText.replace(/\s+/g, ' ').trim(),
    changesHeight: root.querySelector('.changes .line-box').getBoundingClientRect().height,
    changesClipped: root.querySelector('.changes .line-box').scrollHeight - root.querySelector('.changes .line-box').clientHeight,
  };
}

for (const [week, at, limit] of [
  ['an ordinary week', ORDINARY, 320],
  ['Christmas week', CHRISTMAS_WEEK, 320],
  ['Christmas Eve', CHRISTMAS_EVE, 320],
]) {
  test(`224 px sidebar, ${week}: at most ${limit} px tall, grouped days, nothing broken or overflowing`, async () => {
    const page = await openAt(browser, `${server.origin}/sidebar.html`, at);
    await page.widget('#en').rendered();
    const slug = week.replace(/\s+/g, '-').toLowerCase();
    await page.page.locator('body').screenshot({ path: new URL(`guest-sidebar-224px-${slug}.png`, SCREENSHOTS).pathname });
    for (const id of ['da', 'en']) {
      const layout = await page.page.locator(`#${id}`).evaluate(narrowLayout);
      console.log(`224 px, ${week}, ${id}: ${layout.height.toFixed(1)} px tall`, layout.grouped, layout.changes);
      assert.equal(layout.width, 224);
      assert.ok(layout.height <= limit, `${id}: ${layout.height} px tall`);
      assert.equal(layout.overflow, 0, `${id}: overflows`);
      assert.deepEqual(layout.broken, [], `${id}: broken across lines`);
      assert.ok(layout.grouped.length >= 3 && layout.grouped.length <= 5, `${id}: ${layout.grouped}`);
      assert.ok(layout.changesClipped <= 0, `${id}: the line of changes is cut: ${layout.changes}`);
    }
    const first = await page.page.locator('#da').evaluate(narrowLayout);
    if (at === ORDINARY) assert.deepEqual(first.grouped, ['man.–tors. (i dag) 9.00–21.00', 'fre. 9.00–17.00', 'lør. Lukket', 'søn. 17.00–21.00']);
    if (at === CHRISTMAS_WEEK) assert.equal(first.changes, '+4 flere tors. 24.12.: Lukket – Juleaftensdag');
    await page.close();
  });
}

test('an uncompressed wasm is reported once at console.info, with its size and the README section', async () => {
  const infos = {};
  for (const path of ['/plain-wasm.html', '/plain-config.html', '/gzip/page.html']) {
    // The real clock: Playwright's fake one empties the Resource Timing entries.
    const context = await browser.newContext();
    const page = new HotlinePage(await context.newPage());
    await page.page.goto(`${server.origin}${path}`);
    await page.widget().rendered();
    infos[path] = page.infos;
    assert.deepEqual(page.errors, []);
    await page.close();
  }
  assert.equal(infos['/plain-wasm.html'].length, 1, String(infos['/plain-wasm.html']));
  assert.match(
    infos['/plain-wasm.html'][0],
    /^<digital-hotline>: http:\/\/127\.0\.0\.1:\d+\/plain\/digital-hotline\.wasm arrived uncompressed \(\d+ KB; .*"Server recipes"\.$/,
  );
  // The config module, on a page with a hosted config, is reported by its own name.
  assert.equal(infos['/plain-config.html'].length, 1, String(infos['/plain-config.html']));
  assert.match(infos['/plain-config.html'][0], /^<digital-hotline>: http:\/\/127\.0\.0\.1:\d+\/plain\/digital-hotline-config\.wasm arrived uncompressed/);
  assert.deepEqual(infos['/gzip/page.html'], []);
});
