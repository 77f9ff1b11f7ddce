// `cargo xtask bench`, part 2: what the widget costs a municipal page's Lighthouse score.
// Lighthouse 12 (mobile preset, default simulated throttling) runs on a borger.dk-themed page
// (DKFDS) holding the exact snippet `cargo xtask release` writes to embed.html, and on the same
// page without the snippet's script (its prerendered fallback only), 3 runs each, interleaved.
// Everything is served with brotli, as a host should. Prints the medians and their difference
// against the targets (met/missed, never a pass/fail), and writes the table into the README
// between the `lighthouse:start`/`lighthouse:end` markers.
import { execFileSync } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { availableParallelism, loadavg } from 'node:os';
import { extname, normalize } from 'node:path';
import { brotliCompressSync, constants } from 'node:zlib';

import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';

const RUNS = Number(process.env.LIGHTHOUSE_RUNS ?? 3);
const ROOT = new URL('../', import.meta.url);
const { version } = JSON.parse(await readFile(new URL('dist/digital-hotline/release.json', ROOT)));
const RELEASE = new URL(`dist/digital-hotline/${version}/`, ROOT);
const DKFDS = new URL('node_modules/dkfds/dist/', ROOT);
const LIGHTHOUSE_VERSION = JSON.parse(await readFile(new URL('node_modules/lighthouse/package.json', ROOT))).version;
const CHROME = process.env.CHROME_PATH ?? '/usr/bin/chromium';
const CHROME_FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
};
/** Types sent brotli-compressed; fonts and PNGs are compressed already. */
const COMPRESSED = new Set(['.html', '.js', '.wasm', '.json', '.css', '.svg']);

