// The README's nginx recipes, taken from the README as they are: the release folder, whose wasm
// files go out precompressed, with the types, caching and CORS headers the recipe promises, and
// the widget renders from it; and the hosted config, revalidated and readable with its Date from
// a page on another origin, where the widget uses it and checks the visitor's clock against it.
// Needs Debian's nginx (`apt-get install nginx-light`); skipped, saying so, on a machine without
// it.
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { chmod, mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawn } from 'node:child_process';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';

import { HotlinePage, VERSION, embed, freePort, launch, openAt, raw, serve } from './support/hotline.mjs';

const NGINX = '/usr/sbin/nginx';
const ROOT = fileURLToPath(new URL('../../', import.meta.url));

let nginx;
let dir;
let origin;
let pages;
let browser;

/** A page with the release's script and `body`, as one line for nginx's `return`. */
const page = (body) =>
  `<!doctype html><html lang="da"><head><meta charset="utf-8"><title>nginx</title><link rel="icon" href="data:,"><script src="/digital-hotline/${VERSION}/digital-hotline.js" defer></script></head><body>${body}</body></html>`
    .replace(/\n/g, ' ')
    .replace(/'/g, "\\'");

before(async () => {
  if (!existsSync(NGINX)) return;
  const readme = await readFile(join(ROOT, 'README.md'), 'utf8');
  const [recipe, configRecipe] = [...readme.matchAll(/```nginx\n([\s\S]*?)```/g)].map((match) => match[1]);
  dir = await mkdtemp(join(tmpdir(), 'hotline-nginx-'));
  // nginx's workers run as another user when it starts as root: they must read the folders.
  await chmod(dir, 0o755);
  const www = join(dir, 'www');
  await mkdir(join(www, 'hotline'), { recursive: true });
  await symlink(join(ROOT, 'dist/digital-hotline'), join(www, 'digital-hotline'));
  // The hosted config: the built-in one under another name, so the page shows which it uses.
  const config = JSON.parse(await readFile(join(ROOT, 'src/config/hotline.json'), 'utf8'));
  config.name.da = 'Den Digitale Hotline fra nginx';
  await writeFile(join(www, 'hotline/hotline.json'), JSON.stringify(config, null, 2));
  const port = await freePort();
  await writeFile(
    join(dir, 'nginx.conf'),
    `daemon off;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log;
events {}
http {
  access_log off;
  client_body_temp_path ${dir};
  proxy_temp_path ${dir};
  fastcgi_temp_path ${dir};
  uwsgi_temp_path ${dir};
  scgi_temp_path ${dir};
  server {
    listen 127.0.0.1:${port};
    root ${www};
    location = /page.html {
      default_type text/html;
      return 200 '${page(embed())}';
    }
    location = /config-page.html {
      default_type text/html;
      return 200 '${page(embed({ config: `/digital-hotline/${VERSION}/hotline.json` }))}';
    }
${recipe}
${configRecipe}
  }
}
`,
  );
  nginx = spawn(NGINX, ['-c', join(dir, 'nginx.conf'), '-e', join(dir, 'error.log')], { stdio: 'inherit' });
  origin = `http://127.0.0.1:${port}`;
  for (let attempt = 0; attempt < 100; attempt += 1) {
    try {
      await fetch(`${origin}/page.html`);
      break;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
  // A page on another origin: the snippet from embed.html with the files and a config on nginx.
  const snippet = await readFile(join(ROOT, `dist/digital-hotline/${VERSION}/embed.html`), 'utf8');
  const folder = `${origin}/digital-hotline/${VERSION}/`;
  pages = await serve({
    '/other-origin.html': `<!doctype html><html lang="da"><head><meta charset="utf-8"><title>nginx</title><link rel="icon" href="data:,"></head><body>${snippet
      .replace('href="digital-hotline.css"', `href="${folder}digital-hotline.css"`)
      .replace('src="digital-hotline.js"', `src="${folder}digital-hotline.js"`)
      .replace('<digital-hotline lang="da">', `<digital-hotline lang="da" config="${origin}/hotline/hotline.json">`)}</body></html>`,
  });
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await pages?.close();
  if (nginx) {
    const stopped = new Promise((resolve) => nginx.once('exit', resolve));
    nginx.kill();
    await stopped;
  }
  if (dir) await rm(dir, { recursive: true, force: true });
});

// Each page loads one of the two wasm files: without `config=` and with it.
for (const [path, file] of [
  ['/page.html', 'digital-hotline.wasm'],
  ['/config-page.html', 'digital-hotline-config.wasm'],
]) {
  test(`nginx recipe: precompressed ${file} with its type, caching and CORS; the widget renders`, { skip: !existsSync(NGINX) && `no ${NGINX}` }, async () => {
    const wasm = `${origin}/digital-hotline/${VERSION}/${file}`;
    const response = await fetch(wasm, { headers: { 'accept-encoding': 'gzip' } });
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('content-type'), 'application/wasm');
    assert.equal(response.headers.get('content-encoding'), 'gzip');
    assert.equal(response.headers.get('cache-control'), 'public, max-age=31536000, immutable');
    assert.equal(response.headers.get('access-control-allow-origin'), '*');
    assert.equal(response.headers.get('timing-allow-origin'), '*');
    assert.match(response.headers.get('vary') ?? '', /Accept-Encoding/);
    const bytes = Buffer.from(await response.arrayBuffer()); // fetch has unpacked the gzip
    assert.deepEqual(bytes, await readFile(join(ROOT, `dist/digital-hotline/${VERSION}/${file}`)));
    const script = await fetch(`${origin}/digital-hotline/${VERSION}/digital-hotline.js`);
    assert.equal(script.headers.get('content-type'), 'text/javascript');

    // The real clock: Playwright's fake one empties the Resource Timing entries.
    const page = new HotlinePage(await (await browser.newContext()).newPage());
    const fetched = [];
    page.page.on('request', (request) => request.url().endsWith('.wasm') && fetched.push(request.url()));
    await page.page.goto(`${origin}${path}`);
    await page.widget().rendered();
    assert.deepEqual(fetched, [wasm]);
    const sizes = await page.page.evaluate((url) => {
      const entry = performance.getEntriesByName(url, 'resource')[0];
      return { sent: entry.encodedBodySize, unpacked: entry.decodedBodySize };
    }, wasm);
    assert.ok(sizes.sent < sizes.unpacked / 2, `the browser got it compressed: ${JSON.stringify(sizes)}`);
    assert.deepEqual(page.infos, [], 'no "arrived uncompressed" note');
    assert.deepEqual(page.warnings, [], 'the hosted config is used');
    assert.deepEqual(page.errors, []);
    await page.close();
  });
}

test('nginx recipe for the hosted config: JSON, revalidated by its ETag, readable from other origins with its Date', { skip: !existsSync(NGINX) && `no ${NGINX}` }, async () => {
  const url = `${origin}/hotline/hotline.json`;
  const response = await raw(url, { 'accept-encoding': 'gzip, deflate, br' });
  assert.equal(response.status, 200);
  assert.equal(response.headers['content-type'], 'application/json');
  assert.equal(response.headers['cache-control'], 'no-cache');
  assert.equal(response.headers['access-control-allow-origin'], '*');
  assert.equal(response.headers['access-control-expose-headers'], 'Date, Age');
  assert.ok(Date.parse(response.headers.date) > 0, response.headers.date);
  assert.equal(JSON.parse(response.body).name.da, 'Den Digitale Hotline fra nginx');
  // `no-cache` costs a revalidation, not the file: an unchanged config comes back as 304.
  assert.ok(response.headers.etag, 'an ETag to revalidate with');
  const again = await raw(url, { 'if-none-match': response.headers.etag });
  assert.equal(again.status, 304);
  assert.equal(again.body.length, 0);
  assert.equal(again.headers['cache-control'], 'no-cache');
});

test("the widget from nginx on a page of another origin: the hosted config used, the visitor's clock checked against its Date", { skip: !existsSync(NGINX) && `no ${NGINX}` }, async () => {
  // A visitor whose clock is 3 hours fast: only a readable Date (exposed to other origins)
  // lets the widget see it.
  const fast = new Date(Date.now() + 3 * 3600_000).toISOString();
  const page = await openAt(browser, `${pages.origin}/other-origin.html`, fast);
  await page.widget().rendered();
  const name = await page.page.locator('digital-hotline').evaluate((host) => host.shadowRoot.querySelector('.name').textContent);
  assert.equal(name, 'Den Digitale Hotline fra nginx');
  assert.match(page.debug.join('\n'), /clock differs from the config server's by -(179|180) minutes; using the server's time/);
  assert.deepEqual(page.warnings, []);
  assert.deepEqual(page.errors, []);
  await page.close();
});
