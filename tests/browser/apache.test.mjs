// The README's Apache recipes, taken from the README as they are: the versioned folder (once in
// its `<Directory>`, once as an `.htaccess` in a copy of it) and the folder of a hosted config,
// on Debian's Apache with its default modules (mod_deflate and mod_mime's Debian settings
// included) plus the mod_rewrite and mod_headers the recipe names. Every file of the release goes
// out as the browser asks (brotli, gzip or as it is) with its type, caching and CORS headers; the
// config with `no-cache` and its Date exposed; and the widget works from it on another origin.
// Needs Debian's apache2 (`apt-get install apache2`); skipped, saying so, on a machine without it.
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { chmod, cp, mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawn } from 'node:child_process';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';

import { HotlinePage, VERSION, freePort, launch, raw, serve } from './support/hotline.mjs';

const APACHE = '/usr/sbin/apache2';
const MODULES = '/usr/lib/apache2/modules';
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const RELEASE = join(ROOT, 'dist/digital-hotline', VERSION);
const SKIP = !existsSync(APACHE) && `no ${APACHE}`;
/** Where the release folder is served: in a `<Directory>`, and a copy with an `.htaccess`. */
const FOLDERS = { Directory: `/digital-hotline/${VERSION}/`, '.htaccess': `/htaccess/digital-hotline/${VERSION}/` };
const TYPES = {
  'digital-hotline.js': 'text/javascript',
  'digital-hotline.wasm': 'application/wasm',
  'digital-hotline.css': 'text/css',
  'hotline.json': 'application/json',
  'embed.html': 'text/html',
};

let apache;
let dir;
let origin;
let pages;
let browser;

