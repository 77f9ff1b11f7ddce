// Real municipal pages: hostile CSS, strict CSP, failed loads, odd loading, bad attributes,
// malformed configs, internal errors and wrong visitor clocks. The widget must show the right
// thing or its fallback, and never break the host page.
// Chromium only; all but the hostile host CSS (compared by layout) also run in Firefox and WebKit
// (engines-pages.test.mjs). Only here: layout, clicks on the host page's own button.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { after, before, describe, test } from 'node:test';

import { startServer } from '../../xtask/serve.mjs';
import { bundle, embed, file, hostPage, json, launch, openAt, serve, status } from './support/hotline.mjs';

const OPEN = '2026-12-01T10:00:00+01:00'; // a Tuesday: open 9–21 by the built-in hours
const CORPUS = new URL('../fixtures/bad-configs/', import.meta.url);
const corpus = (await readFile(new URL('EXPECTED.tsv', CORPUS), 'utf8'))
  .split('\n')
  .filter((line) => line && !line.startsWith('#'))
  .map((line) => line.split('\t'));
const builtin = JSON.parse(await readFile(new URL('../../src/config/hotline.json', import.meta.url)));

/** A page script of the host's own, to show the page keeps working. */
const PAGE_SCRIPT = `document.addEventListener('DOMContentLoaded', () => {
  document.body.dataset.ready = 'yes';
  document.querySelector('#own').addEventListener('click', () => { document.body.dataset.clicked = 'yes'; });
});`;

function page(body, { head = '', script = '/dist/digital-hotline.js', attributes = 'defer' } = {}) {
  return `<!doctype html><html lang="da"><head><meta charset="utf-8"><title>Host</title>${head}
<script src="/page.js"></script>
${script ? `<script src="${script}" ${attributes}></script>` : ''}</head>
<body><button id="own">Host page button</button>${body}</body></html>`;
}

const STRICT_CSP =
  "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; connect-src 'self'; img-src 'self'";

function slug(name) {
  return name.replace(/[^a-z]+/gi, '-');
}

function withHeaders(html, headers) {
  return (_request, response) => {
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8', ...headers });
    response.end(html);
  };
}

const HOSTILE_CSS = {
  'all: unset': '* { all: unset !important; }',
  'display: none on div, span, a': 'div, span, a, p, table { display: none !important; }',
  // The page's font size does flow in (the widget follows the page's size, issue 10); a root
  // size and a line height do not.
  'huge root font size': 'html { font-size: 40px !important; } body { font-size: 16px; line-height: 3; letter-spacing: 0.5em; }',
  'box-sizing and padding': '*, *::before, *::after { box-sizing: content-box !important; } a { padding: 20px !important; }',
  'page-wide filter': 'html { filter: invert(1) hue-rotate(180deg) blur(0.3px); }',
};

let server;
let other;
let browser;

