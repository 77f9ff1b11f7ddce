// The browser floor, derived from what the built bundle uses (node only, no browser): the
// WebAssembly features each wasm needs (binaryen's validator, one feature taken away at a time),
// the JavaScript syntax the script needs (esbuild, which rewrites what a target lacks), and the
// web APIs the loader checks for. It fails when the floor moves, so the README's "Browsers"
// paragraphs and the loader's feature checks are looked at again.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';

import { transform } from 'esbuild';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const WASM_OPT = join(ROOT, 'node_modules/.bin/wasm-opt');

/**
 * First versions with each WebAssembly feature (webassembly.org/features, MDN), keyed by a
 * name for people, with binaryen's flags for it (a feature and the ones it implies).
 */
const WASM_FEATURES = {
  'mutable globals': { flags: ['mutable-globals'], chrome: 74, firefox: 61, safari: 13.1 },
  'sign extension': { flags: ['sign-ext'], chrome: 74, firefox: 62, safari: 14.1 },
  'nontrapping float-to-int': { flags: ['nontrapping-float-to-int'], chrome: 75, firefox: 64, safari: 15 },
  'bulk memory': { flags: ['bulk-memory', 'bulk-memory-opt'], chrome: 75, firefox: 79, safari: 15 },
  multivalue: { flags: ['multivalue'], chrome: 85, firefox: 78, safari: 13.1 },
  'reference types': { flags: ['reference-types', 'call-indirect-overlong'], chrome: 96, firefox: 79, safari: 15 },
  SIMD: { flags: ['simd'], chrome: 91, firefox: 89, safari: 16.4 },
  'extended const': { flags: ['extended-const'], chrome: 114, firefox: 112, safari: 17.4 },
  'tail calls': { flags: ['tail-call'], chrome: 112, firefox: 121, safari: 18.2 },
  threads: { flags: ['threads'], chrome: 74, firefox: 79, safari: 14.1 },
};

/** What the loader checks before it fetches the wasm (`start()` in src/embed/loader.js). */
const CHECKED = {
  WebAssembly: { chrome: 57, firefox: 52, safari: 11 },
  'custom elements': { chrome: 54, firefox: 63, safari: 10.1 },
  'shadow DOM': { chrome: 53, firefox: 63, safari: 10 },
  'constructable stylesheets': { chrome: 73, firefox: 101, safari: 16.4 },
  'reference types': WASM_FEATURES['reference types'],
};

const ENGINES = ['chrome', 'firefox', 'safari'];

/** The minimum versions stated in the README (Chrome and Edge, Firefox, Safari and iOS). */
const FLOOR = { chrome: 96, firefox: 101, safari: 16.4 };

/** The two wasm files the loader may fetch (without and with hosted configs). */
const WASM_FILES = ['digital-hotline.wasm', 'digital-hotline-config.wasm'];

let work;
/** Per wasm file, its copy without a target_features section. */
const stripped = {};

before(async () => {
  work = await mkdtemp(join(tmpdir(), 'floor-'));
  // A target_features section says what the compiler allowed, not what the code uses: drop it
  // (dist.rs already does) so the validator goes by the instructions and types alone. Without
  // the section binaryen assumes the first version, so the copy is read with every feature of
  // WASM_FEATURES on (not `--all-features`: that also writes newer encodings, compact imports).
  const all = featureFlags(Object.keys(WASM_FEATURES));
  for (const file of WASM_FILES) {
    stripped[file] = join(work, file);
    try {
      execFileSync(WASM_OPT, [join(ROOT, 'dist', file), '--mvp-features', ...all, '--strip-target-features', '-o', stripped[file]], { stdio: 'pipe' });
    } catch (error) {
      throw new Error(`${file} uses a feature missing from WASM_FEATURES: add it with its browser versions\n${error.stderr}`);
    }
  }
});

after(() => rm(work, { recursive: true, force: true }));

/** binaryen's flags that enable `features` (names in WASM_FEATURES). */
function featureFlags(features) {
  return features.flatMap((name) => WASM_FEATURES[name].flags.map((flag) => `--enable-${flag}`));
}

/** Whether binaryen validates `file` with only `features` enabled. */
function validates(file, features) {
  try {
    execFileSync(WASM_OPT, [file, '--mvp-features', ...featureFlags(features), '-o', join(work, 'out.wasm')], { stdio: 'pipe' });
    return true;
  } catch {
    return false;
  }
}