before(async () => {
  if (SKIP) return;
  const readme = await readFile(join(ROOT, 'README.md'), 'utf8');
  const [folderRecipe, configRecipe] = [...readme.matchAll(/```apache\n([\s\S]*?)```/g)].map((match) => match[1]);
  dir = await mkdtemp(join(tmpdir(), 'hotline-apache-'));
  // Apache's workers run as another user when it starts as root: they must read the folders.
  await chmod(dir, 0o755);
  const www = join(dir, 'www');
  await mkdir(join(www, 'hotline'), { recursive: true });
  await symlink(join(ROOT, 'dist/digital-hotline'), join(www, 'digital-hotline'));
  await cp(RELEASE, join(www, FOLDERS['.htaccess']), { recursive: true });
  await writeFile(join(www, FOLDERS['.htaccess'], '.htaccess'), folderRecipe);
  // The hosted config: the built-in one under another name, so the page shows which it uses.
  const config = JSON.parse(await readFile(join(ROOT, 'src/config/hotline.json'), 'utf8'));
  config.name.da = 'Den Digitale Hotline fra Apache';
  await writeFile(join(www, 'hotline/hotline.json'), JSON.stringify(config, null, 2));
  const port = await freePort();
  await writeFile(
    join(dir, 'apache2.conf'),
    `ServerRoot ${dir}
DefaultRuntimeDir ${dir}
PidFile ${dir}/apache2.pid
ErrorLog ${dir}/error.log
Listen 127.0.0.1:${port}
ServerName 127.0.0.1
${process.getuid?.() === 0 ? 'User nobody\nGroup nogroup\n' : ''}
# Debian's default modules and their settings, as apache2.conf includes them
Include /etc/apache2/mods-enabled/*.load
Include /etc/apache2/mods-enabled/*.conf
# and what the recipe asks for (a2enmod rewrite headers)
<IfModule !rewrite_module>
  LoadModule rewrite_module ${MODULES}/mod_rewrite.so
</IfModule>
<IfModule !headers_module>
  LoadModule headers_module ${MODULES}/mod_headers.so
</IfModule>
DocumentRoot ${www}
<Directory />
  Options FollowSymLinks
  AllowOverride None
  Require all denied
</Directory>
<Directory ${www}>
  Require all granted
</Directory>
<Directory ${www}/digital-hotline>
${folderRecipe}
</Directory>
<Directory ${www}/htaccess>
  AllowOverride FileInfo
</Directory>
<Directory ${www}/hotline>
${configRecipe}
</Directory>
`,
  );
  apache = spawn(APACHE, ['-f', join(dir, 'apache2.conf'), '-DFOREGROUND'], { stdio: 'inherit' });
  origin = `http://127.0.0.1:${port}`;
  for (let attempt = 0; attempt < 100; attempt += 1) {
    try {
      await fetch(`${origin}/hotline/hotline.json`);
      break;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
  // The page on another origin: the snippet from embed.html with the files and a config on Apache.
  const snippet = await readFile(join(RELEASE, 'embed.html'), 'utf8');
  const page = (folder) =>
    `<!doctype html><html lang="da"><head><meta charset="utf-8"><title>Apache</title><link rel="icon" href="data:,"></head><body>${snippet
      .replace('href="digital-hotline.css"', `href="${origin}${folder}digital-hotline.css"`)
      .replace('src="digital-hotline.js"', `src="${origin}${folder}digital-hotline.js"`)
      .replace('<digital-hotline lang="da">', `<digital-hotline lang="da" config="${origin}/hotline/hotline.json">`)}</body></html>`;
  pages = await serve(Object.fromEntries(Object.entries(FOLDERS).map(([how, folder]) => [`/${how.replace('.', '')}.html`, page(folder)])));
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await pages?.close();
  if (apache) {
    const stopped = new Promise((resolve) => apache.once('exit', resolve));
    apache.kill();
    await stopped;
  }
  // A copy of the release folder is in there.
  if (dir) await rm(dir, { recursive: true, force: true });
});

for (const [how, folder] of Object.entries(FOLDERS)) {
  test(`Apache recipe in the folder's ${how}: every file precompressed as asked, with its type, caching and CORS`, { skip: SKIP }, async () => {
    for (const [file, type] of Object.entries(TYPES)) {
      for (const [accept, encoding] of [['gzip, deflate, br', 'br'], ['gzip, deflate', 'gzip'], [undefined, undefined]]) {
        const id = `${file}, Accept-Encoding: ${accept}`;
        const response = await raw(`${origin}${folder}${file}`, accept ? { 'accept-encoding': accept } : {});
        assert.equal(response.status, 200, id);
        const { headers } = response;
        assert.equal(headers['content-type'], type, id);
        assert.equal(headers['content-encoding'], encoding, id);
        assert.equal(headers['content-language'], undefined, `${id}: no language from the file name`);
        assert.deepEqual(response.body, await readFile(join(RELEASE, encoding ? `${file}.${encoding === 'br' ? 'br' : 'gz'}` : file)), id);
        assert.match(headers.vary ?? '', /Accept-Encoding/, id);
        assert.equal(headers['cache-control'], 'public, max-age=31536000, immutable', id);
        assert.equal(headers['access-control-allow-origin'], '*', id);
        assert.equal(headers['timing-allow-origin'], '*', id);
      }
    }
  });
}

test('Apache recipe for the hosted config: JSON, revalidated, readable from other origins with its Date', { skip: SKIP }, async () => {
  const response = await raw(`${origin}/hotline/hotline.json`, { 'accept-encoding': 'gzip, deflate, br' });
  assert.equal(response.status, 200);
  assert.equal(response.headers['content-type'], 'application/json');
  assert.equal(response.headers['cache-control'], 'no-cache');
  assert.equal(response.headers['access-control-allow-origin'], '*');
  assert.equal(response.headers['access-control-expose-headers'], 'Date, Age');
  assert.ok(Date.parse(response.headers.date) > 0, response.headers.date);
  assert.equal(JSON.parse(response.body).name.da, 'Den Digitale Hotline fra Apache');
});

for (const how of Object.keys(FOLDERS)) {
  test(`the widget from Apache (${how}) on a page of another origin: compressed wasm, the stylesheet and the hosted config used`, { skip: SKIP }, async () => {
    // The real clock: Playwright's fake one empties the Resource Timing entries. The page has
    // a `config=` widget, so it fetches the config wasm.
    const page = new HotlinePage(await (await browser.newContext()).newPage());
    await page.page.goto(`${pages.origin}/${how.replace('.', '')}.html`);
    await page.widget().rendered();
    const name = await page.page.locator('digital-hotline').evaluate((host) => host.shadowRoot.querySelector('.name').textContent);
    assert.equal(name, 'Den Digitale Hotline fra Apache');
    const seen = await page.page.evaluate(async ({ wasm, css, config }) => {
      const entry = performance.getEntriesByName(wasm, 'resource')[0];
      const sheet = [...document.styleSheets].find((candidate) => candidate.href === css);
      const response = await fetch(config, { credentials: 'omit', cache: 'no-store' });
      return {
        sent: entry.encodedBodySize,
        unpacked: entry.decodedBodySize,
        rules: sheet.cssRules.length,
        date: response.headers.get('date'),
      };
    }, { wasm: `${origin}${FOLDERS[how]}digital-hotline-config.wasm`, css: `${origin}${FOLDERS[how]}digital-hotline.css`, config: `${origin}/hotline/hotline.json` });
    assert.ok(seen.sent > 0 && seen.sent < seen.unpacked / 2, `the browser got it compressed: ${JSON.stringify(seen)}`);
    assert.ok(seen.rules > 10, `the stylesheet applies: ${JSON.stringify(seen)}`);
    assert.ok(Date.parse(seen.date) > 0, `the page can read the config's Date: ${JSON.stringify(seen)}`);
    assert.deepEqual(page.infos, [], 'no "arrived uncompressed" note');
    assert.deepEqual(page.warnings, []);
    assert.deepEqual(page.errors, []);
    await page.close();
  });
}