before(async () => {
  other = await serve({
    '/no-cors.json': json(builtin),
    '/cors.json': (request, response) => {
      response.setHeader('access-control-allow-origin', '*');
      return json({ ...builtin, exceptions: [{ date: '2026-12-01', hours: 'closed' }] })(request, response);
    },
  });
  const pages = {
    '/page.js': (_request, response) => {
      response.writeHead(200, { 'content-type': 'text/javascript' });
      response.end(PAGE_SCRIPT);
    },
    '/favicon.ico': status(204),
    '/clean.html': page(embed()),
    '/rtl.html': page(embed()).replace('<html lang="da">', '<html lang="da" dir="rtl">'),
    '/csp.html': withHeaders(page(embed()), { 'content-security-policy': STRICT_CSP }),
    '/csp-no-wasm.html': withHeaders(page(embed()), {
      'content-security-policy': STRICT_CSP.replace(" 'wasm-unsafe-eval'", ''),
    }),
    '/missing-wasm.html': page(embed(), { script: '/missing/digital-hotline.js' }),
    '/missing/digital-hotline.js': file('dist/digital-hotline.js'),
    '/missing/digital-hotline.wasm': status(404),
    '/truncated-wasm.html': page(embed(), { script: '/truncated/digital-hotline.js' }),
    '/truncated/digital-hotline.js': file('dist/digital-hotline.js'),
    '/truncated/digital-hotline.wasm': file('dist/digital-hotline.wasm', {
      transform: (bytes) => bytes.subarray(0, bytes.length >> 1),
    }),
    '/async.html': page(embed(), { attributes: 'async' }),
    '/end-of-body.html': page(`${embed()}<script src="/dist/digital-hotline.js"></script>`, { script: null }),
    '/sync-head.html': page(embed(), { attributes: '' }),
    '/twice.html': page(`${embed()}<script src="/dist/digital-hotline.js" defer></script>`),
    // Counted (files served from disk are not): the "included twice" test reads the count.
    '/dist/digital-hotline.wasm': file('dist/digital-hotline.wasm'),
    '/many.html': page(Array.from({ length: 25 }, (_, i) => embed({ id: `w${i}`, lang: i % 2 ? 'en' : 'da' })).join('')),
    '/template.html': page(`<template id="later">${embed({ id: 'cloned' })}</template>`),
    '/lang-de.html': page(embed({ lang: 'de' })),
    '/variant-mini.html': page(embed({ variant: 'mini' })),
    '/config-empty.html': page(embed({ config: '' })),
    '/sub/relative.html': page(embed({ config: 'hotline.json' })),
    '/sub/hotline.json': json({ ...builtin, exceptions: [{ date: '2026-12-01', hours: 'closed' }] }),
    '/corpus.html': page(
      corpus.map(([name], i) => embed({ id: `c${i}`, config: `/corpus/${name}` })).join('') +
        embed({ id: 'five-mb', config: '/five-megabytes.json' }),
    ),
    '/five-megabytes.json': json(`{"version": 1, "pad": "${'x'.repeat(5 * 1024 * 1024)}"}`),
    '/panic-mount.html': page(embed({ id: 'fine' }) + embed({ id: 'bad' }).replace('<digital-hotline', '<digital-hotline test-panic="mount"'), {
      script: '/test-bundle/digital-hotline.js',
    }),
    '/panic-redraw.html': page(embed().replace('<digital-hotline', '<digital-hotline test-panic="redraw"'), {
      script: '/test-bundle/digital-hotline.js',
    }),
    ...bundle('/test-bundle/', 'target/test-bundle'),
    '/skewed.html': page(embed({ config: '/skewed.json' })),
    '/skewed.json': json(builtin, { date: 'Mon, 30 Nov 2026 19:00:00 GMT' }),
    '/slightly-skewed.html': page(embed({ config: '/slightly-skewed.json' })),
    '/slightly-skewed.json': json(builtin, { date: 'Mon, 30 Nov 2026 21:59:00 GMT' }),
  };
  for (const [name, css] of Object.entries(HOSTILE_CSS)) {
    pages[`/hostile/${slug(name)}.html`] = page(embed(), {
      head: `<link rel="stylesheet" href="/hostile/${slug(name)}.css">`,
    });
    pages[`/hostile/${slug(name)}.css`] = (_request, response) => {
      response.writeHead(200, { 'content-type': 'text/css' });
      response.end(css);
    };
  }
  for (const [name] of corpus) pages[`/corpus/${name}`] = file(`tests/fixtures/bad-configs/${name}`, { headers: {} });
  for (const name of ['cors.json', 'no-cors.json']) {
    pages[`/x-${name}.html`] = page(embed({ config: `${other.origin}/${name}` }));
  }
  server = await serve(pages);
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await server?.close();
  await other?.close();
});

/** Console messages from the widget itself. */
function own(messages) {
  return messages.filter((message) => message.includes('<digital-hotline>'));
}

/** What a visitor sees of the widget, and where its link is, on `path`. */
async function look(path) {
  const hotline = await openAt(browser, `${server.origin}${path}`, OPEN);
  const widget = await hotline.widget().rendered();
  const box = await widget.phoneLink().boundingBox();
  const seen = {
    text: await widget.text(),
    link: { width: Math.round(box.width), height: Math.round(box.height) },
    fontSize: await widget.phoneLink().evaluate((a) => getComputedStyle(a).fontSize),
    errors: hotline.errors,
  };
  await hotline.close();
  return seen;
}

