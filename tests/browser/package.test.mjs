// The npm-ready folder `cargo xtask release` makes (dist/npm/): `npm pack` succeeds, and the
// packed tarball, installed into a scratch project, gives a TypeScript project (pinned npm
// `typescript`, `tsc --noEmit`, strict) the element, its attributes and the `statuschange`
// event with its `detail`, in DOM code and in JSX: a framework's global JSX namespace, React 19
// (`@types/react`) and Preact (both pinned devDependencies, found from the scratch project,
// which lives under target/). Nothing is published.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const PACKAGE = join(ROOT, 'dist/npm');
const release = JSON.parse(await readFile(join(ROOT, 'dist/digital-hotline/release.json'), 'utf8'));

/** What a web team's TypeScript writes; each `@ts-expect-error` must meet a real type error. */
const USE = `import type { DigitalHotlineElement, DigitalHotlineStatusDetail } from 'digital-hotline';

const box = document.querySelector('digital-hotline');
if (box) {
  const element: DigitalHotlineElement = box;
  element.addEventListener('statuschange', (event) => {
    const state: 'open' | 'closed' = event.detail.state;
    const next: string | null = event.detail.nextChange;
    console.log(state, next);
  });
  // @ts-expect-error: the detail has state and nextChange only
  element.addEventListener('statuschange', (event) => event.detail.open);
}

// It bubbles and is composed: a listener on the document is typed as well.
document.addEventListener('statuschange', (event) => {
  const detail: DigitalHotlineStatusDetail = event.detail;
  // @ts-expect-error: a state is 'open' or 'closed'
  const wrong: 'opened' = detail.state;
  console.log(wrong);
});

const made = document.createElement('digital-hotline');
made.setAttribute('variant', 'compact');

export const inJsx = (
  <digital-hotline lang="en" variant="compact" config="/hotline.json" structured-data preview-at="2026-12-24T10:00">
    <a href="tel:+4570200000">70 20 00 00</a>
  </digital-hotline>
);

// @ts-expect-error: not a variant
export const wrongVariant = <digital-hotline variant="tiny" />;
`;

/** The global JSX namespace a framework's types declare (React ≤ 18, Preact's compat). */
const FRAMEWORK = `declare global {
  namespace JSX {
    interface Element {}
    interface IntrinsicElements {
      a: { href?: string; children?: unknown };
    }
  }
}
export {};
`;

const TSCONFIG = {
  compilerOptions: {
    strict: true,
    noEmit: true,
    target: 'es2022',
    module: 'esnext',
    moduleResolution: 'bundler',
    jsx: 'preserve',
    lib: ['es2022', 'dom'],
    types: [],
    skipLibCheck: false,
  },
  include: ['*.ts', 'use.tsx'],
};

/** The element in React 19's and Preact's own JSX, each with its companion types. */
const FRAMEWORK_USE = (framework) => `import type {} from 'digital-hotline/${framework}';

export const box = (
  <digital-hotline lang="en" variant="compact" config="/hotline.json">
    <a href="tel:+4570200000">70 20 00 00</a>
  </digital-hotline>
);
// @ts-expect-error: not a variant
export const wrong = <digital-hotline variant="tiny" />;
`;

const frameworkConfig = (framework) => ({
  compilerOptions: {
    ...TSCONFIG.compilerOptions,
    jsx: 'react-jsx',
    ...(framework === 'preact' && { jsxImportSource: 'preact' }),
  },
  files: [`${framework}.tsx`],
});

let scratch;
let tarball;

before(async () => {
  // Under target/, so the scratch project finds the repository's react and preact types.
  await mkdir(join(ROOT, 'target'), { recursive: true });
  scratch = await mkdtemp(join(ROOT, 'target/package-test-'));
});

after(async () => {
  if (scratch) await rm(scratch, { recursive: true, force: true });
});

