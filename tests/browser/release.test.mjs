// The release folder as web teams get it: the embed.html snippet pasted into a blank page,
// the integrity chain refusing a changed wasm, hosting on another origin under a deep path;
// and the demo page's builder and preview, and the optional schema.org JSON-LD.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { after, before, describe, test } from 'node:test';

import { startServer } from '../../xtask/serve.mjs';
import { embed, file, hostPage, launch, openAt, serve } from './support/hotline.mjs';

const manifest = JSON.parse(await readFile(new URL('../../dist/digital-hotline/release.json', import.meta.url)));
const FOLDER = `dist/digital-hotline/${manifest.version}`;
const snippet = await readFile(new URL(`../../${FOLDER}/embed.html`, import.meta.url), 'utf8');
const OPEN = '2026-12-01T10:00:00+01:00';

/** The release folder's files at `prefix`, with the CORS header a CDN would send. */
function releaseFiles(prefix, { wasm = (bytes) => bytes } = {}) {
  const headers = { 'access-control-allow-origin': '*' };
  return {
    [`${prefix}digital-hotline.js`]: file(`${FOLDER}/digital-hotline.js`, { headers }),
    [`${prefix}digital-hotline.wasm`]: file(`${FOLDER}/digital-hotline.wasm`, { headers, transform: wasm }),
    [`${prefix}digital-hotline-config.wasm`]: file(`${FOLDER}/digital-hotline-config.wasm`, { headers, transform: wasm }),
    [`${prefix}digital-hotline.css`]: file(`${FOLDER}/digital-hotline.css`, { headers }),
  };
}

const blankPage = (body) =>
  `<!doctype html><html lang="da"><head><meta charset="utf-8"><title>Blank</title><link rel="icon" href="data:,"></head><body>${body}</body></html>`;

let server;
let cdn;
let demo;
let browser;

before(async () => {
  cdn = await serve({
    ...releaseFiles('/some/deep/path/'),
    ...releaseFiles('/tampered/', {
      wasm: (bytes) => {
        const changed = Buffer.from(bytes);
        changed[changed.length - 1] ^= 1;
        return changed;
      },
    }),
  });
  const absolute = (prefix) =>
    snippet
      .replace('src="digital-hotline.js"', `src="${cdn.origin}${prefix}digital-hotline.js"`)
      .replace('href="digital-hotline.css"', `href="${cdn.origin}${prefix}digital-hotline.css"`);
  server = await serve({
    ...releaseFiles(`/digital-hotline/${manifest.version}/`),
    [`/digital-hotline/${manifest.version}/blank.html`]: blankPage(snippet),
    '/cross-origin.html': blankPage(absolute('/some/deep/path/')),
    '/tampered.html': blankPage(absolute('/tampered/')),
    '/structured-data.html': hostPage(embed().replace('<digital-hotline', '<digital-hotline structured-data')),
    '/visitor-input.html': hostPage(embed()),
  });
  demo = await startServer();
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await Promise.all([server?.close(), cdn?.close(), demo?.close()]);
});

describe('the release folder', () => {
  test('embed.html carries the loader integrity and works pasted into a blank page', async () => {
    assert.match(snippet, /<script src="digital-hotline\.js" defer integrity="sha384-[A-Za-z0-9+/]{64}" crossorigin="anonymous"><\/script>/);
    assert.ok(snippet.includes(manifest.integrity));
    const page = await openAt(browser, `${server.origin}/digital-hotline/${manifest.version}/blank.html`, OPEN);
    assert.equal(await (await page.widget().rendered()).state(), 'open');
    assert.deepEqual(page.errors, []);
    await page.close();
  });

  test('hosted on another origin under a deep path, the wasm comes from beside the script', async () => {
    const page = await openAt(browser, `${server.origin}/cross-origin.html`, OPEN);
    // The first load's wasm comes after the page's first paint, which may follow its `load`.
    await page.widget().rendered();
    const wasm = [];
    page.page.on('request', (request) => request.url().endsWith('.wasm') && wasm.push(request.url()));
    await page.page.reload();
    assert.equal(await (await page.widget().rendered()).state(), 'open');
    assert.deepEqual(wasm, [`${cdn.origin}/some/deep/path/digital-hotline.wasm`]);
    assert.deepEqual(page.errors, []);
    await page.close();
  });

  test('a changed wasm is refused: fallback content, one console error', async () => {
    const page = await openAt(browser, `${server.origin}/tampered.html`, OPEN);
    const pageErrors = [];
    page.page.on('pageerror', (error) => pageErrors.push(String(error)));
    await page.gaveUp();
    const own = page.errors.filter((message) => message.includes('<digital-hotline>'));
    assert.equal(own.length, 1, page.errors.join('\n'));
    assert.match(own[0], /could not load .*\/tampered\/digital-hotline\.wasm \(Error: it is not the file built with this script: the integrity check failed\)/);
    // The prerendered box stays, number and all.
    assert.equal(await page.page.locator('digital-hotline .widget > a[href="tel:+4570200000"]').isVisible(), true);
    assert.deepEqual(pageErrors, []);
    await page.close();
  });
});

