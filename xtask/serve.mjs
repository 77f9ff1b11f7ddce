// A small static file server on 127.0.0.1 for the demo page (`cargo xtask demo`) and the browser
// tests. Serves index.html, public/ and dist/ from the repository; tests add their own pages
// and responses through `routes`. Files go out compressed when the browser accepts it, as a
// real server sends them: the `.br` or `.gz` file beside it when there is one (the release
// folder's, as the README's server recipes serve them), else gzipped here. Routes answer as
// they please, e.g. a deliberately uncompressed wasm.
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { gzip } from 'node:zlib';

const gzipped = promisify(gzip);

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const SERVED = [/^\/index\.html$/, /^\/public\//, /^\/dist\//];
const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};
/** Already compressed: gzip would only cost time. */
const STORED = new Set(['.png']);

/**
 * Starts serving; `port` 0 picks a free one. `routes` maps a path to a handler
 * `(request, response) => void` that answers instead of the file system.
 * Resolves to `{ origin, close }`.
 */
export async function startServer({ port = 0, routes = {} } = {}) {
  const server = createServer(async (request, response) => {
    const path = decodeURIComponent(new URL(request.url, 'http://localhost').pathname);
    const route = routes[path];
    if (route) return route(request, response);
    if (path === '/check.html') return redirectToChecker(response);
    const file = path === '/' ? '/index.html' : normalize(path);
    if (!SERVED.some((pattern) => pattern.test(file))) return notFound(response);
    try {
      const body = await readFile(join(ROOT, file));
      const [encoding, sent] = STORED.has(extname(file)) ? [] : await compressed(request, join(ROOT, file), body);
      response.writeHead(200, {
        'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
        'cache-control': 'no-store',
        vary: 'Accept-Encoding',
        ...(encoding && { 'content-encoding': encoding }),
      });
      response.end(sent ?? body);
    } catch {
      notFound(response);
    }
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', resolve);
  });
  const origin = `http://127.0.0.1:${server.address().port}`;
  return { origin, close: () => new Promise((resolve) => server.close(resolve)) };
}

/**
 * `[encoding, bytes]` for the request: a precompressed sibling file the browser accepts (brotli
 * first), else `body` gzipped here; `[]` when it accepts neither.
 */
async function compressed(request, path, body) {
  for (const [encoding, suffix] of [['br', '.br'], ['gzip', '.gz']]) {
    if (!accepts(request, encoding)) continue;
    try {
      return [encoding, await readFile(path + suffix)];
    } catch {
      // no such file beside it
    }
  }
  return accepts(request, 'gzip') ? ['gzip', await gzipped(body)] : [];
}

/** Whether the request's Accept-Encoding lists `coding` (or `*`) without `q=0`. */
function accepts(request, coding) {
  return (request.headers['accept-encoding'] ?? '').split(',').some((part) => {
    const [name, ...parameters] = part.trim().toLowerCase().split(';');
    const q = parameters.map((p) => p.trim()).find((p) => p.startsWith('q='));
    return (name === coding || name === '*') && !(q && Number(q.slice(2)) === 0);
  });
}

/** The config checker lives in the release folder (`cargo xtask release`), beside the wasm. */
async function redirectToChecker(response) {
  try {
    const { version } = JSON.parse(await readFile(join(ROOT, 'dist/digital-hotline/release.json'), 'utf8'));
    response.writeHead(302, { location: `/dist/digital-hotline/${version}/check.html` });
    response.end();
  } catch {
    notFound(response);
  }
}

function notFound(response) {
  response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
  response.end('not found');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const portFlag = process.argv.indexOf('--port');
  const port = portFlag > 0 ? Number(process.argv[portFlag + 1]) : 8080;
  const { origin } = await startServer({ port });
  console.log(`Serving the demo page on ${origin}/`);
}
