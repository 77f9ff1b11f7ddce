// The engine-neutral driver layer: the few things a test does with a page (open a URL,
// evaluate a function in it, read what it logged, close), the same in the three engines the
// widget must work in:
// - Chromium (Debian `chromium`), driven by playwright-core;
// - Firefox (Debian `firefox-esr`), driven by puppeteer-core over WebDriver BiDi;
// - WebKit (WebKitGTK's `WebKitWebDriver` + MiniBrowser under Xvfb), classic WebDriver.
// What Playwright's init scripts and clock did, the page carries itself (`page-init.js`):
// pages made by `testPage()` load it before the widget's script.
import { chromium } from 'playwright-core';
import puppeteer from 'puppeteer-core';

import { CHROMIUM_ARGS, file, serve, status } from './hotline.mjs';
import { launchWebKit } from './webdriver.mjs';

export const ENGINES = ['chromium', 'firefox', 'webkit'];

/** The visitor's zone: not Copenhagen, so the widget must do the zone work itself. */
export const VISITOR_ZONE = 'America/New_York';

/** The init script's path on a server made by `serveTestPages()`. */
const INIT = '/__test/page-init.js';

/** A host page for every engine: the init script, then the widget's script, then `body`. */
export function testPage(body, { script = '/dist/digital-hotline.js', attributes = 'defer', head = '' } = {}) {
  return `<!doctype html>
<html lang="da"><head><meta charset="utf-8"><title>Test host</title>
<script src="${INIT}"></script>${head}
${script ? `<script src="${script}" ${attributes}></script>` : ''}</head>
<body>${body}</body></html>`;
}

/** `serve()` plus the init script that `testPage()` pages load. */
export function serveTestPages(pages = {}) {
  return serve({ [INIT]: file('tests/browser/support/page-init.js'), '/favicon.ico': status(204), ...pages });
}

/**
 * Starts one browser of `engine` for a test file, with one page that every `open()` navigates
 * (a fresh page per test costs more than the tests themselves on a busy machine).
 */
export async function launchEngine(engine) {
  if (engine === 'chromium') {
    const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
    const context = await browser.newContext({ timezoneId: VISITOR_ZONE });
    return new Engine(engine, await context.newPage(), () => browser.close());
  }
  if (engine === 'firefox') {
    // Firefox takes the zone from the process environment.
    const browser = await puppeteer.launch({
      browser: 'firefox',
      executablePath: '/usr/bin/firefox-esr',
      headless: true,
      env: { ...process.env, TZ: VISITOR_ZONE },
    });
    return new Engine(engine, await browser.newPage(), () => browser.close());
  }
  if (engine === 'webkit') {
    // So does WebKitGTK (the driver's environment reaches MiniBrowser and its web process).
    const webkit = await launchWebKit({ env: { TZ: VISITOR_ZONE } });
    return new Engine(engine, null, () => webkit.close(), webkit.session);
  }
  throw new Error(`unknown engine ${engine}`);
}

/** `fn` applied to `args` (JSON values) as an expression every driver can evaluate. */
function expression(fn, args) {
  return `(${fn})(...${JSON.stringify(args)})`;
}

/** The URL with the fake clock's start instant (`page-init.js` reads `?clock=`). */
function withClock(url, at) {
  if (!at) return url;
  const parsed = new URL(url);
  parsed.searchParams.set('clock', at);
  return parsed.href;
}

/** One browser: a Playwright or Puppeteer `page`, or a WebDriver `session`. */
class Engine {
  #tab = null;

