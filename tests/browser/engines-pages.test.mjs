// Real pages in the three engines (Chromium, Firefox, WebKit), from one test body each: odd
// ways of loading the script, strict CSP, bad attributes, malformed and cross-origin configs,
// internal errors, live updates, a laptop waking from sleep, a visitor's wrong clock. The
// visitor is in New York; the clock is the page's fake one (`support/page-init.js`).
// Chromium-only (Playwright) stay: hostile host CSS compared by layout, screenshots, axe, and
// the DevTools listener count (hostile.test.mjs, accessibility.test.mjs, widget.test.mjs).
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { after, before, describe, test } from 'node:test';

import { ENGINES, launchEngine, serveTestPages, testPage } from './support/engines.mjs';
import { bundle, embed, file, json } from './support/hotline.mjs';

const OPEN = '2026-12-01T10:00:00+01:00'; // a Tuesday: open 9–21 by the built-in hours
const CORPUS = new URL('../fixtures/bad-configs/', import.meta.url);
const corpus = (await readFile(new URL('EXPECTED.tsv', CORPUS), 'utf8'))
  .split('\n')
  .filter((line) => line && !line.startsWith('#'))
  .map((line) => line.split('\t'));
const builtin = JSON.parse(await readFile(new URL('../../src/config/hotline.json', import.meta.url)));
const closedToday = { ...builtin, exceptions: [{ date: '2026-12-01', hours: 'closed' }] };

const STRICT_CSP =
  "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; connect-src 'self'; img-src 'self'";

function withHeaders(html, headers) {
  return (_request, response) => {
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8', ...headers });
    response.end(html);
  };
}

/** `embed()` with one more attribute on the element. */
const withAttribute = (html, attribute) => html.replace('<digital-hotline', `<digital-hotline ${attribute}`);

let server;
let other;

before(async () => {
  other = await serveTestPages({
    '/no-cors.json': json(builtin),
    '/cors.json': (request, response) => {
      response.setHeader('access-control-allow-origin', '*');
      return json(closedToday)(request, response);
    },
  });
  const pages = {
    '/da.html': testPage(embed()),
    '/async.html': testPage(embed(), { attributes: 'async' }),
    '/end-of-body.html': testPage(`${embed()}<script src="/dist/digital-hotline.js"></script>`, { script: null }),
    '/sync-head.html': testPage(embed(), { attributes: '' }),
    '/twice.html': testPage(`${embed()}<script src="/counted/digital-hotline.js" defer></script>`, { script: '/counted/digital-hotline.js' }),
    '/counted/digital-hotline.js': file('dist/digital-hotline.js'),
    '/counted/digital-hotline.wasm': file('dist/digital-hotline.wasm'),
    '/many.html': testPage(Array.from({ length: 25 }, (_, i) => embed({ id: `w${i}`, lang: i % 2 ? 'en' : 'da' })).join('')),
    '/template.html': testPage(`<template id="later">${embed({ id: 'cloned' })}</template>`),
    '/csp.html': withHeaders(testPage(embed()), { 'content-security-policy': STRICT_CSP }),
    '/csp-no-wasm.html': withHeaders(testPage(embed()), {
      'content-security-policy': STRICT_CSP.replace(" 'wasm-unsafe-eval'", ''),
    }),
    '/truncated-wasm.html': testPage(embed(), { script: '/truncated/digital-hotline.js' }),
    '/truncated/digital-hotline.js': file('dist/digital-hotline.js'),
    '/truncated/digital-hotline.wasm': file('dist/digital-hotline.wasm', {
      transform: (bytes) => bytes.subarray(0, bytes.length >> 1),
    }),
    '/no-wasm.html': testPage(embed(), { head: '<script>delete window.WebAssembly;</script>' }),
    '/no-adopted.html': testPage(embed(), { head: '<script>delete Document.prototype.adoptedStyleSheets;</script>' }),
    '/lang-de.html': testPage(embed({ lang: 'de' })),
    '/variant-mini.html': testPage(embed({ variant: 'mini' })),
    '/config-empty.html': testPage(embed({ config: '' })),
    '/sub/relative.html': testPage(embed({ config: 'hotline.json' })),
    '/sub/hotline.json': json(closedToday),
    '/two-hosted.html': testPage(embed({ config: '/shared.json', id: 'a' }) + embed({ config: '/shared.json', id: 'b', lang: 'en' })),
    '/shared.json': json(closedToday),
    '/hang.html': testPage(embed({ config: '/hang.json' })),
    '/hang.json': () => {}, // never answers
    '/corpus.html': testPage(
      corpus.map(([name], i) => embed({ id: `c${i}`, config: `/corpus/${name}` })).join('') +
        embed({ id: 'five-mb', config: '/five-megabytes.json' }),
    ),
    '/five-megabytes.json': json(`{"version": 1, "pad": "${'x'.repeat(5 * 1024 * 1024)}"}`),
    '/panic-mount.html': testPage(embed({ id: 'fine' }) + withAttribute(embed({ id: 'bad' }), 'test-panic="mount"'), {
      script: '/test-bundle/digital-hotline.js',
    }),
    '/panic-redraw.html': testPage(withAttribute(embed(), 'test-panic="redraw"'), { script: '/test-bundle/digital-hotline.js' }),
    ...bundle('/test-bundle/', 'target/test-bundle'),
    '/skewed.html': testPage(embed({ config: '/skewed.json' })),
    '/skewed.json': json(builtin, { date: 'Mon, 30 Nov 2026 19:00:00 GMT' }),
    '/slightly-skewed.html': testPage(embed({ config: '/slightly-skewed.json' })),
    '/slightly-skewed.json': json(builtin, { date: 'Mon, 30 Nov 2026 21:59:00 GMT' }),
  };
  for (const [name] of corpus) pages[`/corpus/${name}`] = file(`tests/fixtures/bad-configs/${name}`);
  for (const name of ['cors.json', 'no-cors.json']) pages[`/x-${name}.html`] = testPage(embed({ config: `${other.origin}/${name}` }));
  server = await serveTestPages(pages);
});