test('the package folder: version of the release, exports, types, manifest, files, licence', async () => {
  const manifest = JSON.parse(await readFile(join(PACKAGE, 'package.json'), 'utf8'));
  assert.equal(manifest.version, release.version);
  assert.equal(manifest.license, 'MIT');
  assert.equal(manifest.types, './digital-hotline.d.ts');
  assert.equal(manifest.customElements, './custom-elements.json');
  assert.deepEqual(manifest.exports['.'], { types: './digital-hotline.d.ts', default: './digital-hotline.js' });
  // The loader fetches either wasm from beside itself: a bundler or a copy step needs both.
  for (const wasm of ['digital-hotline.wasm', 'digital-hotline-config.wasm']) {
    assert.ok(manifest.files.includes(wasm), wasm);
    assert.equal(manifest.exports[`./${wasm}`], `./${wasm}`);
  }
  for (const target of Object.values(manifest.exports).flatMap((e) => (typeof e === 'string' ? [e] : Object.values(e)))) {
    await readFile(join(PACKAGE, target)); // exists
  }
  assert.match(await readFile(join(PACKAGE, 'LICENSE'), 'utf8'), /^MIT License/);
  assert.match(await readFile(join(PACKAGE, 'README.md'), 'utf8'), /^# digital-hotline/);
  // The package's files are the release's, byte for byte.
  const folder = join(ROOT, `dist/digital-hotline/${release.version}`);
  for (const file of manifest.files) {
    assert.ok((await readFile(join(PACKAGE, file))).equals(await readFile(join(folder, file))), file);
  }
});

test('npm pack succeeds and packs the files, the licence and the README', async () => {
  const { stdout } = await run('npm', ['pack', '--json', '--pack-destination', scratch], { cwd: PACKAGE });
  const [packed] = JSON.parse(stdout);
  tarball = join(scratch, packed.filename);
  const paths = packed.files.map((f) => f.path).sort();
  const manifest = JSON.parse(await readFile(join(PACKAGE, 'package.json'), 'utf8'));
  assert.deepEqual(paths, [...manifest.files, 'LICENSE', 'README.md', 'package.json'].sort());
});

test('installed from the tarball, tsc --noEmit accepts the element, its attributes and event, and refuses misuse', async () => {
  assert.ok(tarball, 'npm pack ran');
  const project = join(scratch, 'project');
  await mkdir(project);
  await writeFile(join(project, 'package.json'), JSON.stringify({ name: 'scratch', private: true }));
  await run('npm', ['install', '--no-audit', '--no-fund', '--offline', tarball], { cwd: project });
  await writeFile(join(project, 'tsconfig.json'), JSON.stringify(TSCONFIG));
  await writeFile(join(project, 'framework.d.ts'), FRAMEWORK);
  await writeFile(join(project, 'use.tsx'), USE);
  const tsc = join(ROOT, 'node_modules/.bin/tsc');
  try {
    await run(tsc, ['-p', project]);
  } catch (error) {
    assert.fail(`tsc --noEmit failed:\n${error.stdout}${error.stderr}`);
  }
  for (const framework of ['react', 'preact']) {
    await writeFile(join(project, `${framework}.tsx`), FRAMEWORK_USE(framework));
    await writeFile(join(project, `tsconfig.${framework}.json`), JSON.stringify(frameworkConfig(framework)));
    try {
      await run(tsc, ['-p', join(project, `tsconfig.${framework}.json`)]);
    } catch (error) {
      assert.fail(`tsc --noEmit (${framework}) failed:\n${error.stdout}${error.stderr}`);
    }
  }
  // And the check can fail: a use the types do not allow.
  await writeFile(join(project, 'misuse.ts'), "document.querySelector('digital-hotline')!.addEventListener('statuschange', (e) => e.detail.open);\n");
  const refused = await run(tsc, ['-p', project]).then(() => null, (error) => error.stdout);
  assert.match(refused ?? '', /misuse\.ts.*Property 'open' does not exist/);
});