describe('the demo page', () => {
  test('the builder previews any moment and gives a snippet with the integrity hash', async () => {
    const page = await openAt(browser, `${demo.origin}/`, OPEN);
    const preview = await page.widget('#preview-widget').rendered();
    await page.page.locator('#snippet', { hasText: manifest.integrity }).waitFor();

    await page.page.click('button[data-at="2026-12-24T10:00"]');
    await page.page.locator('#preview-widget .preview').waitFor();
    assert.equal(await page.page.locator('#preview-widget .preview').innerText(), 'Forhåndsvisning: torsdag 24. december kl. 10.00');
    assert.equal(await preview.state(), null, 'a preview claims no state');
    assert.equal(await preview.statusLine(), 'Lukket nu – Juleaftensdag Åbner søndag kl. 17.00');

    await page.page.selectOption('select[name="lang"]', 'en');
    await page.page.selectOption('select[name="variant"]', 'compact');
    await page.page.locator('#preview-widget .compact .preview').waitFor();
    // The compact line names the holiday only from 920 px; the builder's preview is narrower.
    assert.equal(await preview.statusLine(), 'Closed now Opens Sunday at 17:00');
    const code = await page.page.locator('#snippet').innerText();
    assert.ok(code.includes(`integrity="${manifest.integrity}"`), code);
    assert.ok(code.includes('<digital-hotline lang="en" variant="compact">'), code);
    // The fallback is the release's prerendered box, with its stylesheet.
    assert.ok(code.includes('<div part="widget" lang="en" class="widget compact">'), code);
    assert.match(code, /<link rel="stylesheet" href="[^"]*digital-hotline\.css" integrity="sha384-/);
    assert.ok(!code.includes('preview'), 'the snippet to copy never carries the preview moment');

    // Without the name, where the heading around it already names the hotline.
    const name = page.page.locator('#preview-widget .name');
    assert.equal(await name.isVisible(), true);
    await page.page.selectOption('select[name="label"]', 'short');
    await page.page.locator('#snippet', { hasText: 'label="short"' }).waitFor();
    assert.ok((await page.page.locator('#snippet').innerText()).includes('<digital-hotline lang="en" variant="compact" label="short">'));
    await name.waitFor({ state: 'hidden' });
    assert.equal(await preview.statusLine(), 'Closed now Opens Sunday at 17:00');
    // It changes only the compact line: the full box's snippet leaves it out.
    await page.page.selectOption('select[name="variant"]', 'full');
    await page.page.locator('#snippet', { hasText: '<digital-hotline lang="en">' }).waitFor();

    // The page's own widgets still show now, not the previewed moment.
    const live = page.page.locator('aside digital-hotline');
    assert.equal(await live.getAttribute('state'), 'open');
    await page.close();
  });

  test("a visitor's URL cannot change what an embed shows", async () => {
    const url = `${server.origin}/visitor-input.html?preview-at=2026-12-24T10:00&lang=en&config=https://evil.example/#preview-at=2026-12-24T10:00`;
    const page = await openAt(browser, url, OPEN);
    const widget = await page.widget().rendered();
    assert.equal(await widget.statusLine(), 'Åben nu Lukker kl. 21.00');
    assert.equal(await page.page.locator('digital-hotline .preview').count(), 0);
    await page.close();
  });
});

test('structured-data adds schema.org ContactPoint JSON-LD to the page', async () => {
  const page = await openAt(browser, `${server.origin}/structured-data.html`, OPEN);
  await page.widget().rendered();
  const blocks = await page.page.locator('head script[type="application/ld+json"]').allTextContents();
  assert.equal(blocks.length, 1);
  const data = JSON.parse(blocks[0]);
  assert.equal(data['@context'], 'https://schema.org');
  assert.equal(data['@type'], 'ContactPoint');
  assert.equal(data.telephone, '+4570200000');
  assert.equal(typeof data.contactType, 'string');
  assert.ok(Array.isArray(data.hoursAvailable) && data.hoursAvailable.length > 3);
  for (const spec of data.hoursAvailable) {
    assert.equal(spec['@type'], 'OpeningHoursSpecification');
    assert.match(spec.opens, /^\d\d:\d\d$/);
    assert.match(spec.closes, /^\d\d:\d\d$/);
    assert.ok(spec.dayOfWeek || (spec.validFrom && spec.validThrough), JSON.stringify(spec));
  }
  const christmas = data.hoursAvailable.find((spec) => spec.validFrom === '2026-12-25');
  assert.deepEqual({ opens: christmas.opens, closes: christmas.closes, name: christmas.name }, { opens: '00:00', closes: '00:00', name: 'Juledag' });
  await page.close();
});