describe('hostile host CSS changes nothing inside the widget', () => {
  let clean;
  before(async () => {
    clean = await look('/clean.html');
  });
  for (const name of Object.keys(HOSTILE_CSS)) {
    test(name, async () => {
      assert.deepEqual(await look(`/hostile/${slug(name)}.html`), clean);
    });
  }
  test('dir="rtl" on <html>', async () => {
    assert.deepEqual(await look('/rtl.html'), clean);
  });
});

test('strict CSP (no unsafe-inline, no unsafe-eval): renders with 0 violations', async () => {
  const context = await browser.newContext({ timezoneId: 'America/New_York' });
  const tab = await context.newPage();
  await tab.addInitScript(() => {
    window.violations = [];
    document.addEventListener('securitypolicyviolation', (event) => {
      window.violations.push(`${event.violatedDirective} ${event.blockedURI}`);
    });
  });
  const messages = [];
  // Not the note that the test server sends the wasm uncompressed (console.info).
  tab.on('console', (message) => message.type() !== 'info' && messages.push(message.text()));
  await tab.goto(`${server.origin}/csp.html`);
  await tab.locator('digital-hotline[state]').waitFor();
  assert.ok((await tab.locator('digital-hotline .phone').innerText()).includes('70 20 00 00'));
  assert.deepEqual(await tab.evaluate(() => window.violations), []);
  assert.deepEqual(own(messages), []);
  await context.close();
});

describe('when the wasm cannot run: fallback, a working page, one clear message', () => {
  const cases = [
    ['CSP without wasm-unsafe-eval', '/csp-no-wasm.html', /could not load .*digital-hotline\.wasm.*showing the fallback content/],
    ['404 for the wasm', '/missing-wasm.html', /could not load .*\/missing\/digital-hotline\.wasm \(Error: HTTP 404 Not Found\)/],
    ['truncated wasm', '/truncated-wasm.html', /could not load .*\/truncated\/digital-hotline\.wasm \(Error: it is not the file built with this script: the integrity check failed\)/],
    ['no WebAssembly in the browser', '/clean.html', /this browser cannot run the widget \(no WebAssembly\)/, () => delete window.WebAssembly],
    ['an older browser without constructable stylesheets', '/clean.html', /this browser cannot run the widget \(no constructable stylesheets\)/, () => delete Document.prototype.adoptedStyleSheets],
  ];
  for (const [name, path, message, setUp] of cases) {
    test(name, async () => {
      const context = await browser.newContext();
      const tab = await context.newPage();
      if (setUp) await tab.addInitScript(setUp);
      const messages = [];
      const pageErrors = [];
      tab.on('console', (m) => messages.push(m.text()));
      tab.on('pageerror', (error) => pageErrors.push(String(error)));
      await tab.goto(`${server.origin}${path}`);
      await tab.waitForFunction(() => document.body.dataset.ready === 'yes');
      // Give the loader every chance to finish (it fails asynchronously).
      await tab.waitForTimeout(500);
      const ownMessages = own(messages);
      assert.equal(ownMessages.length, 1, ownMessages.join('\n'));
      assert.match(ownMessages[0], message);
      assert.deepEqual(pageErrors, []);
      assert.equal(await tab.locator('digital-hotline > a[href="tel:+4570200000"]').isVisible(), true);
      assert.equal(await tab.locator('digital-hotline').getAttribute('state'), null);
      await tab.click('#own');
      assert.equal(await tab.evaluate(() => document.body.dataset.clicked), 'yes');
      await context.close();
    });
  }
});

