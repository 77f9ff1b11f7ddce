// The README's CKEditor 5 recipe, run in CKEditor 5 itself (npm `ckeditor5`, GPL-2.0-or-later,
// test-only; its prebuilt browser build) set up as Drupal's text formats: "Full HTML" (General
// HTML Support allowing every element, attribute, class and style, Source editing, the HTML
// embed "Insert HTML" box) and a limited one. The release's snippet goes in through the
// editor's own buttons, the way an editor pastes it; what `getData()` then saves is published
// on a page next to the release files.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { after, before, test } from 'node:test';

import { file, launch, openAt, serve } from './support/hotline.mjs';

const release = JSON.parse(await readFile(new URL('../../dist/digital-hotline/release.json', import.meta.url)));
const DIR = `/dist/digital-hotline/${release.version}`;
// The release's snippet, its files pointed at this server as a web team points them at theirs.
const snippet = (await readFile(new URL(`../..${DIR}/embed.html`, import.meta.url), 'utf8'))
  .replace('href="digital-hotline.css"', `href="${DIR}/digital-hotline.css"`)
  .replace('src="digital-hotline.js"', `src="${DIR}/digital-hotline.js"`)
  .replace(/<!--[^]*?-->\n?/g, '');
const AT = '2026-12-01T10:00:00+01:00';

/** The CMS's edit page; the UMD build puts every plugin on `window.CKEDITOR`. */
const EDITOR_PAGE = `<!doctype html><html lang="da"><head><meta charset="utf-8"><title>CMS</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="/ckeditor5/ckeditor5.css">
<script src="/ckeditor5/ckeditor5.umd.js"></script>
</head><body><div id="body"></div></body></html>`;

let server;
let browser;

