// The widget's core behaviour in the three engines it must work in (Chromium, Firefox,
// WebKit), from one test body each: texts and state at fixed instants, the live flip, the
// statuschange event, hosted configs and their failures, a missing wasm, elements added later,
// and which of the two wasm files a page fetches.
// The visitor is in New York (the browser's zone), the clock is the page's fake one
// (`support/page-init.js`), and every test also checks that nothing went wrong in the page.
// Layout, screenshots and axe stay Chromium-only (accessibility.test.mjs, hostile.test.mjs).
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { after, before, describe, test } from 'node:test';

import { ENGINES, launchEngine, serveTestPages, testPage } from './support/engines.mjs';
import { bundle, embed, file, json, status } from './support/hotline.mjs';

const builtin = JSON.parse(await readFile(new URL('../../src/config/hotline.json', import.meta.url)));
const hosted = {
  ...builtin,
  exceptions: [{ date: '2026-12-01', hours: 'closed', note: { da: 'Lukket pga. systemopdatering', en: 'Closed for a system update' } }],
};

/** The release folder (`cargo xtask release`) and its snippet, as web teams get them. */
const manifest = JSON.parse(await readFile(new URL('../../dist/digital-hotline/release.json', import.meta.url)));
const FOLDER = `dist/digital-hotline/${manifest.version}`;
const snippet = await readFile(new URL(`../../${FOLDER}/embed.html`, import.meta.url), 'utf8');

/** `html` in a 960 px column (the compact line names a holiday from 920 px, the full box from 600). */
const column = (html) => `<div style="width: 960px">${html}</div>`;

/** The release's script and wasm files at `prefix` on a CDN (with its CORS header). */
function releaseFiles(prefix, { wasm = (bytes) => bytes } = {}) {
  const headers = { 'access-control-allow-origin': '*' };
  return {
    [`${prefix}digital-hotline.js`]: file(`${FOLDER}/digital-hotline.js`, { headers }),
    [`${prefix}digital-hotline.wasm`]: file(`${FOLDER}/digital-hotline.wasm`, { headers, transform: wasm }),
    [`${prefix}digital-hotline-config.wasm`]: file(`${FOLDER}/digital-hotline-config.wasm`, { headers, transform: wasm }),
  };
}

let server;
let cdn;

