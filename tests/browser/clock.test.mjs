// The widget's clock over a long life: a laptop that sleeps, a wall clock that is set, a
// config served by a cache, a visitor clock corrected and then set right. The jumps are real
// wall-clock jumps: `clock.setSystemTime` moves `Date.now()` and fires no timer, as a laptop
// waking up does (unlike `runFor`, which moves timers and clock together).
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { after, before, describe, test } from 'node:test';

import { embed, hostPage, launch, openAt, serve } from './support/hotline.mjs';

const MINUTES = 60 * 1000;
const HOURS = 60 * MINUTES;
const builtin = JSON.parse(await readFile(new URL('../../src/config/hotline.json', import.meta.url)));

/** The built-in config with these response headers (`date`, `age`, …). */
function config(headers) {
  return (_request, response) => {
    response.sendDate = false;
    response.writeHead(200, { 'content-type': 'application/json', ...headers });
    response.end(JSON.stringify(builtin));
  };
}

/** An HTTP date (`Date` header), `hours` before the instant `at`. */
function httpDate(at, hours = 0) {
  return new Date(Date.parse(at) - hours * HOURS).toUTCString();
}

/** Counts the page's timer tasks and any change to the widget's DOM or host attributes. */
function watchCost() {
  window.timerTasks = 0;
  window.domChanges = 0;
  const setTimeoutFake = window.setTimeout;
  window.setTimeout = (callback, ...rest) =>
    setTimeoutFake((...args) => {
      window.timerTasks += 1;
      return callback(...args);
    }, ...rest);
  const observer = new MutationObserver((records) => {
    window.domChanges += records.length;
  });
  const watch = { subtree: true, childList: true, characterData: true, attributes: true };
  const original = Element.prototype.attachShadow;
  Element.prototype.attachShadow = function attachShadow(...args) {
    const shadow = original.apply(this, args);
    observer.observe(shadow, watch);
    observer.observe(this, { attributes: true });
    return shadow;
  };
}

/** Timer tasks and DOM changes so far (see `watchCost`), taking pending mutation records. */
function cost(page) {
  return page.page.evaluate(() => ({ timerTasks: window.timerTasks, domChanges: window.domChanges }));
}

// Visitor clocks for the skew tests (Copenhagen time; Monday 30 November 2026 is open 9–21).
const AT = {
  mon2130: '2026-11-30T21:30:00+01:00',
  mon1000: '2026-11-30T10:00:00+01:00',
  mon2358: '2026-11-30T23:58:00+01:00',
  mon2100: '2026-11-30T21:00:00+01:00',
};

let server;
let other;
let browser;

before(async () => {
  // The same CDN copy on another origin, with the headers the README asks for.
  other = await serve({
    '/cached.json': config({
      date: httpDate(AT.mon2130, 3),
      age: String(3 * 3600),
      'access-control-allow-origin': '*',
      'access-control-expose-headers': 'Date, Age',
    }),
  });
  server = await serve({
    '/cross-origin-cached.html': hostPage(embed({ config: `${other.origin}/cached.json` })),
    '/da.html': hostPage(embed()),
    // A CDN's copy, 3 hours old, of a response from a server whose clock is right.
    '/cached.html': hostPage(embed({ config: '/cached.json' })),
    '/cached.json': config({ date: httpDate(AT.mon2130, 3), age: String(3 * 3600) }),
    // A copy kept two days with no `Age` (a service worker, say): not a clock 2 days fast.
    '/stale.html': hostPage(embed({ config: '/stale.json' })),
    '/stale.json': config({ date: httpDate(AT.mon1000, 48) }),
    // A server 3 hours behind the visitor at 23:58: the visitor's clock is 3 hours fast.
    '/fast.html': hostPage(embed({ config: '/fast.json' })),
    '/fast.json': config({ date: httpDate(AT.mon2358, 3) }),
    '/fast-at-21.html': hostPage(embed({ config: '/fast-at-21.json' })),
    '/fast-at-21.json': config({ date: httpDate(AT.mon2100, 3) }),
  });
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await server?.close();
  await other?.close();
});