describe('loading variants', () => {
  for (const [name, path] of [
    ['async', '/async.html'],
    ['script at the end of <body>', '/end-of-body.html'],
    ['plain script in <head>, element after it', '/sync-head.html'],
  ]) {
    test(name, async () => {
      const hotline = await openAt(browser, `${server.origin}${path}`, OPEN);
      assert.equal(await (await hotline.widget().rendered()).state(), 'open');
      assert.deepEqual(hotline.errors, []);
      await hotline.close();
    });
  }

  test('script included twice: loads once, renders once', async () => {
    const before = server.requests['/dist/digital-hotline.wasm'] ?? 0;
    const hotline = await openAt(browser, `${server.origin}/twice.html`, OPEN);
    await hotline.widget().rendered();
    // Both copies ran before the first render (deferred scripts run in order, before either
    // wasm fetch can finish): a second copy that did its own loading has asked by now.
    const scripts = await hotline.page.evaluate(() => document.querySelectorAll('script[src="/dist/digital-hotline.js"]').length);
    assert.equal(scripts, 2);
    assert.equal(server.requests['/dist/digital-hotline.wasm'] - before, 1, 'the wasm is fetched once');
    assert.equal(await hotline.page.locator('digital-hotline .widget').count(), 1);
    assert.deepEqual(hotline.errors, []);
    await hotline.close();
  });

  test('25 widgets on one page', async () => {
    const hotline = await openAt(browser, `${server.origin}/many.html`, OPEN);
    await hotline.page.waitForFunction(() => document.querySelectorAll('digital-hotline[state="open"]').length === 25);
    const english = await hotline.page.locator('#w1 .headline').innerText();
    assert.equal(english, 'Open now');
    assert.deepEqual(hotline.errors, []);
    await hotline.close();
  });

  test('inside a <template>, cloned later', async () => {
    const hotline = await openAt(browser, `${server.origin}/template.html`, OPEN);
    await hotline.page.waitForFunction(() => customElements.get('digital-hotline'));
    assert.equal(await hotline.page.evaluate(() => document.querySelector('template').content.firstElementChild.shadowRoot), null);
    await hotline.page.evaluate(() => document.body.append(document.querySelector('#later').content.cloneNode(true)));
    assert.equal(await (await hotline.widget('#cloned').rendered()).state(), 'open');
    await hotline.close();
  });
});

describe('bad attributes', () => {
  test('unknown lang: Danish and one warning', async () => {
    const hotline = await openAt(browser, `${server.origin}/lang-de.html`, OPEN);
    assert.equal(await (await hotline.widget().rendered()).headline(), 'Åben nu');
    assert.deepEqual(own(hotline.warnings), ['<digital-hotline>: lang="de" is not a language it speaks (da, en); showing Danish.']);
    await hotline.close();
  });

  test('unknown variant: the full box and one warning', async () => {
    const hotline = await openAt(browser, `${server.origin}/variant-mini.html`, OPEN);
    await hotline.widget().rendered();
    assert.equal(await hotline.page.locator('digital-hotline table.week.wide').count(), 1);
    assert.deepEqual(own(hotline.warnings), ['<digital-hotline>: variant="mini" is not a variant (full, compact); showing full.']);
    await hotline.close();
  });

  test('empty config URL: the built-in hours and one warning', async () => {
    const hotline = await openAt(browser, `${server.origin}/config-empty.html`, OPEN);
    assert.equal(await (await hotline.widget().rendered()).state(), 'open');
    assert.equal(own(hotline.warnings).length, 1);
    assert.match(hotline.warnings[0], /the config attribute is empty/);
    await hotline.close();
  });

  test('relative config URL: resolved against the page', async () => {
    const hotline = await openAt(browser, `${server.origin}/sub/relative.html`, OPEN);
    assert.equal(await (await hotline.widget().rendered()).state(), 'closed', 'the hosted closure');
    assert.deepEqual(hotline.warnings, []);
    await hotline.close();
  });

  test('cross-origin config: used with CORS, refused with a warning without', async () => {
    for (const [name, expected] of [['cors.json', 'closed'], ['no-cors.json', 'open']]) {
      const url = `${other.origin}/${name}`;
      const hotline = await openAt(browser, `${server.origin}/x-${name}.html`, OPEN);
      assert.equal(await (await hotline.widget().rendered()).state(), expected, name);
      const warnings = own(hotline.warnings);
      if (expected === 'open') {
        assert.equal(warnings.length, 1);
        assert.ok(warnings[0].includes(`config ${url} not used: could not fetch it (TypeError: Failed to fetch)`), warnings[0]);
      } else {
        assert.deepEqual(warnings, []);
      }
      await hotline.close();
    }
  });
});

