// The walking skeleton end to end: the built drop-in script on a plain page in Chromium, with
// the visitor in New York and the clock driven by Playwright.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';

import { embed, hostPage, launch, openAt, serve } from './support/hotline.mjs';

let server;
let browser;

before(async () => {
  server = await serve({
    '/da.html': hostPage(`<main id="page">${embed()}</main>`),
    '/en.html': hostPage(embed({ lang: 'en' })),
    '/deep/folder/page.html': hostPage(embed(), { script: '../../dist/digital-hotline.js' }),
  });
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

test('flips from open to closed at 21:00 Copenhagen time, live', async () => {
  const page = await openAt(browser, `${server.origin}/da.html`, '2026-11-30T20:59:59+01:00');
  const widget = await page.widget().rendered();

  assert.equal(await widget.state(), 'open');
  assert.equal(await widget.nextChange(), '2026-11-30T21:00:00+01:00');
  assert.equal(await widget.headline(), 'Åben nu');
  assert.equal(await widget.detail(), 'Lukker snart – kl. 21.00');
  const eventsBefore = (await page.statusEvents()).length;

  await page.runFor(1000);

  assert.equal(await widget.state(), 'closed');
  assert.equal(await widget.nextChange(), '2026-12-01T09:00:00+01:00');
  assert.equal(await widget.headline(), 'Lukket nu');
  assert.equal(await widget.detail(), 'Åbner i morgen kl. 9.00');
  const flips = (await page.statusEvents()).slice(eventsBefore);
  assert.deepEqual(flips, [
    { target: '', detail: { state: 'closed', nextChange: '2026-12-01T09:00:00+01:00' } },
  ]);
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('announces the first state with statuschange too', async () => {
  const page = await openAt(browser, `${server.origin}/da.html`, '2026-11-28T12:00:00+01:00');
  await page.widget().rendered();
  assert.deepEqual(await page.statusEvents(), [
    { target: '', detail: { state: 'closed', nextChange: '2026-11-29T17:00:00+01:00' } },
  ]);
  await page.close();
});

test('shows the number as a click-to-call link', async () => {
  const page = await openAt(browser, `${server.origin}/da.html`, '2026-11-30T10:00:00+01:00');
  const link = (await page.widget().rendered()).phoneLink();
  assert.equal(await link.getAttribute('href'), 'tel:+4570200000');
  assert.equal(await link.innerText(), '70 20 00 00');
  await page.close();
});

test('renders in an open shadow root, hiding the fallback', async () => {
  const page = await openAt(browser, `${server.origin}/da.html`, '2026-11-30T10:00:00+01:00');
  await page.widget().rendered();
  const fallbackVisible = await page.page
    .locator('digital-hotline > a[href^="tel:"]')
    .isVisible();
  assert.equal(fallbackVisible, false);
  const mode = await page.page.evaluate(
    () => document.querySelector('digital-hotline').shadowRoot?.mode,
  );
  assert.equal(mode, 'open');
  await page.close();
});

test('speaks English with lang="en"', async () => {
  const page = await openAt(browser, `${server.origin}/en.html`, '2026-11-27T17:30:00+01:00');
  const widget = await page.widget().rendered();
  assert.equal(await widget.headline(), 'Closed now');
  assert.equal(await widget.detail(), 'Opens Sunday at 17:00');
  await page.close();
});

test('upgrades elements added after the script ran', async () => {
  const page = await openAt(browser, `${server.origin}/da.html`, '2026-11-30T10:00:00+01:00');
  await page.widget().rendered();
  await page.page.evaluate(() => {
    const late = document.createElement('digital-hotline');
    late.id = 'late';
    late.setAttribute('lang', 'en');
    document.body.append(late);
  });
  const late = await page.widget('#late').rendered();
  assert.equal(await late.state(), 'open');
  assert.equal(await late.headline(), 'Open now');
  await page.close();
});

test('loads its wasm relative to its own URL, not the page', async () => {
  const page = await openAt(
    browser,
    `${server.origin}/deep/folder/page.html`,
    '2026-11-30T10:00:00+01:00',
  );
  const widget = await page.widget().rendered();
  assert.equal(await widget.state(), 'open');
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('stays closed over Christmas 2026 until Sunday 17:00', async () => {
  const page = await openAt(browser, `${server.origin}/da.html`, '2026-12-24T10:00:00+01:00');
  const widget = await page.widget().rendered();
  assert.equal(await widget.state(), 'closed');
  assert.equal(await widget.nextChange(), '2026-12-27T17:00:00+01:00');
  assert.equal(await widget.detail(), 'Åbner søndag kl. 17.00');
  await page.close();
});
