// The browser tests' one helper that knows the widget's selectors and how to start Chromium,
// so the tests read as what a visitor or a web team does.
import { readFile } from 'node:fs/promises';
import { get } from 'node:http';
import { createServer } from 'node:net';

import { chromium } from 'playwright-core';

import { startServer } from '../../../xtask/serve.mjs';

/** Flags Debian's Chromium needs here (root, no network but loopback). */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** The embed as a web team pastes it (DESIGN §1), with the fallback content inside. */
export function embed({ lang = 'da', variant, config, id } = {}) {
  const extra = [
    variant && `variant="${variant}"`,
    config !== undefined && `config="${config}"`,
    id && `id="${id}"`,
  ].filter(Boolean);
  return `<digital-hotline lang="${lang}"${extra.map((a) => ` ${a}`).join('')}>
  <a href="tel:+4570200000">Den Digitale Hotline: 70 20 00 00</a>
  (man.–tors. 9–21, fre. 9–17, søn. 17–21)
</digital-hotline>`;
}

/** A plain host page: the script tag in <head> (none for `script: null`) and `body` as given. */
export function hostPage(body, { script = '/dist/digital-hotline.js' } = {}) {
  return `<!doctype html>
<html lang="da"><head><meta charset="utf-8"><title>Test host</title>
<link rel="icon" href="data:,">
${script === null ? '' : `<script src="${script}" defer></script>`}</head>
<body>${body}</body></html>`;
}

/**
 * Serves the repository's dist/ plus `pages`: `{ '/path': html }`, or a handler
 * `(request, response) => void` for anything else. The result counts requests per path.
 */
export async function serve(pages = {}) {
  const requests = {};
  const routes = {};
  for (const [path, page] of Object.entries(pages)) {
    routes[path] = (request, response) => {
      requests[path] = (requests[path] ?? 0) + 1;
      if (typeof page === 'function') return page(request, response);
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      response.end(page);
    };
  }
  const server = await startServer({ routes });
  return { ...server, requests };
}

/**
 * A handler answering JSON (text as given, or a value to serialize) with `status`. Without a
 * `date` it sends no `Date` header: the server's real clock would disagree with the test's
 * fake one, and the widget would (rightly) correct the visitor's clock by it.
 */
export function json(body, { status = 200, date } = {}) {
  return (_request, response) => {
    response.sendDate = false;
    if (date) response.setHeader('date', date);
    response.writeHead(status, { 'content-type': 'application/json' });
    response.end(typeof body === 'string' ? body : JSON.stringify(body));
  };
}

const TYPES = { '.js': 'text/javascript', '.wasm': 'application/wasm', '.json': 'application/json', '.css': 'text/css' };

/**
 * A handler answering with a file of the repository (`dist/…`, `target/test-bundle/…`),
 * optionally changed by `transform(bytes) → bytes`.
 */
export function file(path, { transform = (bytes) => bytes, headers = {} } = {}) {
  const url = new URL(`../../../${path}`, import.meta.url);
  return async (_request, response) => {
    const body = transform(await readFile(url));
    const type = TYPES[path.slice(path.lastIndexOf('.'))] ?? 'application/octet-stream';
    response.sendDate = false; // see json()
    response.writeHead(200, { 'content-type': type, ...headers });
    response.end(body);
  };
}

/** The bundle's files as `cargo xtask dist` builds them: the loader and the two wasm files. */
export const BUNDLE = ['digital-hotline.js', 'digital-hotline.wasm', 'digital-hotline-config.wasm'];

/**
 * Routes that serve the bundle built into `folder` (`dist`, `target/test-bundle`, a release
 * folder) under the path `prefix` (`/test-bundle/`), each file through `file(…, options)`.
 */
export function bundle(prefix, folder, options) {
  return Object.fromEntries(BUNDLE.map((name) => [`${prefix}${name}`, file(`${folder}/${name}`, options)]));
}

/** A free high port, for servers that cannot be asked for port 0 (nginx, Apache). */
export function freePort() {
  return new Promise((resolve, reject) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
    probe.on('error', reject);
  });
}

/** The crate's version: the release folder's name (`dist/digital-hotline/<version>/`). */
export const VERSION = (await readFile(new URL('../../../Cargo.toml', import.meta.url), 'utf8')).match(/^version = "(.+)"$/m)[1];

/** A GET as sent, the body as it came (not unpacked, unlike `fetch`): for servers under test. */
export function raw(url, headers = {}) {
  return new Promise((resolve, reject) => {
    get(url, { headers }, (response) => {
      const chunks = [];
      response.on('data', (chunk) => chunks.push(chunk));
      response.on('end', () => resolve({ status: response.statusCode, headers: response.headers, body: Buffer.concat(chunks) }));
    }).on('error', reject);
  });
}

/** A plain status answer, e.g. `status(404)`. */
export function status(code, headers = {}) {
  return (_request, response) => {
    response.writeHead(code, headers);
    response.end();
  };
}

export async function launch() {
  return chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
}

/**
 * Opens `url` in a fresh context whose clock is paused at `at` (an RFC 3339 instant) in a time
 * zone other than Copenhagen, so the widget must do the zone work itself. `init` is a script
 * to run in the page before its own.
 */