before(async () => {
  cdn = await serveTestPages({
    ...releaseFiles('/some/deep/path/'),
    ...releaseFiles('/tampered/', {
      wasm: (bytes) => {
        const changed = Buffer.from(bytes);
        changed[changed.length - 1] ^= 1;
        return changed;
      },
    }),
  });
  /** The snippet pasted as is into a page (after the test's init script), its src on the CDN. */
  const pasted = (prefix) =>
    testPage(snippet.replace('src="digital-hotline.js"', `src="${cdn.origin}${prefix}digital-hotline.js"`), { script: null });
  server = await serveTestPages({
    '/release.html': pasted('/some/deep/path/'),
    '/release-tampered.html': pasted('/tampered/'),
    // In a column of one width in every engine (their windows differ): wide enough that both
    // variants name today's holiday in the status line, as narrower boxes leave out.
    '/da.html': testPage(column(embed({ id: 'w' }))),
    '/en.html': testPage(column(embed({ lang: 'en' }))),
    '/da-compact.html': testPage(column(embed({ variant: 'compact' }))),
    '/en-compact.html': testPage(column(embed({ lang: 'en', variant: 'compact' }))),
    '/deep/folder/page.html': testPage(embed(), { script: '../../dist/digital-hotline.js' }),
    '/hosted.html': testPage(embed({ config: '/hotline.json' })),
    // Counted: which wasm file a page fetches.
    ...bundle('/split/', 'dist'),
    '/split/light.html': testPage(embed({ id: 'a' }) + embed({ id: 'b', lang: 'en' }), { script: '/split/digital-hotline.js' }),
    '/split/hosted.html': testPage(embed({ id: 'a', config: '/hotline.json' }) + embed({ id: 'b', config: '/hotline.json' }) + embed({ id: 'c' }), {
      script: '/split/digital-hotline.js',
    }),
    '/hotline.json': json(hosted),
    '/failing-404.html': testPage(embed({ config: '/404.json' })),
    '/404.json': json({ error: 'gone' }, { status: 404 }),
    '/failing-invalid.html': testPage(embed({ config: '/invalid.json' })),
    '/invalid.json': json({ ...builtin, weekly: { ...builtin.weekly, fri: ['18:00-17:00'] } }),
    '/missing-wasm.html': testPage(embed(), { script: '/missing/digital-hotline.js' }),
    '/missing/digital-hotline.js': file('dist/digital-hotline.js'),
    '/missing/digital-hotline.wasm': status(404),
    // A browser below the floor: no WebAssembly reference types (or no way to ask).
    '/below-floor.html': testPage(embed(), { head: '<script>WebAssembly.validate = () => false;</script>', script: '/floor/digital-hotline.js' }),
    '/no-validate.html': testPage(embed(), { head: '<script>delete WebAssembly.validate;</script>', script: '/floor/digital-hotline.js' }),
    '/floor/digital-hotline.js': file('dist/digital-hotline.js'),
    '/floor/digital-hotline.wasm': file('dist/digital-hotline.wasm'),
    // Servers that refuse HEAD (the loader's diagnosis asks with a ranged GET instead).
    '/no-head-changed.html': testPage(embed(), { script: '/no-head-changed/digital-hotline.js' }),
    '/no-head-changed/digital-hotline.js': file('dist/digital-hotline.js'),
    '/no-head-changed/digital-hotline.wasm': refusingHead(async () => {
      const bytes = await readFile(new URL('../../dist/digital-hotline.wasm', import.meta.url));
      return bytes.subarray(0, bytes.length >> 1);
    }),
    '/no-head-missing.html': testPage(embed(), { script: '/no-head-missing/digital-hotline.js' }),
    '/no-head-missing/digital-hotline.js': file('dist/digital-hotline.js'),
    '/no-head-missing/digital-hotline.wasm': refusingHead(async () => null),
  });
});

after(async () => {
  await server?.close();
  await cdn?.close();
});

/** How a server that refuses HEAD was asked: `HEAD`, `GET`, `GET bytes=0-0`. */
const asked = [];

/**
 * A wasm handler that answers HEAD with 405, and GET with `body()`'s bytes (honouring a
 * `Range: bytes=0-0`), or 404 when it gives none.
 */
function refusingHead(body) {
  return async (request, response) => {
    const range = request.headers.range;
    asked.push(range ? `${request.method} ${range}` : request.method);
    if (request.method === 'HEAD') return status(405, { allow: 'GET' })(request, response);
    const bytes = await body();
    if (!bytes) return status(404)(request, response);
    if (range === 'bytes=0-0') {
      response.writeHead(206, { 'content-type': 'application/wasm', 'content-range': `bytes 0-0/${bytes.length}` });
      return response.end(bytes.subarray(0, 1));
    }
    response.writeHead(200, { 'content-type': 'application/wasm' });
    response.end(bytes);
  };
}

/** The texts of the status line at a few instants: [name, instant, state, next change, da, en]. */
const INSTANTS = [
  ['open', '2026-11-30T10:00:00+01:00', 'open', '2026-11-30T21:00:00+01:00', 'Åben nu Lukker kl. 21.00', 'Open now Closes at 21:00'],
  ['closing soon', '2026-11-30T20:45:00+01:00', 'open', '2026-11-30T21:00:00+01:00', 'Åben nu Lukker snart – kl. 21.00', 'Open now Closing soon – at 21:00'],
  ['closed tonight', '2026-11-30T22:00:00+01:00', 'closed', '2026-12-01T09:00:00+01:00', 'Lukket nu Åbner i morgen kl. 9.00', 'Closed now Opens tomorrow at 9:00'],
  ['juleaften', '2026-12-24T10:00:00+01:00', 'closed', '2026-12-27T17:00:00+01:00', 'Lukket nu – Juleaftensdag Åbner søndag kl. 17.00', 'Closed now – Christmas Eve Opens Sunday at 17:00'],
  ['DST night (fall back)', '2026-10-25T02:30:00+01:00', 'closed', '2026-10-25T17:00:00+01:00', 'Lukket nu Åbner i dag kl. 17.00', 'Closed now Opens today at 17:00'],
];

