// The README's nginx recipe, taken from the README as it is, serving the release folder: the
// wasm files go out precompressed, with the types, caching and CORS headers the recipe promises,
// and the widget renders from it. Needs Debian's nginx (`apt-get install nginx-light`);
// skipped, saying so, on a machine without it.
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawn } from 'node:child_process';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';

import { HotlinePage, embed, freePort, launch } from './support/hotline.mjs';

const NGINX = '/usr/sbin/nginx';
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const VERSION = (await readFile(join(ROOT, 'Cargo.toml'), 'utf8')).match(/^version = "(.+)"$/m)[1];

let nginx;
let origin;
let browser;

/** A page with the release's script and `body`, as one line for nginx's `return`. */
const page = (body) =>
  `<!doctype html><html lang="da"><head><meta charset="utf-8"><title>nginx</title><link rel="icon" href="data:,"><script src="/digital-hotline/${VERSION}/digital-hotline.js" defer></script></head><body>${body}</body></html>`
    .replace(/\n/g, ' ')
    .replace(/'/g, "\\'");

before(async () => {
  if (!existsSync(NGINX)) return;
  const readme = await readFile(join(ROOT, 'README.md'), 'utf8');
  const recipe = readme.match(/```nginx\n([\s\S]*?)```/)[1];
  const dir = await mkdtemp(join(tmpdir(), 'hotline-nginx-'));
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
    root ${join(ROOT, 'dist')};
    location = /page.html {
      default_type text/html;
      return 200 '${page(embed())}';
    }
    location = /config-page.html {
      default_type text/html;
      return 200 '${page(embed({ config: `/digital-hotline/${VERSION}/hotline.json` }))}';
    }
${recipe}
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
  browser = await launch();
});

after(async () => {
  await browser?.close();
  nginx?.kill();
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