after(async () => {
  await server?.close();
  await other?.close();
});

/** The widget's own console messages in a page record. */
const own = (log) => log.console.filter((m) => m.text.includes('<digital-hotline>'));

for (const engine of ENGINES) {
  describe(engine, () => {
    let browser;
    before(async () => {
      browser = await launchEngine(engine);
    });
    after(() => browser?.close());

    /** Opens `path` at `at` and returns the tab and its (first) widget, rendered. */
    async function widgetAt(path, at = OPEN, selector = 'digital-hotline') {
      const tab = await browser.open(`${server.origin}${path}`, { at });
      return { tab, widget: await tab.widget(selector).rendered() };
    }

    /** Opens `path` and waits until the loader has given up (its one console error). */
    async function failedAt(path) {
      const tab = await browser.open(`${server.origin}${path}`, { at: OPEN });
      await tab.gaveUp();
      return tab;
    }

    describe('loading variants', () => {
      for (const [name, path] of [
        ['async', '/async.html'],
        ['script at the end of <body>', '/end-of-body.html'],
        ['plain script in <head>, element after it', '/sync-head.html'],
      ]) {
        test(name, async () => {
          const { tab, widget } = await widgetAt(path);
          assert.equal((await widget.read()).state, 'open');
          assert.deepEqual(await tab.problems(), []);
          await tab.close();
        });
      }

      test('script included twice: fetches the wasm once, renders once', async () => {
        const before = server.requests['/counted/digital-hotline.wasm'] ?? 0;
        const { tab } = await widgetAt('/twice.html');
        assert.equal(await tab.evaluate(() => document.querySelectorAll('script[src$="digital-hotline.js"]').length), 2);
        assert.equal(server.requests['/counted/digital-hotline.wasm'] - before, 1);
        assert.equal(await tab.evaluate(() => document.querySelector('digital-hotline').shadowRoot.querySelectorAll('.widget').length), 1);
        assert.deepEqual(await tab.problems(), []);
        await tab.close();
      });

      test('25 widgets on one page', async () => {
        const tab = await browser.open(`${server.origin}/many.html`, { at: OPEN });
        await tab.waitFor(() => document.querySelectorAll('digital-hotline[state="open"]').length === 25);
        assert.equal((await tab.widget('#w1').read()).headline, 'Open now');
        assert.deepEqual(await tab.problems(), []);
        await tab.close();
      });

      test('inside a <template>, cloned later', async () => {
        const tab = await browser.open(`${server.origin}/template.html`, { at: OPEN });
        await tab.waitFor(() => Boolean(customElements.get('digital-hotline')));
        assert.equal(await tab.evaluate(() => document.querySelector('template').content.firstElementChild.shadowRoot), null);
        await tab.evaluate(() => document.body.append(document.querySelector('#later').content.cloneNode(true)));
        assert.equal((await (await tab.widget('#cloned').rendered()).read()).state, 'open');
        await tab.close();
      });
    });

    test('strict CSP (no unsafe-inline, no unsafe-eval): renders with 0 violations', async () => {
      const { tab, widget } = await widgetAt('/csp.html');
      assert.ok((await widget.read()).text.includes('70 20 00 00'));
      const log = await tab.log();
      assert.deepEqual(log.violations, []);
      assert.deepEqual(own(log), []);
      await tab.close();
    });

    describe('when the wasm cannot run: the fallback, one clear message, nothing thrown', () => {
      for (const [name, path, message] of [
        ['CSP without wasm-unsafe-eval', '/csp-no-wasm.html', /could not load .*digital-hotline\.wasm.*showing the fallback content/s],
        ['truncated wasm', '/truncated-wasm.html', /could not load .*\/truncated\/digital-hotline\.wasm \(Error: it is not the file built with this script: the integrity check failed\)/],
      ]) {
        test(name, async () => {
          const tab = await failedAt(path);
          const log = await tab.log();
          assert.equal(own(log).length, 1, JSON.stringify(own(log)));
          assert.match(own(log)[0].text, message);
          assert.deepEqual(log.errors, []);
          const seen = await tab.widget().read();
          assert.deepEqual([seen.state, seen.fallbackVisible], [null, true]);
          await tab.close();
        });
      }

      for (const [name, path, message] of [
        ['no WebAssembly in the browser', '/no-wasm.html', 'this browser cannot run the widget (no WebAssembly)'],
        ['no constructable stylesheets', '/no-adopted.html', 'this browser cannot run the widget (no constructable stylesheets)'],
      ]) {
        test(name, async () => {
          // Decided while the script runs, before the load event the driver waited for.
          const tab = await browser.open(`${server.origin}${path}`, { at: OPEN });
          const log = await tab.log();
          assert.deepEqual(own(log), [{ type: 'warn', text: `<digital-hotline>: ${message}; showing the fallback content.` }]);
          assert.deepEqual(log.errors, []);
          assert.equal((await tab.widget().read()).fallbackVisible, true);
          await tab.close();
        });
      }
    });

    describe('bad attributes and configs', () => {
      test('unknown lang: Danish and one warning', async () => {
        const { tab, widget } = await widgetAt('/lang-de.html');
        assert.equal((await widget.read()).headline, 'Åben nu');
        assert.deepEqual(await tab.messages('warn'), ['<digital-hotline>: lang="de" is not a language it speaks (da, en); showing Danish.']);
        await tab.close();
      });

      test('unknown variant: the full box and one warning', async () => {
        const { tab, widget } = await widgetAt('/variant-mini.html');
        assert.match((await widget.read()).text, /Faste åbningstider/, 'the week table of the full box');
        assert.deepEqual(await tab.messages('warn'), ['<digital-hotline>: variant="mini" is not a variant (full, compact); showing full.']);
        await tab.close();
      });

      test('empty config URL: the built-in hours and one warning', async () => {
        const { tab, widget } = await widgetAt('/config-empty.html');
        assert.equal((await widget.read()).state, 'open');
        const warnings = await tab.messages('warn');
        assert.equal(warnings.length, 1);
        assert.match(warnings[0], /the config attribute is empty/);
        await tab.close();
      });

      test('relative config URL: resolved against the page', async () => {
        const { tab, widget } = await widgetAt('/sub/relative.html');
        assert.equal((await widget.read()).state, 'closed', 'the hosted closure');
        assert.deepEqual(await tab.messages('warn'), []);
        await tab.close();
      });

      test('two widgets with the same config URL fetch it once', async () => {
        const before = server.requests['/shared.json'] ?? 0;
        const { tab } = await widgetAt('/two-hosted.html', OPEN, '#a');
        const english = await tab.widget('#b').rendered();
        assert.deepEqual((await english.read()).headline, 'Closed now');
        assert.equal(server.requests['/shared.json'] - before, 1);
        await tab.close();
      });

      test('cross-origin config: used with CORS, refused with a warning without', async () => {
        for (const [name, expected] of [['cors.json', 'closed'], ['no-cors.json', 'open']]) {
          const { tab, widget } = await widgetAt(`/x-${name}.html`);
          assert.equal((await widget.read()).state, expected, name);
          const warnings = await tab.messages('warn');
          if (expected === 'open') {
            // The TypeError's words are the engine's own ("Failed to fetch", "NetworkError…", "Load failed").
            assert.equal(warnings.length, 1);
            assert.ok(warnings[0].includes(`config ${other.origin}/${name} not used: could not fetch it (TypeError: `), warnings[0]);
          } else {
            assert.deepEqual(warnings, []);
          }
          await tab.close();
        }
      });

      test('a config that never answers: the fallback for 5 s, then the built-in hours', async () => {
        const before = server.requests['/hang.json'] ?? 0;
        const tab = await browser.open(`${server.origin}/hang.html`, { at: OPEN });
        const deadline = Date.now() + 10_000;
        while ((server.requests['/hang.json'] ?? 0) === before && Date.now() < deadline) {
          await new Promise((resolve) => setTimeout(resolve, 20));
        }
        assert.equal(server.requests['/hang.json'] - before, 1, 'the config was asked for');
        assert.equal((await tab.widget().read()).fallbackVisible, true, 'the fallback while waiting');
        await tab.runFor(4999);
        assert.equal((await tab.widget().read()).state, null, 'not a moment early');
        await tab.runFor(1);
        const widget = await tab.widget().rendered();
        assert.equal((await widget.read()).state, 'open');
        const warnings = await tab.messages('warn');
        assert.equal(warnings.length, 1);
        assert.match(warnings[0], /hang\.json not used: no answer within 5 seconds/);
        await tab.close();
      });

      test(`${corpus.length} malformed configs and a 5 MB one: built-in hours, one warning each, text only`, async () => {
        const tab = await browser.open(`${server.origin}/corpus.html`, { at: OPEN });
        await tab.waitFor((count) => document.querySelectorAll('digital-hotline[state="open"]').length === count, {
          args: [corpus.length + 1],
          timeout: 30_000,
        });
        const warnings = await tab.messages('warn');
        assert.equal(warnings.length, corpus.length + 1);
        for (const [name, reason] of corpus) {
          const warning = warnings.find((w) => w.includes(`/corpus/${name} not used`));
          assert.ok(warning?.includes(reason), `${name}: ${warning}`);
        }
        // json() sends no Content-Length: the size is found while reading, before the copy.
        assert.ok(
          warnings.some((w) => /five-megabytes\.json not used: at least 52429\d\d bytes is too large \(at most 262144\)/.test(w)),
          warnings.join('\n'),
        );
        const markup = await tab.evaluate(() => ({
          pwned: window.pwned ?? null,
          foreign: [...document.querySelectorAll('digital-hotline')].flatMap((element) =>
            [...element.shadowRoot.querySelectorAll('script, img, iframe, object, style')].map((e) => e.tagName),
          ),
        }));
        assert.deepEqual(markup, { pwned: null, foreign: [] });
        assert.deepEqual(await tab.problems(), []);
        await tab.close();
      });
    });

    describe('live updates', () => {
      test('"closing soon" and "tomorrow" → "today" update by themselves, without events', async () => {
        const { tab, widget } = await widgetAt('/da.html', '2026-11-30T20:29:59+01:00');
        assert.equal((await widget.read()).statusLine, 'Åben nu Lukker kl. 21.00');
        await tab.runFor(1000);
        assert.equal((await widget.read()).statusLine, 'Åben nu Lukker snart – kl. 21.00');
        await tab.runFor(30 * 60 * 1000); // 21:00 closes
        assert.equal((await widget.read()).statusLine, 'Lukket nu Åbner i morgen kl. 9.00');
        await tab.runFor(3 * 60 * 60 * 1000); // past midnight
        assert.equal((await widget.read()).statusLine, 'Lukket nu Åbner i dag kl. 9.00');
        assert.equal((await tab.log()).statusEvents.length, 2, 'first render and the 21:00 flip only');
        assert.deepEqual(await tab.problems(), []);
        await tab.close();
      });

      test('changing lang and variant on a live element re-renders it, without an event', async () => {
        const { tab, widget } = await widgetAt('/da.html', '2026-11-30T10:00:00+01:00');
        await tab.evaluate(() => document.querySelector('digital-hotline').setAttribute('lang', 'en'));
        await tab.waitFor(() => document.querySelector('digital-hotline').shadowRoot.querySelector('[lang="en"]'));
        await tab.evaluate(() => document.querySelector('digital-hotline').setAttribute('variant', 'compact'));
        await tab.waitFor(() => !document.querySelector('digital-hotline').shadowRoot.querySelector('table'));
        assert.equal((await widget.read()).statusLine, 'Open now Closes at 21:00');
        assert.equal((await tab.log()).statusEvents.length, 1, 'no statuschange without a change of state');
        await tab.close();
      });

      test('after a laptop sleep: a late timer and a page shown again both read the clock anew', async () => {
        const { tab, widget } = await widgetAt('/da.html', '2026-11-30T20:00:00+01:00');
        // Sleep through 21:00: the due timer fires once, late.
        await tab.clock('fastForward', 2 * 60 * 60 * 1000);
        assert.deepEqual(
          await widget.read().then(({ state, nextChange }) => [state, nextChange]),
          ['closed', '2026-12-01T09:00:00+01:00'],
        );
        // The wall clock moves on without any timer firing; showing the page again catches up.
        await tab.clock('setSystemTime', '2026-12-01T10:00:00+01:00');
        assert.equal((await widget.read()).state, 'closed', 'no timer has fired yet');
        await tab.evaluate(() => document.dispatchEvent(new Event('visibilitychange', { bubbles: true })));
        const seen = await widget.read();
        assert.deepEqual([seen.state, seen.statusLine], ['open', 'Åben nu Lukker kl. 21.00']);
        await tab.close();
      });
    });

    describe("a visitor's clock 3 hours wrong", () => {
      // The config server says 20:00 in Copenhagen (open); the visitor's clock says 23:00.
      const visitor = '2026-11-30T23:00:00+01:00';

      test('with a hosted config: computes with the server time, and says so at debug level', async () => {
        const { tab, widget } = await widgetAt('/skewed.html', visitor);
        const seen = await widget.read();
        assert.deepEqual([seen.state, seen.nextChange], ['open', '2026-11-30T21:00:00+01:00']);
        // Said while computing the offset, so before the render above.
        const debug = (await tab.messages('debug')).filter((m) => m.includes("clock differs from the config server's by -180 minutes"));
        assert.equal(debug.length, 1);
        // And it flips at 21:00 server time, which is 00:00 on the visitor's clock.
        await tab.runFor(60 * 60 * 1000);
        assert.equal((await widget.read()).state, 'closed');
        await tab.close();
      });

      test('within two minutes of the server: trusts the visitor', async () => {
        const { tab, widget } = await widgetAt('/slightly-skewed.html', visitor);
        assert.equal((await widget.read()).state, 'closed');
        await tab.close();
      });
    });

    // Last in each engine: in WebKit, once the wasm has trapped, a later driver call can fail
    // with a script timeout that belongs to a call lost around the trap (WebKitWebDriver 2.50);
    // the browser closes right after these.
    describe('an internal error (a panic in the wasm)', () => {
      test('while mounting: every widget shows its fallback, one error, nothing thrown', async () => {
        const tab = await failedAt('/panic-mount.html');
        const log = await tab.log();
        const errors = own(log).filter((m) => m.type === 'error');
        assert.equal(errors.length, 1, JSON.stringify(errors));
        assert.match(errors[0].text, /internal error; showing the fallback content\. .*test panic while mounting/);
        for (const id of ['#fine', '#bad']) {
          const seen = await tab.widget(id).read();
          assert.deepEqual([seen.state, seen.fallbackVisible], [null, true], id);
        }
        assert.deepEqual(log.errors, []);
        await tab.close();
      });

      test('in a timer: the widget reverts to its fallback, one error, nothing thrown', async () => {
        const { tab, widget } = await widgetAt('/panic-redraw.html', '2026-11-30T20:59:00+01:00');
        assert.equal((await widget.read()).state, 'open');
        await tab.runFor(2 * 60 * 1000);
        const log = await tab.log();
        const errors = own(log).filter((m) => m.type === 'error');
        assert.equal(errors.length, 1, JSON.stringify(errors));
        assert.match(errors[0].text, /test panic while redrawing/);
        const seen = await widget.read();
        assert.deepEqual([seen.state, seen.fallbackVisible], [null, true]);
        assert.deepEqual(log.errors, []);
        await tab.close();
      });
    });
  });
}