describe('sleep and wall-clock jumps', () => {
  test('a laptop opened the next morning shows the new truth within 5 minutes, no event needed', async () => {
    const page = await openAt(browser, `${server.origin}/da.html`, '2026-11-30T21:30:00+01:00');
    const widget = await page.widget().rendered();
    assert.equal(await widget.statusLine(), 'Lukket nu Åbner i morgen kl. 9.00');
    // Asleep overnight: the wall clock moves on, no timer fires, no visibilitychange comes.
    await page.page.clock.setSystemTime(new Date('2026-12-01T10:00:00+01:00'));
    assert.equal(await widget.state(), 'closed', 'nothing has run yet');
    await page.runFor(5 * MINUTES);
    assert.equal(await widget.state(), 'open');
    assert.equal(await widget.statusLine(), 'Åben nu Lukker kl. 21.00');
    assert.equal(await widget.nextChange(), '2026-12-01T21:00:00+01:00');
    assert.deepEqual(page.errors, []);
    await page.close();
  });

  test('a wall clock set back redraws for the earlier time', async () => {
    const page = await openAt(browser, `${server.origin}/da.html`, '2026-12-01T10:00:00+01:00');
    const widget = await page.widget().rendered();
    assert.equal(await widget.state(), 'open');
    await page.page.clock.setSystemTime(new Date('2026-11-30T22:00:00+01:00'));
    await page.runFor(5 * MINUTES);
    assert.equal(await widget.state(), 'closed');
    assert.equal(await widget.statusLine(), 'Lukket nu Åbner i morgen kl. 9.00');
    await page.close();
  });

  test('between transitions: one timer task per 5 minutes and no DOM work', async () => {
    const page = await openAt(browser, `${server.origin}/da.html`, '2026-11-30T10:00:00+01:00', { init: watchCost });
    const widget = await page.widget().rendered();
    const start = await cost(page);
    await page.runFor(10 * HOURS); // 10:00 → 20:00, nothing to change
    const quiet = await cost(page);
    assert.equal(quiet.timerTasks - start.timerTasks, 10 * 12, 'a clock check every 5 minutes');
    assert.equal(quiet.domChanges, start.domChanges, 'no DOM or attribute change between transitions');
    await page.runFor(30 * MINUTES); // 20:30: "Lukker snart"
    assert.equal(await widget.statusLine(), 'Åben nu Lukker snart – kl. 21.00');
    assert.ok((await cost(page)).domChanges > quiet.domChanges, 'the redraw at 20:30 is seen');
    await page.close();
  });
});

describe('correcting the visitor clock with the config server', () => {
  test("a CDN's copy (Age) does not move the visitor into the past", async () => {
    const page = await openAt(browser, `${server.origin}/cached.html`, AT.mon2130);
    const widget = await page.widget().rendered();
    assert.equal(await widget.state(), 'closed', '21:30, not the 18:30 of the copy');
    assert.equal(await widget.nextChange(), '2026-12-01T09:00:00+01:00');
    await page.close();
  });

  test('the same from another origin, with Access-Control-Expose-Headers: Date, Age', async () => {
    const page = await openAt(browser, `${server.origin}/cross-origin-cached.html`, AT.mon2130);
    const widget = await page.widget().rendered();
    assert.equal(await widget.state(), 'closed', 'without Age exposed it would be 18:30, open');
    assert.deepEqual(page.warnings, []);
    await page.close();
  });

  test('a stale copy without Age is not taken for a fast clock', async () => {
    const page = await openAt(browser, `${server.origin}/stale.html`, AT.mon1000);
    const debug = [];
    page.page.on('console', (m) => m.type() === 'debug' && debug.push(m.text()));
    const widget = await page.widget().rendered();
    assert.equal(await widget.state(), 'open', 'Monday 10:00, not the Saturday of the copy');
    assert.ok(debug.some((m) => /48 hours behind .* stale cached copy/.test(m)), debug.join('\n'));
    await page.close();
  });

  test('a visitor clock set right after the correction: the correction is dropped', async () => {
    // The server says 20:58 (open, closing soon); the visitor's clock says 23:58.
    const page = await openAt(browser, `${server.origin}/fast.html`, AT.mon2358);
    const debug = [];
    page.page.on('console', (m) => m.type() === 'debug' && debug.push(m.text()));
    const widget = await page.widget().rendered();
    assert.equal(await widget.statusLine(), 'Åben nu Lukker snart – kl. 21.00');
    // The visitor's clock is set right (to 20:58:30), then five minutes pass: 21:03.
    await page.page.clock.setSystemTime(new Date('2026-11-30T20:58:30+01:00'));
    await page.runFor(5 * MINUTES);
    assert.equal(await widget.state(), 'closed', 'the old correction would say 18:03');
    assert.equal(await widget.nextChange(), '2026-12-01T09:00:00+01:00');
    assert.ok(debug.some((m) => /clock was set right; using it again/.test(m)), debug.join('\n'));
    await page.close();
  });

  test('a laptop sleep keeps the correction', async () => {
    // The server says 18:00; the visitor's clock says 21:00. Two hours of sleep.
    const page = await openAt(browser, `${server.origin}/fast-at-21.html`, AT.mon2100);
    const widget = await page.widget().rendered();
    assert.equal(await widget.statusLine(), 'Åben nu Lukker kl. 21.00');
    await page.page.clock.setSystemTime(new Date('2026-11-30T23:00:00+01:00'));
    await page.runFor(31 * MINUTES); // 20:31 by the server
    assert.equal(await widget.statusLine(), 'Åben nu Lukker snart – kl. 21.00');
    await page.close();
  });
});
