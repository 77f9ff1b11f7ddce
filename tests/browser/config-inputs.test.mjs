// What a hosted config can throw at the wasm, on the path that ships: a response too large to
// copy into the wasm memory, and a few thousand generated documents through the browser's
// `JSON.parse` into the validator (the documents `tests/config_fuzz.rs` generates natively).
// Uses the test bundle (`test-hooks`), whose runtime object has `test.validate` and
// `test.memoryBytes` (src/embed/test_hooks.rs).
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { after, before, describe, test } from 'node:test';

import { bundle, embed, hostPage, launch, openAt, serve, status } from './support/hotline.mjs';

const BUILTIN_TEXT = await readFile(new URL('../../src/config/hotline.json', import.meta.url), 'utf8');
const FIVE_MB = `{"version": 1, "pad": "${'x'.repeat(5 * 1024 * 1024)}"}`;
const TEST_BUNDLE = '/test-bundle/digital-hotline.js';

let server;
let browser;

before(async () => {
  const page = (config) => hostPage(embed({ config }), { script: TEST_BUNDLE });
  server = await serve({
    ...bundle('/test-bundle/', 'target/test-bundle'),
    '/length.html': page('/length.json'),
    '/length.json': (_request, response) => {
      response.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(FIVE_MB) });
      response.end(FIVE_MB);
    },
    '/chunked.html': page('/chunked.json'),
    '/chunked.json': (_request, response) => {
      response.writeHead(200, { 'content-type': 'application/json' }); // no length: chunked
      for (let at = 0; at < FIVE_MB.length; at += 64 * 1024) response.write(FIVE_MB.slice(at, at + 64 * 1024));
      response.end();
    },
    '/control.html': page('/missing.json'),
    '/missing.json': status(404),
    // A widget with `config=`, so that the page loads the module with the validator.
    '/hooks.html': page('/missing.json'),
  });
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

/** The widget on `path` once rendered, with its warnings and the wasm memory's size. */
async function load(path) {
  const page = await openAt(browser, `${server.origin}${path}`, '2026-12-01T10:00:00+01:00');
  const widget = await page.widget().rendered();
  const memory = await page.page.evaluate(() => window[Symbol.for('digital-hotline')].test.memoryBytes());
  const seen = { state: await widget.state(), warnings: page.warnings, errors: page.errors, memory };
  await page.close();
  return seen;
}

describe('a 5 MB config is refused before it reaches the wasm memory', () => {
  let control;
  before(async () => {
    control = await load('/control.html');
  });

  for (const [name, path, reason] of [
    ['by Content-Length', '/length.html', /length\.json not used: 5242\d{3} bytes is too large \(at most 262144\)/],
    ['by the text length (no Content-Length)', '/chunked.html', /chunked\.json not used: at least 5242\d{3} bytes is too large/],
  ]) {
    test(name, async () => {
      const seen = await load(path);
      assert.equal(seen.state, 'open', 'the built-in hours');
      assert.equal(seen.warnings.length, 1, seen.warnings.join('\n'));
      assert.match(seen.warnings[0], reason);
      assert.deepEqual(seen.errors, []);
      // The wasm memory never shrinks: a copied 5 MB text would leave it 5 MB larger than
      // on the same page whose config failed with a 404.
      assert.ok(seen.memory - control.memory < 1024 * 1024, `${seen.memory} bytes against ${control.memory}`);
    });
  }
});

// ---- the generator: the shapes of tests/config_fuzz.rs, seeded ----

/** mulberry32: a small seeded generator; `next()` is uniform in [0, 1). */
function random(seed) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
  const int = (low, high) => low + Math.floor(next() * (high - low)); // [low, high)
  const pick = (items) => items[int(0, items.length)];
  return { next, int, pick };
}

/** Words the validator looks for (as in config_fuzz.rs). */
const KEYS = ['version', 'name', 'phone', 'weekly', 'holidays', 'exceptions', 'versions', 'da', 'en',
  'mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun', 'date', 'from', 'to', 'hours', 'note',
  'paaskedag', 'juledag', 'foerste_maj', 'x'];

/** Printable code points (`\PC`): ASCII, Danish letters, Greek, CJK, emoji beyond the BMP. */
const PRINTABLE = [[0x20, 0x7e], [0xa1, 0xff], [0x391, 0x3c9], [0x4e00, 0x4e80], [0x1f600, 0x1f640]];