before(async () => {
  server = await serve({
    '/editor.html': EDITOR_PAGE,
    '/ckeditor5/ckeditor5.umd.js': file('node_modules/ckeditor5/dist/browser/ckeditor5.umd.js'),
    '/ckeditor5/ckeditor5.css': file('node_modules/ckeditor5/dist/browser/ckeditor5.css'),
  });
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

/**
 * Drupal's "Full HTML" format: no tag filtered, so Drupal has General HTML Support allow every
 * element, attribute, class and style (`allow` is built in the page: a RegExp does not cross
 * into it). The plugins are those of the format's default toolbar, plus "Insert HTML".
 */
const FULL = {
  plugins: ['Essentials', 'Paragraph', 'Heading', 'Bold', 'Italic', 'Link', 'List', 'BlockQuote', 'Table',
    'HorizontalLine', 'CodeBlock', 'GeneralHtmlSupport', 'SourceEditing', 'HtmlEmbed'],
  allow: 'everything',
};

/**
 * A limited format (Drupal's "Basic HTML") with the element added under "Manually editable
 * HTML tags", which Drupal turns into this `allow` rule.
 */
const LIMITED = {
  plugins: ['Essentials', 'Paragraph', 'Heading', 'Bold', 'Italic', 'Link', 'List', 'BlockQuote',
    'GeneralHtmlSupport', 'SourceEditing'],
  allow: [{ name: 'digital-hotline', attributes: ['lang', 'variant', 'config', 'structured-data'] }],
};

/** An editor page with CKEditor 5 set up as the text `format`, holding one paragraph. */
async function editor(format = FULL) {
  const page = await openAt(browser, `${server.origin}/editor.html`, AT);
  await page.page.evaluate(async ({ plugins, allow }) => {
    const ck = window.CKEDITOR;
    window.editor = await ck.ClassicEditor.create(document.querySelector('#body'), {
      licenseKey: 'GPL',
      plugins: plugins.map((name) => ck[name]),
      toolbar: ['bold', 'italic', 'link', 'htmlEmbed', 'sourceEditing'].filter((item) =>
        item !== 'htmlEmbed' || plugins.includes('HtmlEmbed')),
      htmlSupport: {
        allow: allow === 'everything' ? [{ name: /.*/, attributes: true, classes: true, styles: true }] : allow,
      },
      initialData: '<p>Ring til os:</p>',
    });
  }, format);
  return page;
}

/** Pastes `html` into Source mode (the "Source" button, the text area, back) and saves. */
async function viaSource(html, format = FULL) {
  const page = await editor(format);
  const source = page.page.getByRole('button', { name: 'Source' });
  await source.click();
  const area = page.page.locator('.ck-source-editing-area textarea');
  await area.fill(`${await area.inputValue()}\n${html}`);
  await source.click();
  const saved = await page.page.evaluate(() => window.editor.getData());
  await page.close();
  return saved;
}

/** Pastes `html` into a new "Insert HTML" box (the button, the box's text area, Save) and saves. */
async function viaEmbed(html) {
  const page = await editor();
  await page.page.evaluate(() => window.editor.model.change((writer) =>
    writer.setSelection(window.editor.model.document.getRoot(), 'end')));
  await page.page.getByRole('button', { name: 'Insert HTML' }).click();
  await page.page.locator('.raw-html-embed__source').fill(html);
  await page.page.getByRole('button', { name: 'Save changes' }).click();
  const saved = await page.page.evaluate(() => window.editor.getData());
  await page.close();
  return saved;
}

/**
 * Publishes `html` as a page's body next to the release files, with `head` from the theme;
 * opens it at `AT`.
 */
async function published(html, head = '') {
  const site = await serve({
    '/page.html': `<!doctype html><html lang="da"><head><meta charset="utf-8"><title>Side</title><link rel="icon" href="data:,">${head}</head><body>${html}</body></html>`,
    ...Object.fromEntries(['digital-hotline.js', 'digital-hotline.wasm', 'digital-hotline.css']
      .map((name) => [`${DIR}/${name}`, file(`${DIR.slice(1)}/${name}`)])),
  });
  const page = await openAt(browser, `${site.origin}/page.html`, AT);
  return { page, close: async () => { await page.close(); await site.close(); } };
}

/**
 * `html` as the browser reads it, in a form where only what a page can tell apart differs:
 * attributes sorted, class lists single-spaced, whitespace-only text between tags dropped.
 * (CKEditor rewrites `defer` as `defer=""` and orders attributes its own way; no page can
 * tell.) Evaluated in a page, as the browser's own parser decides what the markup means.
 */
async function meaning(page, html) {
  return page.evaluate((html) => {
    const canonical = (node) => {
      if (node.nodeType === Node.TEXT_NODE) return node.data.trim() === '' ? '' : JSON.stringify(node.data);
      if (node.nodeType !== Node.ELEMENT_NODE) return '';
      const attributes = [...node.attributes]
        .map(({ name, value }) => `${name}=${JSON.stringify(name === 'class' ? value.split(/\s+/).filter(Boolean).join(' ') : value)}`)
        .sort();
      const children = [...(node.content ?? node).childNodes].map(canonical).join('');
      return `<${node.localName} ${attributes.join(' ')}>${children}</${node.localName}>`;
    };
    const template = document.createElement('template');
    template.innerHTML = html;
    return [...template.content.childNodes].map(canonical).join('');
  }, html);
}

/** What must survive, spelled out: both hashes, the element, its number. */
function assertKept(html) {
  for (const name of ['link', 'script']) {
    const integrity = new RegExp(`<${name}\\b[^>]*integrity="([^"]+)"`);
    assert.equal(integrity.exec(html)?.[1], integrity.exec(snippet)[1], name);
  }
  assert.match(html, /<digital-hotline lang="da">[^]*href="tel:\+4570200000"[^]*<\/digital-hotline>/);
}

/** The published page holds the snippet's stylesheet, script and element, and the widget works. */
async function assertWorks(html, head) {
  const site = await published(html, head);
  const { page } = site;
  assert.equal(await (await page.widget().rendered()).state(), 'open');
  assert.deepEqual(page.errors, [], 'no console errors: the integrity hashes match');
  // The stylesheet is applied (a failed integrity check would leave no rules).
  assert.ok(await page.page.evaluate((href) =>
    [...document.styleSheets].some((sheet) => sheet.href?.endsWith(href) && sheet.cssRules.length > 0),
  `${DIR}/digital-hotline.css`));
  await site.close();
}

test('CKEditor 5 "Insert HTML" keeps the snippet, and the saved page shows the widget', async () => {
  const html = await viaEmbed(snippet);
  const embedded = /<div class="raw-html-embed">([^]*)<\/div>$/.exec(html)?.[1];
  assert.ok(embedded, html);
  const page = await editor();
  assert.equal(await meaning(page.page, embedded), await meaning(page.page, snippet));
  await page.close();
  assertKept(html);
  await assertWorks(html);
});

test('CKEditor 5 Source mode with "Full HTML" keeps the snippet, and the saved page shows the widget', async () => {
  const html = await viaSource(snippet);
  assert.ok(html.startsWith('<p>Ring til os:</p>'), html);
  const page = await editor();
  assert.equal(await meaning(page.page, html.slice('<p>Ring til os:</p>'.length)), await meaning(page.page, snippet));
  await page.close();
  assertKept(html);
  await assertWorks(html);
});

// General HTML Support keeps a custom element only when it allows every element; naming it is
// not enough (ckeditor/ckeditor5#13343, found through Drupal). So a limited format loses the
// element even with it listed, and today's promise is what is left: the number, as a link.
test('a limited format with the element listed still drops it, the stylesheet and the script; the number stays', async () => {
  const html = await viaSource(snippet, LIMITED);
  assert.doesNotMatch(html, /<script|<link|<digital-hotline/, html);
  assert.match(html, /<a href="tel:\+4570200000">70 20 00 00<\/a>/);

  // Even with the stylesheet and script in the theme, there is no element for them to find.
  const theme = /<link[^>]*>\s*<script[^>]*><\/script>/.exec(snippet)[0];
  const site = await published(html, theme);
  assert.ok(await site.page.page.getByRole('link', { name: '70 20 00 00' }).isVisible());
  assert.equal(await site.page.page.locator('digital-hotline').count(), 0);
  assert.deepEqual(site.page.errors, []);
  await site.close();
});
