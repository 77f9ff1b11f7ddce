// The drop-in script. It defines <digital-hotline>, which upgrades every such element on the
// page, now and later, and loads the widget's wasm from the folder this script itself was
// served from (so the bundle can be hosted anywhere). Until an element is rendered, and for
// good if anything fails, its own fallback content (the number as a plain link) stays visible.
// The logic lives in Rust; this file wires the custom element to it and guards every call
// into the wasm, so that nothing the widget does can throw into the host page.
import initLight, { mount as mountLight } from 'digital-hotline-glue';
import initHosted, { mount as mountHosted } from 'digital-hotline-config-glue';

/* global WASM_INTEGRITY, CONFIG_WASM_INTEGRITY -- each wasm's sha384, put in by the build (xtask/src/dist.rs) */
const TAG = 'digital-hotline';
const RUNTIME = Symbol.for('digital-hotline');

/**
 * The widget's two builds, each fetched at most once per page and only when needed: `light`
 * shows the built-in hours; `hosted` can also fetch a `config=` URL, and is larger (the fetch,
 * the validator and its texts), so a page gets it only for a widget with `config=`. `loaded`
 * settles (never rejects) when the module is `ready` or has `failed`.
 */
const light = { file: 'digital-hotline.wasm', integrity: WASM_INTEGRITY, init: initLight, mount: mountLight };
const hosted = { file: 'digital-hotline-config.wasm', integrity: CONFIG_WASM_INTEGRITY, init: initHosted, mount: mountHosted };
/** This script's URL: the wasm files lie beside it. */
let base;
/** `firstPaint()`, asked once. */
let painted;

/** Shared with both wasm modules (`src/embed/runtime.rs`). */
const runtime = {
  /** Set by an internal error (a Rust panic in either module): from then on nothing calls into the wasm. */
  dead: false,
  /** Elements showing a rendered widget, to put their fallback back after an internal error. */
  mounted: new Set(),

  /** Wraps a callback the browser will call into the wasm (timers, listeners, promises). */
  guard(callback) {
    return (...args) => {
      if (runtime.dead) return undefined;
      try {
        return callback(...args);
      } catch (error) {
        if (!runtime.dead) throw error;
        return undefined; // the trap after a panic, already reported
      }
    };
  },

  /** Called by the wasm's panic hook just before it stops. */
  panicked(message) {
    if (runtime.dead) return;
    runtime.dead = true;
    console.error(`<${TAG}>: internal error; showing the fallback content. ${message.replace(/\s+/g, ' ')}`);
    for (const element of runtime.mounted) showFallback(element);
    runtime.mounted.clear();
  },
};

/** The element's own content (a slot for it), with no state claimed. */
function showFallback(element) {
  if (element.shadowRoot) element.shadowRoot.replaceChildren(document.createElement('slot'));
  element.removeAttribute('state');
  element.removeAttribute('next-change');
}