function text(r, max) {
  let out = '';
  for (let n = r.int(0, max + 1); n > 0; n--) {
    const [low, high] = r.pick(PRINTABLE);
    out += String.fromCodePoint(r.int(low, high + 1));
  }
  return out;
}

const digits = (r, n) => Array.from({ length: n }, () => r.int(0, 10)).join('');

/** Any finite f64, from random bits (as proptest's `any::<f64>()`). */
function float(r) {
  const view = new DataView(new ArrayBuffer(8));
  for (;;) {
    view.setUint32(0, r.int(0, 2 ** 32));
    view.setUint32(4, r.int(0, 2 ** 32));
    const value = view.getFloat64(0);
    if (Number.isFinite(value)) return value;
  }
}

function leaf(r) {
  switch (r.int(0, 8)) {
    case 0: return null;
    case 1: return r.next() < 0.5;
    case 2: return r.int(-3, 30);
    case 3: return float(r);
    case 4: return `${digits(r, 2)}:${digits(r, 2)}-${digits(r, 2)}:${digits(r, 2)}`;
    case 5: return `${r.pick(['19', '20', '21', '22', '29'])}${digits(r, 2)}-${r.int(0, 2)}${digits(r, 1)}-${r.int(0, 4)}${digits(r, 1)}`;
    case 6: return r.pick(['closed', 'ordinary', '+4570200000', '24:00', '', '<b>']);
    default: return text(r, 12);
  }
}

/** A JSON value up to 6 levels deep, about 64 nodes at most, 0–7 items per collection. */
function json(r, depth = 6, budget = { nodes: 64 }) {
  budget.nodes -= 1;
  if (depth === 0 || budget.nodes <= 0 || r.next() < 0.35) return leaf(r);
  const items = Array.from({ length: r.int(0, 8) }, () => json(r, depth - 1, budget));
  if (r.next() < 0.5) return items;
  return Object.fromEntries(items.map((item) => [r.pick(KEYS), item]));
}

/** Every place in a document as a path of keys, children first, the root last. */
function places(value, at = [], out = []) {
  if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) places(item, [...at, key], out);
  }
  out.push(at);
  return out;
}

/** The built-in config with 1–3 values swapped for generated ones. */
function mutated(r) {
  let doc = JSON.parse(BUILTIN_TEXT);
  for (let edits = r.int(1, 4); edits > 0; edits--) {
    const path = r.pick(places(doc));
    const value = json(r);
    if (path.length === 0) {
      doc = value;
    } else {
      let parent = doc;
      for (const key of path.slice(0, -1)) parent = parent[key];
      parent[path.at(-1)] = value;
    }
  }
  return JSON.stringify(doc);
}

const pad = (n) => String(n).padStart(2, '0');
const DAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];
const HOLIDAYS = Object.keys(JSON.parse(BUILTIN_TEXT).holidays);

/** 0–3 ordered, separate quarter-hour intervals of one day, "24:00" as an end included. */
function intervals(r) {
  const cuts = [...new Set(Array.from({ length: 2 * r.int(0, 4) }, () => 15 * r.int(0, 97)))].sort((a, b) => a - b);
  const out = [];
  for (let i = 0; i + 1 < cuts.length; i += 2) {
    const time = (m) => `${pad(Math.floor(m / 60))}:${pad(m % 60)}`;
    out.push(`${time(cuts[i])}-${time(cuts[i + 1])}`);
  }
  return out;
}

/** A date in 2026–2028, as days since 2026-01-01 → "YYYY-MM-DD". */
const day = (n) => new Date(Date.UTC(2026, 0, 1 + n)).toISOString().slice(0, 10);
const hours = (r) => (r.next() < 0.4 ? 'closed' : intervals(r));
const weekly = (r) => Object.fromEntries(DAYS.map((d) => [d, intervals(r)]));

/**
 * A config meant to be valid (the shape of hotline.json, with random hours, holiday rules,
 * exceptions with notes, and new hours from later dates): these go on into the time rules and
 * the texts, which the other shapes seldom reach.
 */