export async function openAt(
  browser,
  url,
  at,
  { timezoneId = 'America/New_York', colorScheme = 'light', width = 1280, init } = {},
) {
  const context = await browser.newContext({
    timezoneId,
    colorScheme,
    viewport: { width, height: 900 },
  });
  const page = await context.newPage();
  const hotline = new HotlinePage(page);
  await page.clock.install({ time: new Date(Date.parse(at) - 60_000) });
  await page.clock.pauseAt(new Date(at));
  await page.addInitScript(() => {
    window.statusEvents = [];
    document.addEventListener('statuschange', (event) => {
      window.statusEvents.push({ target: event.target.id, detail: event.detail });
    });
  });
  if (init) await page.addInitScript(init);
  await page.goto(url);
  return hotline;
}

/** One host page with widgets on it, seen the way a visitor and a web team see it. */
export class HotlinePage {
  constructor(page) {
    this.page = page;
    /** Console errors and uncaught exceptions: a widget must cause none. */
    this.errors = [];
    /** Console warnings (a failed hosted config gives exactly one). */
    this.warnings = [];
    /** Console infos (an uncompressed wasm gives exactly one). */
    this.infos = [];
    /** `console.debug` messages (a corrected visitor clock is reported there). */
    this.debug = [];
    page.on('console', (message) => {
      if (message.type() === 'info') this.infos.push(message.text());
      if (message.type() === 'error') this.errors.push(message.text());
      if (message.type() === 'warning') this.warnings.push(message.text());
      if (message.type() === 'debug') this.debug.push(message.text());
    });
    page.on('pageerror', (error) => this.errors.push(String(error)));
  }

  widget(selector = 'digital-hotline') {
    return new Widget(this.page.locator(selector).first());
  }

  /** Waits for the widget's first console error (the loader giving up on a wasm file). */
  async gaveUp() {
    const said = () => this.errors.some((text) => text.includes('<digital-hotline>'));
    // The check and the listener are set up in one turn: no message can slip between them.
    while (!said()) await this.page.waitForEvent('console', { predicate: (message) => message.type() === 'error' });
  }

  /** `statuschange` events seen on the document so far: `{ target, detail }`. */
  async statusEvents() {
    return this.page.evaluate(() => window.statusEvents);
  }

  /** Advances the fake clock, firing due timers, then lets rendering settle. */
  async runFor(ms) {
    await this.page.clock.runFor(ms);
    await this.page.evaluate(() => new Promise((resolve) => queueMicrotask(resolve)));
  }

  async close() {
    await this.page.context().close();
  }
}

export class Widget {
  constructor(host) {
    this.host = host;
  }

  /** Waits until the widget has rendered (the host has a `state`). */
  async rendered() {
    await this.host.and(this.host.locator('xpath=self::*[@state]')).waitFor();
    return this;
  }

  state() {
    return this.host.getAttribute('state');
  }

  nextChange() {
    return this.host.getAttribute('next-change');
  }

  /** The status line as read: "Lukket nu – Juleaftensdag Åbner søndag kl. 17.00". */
  async statusLine() {
    return squash(await this.host.locator('.status').innerText());
  }

  /** The polite live region's text (it only gets some when the state flips). */
  liveRegion() {
    return this.host.locator('[role="status"]').textContent();
  }

  headline() {
    return this.host.locator('.headline').innerText();
  }

  /** Week table rows as shown (day by day, or grouped in narrow places): "Torsdag (i dag) Lukket Juleaftensdag". */
  async weekRows() {
    return (await this.host.locator('table.week tr').filter({ visible: true }).allInnerTexts()).map(squash);
  }

  /** The one line of changes as shown: "tors. 24.12.: Lukket – Juleaftensdag", and its "+N flere". */
  async changeLine() {
    return squash(await this.host.locator('.changes .line').innerText());
  }

  async changeMore() {
    const more = this.host.locator('.changes .more');
    return (await more.count()) ? more.innerText() : null;
  }

  /** The special days in the list behind "+N flere" (or the one on the line when it is alone). */
  async specialDays() {
    const listed = (await this.host.locator('.changes li.day').allTextContents()).map(squash);
    if (listed.length) return listed;
    return (await this.host.locator('.changes .line:has(.hours)').allTextContents()).map(squash);
  }

  async announcement() {
    const notice = this.host.locator('.changes .announcement').first();
    return (await notice.count()) ? squash(await notice.textContent()) : null;
  }

  async note() {
    const note = this.host.locator('.changes .note').first();
    return (await note.count()) ? squash(await note.textContent()) : null;
  }

  /** The whole rendered text of the shadow content. */
  async text() {
    return squash(await this.host.locator('.widget').innerText());
  }

  /** Whether the fallback content (light DOM) is what shows. */
  fallbackVisible() {
    return this.host.locator(':scope > a[href^="tel:"]').isVisible();
  }

  detail() {
    return this.host.locator('.detail').innerText();
  }

  phoneLink() {
    return this.host.locator('a.phone');
  }
}

/** Collapses whitespace so texts compare regardless of layout. */
function squash(text) {
  return text.replace(/\s+/g, ' ').trim();
}