for (const engine of ENGINES) {
  describe(engine, () => {
    let browser;
    before(async () => {
      browser = await launchEngine(engine);
    });
    after(() => browser?.close());

    /** Opens `path` at `at` and returns the tab and its widget, rendered. */
    async function widgetAt(path, at, selector) {
      const tab = await browser.open(`${server.origin}${path}`, { at });
      return { tab, widget: await tab.widget(selector).rendered() };
    }

    test('the visitor is in New York, the clock is the fake one', async () => {
      const tab = await browser.open(`${server.origin}/da.html`, { at: '2026-11-30T10:00:00+01:00' });
      const seen = await tab.evaluate(() => ({
        zone: Intl.DateTimeFormat().resolvedOptions().timeZone,
        offset: new Date().getTimezoneOffset(),
        now: new Date().toISOString(),
      }));
      assert.deepEqual(seen, { zone: 'America/New_York', offset: 300, now: '2026-11-30T09:00:00.000Z' });
      await tab.close();
    });

    for (const [name, at, state, nextChange, danish, english] of INSTANTS) {
      test(`${name}: state, next change and texts in da and en, full and compact`, async () => {
        for (const [path, expected] of [
          ['/da.html', danish],
          ['/en.html', english],
          ['/da-compact.html', danish],
          ['/en-compact.html', english],
        ]) {
          const { tab, widget } = await widgetAt(path, at);
          const seen = await widget.read();
          assert.deepEqual(
            { state: seen.state, nextChange: seen.nextChange, statusLine: seen.statusLine },
            { state, nextChange, statusLine: expected },
            `${path} at ${at}`,
          );
          assert.deepEqual(await tab.problems(), []);
          await tab.close();
        }
      });
    }

    test('the number is a click-to-call link in an open shadow root; the fallback hides', async () => {
      const { tab, widget } = await widgetAt('/da-compact.html', '2026-11-30T10:00:00+01:00');
      const seen = await widget.read();
      assert.equal(seen.phone, 'tel:+4570200000');
      assert.ok(seen.text.includes('70 20 00 00'), seen.text);
      assert.equal(seen.shadowMode, 'open');
      assert.equal(seen.fallbackVisible, false);
      await tab.close();
    });

    test('flips from open to closed at 21:00 when the clock gets there: attributes, texts, one event', async () => {
      const { tab, widget } = await widgetAt('/da.html', '2026-11-30T20:59:59+01:00');
      const first = await widget.read();
      assert.deepEqual([first.state, first.headline, first.detail], ['open', 'Åben nu', 'Lukker snart – kl. 21.00']);
      assert.deepEqual((await tab.log()).statusEvents, [
        { target: 'w', detail: { state: 'open', nextChange: '2026-11-30T21:00:00+01:00' } },
      ]);

      await tab.runFor(999);
      assert.equal((await widget.read()).state, 'open', 'not a moment early');
      await tab.runFor(1);

      const flipped = await widget.read();
      assert.deepEqual(
        [flipped.state, flipped.nextChange, flipped.headline, flipped.detail],
        ['closed', '2026-12-01T09:00:00+01:00', 'Lukket nu', 'Åbner i morgen kl. 9.00'],
      );
      assert.deepEqual((await tab.log()).statusEvents.slice(1), [
        { target: 'w', detail: { state: 'closed', nextChange: '2026-12-01T09:00:00+01:00' } },
      ]);
      assert.deepEqual(await tab.problems(), []);
      await tab.close();
    });

    test("the release's embed.html pasted into a page, the files on another origin: integrity holds", async () => {
      assert.ok(snippet.includes(`integrity="${manifest.integrity}" crossorigin="anonymous"`), snippet);
      const { tab, widget } = await widgetAt('/release.html', '2026-12-01T10:00:00+01:00');
      assert.equal((await widget.read()).state, 'open');
      assert.deepEqual(await tab.problems(), []);
      await tab.close();
    });

    test('a changed wasm on the CDN is refused: the fallback, one console error', async () => {
      const tab = await browser.open(`${server.origin}/release-tampered.html`, { at: '2026-12-01T10:00:00+01:00' });
      await tab.gaveUp();
      const { console: messages, errors } = await tab.log();
      const own = messages.filter((m) => m.text.includes('<digital-hotline>'));
      assert.equal(own.length, 1, JSON.stringify(own));
      assert.match(own[0].text, /could not load .*\/tampered\/digital-hotline\.wasm \(Error: it is not the file built with this script: the integrity check failed\)/);
      assert.deepEqual(errors, []);
      assert.equal((await tab.widget().read()).fallbackVisible, true);
      await tab.close();
    });

    test('loads its wasm relative to its own URL, not the page', async () => {
      const { tab, widget } = await widgetAt('/deep/folder/page.html', '2026-11-30T10:00:00+01:00');
      assert.equal((await widget.read()).state, 'open');
      assert.deepEqual(await tab.problems(), []);
      await tab.close();
    });

    test('upgrades elements added after the script ran', async () => {
      const { tab } = await widgetAt('/da.html', '2026-11-30T10:00:00+01:00');
      await tab.evaluate(() => {
        const late = document.createElement('digital-hotline');
        late.id = 'late';
        late.setAttribute('lang', 'en');
        document.body.append(late);
      });
      const late = await tab.widget('#late').rendered();
      assert.deepEqual(
        await late.read().then(({ state, headline }) => ({ state, headline })),
        { state: 'open', headline: 'Open now' },
      );
      await tab.close();
    });

    test('a hosted config with a special closure is used, without warnings', async () => {
      const { tab, widget } = await widgetAt('/hosted.html', '2026-12-01T10:00:00+01:00');
      const seen = await widget.read();
      assert.deepEqual([seen.state, seen.note], ['closed', 'Lukket pga. systemopdatering']);
      assert.deepEqual(await tab.messages('warn'), []);
      assert.deepEqual(await tab.problems(), []);
      await tab.close();
    });

    test('a page fetches only the wasm its widgets need, once: without config= the light one, with it the config one', async () => {
      const at = '2026-12-01T10:00:00+01:00';
      const count = () => ['digital-hotline.wasm', 'digital-hotline-config.wasm'].map((name) => server.requests[`/split/${name}`] ?? 0);
      const [light, config] = count();
      const states = (tab) => tab.evaluate(() => [...document.querySelectorAll('digital-hotline')].map((element) => element.getAttribute('state')));

      const plain = await browser.open(`${server.origin}/split/light.html`, { at });
      for (const id of ['#a', '#b']) await plain.widget(id).rendered();
      assert.deepEqual(await states(plain), ['open', 'open']);
      assert.deepEqual(count(), [light + 1, config]);
      assert.deepEqual(await plain.problems(), []);
      await plain.close();

      const hostedPage = await browser.open(`${server.origin}/split/hosted.html`, { at });
      for (const id of ['#a', '#b', '#c']) await hostedPage.widget(id).rendered();
      // The hosted config closes the day; the widget without config= has the built-in hours.
      assert.deepEqual(await states(hostedPage), ['closed', 'closed', 'open']);
      assert.deepEqual(count(), [light + 1, config + 1]);
      assert.deepEqual(await hostedPage.problems(), []);
      await hostedPage.close();
    });

    for (const [name, path, config, reason] of [
      ['HTTP error', '/failing-404.html', '/404.json', 'HTTP 404 Not Found'],
      ['invalid config', '/failing-invalid.html', '/invalid.json', 'invalid config: weekly.fri[0]: end 17:00 is before start 18:00'],
    ]) {
      test(`a failing hosted config (${name}): the built-in hours and exactly one warning`, async () => {
        const { tab, widget } = await widgetAt(path, '2026-12-01T10:00:00+01:00');
        assert.equal((await widget.read()).state, 'open', 'built-in hours: Tuesday 10:00 is open');
        const expected = `<digital-hotline>: config ${server.origin}${config} not used: ${reason}`;
        const warnings = await tab.messages('warn');
        assert.equal(warnings.length, 1, warnings.join('\n'));
        assert.ok(warnings[0].includes(expected), warnings[0]);
        // The page's record wraps `console`; where the driver reads the browser's own console,
        // check that it saw the same single warning (WebKit's driver cannot: see engines.mjs).
        if (browser.nativeConsole) {
          const native = tab.native.filter((m) => m.type.startsWith('warn') && m.text.includes('<digital-hotline>'));
          assert.equal(native.length, 1, JSON.stringify(tab.native));
          assert.ok(native[0].text.includes(expected), native[0].text);
        }
        assert.deepEqual(await tab.problems(), []);
        await tab.close();
      });
    }

    test('a missing wasm: the fallback stays, one console error, nothing thrown', async () => {
      const tab = await browser.open(`${server.origin}/missing-wasm.html`, { at: '2026-12-01T10:00:00+01:00' });
      await tab.gaveUp();
      const { console: messages, errors } = await tab.log();
      const own = messages.filter((m) => m.text.includes('<digital-hotline>'));
      assert.equal(own.length, 1, JSON.stringify(own));
      assert.equal(own[0].type, 'error');
      assert.match(own[0].text, /could not load .*\/missing\/digital-hotline\.wasm \(Error: HTTP 404 Not Found\); showing the fallback content/);
      assert.deepEqual(errors, []);
      const seen = await tab.widget().read();
      assert.deepEqual([seen.state, seen.fallbackVisible], [null, true]);
      await tab.close();
    });

    for (const [name, path, reason] of [
      ['a changed wasm', '/no-head-changed.html', 'it is not the file built with this script: the integrity check failed'],
      ['a missing wasm', '/no-head-missing.html', 'HTTP 404 Not Found'],
    ]) {
      test(`a server that refuses HEAD, ${name}: the diagnosis asks with a ranged GET`, async () => {
        asked.length = 0;
        const tab = await browser.open(`${server.origin}${path}`, { at: '2026-12-01T10:00:00+01:00' });
        await tab.gaveUp();
        const own = await tab.messages('error');
        assert.equal(own.length, 1, own.join('\n'));
        assert.ok(own[0].includes(`digital-hotline.wasm (Error: ${reason}); showing the fallback content.`), own[0]);
        assert.deepEqual(asked, ['GET', 'HEAD', 'GET bytes=0-0']);
        assert.deepEqual((await tab.log()).errors, []);
        assert.equal((await tab.widget().read()).fallbackVisible, true);
        await tab.close();
      });
    }

    for (const [name, path] of [
      ['WebAssembly.validate says no', '/below-floor.html'],
      ['there is no WebAssembly.validate', '/no-validate.html'],
    ]) {
      test(`below the floor (${name}): the fallback, one warning, the wasm never fetched`, async () => {
        const before = server.requests['/floor/digital-hotline.wasm'] ?? 0;
        const tab = await browser.open(`${server.origin}${path}`, { at: '2026-12-01T10:00:00+01:00' });
        // The check runs when the script does, before the load event the driver waited for.
        const { console: messages, errors } = await tab.log();
        const own = messages.filter((m) => m.text.includes('<digital-hotline>'));
        assert.deepEqual(own, [
          {
            type: 'warn',
            text: '<digital-hotline>: this browser cannot run the widget (no WebAssembly reference types); showing the fallback content.',
          },
        ]);
        assert.deepEqual(errors, []);
        const seen = await tab.widget().read();
        assert.deepEqual([seen.state, seen.fallbackVisible], [null, true]);
        assert.equal((server.requests['/floor/digital-hotline.wasm'] ?? 0) - before, 0);
        await tab.close();
      });
    }
  });
}