function plausible(r) {
  const holidays = Object.fromEntries(
    HOLIDAYS.filter(() => r.next() < 0.7).map((h) => [h, r.pick(['closed', 'ordinary', intervals(r)])]),
  );
  const exceptions = Array.from({ length: r.int(0, 4) }, () => {
    const from = r.int(0, 1000);
    const when = r.next() < 0.5 ? { date: day(from) } : { from: day(from), to: day(from + r.int(0, 20)) };
    const note = r.next() < 0.5 ? { note: { da: text(r, 30), en: text(r, 30) } } : {};
    return { ...when, hours: hours(r), ...note };
  });
  let from = 0;
  const versions = Array.from({ length: r.int(0, 3) }, () => {
    from += r.int(1, 400);
    return { from: day(from), weekly: weekly(r) };
  });
  return JSON.stringify({ ...JSON.parse(BUILTIN_TEXT), weekly: weekly(r), holidays, exceptions, versions });
}

/** Case `i`: `{ kind, text, seconds }`, the same for the same seed. */
function generate(r, i) {
  const seconds = r.int(631_152_000, 5_680_281_600);
  switch (i % 4) {
    case 3: return { kind: 'plausible config', text: plausible(r), seconds: r.int(1_767_225_600, 1_861_920_000) };
    case 0: return { kind: 'arbitrary JSON document', text: JSON.stringify(json(r)), seconds: 1_800_000_000 };
    case 1: return { kind: 'arbitrary text', text: text(r, 200), seconds: 1_800_000_000 };
    default: return { kind: 'mutated built-in config', text: mutated(r), seconds };
  }
}

const SEED = Number(process.env.FUZZ_SEED ?? 20261126);
const CASES = Number(process.env.FUZZ_CASES ?? 4000);
/** Per case; the validator takes well under a millisecond for these sizes. */
const CASE_LIMIT_MS = 500;
const BATCH = 50;

test(`${CASES} generated configs through JSON.parse and the wasm validator (seed ${SEED}; FUZZ_SEED=… to replay)`, async (t) => {
  const context = await browser.newContext();
  const tab = await context.newPage();
  await tab.goto(`${server.origin}/hooks.html`);
  await tab.waitForFunction(() => window[Symbol.for('digital-hotline')]?.test);
  const r = random(SEED);
  const cases = Array.from({ length: CASES }, (_, i) => generate(r, i));
  const outcomes = { valid: 0, refused: 0 };
  for (let start = 0; start < cases.length; start += BATCH) {
    const batch = cases.slice(start, start + BATCH);
    const run = tab.evaluate((batch) => {
      const runtime = window[Symbol.for('digital-hotline')];
      return batch.map(({ text, seconds }) => {
        const began = performance.now();
        try {
          const result = runtime.test.validate(text, seconds);
          return { result, ms: performance.now() - began, dead: runtime.dead };
        } catch (error) {
          return { thrown: String(error), ms: performance.now() - began, dead: runtime.dead };
        }
      });
    }, batch);
    let timer;
    const hang = new Promise((_, reject) => {
      timer = setTimeout(() => reject(new Error(`seed ${SEED}: cases ${start}–${start + BATCH - 1} did not finish within ${BATCH * CASE_LIMIT_MS} ms`)), BATCH * CASE_LIMIT_MS);
    });
    const results = await Promise.race([run, hang]).finally(() => clearTimeout(timer));
    results.forEach((outcome, j) => {
      const { kind, text, seconds } = batch[j];
      const where = `seed ${SEED}, case ${start + j} (${kind}, at ${seconds}): ${JSON.stringify(text).slice(0, 400)}`;
      assert.equal(outcome.thrown, undefined, `${where}\nthrew ${outcome.thrown}`);
      assert.equal(outcome.dead, false, `${where}\npanicked`);
      assert.ok(outcome.ms < CASE_LIMIT_MS, `${where}\ntook ${outcome.ms} ms`);
      if (outcome.result === null) {
        outcomes.valid += 1;
      } else {
        assert.equal(typeof outcome.result, 'string', where);
        assert.match(outcome.result, /^(not valid JSON|invalid config: .|nested more than|\d+ bytes is too large)/, where);
        outcomes.refused += 1;
      }
    });
  }
  t.diagnostic(`${outcomes.valid} valid, ${outcomes.refused} refused with a reason`);
  // The generator must produce valid configs too, or the time rules and texts go untested.
  assert.ok(outcomes.valid > CASES / 8, `only ${outcomes.valid} valid of ${CASES}`);
  await context.close();
});