/** This script's URL; `currentScript` is set while a classic script (also defer/async) runs. */
function scriptUrl() {
  const current = document.currentScript;
  if (current && current.src) return current.src;
  const named = [...document.scripts].find((script) => /digital-hotline[^/]*\.js(?:[?#]|$)/.test(script.src));
  return named ? named.src : document.baseURI;
}

/**
 * The page's widget work, one piece per task, so a page with several widgets never blocks its
 * main thread for long (a slow phone takes tens of ms per render): `jobs` are the second
 * halves of first renders (`runtime.soon`), run before the next element in `pending` starts.
 * A MessageChannel yields without a timer: the browser clamps nested timers, and fake clocks
 * (the tests') stop them. One message is in flight while either holds work.
 */
const pending = new Set();
const jobs = [];
const turns = new MessageChannel();
function queued(add) {
  if (!pending.size && !jobs.length) turns.port2.postMessage(null);
  add();
}
function renderSoon(element) {
  queued(() => pending.add(element));
}
runtime.soon = (callback) => queued(() => jobs.push(runtime.guard(callback)));

class DigitalHotline extends HTMLElement {
  static observedAttributes = ['lang', 'variant', 'label', 'config', 'preview-at', 'structured-data'];
  #widget = null;

  connectedCallback() {
    if (!this.#widget) renderSoon(this);
  }

  disconnectedCallback() {
    pending.delete(this);
    this.#unmount();
  }

  static {
    turns.port1.onmessage = () => {
      const job = jobs.shift();
      const [element] = job ? [] : pending;
      pending.delete(element);
      if (pending.size || jobs.length) turns.port2.postMessage(null);
      if (job) job();
      else if (element?.isConnected && !element.#widget) element.#mount();
    };
  }

  /**
   * A live element re-renders when one of the attributes it reads changes; one not rendered
   * yet (waiting for a module, or left on its fallback by one that failed) decides again
   * which module it needs when `config` changes.
   */
  attributeChangedCallback(name, before, after) {
    if (before === after) return;
    if (this.#widget) {
      this.#unmount();
      this.#mount();
    } else if (name === 'config' && this.isConnected) {
      renderSoon(this);
    }
  }

  #mount() {
    if (runtime.dead) return;
    const module = moduleFor(this);
    if (!module.ready) {
      // Re-decided once the module has loaded or failed (see `moduleFor`).
      if (!module.failed) load(module).then(() => renderSoon(this));
      showFallback(this);
      return;
    }
    try {
      this.#widget = module.mount(this);
      runtime.mounted.add(this);
    } catch (error) {
      if (!runtime.dead) console.error(`<${TAG}>: could not render; showing the fallback content.`, error);
      showFallback(this);
    }
  }

  #unmount() {
    runtime.mounted.delete(this);
    const widget = this.#widget;
    this.#widget = null;
    if (widget && !runtime.dead) runtime.guard(() => widget.free())();
  }
}

/**
 * Why fetching the wasm failed: with an integrity hash, a 404 and a changed file fail the same
 * way, so ask the server once more (only ever on this failure path): `HEAD`, or, from a server
 * that refuses `HEAD` (405, 501), a one-byte ranged `GET`.
 */
function diagnose(url, error) {
  const ask = (init) => fetch(url, { cache: 'no-store', ...init });
  return ask({ method: 'HEAD' })
    .then((head) => (head.status === 405 || head.status === 501 ? ask({ headers: { range: 'bytes=0-0' } }) : head))
    .then(
      (answer) =>
        answer.ok
          ? 'it is not the file built with this script: the integrity check failed'
          : `HTTP ${answer.status} ${answer.statusText}`.trim(),
      () => `${error}; could not tell why`,
    );
}

/**
 * The smallest module with an `externref` table: WebAssembly reference types, the newest
 * feature the widget's module uses in every engine (Chrome 96, Firefox 79, Safari 15;
 * tests/browser/floor.test.mjs derives this). A browser without it could not compile the
 * module, so it keeps the fallback content and never fetches the wasm.
 */
const REFERENCE_TYPES = new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0, 4, 4, 1, 111, 0, 0]);

function validates(bytes) {
  try {
    return WebAssembly.validate(bytes) === true;
  } catch {
    return false; // no `validate` at all: too old (or too broken) to try
  }
}

/**
 * Says once, at `console.info`, when the wasm came over the network uncompressed (the server
 * does not compress `application/wasm`): Resource Timing gives the bytes sent and the bytes
 * unpacked. Silent when the sizes are hidden (another origin without `Timing-Allow-Origin`).
 */
function reportCompression(url) {
  const entry = performance.getEntriesByName?.(url.href, 'resource').pop();
  if (!entry || !entry.encodedBodySize || entry.encodedBodySize < entry.decodedBodySize * 0.9) return;
  const kb = Math.round(entry.encodedBodySize / 1024);
  console.info(
    `<${TAG}>: ${url} arrived uncompressed (${kb} KB; about a third with brotli or gzip). ` +
      'Let the server send the .br/.gz files beside it: README, section "Server recipes".',
  );
}

/**
 * The module for an element: `hosted` for `config=`, and also for any other element once it is
 * there (no second download). Else `light`, except while the page is loading `hosted` and not
 * `light` (it started with a `config=` widget): then the others wait for `hosted`, and fall
 * back to `light` only if it fails.
 */
function moduleFor(element) {
  if (element.hasAttribute('config') || hosted.ready) return hosted;
  return light.ready || !hosted.loaded || hosted.failed ? light : hosted;
}

/**
 * Settles once the page has painted its first content: the wasm download then never shares the
 * network with it (Lighthouse's simulated LCP counts every request begun before the paint it
 * observed), and the fallback content is showing meanwhile. At once where that is past, the
 * browser does not say, or no such paint is coming: a page in a background tab, or one loaded
 * with nothing to paint but an empty widget. Not at the `load` event as such: on a light page it
 * often comes before the first paint.
 */
function firstPaint() {
  const past = () => performance.getEntriesByType?.('paint').some((entry) => entry.name === 'first-contentful-paint');
  const nothingToPaint = () =>
    document.readyState === 'complete' && !document.body?.innerText.trim() && !document.querySelector('img, svg, canvas, video');
  if (!PerformanceObserver.supportedEntryTypes?.includes('paint') || document.visibilityState === 'hidden' || past() || nothingToPaint()) {
    return Promise.resolve();
  }
  return new Promise((resolve) => {
    const observer = new PerformanceObserver((list) => {
      if (list.getEntriesByName('first-contentful-paint').length) done();
    });
    const loaded = () => nothingToPaint() && done();
    const done = () => {
      observer.disconnect();
      removeEventListener('load', loaded);
      resolve();
    };
    observer.observe({ type: 'paint', buffered: true });
    addEventListener('load', loaded);
  });
}

/** Fetches and instantiates `module`, once; a failure leaves its elements on their fallback. */
function load(module) {
  if (!module.loaded) {
    const url = new URL(module.file, base);
    // The integrity hash makes the browser refuse a wasm that is not the one built with this
    // script (a tampered or mismatched copy on the server).
    painted ??= firstPaint();
    module.loaded = painted
      .then(() => fetch(url, { integrity: module.integrity }))
      .catch((error) => diagnose(url, error).then((reason) => Promise.reject(new Error(reason))))
      .then((response) => {
        if (!response.ok) throw new Error(`HTTP ${response.status} ${response.statusText}`.trim());
        return module.init({ module_or_path: response });
      })
      .then(
        () => {
          module.ready = true;
          reportCompression(url);
        },
        (error) => {
          module.failed = true;
          console.error(`<${TAG}>: could not load ${url} (${error}); showing the fallback content.`);
        },
      );
  }
  return module.loaded;
}

function start() {
  if (window[RUNTIME]) return; // the script is on the page twice
  window[RUNTIME] = runtime;
  const missing = [
    typeof WebAssembly === 'object' || 'WebAssembly',
    typeof WebAssembly !== 'object' || validates(REFERENCE_TYPES) || 'WebAssembly reference types',
    'customElements' in window || 'custom elements',
    'attachShadow' in Element.prototype || 'shadow DOM',
    'adoptedStyleSheets' in Document.prototype || 'constructable stylesheets',
  ].filter((feature) => feature !== true);
  if (missing.length) {
    console.warn(`<${TAG}>: this browser cannot run the widget (no ${missing.join(', ')}); showing the fallback content.`);
    return;
  }
  base = scriptUrl();
  // Right away, not at the first element's turn: the download starts as early as it did with
  // one module. A page whose widgets are already there gets only the module they need.
  load(document.querySelector(`${TAG}[config]`) ? hosted : light);
  if (!customElements.get(TAG)) customElements.define(TAG, DigitalHotline);
}

start();