// The snippet exactly as released; only its relative URLs now point at the release folder here.
const snippet = (await readFile(new URL('embed.html', RELEASE), 'utf8'))
  .replace(/(href|src)="(?![a-z]+:|\/)/g, `$1="/digital-hotline/${version}/`);
if (!/<script[^>]*><\/script>/.test(snippet)) throw new Error('embed.html has no <script> to leave out');
const fallbackOnly = snippet.replace(/<script[^>]*><\/script>\n?/, '');

// A missing file would show as a 404 and a widget that never ran, scored as if it cost nothing.
const missing = [];

// The page preloads its fonts, as a careful host does: otherwise its own font swap (DKFDS uses
// `font-display: swap`) reflows its text and hides what the widget adds. The files the theme uses:
// for weight 400 it lists WOFF before WOFF2, so browsers take the WOFF.
const page = (widget) => `<!doctype html>
<html lang="da">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Kontakt Borgerservice – Eksempel Kommune</title>
<meta name="description" content="Telefon, åbningstider og hjælp til digitale selvbetjeninger hos Eksempel Kommune.">
<link rel="icon" href="data:,">
<link rel="preload" href="/dkfds/fonts/IBMPlexSans/complete/woff/IBMPlexSans-Regular.woff" as="font" type="font/woff" crossorigin>
<link rel="preload" href="/dkfds/fonts/IBMPlexSans/complete/woff2/IBMPlexSans-SemiBold.woff2" as="font" type="font/woff2" crossorigin>
<link rel="preload" href="/dkfds/fonts/IBMPlexSans/complete/woff2/IBMPlexSans-Bold.woff2" as="font" type="font/woff2" crossorigin>
<link rel="stylesheet" href="/dkfds/css/dkfds-borgerdk.min.css">
</head>
<body>
<a class="skipnav" href="#main-content">Gå til sidens indhold</a>
<header class="header">
  <div class="portal-info">
    <div class="container py-3">
      <a href="/" class="logo" aria-label="Eksempel Kommune, forside"><span class="h3 m-0">Eksempel Kommune</span></a>
    </div>
  </div>
  <div class="solution-info">
    <div class="container py-3">
      <p class="authority-name">Borgerservice · Rådhuspladsen 1 · Tlf. 33 33 33 33</p>
    </div>
  </div>
  <nav class="navigation-menu" aria-label="Hovedmenu">
    <div class="container">
      <ul class="mainmenu">
        <li><a href="/borger" class="mainmenu-item">Borger</a></li>
        <li><a href="/erhverv" class="mainmenu-item">Erhverv</a></li>
        <li><a href="/politik" class="mainmenu-item">Politik</a></li>
        <li><a href="/kontakt" class="mainmenu-item current">Kontakt</a></li>
      </ul>
    </div>
  </nav>
</header>
<div class="container">
  <nav aria-label="Brødkrumme">
    <ol class="breadcrumbs__list breadcrumbs">
      <li class="breadcrumbs__list-item"><a href="/" class="breadcrumbs__link">Forside</a></li>
      <li class="breadcrumbs__list-item"><a href="/kontakt" class="breadcrumbs__link">Kontakt</a></li>
      <li class="breadcrumbs__list-item">Borgerservice</li>
    </ol>
  </nav>
  <div class="row">
    <main id="main-content" class="col-12 col-lg-8">
      <h1>Kontakt Borgerservice</h1>
      <p class="font-lead">Borgerservice hjælper med pas, kørekort, sygesikring, flytning og
      NemID/MitID. Du kan også få hjælp til kommunens digitale selvbetjeninger.</p>
      <h2>Telefon og personlig henvendelse</h2>
      <p>Ring på 33 33 33 33 mandag til fredag kl. 10–15, eller bestil tid til personlig
      betjening på rådhuset. Husk gyldig legitimation, når du møder op.</p>
      <h2>Hjælp til digital selvbetjening</h2>
      <p>Har du brug for hjælp til MitID, Digital Post eller borger.dk, kan du også ringe til
      Den Digitale Hotline:</p>
${widget}
      <h2>Adresse</h2>
      <p>Eksempel Kommune, Rådhuset, Rådhuspladsen 1, 9999 Eksempelby.<br>
      CVR 12 34 56 78 · EAN 5798000000000</p>
      <a href="/kontakt/skriv" class="button button-primary">Skriv til Borgerservice</a>
    </main>
    <aside class="col-12 col-lg-4" aria-label="Se også">
      <h2 class="h3">Se også</h2>
      <ul>
        <li><a href="/pas">Pas og kørekort</a></li>
        <li><a href="/flytning">Flytning</a></li>
        <li><a href="/sygesikring">Sundhedskort</a></li>
        <li><a href="/mitid">MitID</a></li>
      </ul>
    </aside>
  </div>
</div>
<footer>
  <div class="footer">
    <div class="container">
      <div class="row">
        <div class="col-12 col-lg-4 footer-col">
          <h2 class="h5">Eksempel Kommune</h2>
          <p>Rådhuspladsen 1<br>9999 Eksempelby<br>Tlf. 33 33 33 33</p>
        </div>
        <div class="col-12 col-lg-4 footer-col">
          <ul class="footer-links">
            <li><a href="/tilgaengelighed" class="function-link">Tilgængelighedserklæring</a></li>
            <li><a href="/privatliv" class="function-link">Privatlivspolitik</a></li>
            <li><a href="/cookies" class="function-link">Cookies</a></li>
          </ul>
        </div>
      </div>
    </div>
  </div>
</footer>
</body>
</html>
`;
const PAGES = { '/widget.html': page(snippet), '/fallback.html': page(fallbackOnly) };

const compressed = new Map();
function brotli(path, body) {
  if (!compressed.has(path)) {
    compressed.set(path, brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }));
  }
  return compressed.get(path);
}

/** The release folder (its `.br` files as written), the DKFDS dist folder and the two pages. */
async function respond(path) {
  if (PAGES[path]) return { type: TYPES['.html'], body: brotli(path, PAGES[path]) };
  const release = `/digital-hotline/${version}/`;
  const file = normalize(path);
  const ext = extname(file);
  const inRelease = file.startsWith(release);
  if (!inRelease && !file.startsWith('/dkfds/')) return null;
  const url = inRelease ? new URL(file.slice(release.length), RELEASE) : new URL(file.slice('/dkfds/'.length), DKFDS);
  if (!COMPRESSED.has(ext)) return { type: TYPES[ext], body: await readFile(url), identity: true };
  if (inRelease) return { type: TYPES[ext], body: await readFile(`${url.pathname}.br`) };
  return { type: TYPES[ext], body: brotli(file, await readFile(url)) };
}

const server = createServer(async (request, response) => {
  const path = decodeURIComponent(new URL(request.url, 'http://localhost').pathname);
  const found = await respond(path).catch(() => null);
  if (!found) {
    missing.push(path);
    response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
    return response.end('not found');
  }
  response.writeHead(200, {
    'content-type': found.type ?? 'application/octet-stream',
    'cache-control': 'public, max-age=3600',
    ...(found.identity ? {} : { 'content-encoding': 'br', vary: 'accept-encoding' }),
  });
  response.end(found.body);
});
for (const [, path] of snippet.matchAll(/(?:href|src)="(\/[^"]+)"/g)) {
  if (!(await respond(path).catch(() => null))) {
    throw new Error(`${path} (or its .br) is missing: run \`cargo xtask release\` first`);
  }
}
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const origin = `http://127.0.0.1:${server.address().port}`;