/** The features the wasm `file` cannot do without: each one taken away makes it invalid. */
function usedFeatures(file) {
  const all = Object.keys(WASM_FEATURES);
  assert.ok(validates(stripped[file], all), `${file} uses a feature missing from WASM_FEATURES: add it with its browser versions`);
  return all.filter((name) => !validates(stripped[file], all.filter((other) => other !== name)));
}

/** Per engine, the highest first version among `tables`. */
function highest(tables) {
  return Object.fromEntries(ENGINES.map((engine) => [engine, Math.max(...tables.map((table) => table[engine]))]));
}

test('each wasm uses these WebAssembly features beyond the first version', () => {
  for (const file of WASM_FILES) {
    assert.deepEqual(usedFeatures(file), ['sign extension', 'nontrapping float-to-int', 'bulk memory', 'multivalue', 'reference types'], file);
  }
});

test('the floor: Chrome and Edge 96, Firefox 101, Safari 16.4; the README says so in both languages', async () => {
  const used = WASM_FILES.flatMap(usedFeatures).map((name) => WASM_FEATURES[name]);
  const floor = highest([...used, ...Object.values(CHECKED)]);
  assert.deepEqual(floor, FLOOR);
  const readme = await readFile(join(ROOT, 'README.md'), 'utf8');
  const { chrome, firefox, safari } = FLOOR;
  for (const text of [
    `Chrome og Edge ${chrome}+, Firefox ${firefox}+, Safari ${safari}+ (iOS ${safari}+)`,
    `Chrome and Edge ${chrome}+, Firefox ${firefox}+, Safari ${safari}+ (iOS ${safari}+)`,
  ]) {
    assert.ok(readme.includes(text), `README: ${text}`);
  }
});

test("the loader's checks catch every browser below the floor", () => {
  // A browser below the floor lacks at least one thing the loader checks, so it keeps the
  // fallback with one message instead of failing to compile the wasm.
  assert.deepEqual(highest(Object.values(CHECKED)), FLOOR);
});

test("the loader's probe module needs reference types and nothing more", async () => {
  const loader = await readFile(join(ROOT, 'src/embed/loader.js'), 'utf8');
  const bytes = loader.match(/const REFERENCE_TYPES = new Uint8Array\(\[([\d,\s]+)\]\)/)[1].split(',').map(Number);
  const probe = join(work, 'probe.wasm');
  await writeFile(probe, Uint8Array.from(bytes));
  assert.equal(validates(probe, []), false, 'invalid without reference types');
  assert.equal(validates(probe, ['reference types']), true);
  assert.equal(WebAssembly.validate(Uint8Array.from(bytes)), true);
});

/** esbuild's target names per engine (Safari also by minor version), oldest first. */
const VERSIONS = {
  chrome: Array.from({ length: 80 }, (_, i) => 40 + i),
  firefox: Array.from({ length: 80 }, (_, i) => 40 + i),
  safari: [9, 10, 10.1, 11, 11.1, 12, 12.1, 13, 13.1, 14, 14.1, 15, 15.4, 16, 16.4, 17, 18],
};

/** The oldest version of `engine` for which esbuild has nothing in `code` to rewrite. */
async function syntaxFloor(code, engine) {
  const as = async (target) => {
    try {
      return (await transform(code, { target })).code;
    } catch {
      return null; // something esbuild cannot rewrite for that version
    }
  };
  const newest = await as('esnext');
  for (const version of VERSIONS[engine]) {
    if ((await as(`${engine}${version}`)) === newest) return version;
  }
  return Infinity;
}

test('the script parses well below the floor, where it shows the fallback and one message', async () => {
  const code = await readFile(join(ROOT, 'dist/digital-hotline.js'), 'utf8');
  const floors = {};
  for (const engine of ENGINES) floors[engine] = await syntaxFloor(code, engine);
  // dist.rs builds for ES2017. esbuild is stricter than a parser (it also rewrites around
  // known engine bugs: template literals before Chrome 62, destructuring before Safari 14.1), so
  // these are conservative: the script parses from these versions on, at the latest.
  assert.deepEqual(floors, { chrome: 62, firefox: 53, safari: 14.1 });
  for (const engine of ENGINES) assert.ok(floors[engine] < FLOOR[engine], engine);
  const readme = await readFile(join(ROOT, 'README.md'), 'utf8');
  for (const and of ['og', 'and']) {
    const text = `Chrome ${floors.chrome}, Firefox ${floors.firefox} ${and} Safari ${floors.safari}`;
    assert.ok(readme.includes(text), `README: ${text}`);
  }
});
