// The README's TinyMCE recipe, run in TinyMCE itself (npm `tinymce` 6, MIT): with its default
// settings the editor strips the script and the element (why the recipe exists); with the
// recipe's settings the saved HTML keeps both, unchanged, and renders a working widget.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { after, before, test } from 'node:test';

import { file, launch, openAt, serve } from './support/hotline.mjs';

const release = JSON.parse(await readFile(new URL('../../dist/digital-hotline/release.json', import.meta.url)));
const SCRIPT = `/dist/digital-hotline/${release.version}/digital-hotline.js`;
// The release's snippet, its script pointed at this server as a web team points it at theirs.
const snippet = (await readFile(new URL(`../../dist/digital-hotline/${release.version}/embed.html`, import.meta.url), 'utf8'))
  .replace('src="digital-hotline.js"', `src="${SCRIPT}"`)
  .replace('href="digital-hotline.css"', `href="${SCRIPT.replace('.js', '.css')}"`)
  .replace(/<!--[^]*?-->\n?/g, '');

/** The settings the README gives for TinyMCE. */
const RECIPE = {
  extended_valid_elements:
    'link[rel|href|integrity|crossorigin],script[src|defer|integrity|crossorigin],digital-hotline[lang|variant|label|theme|config|structured-data]',
  custom_elements: 'digital-hotline',
  convert_urls: false,
};

const EDITOR_PAGE = `<!doctype html><html lang="da"><head><meta charset="utf-8"><title>CMS</title>
<link rel="icon" href="data:,">
<script src="/tinymce/tinymce.min.js"></script>
<script src="/tinymce/themes/silver/theme.min.js"></script>
<script src="/tinymce/models/dom/model.min.js"></script>
<script src="/tinymce/icons/default/icons.min.js"></script>
</head><body><textarea id="body"></textarea></body></html>`;

let server;
let browser;

before(async () => {
  const tinymce = (path) => file(`node_modules/tinymce/${path}`);
  server = await serve({
    '/editor.html': EDITOR_PAGE,
    '/tinymce/tinymce.min.js': tinymce('tinymce.min.js'),
    '/tinymce/themes/silver/theme.min.js': tinymce('themes/silver/theme.min.js'),
    '/tinymce/models/dom/model.min.js': tinymce('models/dom/model.min.js'),
    '/tinymce/icons/default/icons.min.js': tinymce('icons/default/icons.min.js'),
  });
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

/** What TinyMCE saves after `html` is pasted into its source view, with `settings`. */
async function saved(settings) {
  const page = await openAt(browser, `${server.origin}/editor.html`, '2026-12-01T10:00:00+01:00');
  const html = await page.page.evaluate(
    async ({ settings, html }) => {
      const [editor] = await window.tinymce.init({
        target: document.querySelector('#body'),
        skin: false,
        content_css: false,
        menubar: false,
        toolbar: false,
        plugins: '',
        ...settings,
      });
      editor.setContent(html);
      return editor.getContent();
    },
    { settings, html: `<p>Ring til os:</p>\n${snippet}` },
  );
  await page.close();
  return html;
}

test('TinyMCE with its defaults strips the script and the element', async () => {
  const html = await saved({});
  assert.ok(!html.includes('<script'), html);
  assert.ok(!html.includes('<digital-hotline'), html);
});

test("TinyMCE with the README's settings keeps both, and the saved page shows the widget", async () => {
  const html = await saved(RECIPE);
  const integrity = /<script [^>]*integrity="([^"]+)"/.exec(snippet)[1];
  assert.match(html, new RegExp(`<script src="${SCRIPT}" defer="defer" integrity="${integrity.replace(/[+/]/g, '\\$&')}" crossorigin="anonymous"></script>`));
  assert.match(html, /<digital-hotline lang="da">[^]*<a [^>]*href="tel:\+4570200000"[^>]*>70 20 00 00<\/a>/);

  const published = await serve({
    '/page.html': `<!doctype html><html lang="da"><head><meta charset="utf-8"><title>Side</title><link rel="icon" href="data:,"></head><body>${html}</body></html>`,
    [SCRIPT]: file(SCRIPT.slice(1)),
    [SCRIPT.replace('.js', '.wasm')]: file(SCRIPT.slice(1).replace('.js', '.wasm')),
    [SCRIPT.replace('.js', '.css')]: file(SCRIPT.slice(1).replace('.js', '.css')),
  });
  const page = await openAt(browser, `${published.origin}/page.html`, '2026-12-01T10:00:00+01:00');
  assert.equal(await (await page.widget().rendered()).state(), 'open');
  assert.deepEqual(page.errors, []);
  await page.close();
  await published.close();
});

test('without convert_urls: false, TinyMCE rewrites the script address', async () => {
  const { convert_urls: _, ...rest } = RECIPE;
  const html = await saved(rest);
  const src = /<script src="([^"]+)"/.exec(html)?.[1];
  assert.ok(src && src !== SCRIPT, `src kept as ${src}`);
});
