// The two wasm files: `digital-hotline.wasm` (the built-in hours) for pages without `config=`,
// `digital-hotline-config.wasm` (it also reads hosted configs) for pages with it. Each page
// fetches only what its widgets need, each file at most once; a widget with `config=` that
// arrives later brings the config module then; and when the config module cannot load, the
// widgets without `config=` keep working while those with it keep their fallback.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { after, before, describe, test } from 'node:test';

import { bundle, embed, file, hostPage, json, launch, openAt, serve, status } from './support/hotline.mjs';

/** A Tuesday at 20:59: open by the built-in hours until 21:00. */
const AT = '2026-12-01T20:59:00+01:00';
const builtin = JSON.parse(await readFile(new URL('../../src/config/hotline.json', import.meta.url)));
/** The hosted config: closed all that Tuesday, so a widget shows which config it runs on. */
const closedToday = { ...builtin, exceptions: [{ date: '2026-12-01', hours: 'closed' }] };

const LIGHT = 'digital-hotline.wasm';
const CONFIG = 'digital-hotline-config.wasm';

/** Two widgets without `config=`. */
const lightPage = (prefix) => hostPage(embed({ id: 'a' }) + embed({ id: 'b', lang: 'en' }), { script: `${prefix}digital-hotline.js` });

/** Three widgets with `config=` and one without. */
const hostedPage = (prefix) =>
  hostPage(
    embed({ id: 'h1', config: '/closed.json' }) +
      embed({ id: 'h2', config: '/closed.json', lang: 'en' }) +
      embed({ id: 'h3', config: '/closed.json', variant: 'compact' }) +
      embed({ id: 'plain' }),
    { script: `${prefix}digital-hotline.js` },
  );

let server;
let browser;

