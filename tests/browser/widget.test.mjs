// The complete widget as citizens and web teams get it: texts in both languages at chosen
// instants, the week table and special days, hosted configs and their failures, live updates,
// insert/remove, live attribute changes. Visitor in New York; clock driven by Playwright.
// Chromium only; the texts, flips, hosted configs, live updates and sleep also run in Firefox and
// WebKit (engines.test.mjs, engines-pages.test.mjs). Only here: the week table and special days,
// the live region, the DevTools listener count, request interception and layout.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { after, before, describe, test } from 'node:test';

import { embed, hostPage, json, launch, openAt, serve } from './support/hotline.mjs';

let server;
let browser;

const builtin = JSON.parse(await readFile(new URL('../../src/config/hotline.json', import.meta.url)));

/** The built-in config with a special closure and a new schedule from 1 April 2027. */
const hosted = {
  ...builtin,
  exceptions: [
    {
      date: '2026-12-01',
      hours: 'closed',
      note: { da: 'Lukket pga. systemopdatering', en: 'Closed for a system update' },
    },
  ],
  versions: [{ from: '2027-04-01', weekly: { ...builtin.weekly, fri: ['09:00-19:00'] } }],
};

before(async () => {
  server = await serve({
    '/da.html': hostPage(embed()),
    '/en.html': hostPage(embed({ lang: 'en' })),
    '/compact.html': hostPage(embed({ variant: 'compact' })),
    '/hosted.html': hostPage(embed({ config: '/hotline.json' })),
    '/two-hosted.html': hostPage(
      embed({ config: '/shared.json', id: 'a' }) + embed({ config: '/shared.json', id: 'b', lang: 'en' }),
    ),
    '/hotline.json': json(hosted),
    '/shared.json': json(hosted),
    '/failing.html': (request, response) => {
      const config = new URL(request.url, 'http://x').searchParams.get('config');
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      response.end(hostPage(embed({ config })));
    },
    '/404.json': json({ error: 'gone' }, { status: 404 }),
    '/not-json.json': json('<html>oops</html>'),
    '/invalid.json': json({ ...builtin, weekly: { ...builtin.weekly, fri: ['18:00-17:00'] } }),
    '/hang.json': () => {}, // never answers
  });
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

/** Opens `path` at `at` and returns the page and its first widget, rendered. */
async function widgetAt(path, at, options) {
  const page = await openAt(browser, `${server.origin}${path}`, at, options);
  return { page, widget: await page.widget().rendered() };
}

describe('texts at chosen instants', () => {
  const cases = [
    ['open', '2026-11-30T10:00:00+01:00', 'Åben nu Lukker kl. 21.00', 'Open now Closes at 21:00'],
    ['closing soon', '2026-11-30T20:45:00+01:00', 'Åben nu Lukker snart – kl. 21.00', 'Open now Closing soon – at 21:00'],
    ['closed tonight', '2026-11-30T22:00:00+01:00', 'Lukket nu Åbner i morgen kl. 9.00', 'Closed now Opens tomorrow at 9:00'],
    ['Saturday', '2026-11-28T12:00:00+01:00', 'Lukket nu Åbner i morgen kl. 17.00', 'Closed now Opens tomorrow at 17:00'],
    ['Sunday before 17', '2026-11-29T16:59:00+01:00', 'Lukket nu Åbner i dag kl. 17.00', 'Closed now Opens today at 17:00'],
    ['juleaften', '2026-12-24T10:00:00+01:00', 'Lukket nu – Juleaftensdag Åbner søndag kl. 17.00', 'Closed now – Christmas Eve Opens Sunday at 17:00'],
    ['Easter', '2026-04-05T18:00:00+02:00', 'Lukket nu – Påskedag Åbner tirsdag kl. 9.00', 'Closed now – Easter Sunday Opens Tuesday at 9:00'],
    ['store bededag 2023', '2023-05-05T10:00:00+02:00', 'Lukket nu – Store bededag Åbner søndag kl. 17.00', 'Closed now – General Prayer Day Opens Sunday at 17:00'],
    ['the same Friday in 2024', '2024-04-26T10:00:00+02:00', 'Åben nu Lukker kl. 17.00', 'Open now Closes at 17:00'],
    ['DST night (fall back)', '2026-10-25T02:30:00+01:00', 'Lukket nu Åbner i dag kl. 17.00', 'Closed now Opens today at 17:00'],
  ];
  for (const [name, at, danish, english] of cases) {
    test(name, async () => {
      for (const [path, expected] of [['/da.html', danish], ['/en.html', english]]) {
        const { page, widget } = await widgetAt(path, at);
        assert.equal(await widget.statusLine(), expected, `${path} at ${at}`);
        assert.deepEqual(page.errors, []);
        await page.close();
      }
    });
  }
});

test('flips live at 21:00: attribute, event, visible text and live region', async () => {
  const { page, widget } = await widgetAt('/da.html', '2026-11-30T20:59:59+01:00');
  assert.equal(await widget.liveRegion(), '', 'nothing to announce on the first render');
  const before = (await page.statusEvents()).length;
  await page.runFor(1000);
  assert.equal(await widget.state(), 'closed');
  assert.equal(await widget.liveRegion(), 'Lukket nu');
  assert.equal(await widget.statusLine(), 'Lukket nu Åbner i morgen kl. 9.00');
  assert.equal((await page.statusEvents()).length - before, 1);
  await page.close();
});

test('"closing soon" and "tomorrow" → "today" update by themselves, without events', async () => {
  const { page, widget } = await widgetAt('/da.html', '2026-11-30T20:29:59+01:00');
  assert.equal(await widget.statusLine(), 'Åben nu Lukker kl. 21.00');
  await page.runFor(1000);
  assert.equal(await widget.statusLine(), 'Åben nu Lukker snart – kl. 21.00');
  await page.runFor(30 * 60 * 1000); // 21:00 closes
  await page.runFor(3 * 60 * 60 * 1000); // past midnight
  assert.equal(await widget.statusLine(), 'Lukket nu Åbner i dag kl. 9.00');
  assert.equal((await page.statusEvents()).length, 2, 'first render and the 21:00 flip only');
  await page.close();
});

test('week table of regular hours, today marked; special days on the line and behind "+N flere"', async () => {
  const { page, widget } = await widgetAt('/da.html', '2026-12-24T10:00:00+01:00');
  assert.deepEqual(await widget.weekRows(), [
    'Mandag 9.00–21.00',
    'Tirsdag 9.00–21.00',
    'Onsdag 9.00–21.00',
    'Torsdag (i dag) 9.00–21.00',
    'Fredag 9.00–17.00',
    'Lørdag Lukket',
    'Søndag 17.00–21.00',
  ]);
  assert.equal(await widget.changeLine(), 'tors. 24.12.: Lukket – Juleaftensdag');
  assert.equal(await widget.changeMore(), '+4 flere');
  const list = page.page.locator('digital-hotline .changes ul');
  assert.equal(await list.isVisible(), false);
  // The keyboard opens the list: the summary is focusable and Enter toggles it.
  await page.page.locator('digital-hotline summary').focus();
  await page.page.keyboard.press('Enter');
  assert.equal(await list.isVisible(), true);
  const today = page.page.locator('digital-hotline tr[aria-current="date"] th');
  assert.equal(await today.innerText(), 'Torsdag (i dag)');
  assert.deepEqual(await widget.specialDays(), [
    'torsdag 24. december: Lukket – Juleaftensdag',
    'fredag 25. december: Lukket – Juledag',
    'lørdag 26. december: Lukket – 2. juledag',
    'torsdag 31. december: Lukket – Nytårsaftensdag',
    'fredag 1. januar: Lukket – Nytårsdag',
  ]);
  await page.close();
});

describe('hosted config', () => {
  test('a valid config with a special closure is used', async () => {
    const { page, widget } = await widgetAt('/hosted.html', '2026-12-01T10:00:00+01:00');
    assert.equal(await widget.state(), 'closed');
    assert.equal(await widget.note(), 'Lukket pga. systemopdatering');
    assert.equal(await widget.statusLine(), 'Lukket nu Åbner i morgen kl. 9.00');
    assert.deepEqual(page.warnings, []);
    await page.close();
  });

  test('a coming schedule version is announced', async () => {
    const { page, widget } = await widgetAt('/hosted.html', '2027-03-10T10:00:00+01:00');
    assert.equal(await widget.announcement(), 'Nye åbningstider fra 1. april');
    await page.close();
  });

  test('two widgets with the same URL fetch it once', async () => {
    const page = await openAt(browser, `${server.origin}/two-hosted.html`, '2026-12-01T10:00:00+01:00');
    await page.widget('#a').rendered();
    const english = await page.widget('#b').rendered();
    assert.equal(await english.note(), 'Closed for a system update');
    assert.equal(server.requests['/shared.json'], 1);
    await page.close();
  });

  const failures = [
    ['HTTP error', '/404.json', 'HTTP 404 Not Found'],
    ['not JSON', '/not-json.json', 'not valid JSON'],
    ['invalid config', '/invalid.json', 'invalid config: weekly.fri[0]: end 17:00 is before start 18:00'],
    ['network error', 'http://127.0.0.1:9/hotline.json', 'could not fetch it (TypeError: Failed to fetch)'],
  ];
  for (const [name, config, reason] of failures) {
    test(`${name}: the built-in hours and exactly one warning`, async () => {
      const url = `/failing.html?config=${encodeURIComponent(config)}`;
      const { page, widget } = await widgetAt(url, '2026-12-01T10:00:00+01:00');
      assert.equal(await widget.state(), 'open', 'built-in hours: Tuesday 10:00 is open');
      assert.equal(await widget.note(), null);
      assert.equal(page.warnings.length, 1, page.warnings.join('\n'));
      const absolute = new URL(config, server.origin).href;
      assert.ok(page.warnings[0].includes(`config ${absolute} not used: ${reason}`), page.warnings[0]);
      await page.close();
    });
  }

  test('timeout after 5 s: the fallback stays until then, then the built-in hours', async () => {
    const url = `/failing.html?config=${encodeURIComponent('/hang.json')}`;
    const page = await openAt(browser, `${server.origin}${url}`, '2026-12-01T10:00:00+01:00');
    const widget = page.widget();
    while (!server.requests['/hang.json']) await new Promise((resolve) => setTimeout(resolve, 20));
    assert.equal(await widget.fallbackVisible(), true, 'fallback content while waiting');
    await page.runFor(5000);
    await widget.rendered();
    assert.equal(await widget.state(), 'open');
    assert.equal(page.warnings.length, 1);
    assert.match(page.warnings[0], /hang\.json not used: no answer within 5 seconds/);
    await page.close();
  });
});

/** How many `visibilitychange` and `pageshow` listeners the window has (Chrome DevTools). */
async function wakeUpListeners(page) {
  const cdp = await page.page.context().newCDPSession(page.page);
  const { result } = await cdp.send('Runtime.evaluate', { expression: 'window' });
  const { listeners } = await cdp.send('DOMDebugger.getEventListeners', { objectId: result.objectId });
  await cdp.detach();
  return listeners.filter((l) => l.type === 'visibilitychange' || l.type === 'pageshow').length;
}

test('elements inserted later work; a removed one keeps no timer or listener', async () => {
  const { page } = await widgetAt('/da.html', '2026-11-30T20:59:00+01:00');
  assert.equal(await wakeUpListeners(page), 2, 'one widget: visibilitychange + pageshow');
  await page.page.evaluate(() => {
    const late = document.createElement('digital-hotline');
    late.id = 'late';
    late.setAttribute('variant', 'compact');
    document.body.append(late);
  });
  const late = await page.widget('#late').rendered();
  assert.equal(await late.state(), 'open');
  assert.equal(await wakeUpListeners(page), 4);
  await page.page.evaluate(() => {
    window.removed = document.querySelector('digital-hotline');
    window.removed.remove();
  });
  assert.equal(await wakeUpListeners(page), 2, 'the removed widget took its listeners along');
  await page.runFor(2 * 60 * 1000);
  assert.equal(await late.state(), 'closed');
  const removedState = await page.page.evaluate(() => window.removed.getAttribute('state'));
  assert.equal(removedState, 'open', 'the removed element was not updated: its timer is gone');
  const events = await page.statusEvents();
  assert.deepEqual(
    events.filter((event) => event.detail.state === 'closed').map((event) => event.target),
    ['late'],
    'only the element still on the page flipped',
  );
  await page.close();
});

test('changing lang and variant on a live element re-renders it', async () => {
  const { page, widget } = await widgetAt('/da.html', '2026-11-30T10:00:00+01:00');
  await page.page.evaluate(() => document.querySelector('digital-hotline').setAttribute('lang', 'en'));
  await page.page.locator('digital-hotline .widget[lang="en"]').waitFor();
  assert.equal(await widget.liveRegion(), '', 'a re-render is not a change of state');
  await page.page.evaluate(() => document.querySelector('digital-hotline').setAttribute('variant', 'compact'));
  await page.page.locator('digital-hotline .compact').waitFor();
  assert.equal(await page.page.locator('digital-hotline table.week').count(), 0);
  assert.equal(await widget.statusLine(), 'Open now Closes at 21:00');
  assert.equal((await page.statusEvents()).length, 1, 'no statuschange without a change of state');
  await page.close();
});

test('compact variant: name, icon, status, next change and number on one line', async () => {
  const { page, widget } = await widgetAt('/compact.html', '2026-11-30T10:00:00+01:00');
  assert.equal(await widget.text(), 'Den Digitale Hotline: Åben nu Lukker kl. 21.00 70 20 00 00');
  const boxes = await page.page.evaluate(() => {
    const root = document.querySelector('digital-hotline').shadowRoot;
    return ['.icon', '.headline', '.detail', '.phone'].map((s) => root.querySelector(s).getBoundingClientRect().top);
  });
  const [icon, ...rest] = boxes;
  for (const top of rest) assert.ok(Math.abs(top - boxes[1]) < 12, `one line: ${boxes}`);
  assert.ok(Math.abs(icon - boxes[1]) < 12);
  await page.close();
});

test('no cookies, no storage, no requests but its own files', async () => {
  const context = await browser.newContext({ timezoneId: 'America/New_York' });
  const page = await context.newPage();
  const requested = [];
  page.on('request', (request) => requested.push(new URL(request.url()).pathname));
  await page.goto(`${server.origin}/hosted.html`);
  await page.locator('digital-hotline[state]').waitFor();
  const storage = await page.evaluate(() => [document.cookie, localStorage.length, sessionStorage.length]);
  assert.deepEqual(storage, ['', 0, 0]);
  assert.deepEqual((await context.cookies()).length, 0);
  // A page with a hosted config gets the wasm that reads one, and not the other.
  assert.deepEqual(requested.sort(), ['/dist/digital-hotline-config.wasm', '/dist/digital-hotline.js', '/hosted.html', '/hotline.json']);
  await context.close();
});

test('after a laptop sleep: a late timer and a page shown again both read the clock anew', async () => {
  const { page, widget } = await widgetAt('/da.html', '2026-11-30T20:00:00+01:00');
  // Sleep through 21:00: the due timer fires once, late.
  await page.page.clock.fastForward('02:00:00');
  await page.runFor(0);
  assert.equal(await widget.state(), 'closed');
  assert.equal(await widget.nextChange(), '2026-12-01T09:00:00+01:00');

  // The clock moves on without any timer firing; showing the page again catches up (the
  // browser fires a bubbling visibilitychange at the document).
  await page.page.clock.setSystemTime(new Date('2026-12-01T10:00:00+01:00'));
  assert.equal(await widget.state(), 'closed', 'no timer has fired yet');
  await page.page.evaluate(() => document.dispatchEvent(new Event('visibilitychange', { bubbles: true })));
  assert.equal(await widget.state(), 'open');
  assert.equal(await widget.statusLine(), 'Åben nu Lukker kl. 21.00');
  await page.close();
});