  constructor(name, page, close, session) {
    this.name = name;
    this.page = page;
    this.session = session;
    this.close = close;
    /**
     * Whether the driver sees the browser's own console, beside the page's record of it
     * (`testLog`): WebKitWebDriver has no log endpoint.
     */
    this.nativeConsole = Boolean(page);
    page?.on('console', (message) => this.#tab?.native.push({ type: message.type(), text: message.text() }));
    page?.on('pageerror', (error) => this.#tab?.native.push({ type: 'pageerror', text: String(error) }));
  }

  /** Opens `url` (with the fake clock at `at`, when given) and resolves when it has loaded. */
  async open(url, { at } = {}) {
    const tab = new Tab(this);
    this.#tab = tab;
    if (this.page) await this.page.goto(withClock(url, at));
    else await this.session.navigate(withClock(url, at));
    return tab;
  }

  evaluate(source) {
    return this.page ? this.page.evaluate(source) : this.session.evaluate(`() => ${source}`);
  }
}

/** One open page, in any engine. */
export class Tab {
  /** What the driver saw on the browser's console, where it can (`engine.nativeConsole`). */
  native = [];

  constructor(engine) {
    this.engine = engine;
  }

  /** Runs `fn(...args)` in the page (args and result JSON values), awaiting a promise. */
  evaluate(fn, ...args) {
    return this.engine.evaluate(expression(fn, args));
  }

  /** Leaves the page (the next test navigates the same browser tab). */
  async close() {
    await this.engine.open('about:blank');
  }

  /**
   * Resolves once `fn(...args)` is truthy (an element too); fails after `timeout` ms. A poll
   * that WebKit's driver never answers (it can lose a script call that overlaps a wasm trap in
   * the page) is asked again, twice at most: the poll only reads.
   */
  async waitFor(fn, { args = [], timeout = 10_000, what = String(fn) } = {}) {
    const deadline = Date.now() + timeout;
    for (let lost = 0; ; ) {
      try {
        if (await this.engine.evaluate(`Boolean(${expression(fn, args)})`)) return;
      } catch (error) {
        if (!/script timeout/.test(error.message) || ++lost > 2) throw error;
        continue;
      }
      if (Date.now() > deadline) throw new Error(`${this.engine.name}: timed out waiting for ${what}`);
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  }

  /** Waits for the widget's first console error: the loader giving up on a wasm file. */
  gaveUp() {
    const said = () => window.testLog.console.some((m) => m.type === 'error' && m.text.includes('<digital-hotline>'));
    return this.waitFor(said, { what: 'the loader to give up' });
  }

  /** The page's record: `{ console: [{ type, text }], errors, violations, statusEvents }`. */
  log() {
    return this.evaluate(() => window.testLog);
  }

  /** The widget's own console messages of `type` (`warn`, `error`, …), from the page's record. */
  async messages(type) {
    const { console } = await this.log();
    return console.filter((m) => m.type === type && m.text.includes('<digital-hotline>')).map((m) => m.text);
  }

  /** Everything that went wrong in the page: console errors and uncaught exceptions. */
  async problems() {
    const { console, errors } = await this.log();
    return [...console.filter((m) => m.type === 'error').map((m) => m.text), ...errors];
  }

  /** Advances the page's fake clock by `ms`, firing due timers (Playwright's `runFor`). */
  runFor(ms) {
    return this.clock('runFor', ms);
  }

  /**
   * Calls `testClock[method](arg)` in the page and waits until it has finished. Started, then
   * polled, rather than awaited in one call: WebKit's driver never answers a script call during
   * which the wasm trapped (a panic test).
   */
  async clock(method, arg) {
    await this.evaluate(
      (method, arg) => {
        window.testClockCall = 'running';
        Promise.resolve(window.testClock[method](arg)).then(
          () => (window.testClockCall = 'done'),
          (error) => (window.testClockCall = String(error)),
        );
      },
      method,
      arg,
    );
    await this.waitFor(() => window.testClockCall !== 'running', { what: `testClock.${method}(${arg})` });
    const outcome = await this.evaluate(() => window.testClockCall);
    if (outcome !== 'done') throw new Error(`testClock.${method}(${arg}): ${outcome}`);
  }

  widget(selector = 'digital-hotline') {
    return new Widget(this, selector);
  }
}

/** One `<digital-hotline>` on a tab, read through its public state and its shadow content. */
export class Widget {
  constructor(tab, selector) {
    this.tab = tab;
    this.selector = selector;
  }

  /** Waits until the widget has rendered (the host has a `state`). */
  async rendered() {
    await this.tab.waitFor((selector) => document.querySelector(selector)?.hasAttribute('state'), {
      args: [this.selector],
      what: `${this.selector} to render`,
    });
    return this;
  }

  /**
   * Everything a test reads at once (one round trip): the host's attributes, the texts a
   * visitor reads, and whether the fallback content is what shows.
   */
  read() {
    return this.tab.evaluate((selector) => {
      const host = document.querySelector(selector);
      const root = host.shadowRoot;
      const squash = (text) => text.replace(/\s+/g, ' ').trim();
      const text = (part) => {
        const element = root?.querySelector(part);
        return element ? squash(element.innerText) : null;
      };
      const fallback = host.querySelector('a[href^="tel:"]'); // light DOM, anywhere in the box
      return {
        state: host.getAttribute('state'),
        nextChange: host.getAttribute('next-change'),
        headline: text('.headline'),
        detail: text('.detail'),
        statusLine: text('.status'),
        note: text('.note'),
        text: text('.widget'),
        phone: root?.querySelector('a.phone')?.getAttribute('href') ?? null,
        shadowMode: root?.mode ?? null,
        fallbackVisible: Boolean(fallback && fallback.getClientRects().length > 0),
      };
    }, this.selector);
  }
}
