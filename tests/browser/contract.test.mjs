// The element's one description (src/embed/contract.json) against the built widget, and the
// release's digital-hotline.d.ts and custom-elements.json against that description: every
// attribute the element observes, every part it renders, every --dh-* property its stylesheet
// reads is described, and nothing else. When this fails after a change to the widget, the
// message says what to add to (or remove from) the description.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { after, before, test } from 'node:test';

import { declarations, frameworkDeclarations, manifest, readContract } from '../../xtask/contract.mjs';
import { launch, openAt, serve } from './support/hotline.mjs';

const release = JSON.parse(await readFile(new URL('../../dist/digital-hotline/release.json', import.meta.url)));
const FOLDER = new URL(`../../dist/digital-hotline/${release.version}/`, import.meta.url);
const contract = await readContract();

/** Widgets that between them show every part: a holiday, an exception note, new hours, compact. */
const PAGE = `<!doctype html><html lang="da"><head><meta charset="utf-8"><title>Contract</title>
<link rel="icon" href="data:,">
<script src="/dist/digital-hotline/${release.version}/digital-hotline.js" defer></script></head><body>
<digital-hotline preview-at="2026-12-24T10:00"><a href="tel:+4570200000">70 20 00 00</a></digital-hotline>
<digital-hotline preview-at="2026-12-28T10:00" config="/public/example-config.json"><a href="tel:+4570200000">70 20 00 00</a></digital-hotline>
<digital-hotline preview-at="2027-03-20T10:00" config="/public/example-config.json" lang="en"><a href="tel:+4570200000">70 20 00 00</a></digital-hotline>
<digital-hotline preview-at="2026-12-01T10:00" variant="compact"><a href="tel:+4570200000">70 20 00 00</a></digital-hotline>
</body></html>`;

let server;
let browser;
let built;

before(async () => {
  server = await serve({ '/contract.html': PAGE });
  browser = await launch();
  const page = await openAt(browser, `${server.origin}/contract.html`, '2026-12-01T10:00:00+01:00');
  await page.page.waitForFunction(
    () => [...document.querySelectorAll('digital-hotline')].every((el) => el.shadowRoot?.querySelector('.preview')),
  );
  built = await page.page.evaluate(() => {
    const elements = [...document.querySelectorAll('digital-hotline')];
    const parts = new Set();
    for (const el of elements) {
      for (const node of el.shadowRoot.querySelectorAll('[part]')) {
        for (const part of node.getAttribute('part').split(/\s+/)) parts.add(part);
      }
    }
    const css = elements[0].shadowRoot.adoptedStyleSheets.flatMap((sheet) => [...sheet.cssRules].map((rule) => rule.cssText)).join('\n');
    const read = new Set([...css.matchAll(/var\(\s*(--dh-[\w-]+)/g)].map((m) => m[1]));
    // Set inside the stylesheet itself (e.g. --dh-gap, derived from --dh-spacing): internal.
    const own = new Set([...css.matchAll(/(--dh-[\w-]+)\s*:/g)].map((m) => m[1]));
    return {
      attributes: [...customElements.get('digital-hotline').observedAttributes],
      parts: [...parts],
      properties: [...read].filter((name) => !own.has(name)),
    };
  });
  await page.close();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

/** The built and described names agree, or a message saying which to add or remove where. */
function agree(what, builtNames, described, field) {
  const missing = builtNames.filter((name) => !described.includes(name)).sort();
  const stale = described.filter((name) => !builtNames.includes(name)).sort();
  const problems = [];
  if (missing.length) {
    problems.push(`the built widget has ${what} ${missing.join(', ')} that src/embed/contract.json does not describe: add them to "${field}" there`);
  }
  if (stale.length) {
    problems.push(`src/embed/contract.json describes ${what} ${stale.join(', ')} that the built widget no longer has: remove them from "${field}"`);
  }
  if (problems.length) problems.push('then `cargo xtask release` regenerates digital-hotline.d.ts and custom-elements.json');
  assert.ok(problems.length === 0, problems.join('; '));
}

test('every attribute the element observes is described, and only those', () => {
  // `theme` is pure CSS: described (and typed) but not observed.
  const observed = contract.attributes.filter((a) => a.observed !== false);
  agree('attribute(s)', built.attributes, observed.map((a) => a.name), 'attributes');
});

test('every part the widget renders is described, and only those', () => {
  agree('part(s)', built.parts, contract.cssParts.map((p) => p.name), 'cssParts');
});

test('every --dh-* custom property the stylesheet reads is described, and only those', () => {
  agree('custom propert(y/ies)', built.properties, contract.cssProperties.map((p) => p.name), 'cssProperties');
});

test('the release carries the types and manifest generated from the description', async () => {
  const types = await readFile(new URL('digital-hotline.d.ts', FOLDER), 'utf8');
  const elements = JSON.parse(await readFile(new URL('custom-elements.json', FOLDER), 'utf8'));
  const stale = 'is older than src/embed/contract.json: run `cargo xtask release`';
  assert.equal(types, declarations(contract), `digital-hotline.d.ts ${stale}`);
  assert.deepEqual(elements, manifest(contract), `custom-elements.json ${stale}`);
  for (const framework of ['react', 'preact']) {
    const file = `digital-hotline-${framework}.d.ts`;
    assert.equal(await readFile(new URL(file, FOLDER), 'utf8'), frameworkDeclarations(contract, framework), `${file} ${stale}`);
  }

  const [declaration] = elements.modules[0].declarations;
  assert.equal(declaration.tagName, 'digital-hotline');
  const names = (list) => list.map((item) => item.name);
  agree('attribute(s)', [...built.attributes, 'theme', 'state', 'next-change'], names(declaration.attributes), 'attributes');
  agree('part(s)', built.parts, names(declaration.cssParts), 'cssParts');
  agree('custom propert(y/ies)', built.properties, names(declaration.cssProperties), 'cssProperties');
  assert.deepEqual(names(declaration.events), ['statuschange']);
  assert.deepEqual(names(declaration.slots), ['']);
  assert.match(types, /interface HTMLElementTagNameMap \{\s+'digital-hotline': DigitalHotlineElement;/);
  assert.match(types, /namespace JSX \{\s+interface IntrinsicElements \{\s+'digital-hotline': DigitalHotlineJsxProps;/);
  for (const name of built.attributes) assert.ok(types.includes(`${/-/.test(name) ? `'${name}'` : name}?:`), name);
});