before(async () => {
  const pages = { '/closed.json': json(closedToday) };
  // Each folder serves the bundle; two of them a config module that fails.
  for (const [prefix, config] of [
    ['/ok/', undefined],
    ['/missing/', status(404)],
    [
      '/changed/',
      file(`dist/${CONFIG}`, {
        transform: (bytes) => {
          const changed = Buffer.from(bytes);
          changed[changed.length - 1] ^= 1;
          return changed;
        },
      }),
    ],
  ]) {
    Object.assign(pages, bundle(prefix, 'dist'));
    if (config) pages[`${prefix}${CONFIG}`] = config;
    pages[`${prefix}light.html`] = lightPage(prefix);
    pages[`${prefix}hosted.html`] = hostedPage(prefix);
  }
  server = await serve(pages);
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

/** How often each wasm file under `prefix` has been asked for so far. */
function fetched(prefix) {
  return { light: server.requests[`${prefix}${LIGHT}`] ?? 0, config: server.requests[`${prefix}${CONFIG}`] ?? 0 };
}

/** Adds a widget to the page, with `config` when given. */
function addWidget(hotline, id, config) {
  return hotline.page.evaluate(
    ([id, config]) => {
      const element = document.createElement('digital-hotline');
      element.id = id;
      if (config) element.setAttribute('config', config);
      element.innerHTML = '<a href="tel:+4570200000">70 20 00 00</a>';
      document.body.append(element);
    },
    [id, config],
  );
}

/** The widget's own console errors, and anything thrown into the page, from here on. */
function watch(hotline) {
  const thrown = [];
  hotline.page.on('pageerror', (error) => thrown.push(String(error)));
  return { thrown, own: () => hotline.errors.filter((text) => text.includes('<digital-hotline>')) };
}

async function states(hotline, ids) {
  const seen = {};
  for (const id of ids) seen[id] = await hotline.widget(`#${id}`).state();
  return seen;
}

test('a page without config= fetches only digital-hotline.wasm', async () => {
  const before = fetched('/ok/');
  const hotline = await openAt(browser, `${server.origin}/ok/light.html`, AT);
  for (const id of ['a', 'b']) await hotline.widget(`#${id}`).rendered();
  assert.deepEqual(await states(hotline, ['a', 'b']), { a: 'open', b: 'open' });
  const now = fetched('/ok/');
  assert.deepEqual({ light: now.light - before.light, config: now.config - before.config }, { light: 1, config: 0 });
  assert.deepEqual([hotline.errors, hotline.warnings], [[], []]);
  await hotline.close();
});

test('a page with config= fetches only digital-hotline-config.wasm, once for all its widgets', async () => {
  const before = fetched('/ok/');
  const hotline = await openAt(browser, `${server.origin}/ok/hosted.html`, AT);
  for (const id of ['h1', 'h2', 'h3', 'plain']) await hotline.widget(`#${id}`).rendered();
  // The hosted config closes the day; the widget without config= shows the built-in hours.
  assert.deepEqual(await states(hotline, ['h1', 'h2', 'h3', 'plain']), { h1: 'closed', h2: 'closed', h3: 'closed', plain: 'open' });
  const now = fetched('/ok/');
  assert.deepEqual({ light: now.light - before.light, config: now.config - before.config }, { light: 0, config: 1 });
  assert.deepEqual([hotline.errors, hotline.warnings], [[], []]);
  await hotline.close();
});

test('a config= widget added to a page without one brings the config wasm then; both kinds stay live', async () => {
  const before = fetched('/ok/');
  const hotline = await openAt(browser, `${server.origin}/ok/light.html`, AT);
  for (const id of ['a', 'b']) await hotline.widget(`#${id}`).rendered();
  assert.equal(fetched('/ok/').config - before.config, 0, 'nothing asked for a hosted config yet');

  await addWidget(hotline, 'late', '/closed.json');
  assert.equal(await (await hotline.widget('#late').rendered()).state(), 'closed');
  // An existing widget given config= later renders with the hosted config, and without it again
  // with the built-in hours; one added without config= uses the module already there.
  await hotline.page.evaluate(() => document.querySelector('#b').setAttribute('config', '/closed.json'));
  await hotline.page.locator('#b[state="closed"]').waitFor();
  await hotline.page.evaluate(() => document.querySelector('#b').removeAttribute('config'));
  await hotline.page.locator('#b[state="open"]').waitFor();
  await addWidget(hotline, 'plain');
  await hotline.widget('#plain').rendered();
  assert.deepEqual(await states(hotline, ['a', 'b', 'late', 'plain']), { a: 'open', b: 'open', late: 'closed', plain: 'open' });

  // 21:00 comes: the widgets on either module redraw.
  await hotline.runFor(60_000);
  assert.deepEqual(await states(hotline, ['a', 'b', 'late', 'plain']), { a: 'closed', b: 'closed', late: 'closed', plain: 'closed' });
  assert.equal(await hotline.widget('#a').nextChange(), '2026-12-02T09:00:00+01:00');

  const now = fetched('/ok/');
  assert.deepEqual({ light: now.light - before.light, config: now.config - before.config }, { light: 1, config: 1 });
  assert.deepEqual([hotline.errors, hotline.warnings], [[], []]);
  await hotline.close();
});

describe('the config wasm fails to load', () => {
  for (const [name, prefix, reason] of [
    ['404', '/missing/', 'HTTP 404 Not Found'],
    ['integrity mismatch', '/changed/', 'it is not the file built with this script: the integrity check failed'],
  ]) {
    const message = (origin) =>
      `<digital-hotline>: could not load ${origin}${prefix}${CONFIG} (Error: ${reason}); showing the fallback content.`;

    test(`${name}, on a page that started without config=: the light widgets keep working, the config widget its fallback, one error`, async () => {
      const hotline = await openAt(browser, `${server.origin}${prefix}light.html`, AT);
      const { thrown, own } = watch(hotline);
      for (const id of ['a', 'b']) await hotline.widget(`#${id}`).rendered();
      await addWidget(hotline, 'late', '/closed.json');
      await hotline.gaveUp();
      assert.deepEqual(own(), [message(server.origin)]);
      const late = hotline.widget('#late');
      assert.deepEqual([await late.state(), await late.fallbackVisible()], [null, true]);
      // The light module still renders new widgets and redraws the old ones.
      await addWidget(hotline, 'plain');
      await hotline.widget('#plain').rendered();
      await hotline.runFor(60_000);
      assert.deepEqual(await states(hotline, ['a', 'b', 'plain']), { a: 'closed', b: 'closed', plain: 'closed' });
      assert.equal(await late.fallbackVisible(), true);
      // Without its config= it needs only the light module, and renders.
      await hotline.page.evaluate(() => document.querySelector('#late').removeAttribute('config'));
      assert.equal(await (await late.rendered()).state(), 'closed');
      assert.deepEqual(own(), [message(server.origin)], 'still one error');
      assert.deepEqual(thrown, []);
      await hotline.close();
    });

    test(`${name}, on a page that started with config=: its widget without config= falls back to the light wasm`, async () => {
      const before = fetched(prefix);
      const hotline = await openAt(browser, `${server.origin}${prefix}hosted.html`, AT);
      const { thrown, own } = watch(hotline);
      await hotline.gaveUp();
      assert.equal(await (await hotline.widget('#plain').rendered()).state(), 'open');
      assert.deepEqual(own(), [message(server.origin)]);
      for (const id of ['h1', 'h2', 'h3']) {
        const widget = hotline.widget(`#${id}`);
        assert.deepEqual([await widget.state(), await widget.fallbackVisible()], [null, true], id);
      }
      assert.equal(fetched(prefix).light - before.light, 1);
      assert.deepEqual(thrown, []);
      await hotline.close();
    });
  }
});