/** One Lighthouse run in a fresh Chromium: the performance score and the three metrics. */
async function audit(path) {
  const chrome = await chromeLauncher.launch({
    chromePath: CHROME,
    chromeFlags: CHROME_FLAGS,
  });
  try {
    const { lhr } = await lighthouse(`${origin}${path}`,
      { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: ['performance'] });
    if (lhr.runtimeError) throw new Error(`Lighthouse on ${path}: ${lhr.runtimeError.message}`);
    for (const warning of lhr.runWarnings) console.warn(`Lighthouse on ${path}: ${warning}`);
    return {
      score: Math.round(lhr.categories.performance.score * 100),
      cls: lhr.audits['cumulative-layout-shift'].numericValue,
      lcp: lhr.audits['largest-contentful-paint'].numericValue,
      tbt: lhr.audits['total-blocking-time'].numericValue,
    };
  } finally {
    await chrome.kill();
  }
}

const load = loadavg()[0];
const runs = { fallback: [], widget: [] };
try {
  for (let i = 0; i < RUNS; i += 1) {
    runs.fallback.push(await audit('/fallback.html'));
    runs.widget.push(await audit('/widget.html'));
    console.log(`Lighthouse run ${i + 1}/${RUNS} of each page done`);
  }
} finally {
  server.close();
}
if (missing.length) {
  throw new Error(`not found while measuring: ${[...new Set(missing)].join(', ')} (run \`cargo xtask release\` first)`);
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const medians = (list) => Object.fromEntries(Object.keys(list[0]).map((key) => [key, median(list.map((run) => run[key]))]));
const fallback = medians(runs.fallback);
const widget = medians(runs.widget);
const signed = (value, digits) => `${value >= 0 ? '+' : '−'}${Math.abs(value).toFixed(digits)}`;
const ROWS = [
  { name: 'performance score', key: 'score', digits: 0, unit: '', target: 'at most 2 points lower',
    met: (d) => d >= -2 },
  { name: 'Cumulative Layout Shift', key: 'cls', digits: 3, unit: '', target: '+0.01 at most',
    met: (d) => d <= 0.01 },
  { name: 'Largest Contentful Paint', key: 'lcp', digits: 0, unit: ' ms', target: '+100 ms at most',
    met: (d) => d <= 100 },
  { name: 'Total Blocking Time', key: 'tbt', digits: 0, unit: ' ms', target: '+20 ms at most',
    met: (d) => d <= 20 },
];
const lines = [
  `| Lighthouse ${LIGHTHOUSE_VERSION}, mobile (median of ${RUNS}) | fallback only | with widget | difference | target | |`,
  '| --- | ---: | ---: | ---: | --- | --- |',
  ...ROWS.map(({ name, key, digits, unit, target, met }) => {
    const difference = widget[key] - fallback[key];
    return `| ${name} | ${fallback[key].toFixed(digits)}${unit} | ${widget[key].toFixed(digits)}${unit} | `
      + `${signed(difference, digits)}${unit} | ${target} | ${met(difference) ? 'met' : 'missed'} |`;
  }),
];
const each = (list) => list.map((r) => `${r.score} / ${r.cls.toFixed(3)} / ${Math.round(r.lcp)} ms / `
  + `${Math.round(r.tbt)} ms`).join(', ');
const chromium = execFileSync(CHROME, ['--version'], { encoding: 'utf8' }).trim();
lines.push('', `Each run (score / CLS / LCP / TBT): fallback only ${each(runs.fallback)}; with widget `
  + `${each(runs.widget)}. ${chromium}; load average ${load.toFixed(1)} on ${availableParallelism()} `
  + 'cores when the runs began (the simulated throttling scales the main-thread tasks it observes, '
  + 'so a busy machine raises TBT and lowers the score).');
const table = lines.join('\n');
console.log(`\n${table}\n`);

// The README keeps the last run's table between its markers; nothing else there is touched.
const readmeUrl = new URL('README.md', ROOT);
const readme = await readFile(readmeUrl, 'utf8');
const marked = /(<!-- lighthouse:start -->\n)[\s\S]*?(<!-- lighthouse:end -->)/;
if (marked.test(readme)) {
  await writeFile(readmeUrl, readme.replace(marked, (_all, start, end) => `${start}${table}\n${end}`));
  console.log('README.md: Lighthouse table updated.');
} else {
  console.log('README.md has no lighthouse:start/end markers: table not written.');
}