test(`${corpus.length} malformed configs and a 5 MB one: built-in hours, one warning each, text only`, async () => {
  const hotline = await openAt(browser, `${server.origin}/corpus.html`, OPEN);
  await hotline.page.waitForFunction(
    (count) => document.querySelectorAll('digital-hotline[state="open"]').length === count,
    corpus.length + 1,
  );
  const warnings = own(hotline.warnings);
  assert.equal(warnings.length, corpus.length + 1);
  for (const [name, reason] of corpus) {
    const warning = warnings.find((w) => w.includes(`/corpus/${name} not used`));
    assert.ok(warning?.includes(reason), `${name}: ${warning}`);
  }
  assert.ok(warnings.some((w) => /five-megabytes\.json not used: (at least )?52429\d\d bytes is too large/.test(w)), warnings.join('\n'));
  const markup = await hotline.page.evaluate(() => ({
    pwned: window.pwned ?? null,
    foreign: [...document.querySelectorAll('digital-hotline')].flatMap((element) =>
      [...element.shadowRoot.querySelectorAll('script, img, iframe, object, style')].map((e) => e.tagName),
    ),
  }));
  assert.deepEqual(markup, { pwned: null, foreign: [] });
  assert.deepEqual(hotline.errors, []);
  await hotline.close();
});

describe('an internal error (a panic in the wasm)', () => {
  test('while mounting: every widget shows its fallback, one error, nothing thrown', async () => {
    const hotline = await openAt(browser, `${server.origin}/panic-mount.html`, OPEN);
    const pageErrors = [];
    hotline.page.on('pageerror', (error) => pageErrors.push(String(error)));
    await hotline.page.waitForFunction(() => window[Symbol.for('digital-hotline')]?.dead === true);
    const errors = own(hotline.errors);
    assert.equal(errors.length, 1, errors.join('\n'));
    assert.match(errors[0], /internal error; showing the fallback content\. .*test panic while mounting/);
    for (const id of ['#fine', '#bad']) {
      assert.equal(await hotline.page.locator(`${id} > a[href^="tel:"]`).isVisible(), true, id);
      assert.equal(await hotline.page.locator(id).getAttribute('state'), null, id);
    }
    assert.deepEqual(pageErrors, []);
    await hotline.page.click('#own');
    assert.equal(await hotline.page.evaluate(() => document.body.dataset.clicked), 'yes');
    await hotline.close();
  });

  test('in a timer: the widget reverts to its fallback, one error, nothing thrown', async () => {
    const hotline = await openAt(browser, `${server.origin}/panic-redraw.html`, '2026-11-30T20:59:00+01:00');
    const pageErrors = [];
    hotline.page.on('pageerror', (error) => pageErrors.push(String(error)));
    assert.equal(await (await hotline.widget().rendered()).state(), 'open');
    await hotline.runFor(2 * 60 * 1000);
    assert.equal(own(hotline.errors).length, 1, hotline.errors.join('\n'));
    assert.match(own(hotline.errors)[0], /test panic while redrawing/);
    assert.equal(await hotline.page.locator('digital-hotline > a[href^="tel:"]').isVisible(), true);
    assert.equal(await hotline.page.locator('digital-hotline').getAttribute('state'), null);
    assert.deepEqual(pageErrors, []);
    await hotline.close();
  });
});

describe("a visitor's clock 3 hours wrong", () => {
  // The config server says 20:00 in Copenhagen (open); the visitor's clock says 23:00.
  const visitor = '2026-11-30T23:00:00+01:00';

  test('with a hosted config: computes with the server time, and says so at debug level', async () => {
    const hotline = await openAt(browser, `${server.origin}/skewed.html`, visitor);
    const widget = await hotline.widget().rendered();
    assert.equal(await widget.state(), 'open');
    assert.equal(await widget.nextChange(), '2026-11-30T21:00:00+01:00');
    // Said while computing the offset, so before the render above; recorded since page load.
    const said = own(hotline.debug).filter((m) => /clock differs from the config server's by -180 minutes/.test(m));
    assert.equal(said.length, 1, hotline.debug.join('\n'));
    // And it flips at 21:00 server time, which is 00:00 on the visitor's clock.
    await hotline.runFor(60 * 60 * 1000);
    assert.equal(await widget.state(), 'closed');
    await hotline.close();
  });

  test('within two minutes of the server: trusts the visitor', async () => {
    const hotline = await openAt(browser, `${server.origin}/slightly-skewed.html`, visitor);
    assert.equal(await (await hotline.widget().rendered()).state(), 'closed');
    await hotline.close();
  });

  test('without a config URL: trusts the visitor', async () => {
    const hotline = await openAt(browser, `${server.origin}/clean.html`, visitor);
    assert.equal(await (await hotline.widget().rendered()).state(), 'closed');
    await hotline.close();
  });
});
