// `cargo xtask bench`: what the widget costs a page, side by side with a peer page built on
// the npm `opening_hours` library (COMPARISON ONLY, bench/peer.js) and an empty baseline page.
// Prints the tables as markdown and writes them into README.md's "Weight and speed" section
// (between the bench markers), naming the commit measured; never a pass/fail (these machines
// are shared and noisy), but says which targets of the weight-and-speed issue the numbers meet.
// Sizes in KiB (1,024 bytes).
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

import { build } from 'esbuild';
import { chromium } from 'playwright-core';

import { startServer } from '../xtask/serve.mjs';

const LOADS = Number(process.env.BENCH_LOADS ?? 15);
const ROOT = new URL('../', import.meta.url);
const manifest = JSON.parse(await readFile(new URL('dist/digital-hotline/release.json', ROOT)));
const RELEASE = `dist/digital-hotline/${manifest.version}`;
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];

// The peer, bundled as a web team would: esbuild, minified, one classic script.
const peer = (await build({ entryPoints: [new URL('bench/peer.js', ROOT).pathname], bundle: true, minify: true,
  format: 'iife', write: false, logLevel: 'silent' })).outputFiles[0].contents;
const baseline = await readFile(new URL('bench/baseline.js', ROOT));
const ticker = await readFile(new URL('bench/ticker.js', ROOT));
// The floor script gets the wasm's path and, as the loader checks it, its integrity hash.
const wasmHash = createHash('sha384').update(await readFile(new URL(`${RELEASE}/digital-hotline.wasm`, ROOT))).digest('base64');
const floor = `const WASM = ${JSON.stringify(`/${RELEASE}/digital-hotline.wasm`)};
const INTEGRITY = 'sha384-${wasmHash}';
${await readFile(new URL('bench/floor.js', ROOT), 'utf8')}`;

const element = (attributes = '') =>
  `<digital-hotline lang="da"${attributes}><a href="tel:+4570200000">Den Digitale Hotline: 70 20 00 00</a></digital-hotline>`;
const page = (script, body = element()) => `<!doctype html><html lang="da"><head><meta charset="utf-8"><title>Bench</title>
<link rel="icon" href="data:,"><script src="${script}" defer></script></head><body>${body}</body></html>`;
// Three widgets, as on a page with the box in the main column, the sidebar and the footer.
const three = element() + element(' variant="compact"') + element(' lang="en"');
/** The comparison scripts go out brotli-compressed, like the release files (compressed once, here). */
const js = (body) => {
  const compressed = brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } });
  return (_request, response) => {
    response.writeHead(200, { 'content-type': 'text/javascript', 'cache-control': 'no-store', 'content-encoding': 'br' });
    response.end(compressed);
  };
};
const html = (body) => (_request, response) => {
  response.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
  response.end(body);
};
const server = await startServer({
  routes: {
    '/ours.html': html(page(`/${RELEASE}/digital-hotline.js`)),
    '/peer.html': html(page('/bench/peer.js')),
    '/baseline.html': html(page('/bench/baseline.js')),
    '/floor.html': html(page('/bench/floor.js')),
    '/bench/floor.js': js(floor),
    '/ours-three.html': html(page(`/${RELEASE}/digital-hotline.js`, three)),
    '/ours-config.html': html(page(`/${RELEASE}/digital-hotline.js`, element(` config="/${RELEASE}/hotline.json"`))),
    '/bench/peer.js': js(peer),
    '/bench/baseline.js': js(baseline),
    '/ticker.html': html(page('/bench/ticker.js')),
    '/bench/ticker.js': js(ticker),
  },
});

// ---- which build ----
const git = (...args) => execFileSync('git', args, { cwd: new URL('.', ROOT), encoding: 'utf8' }).trim();
const commit = git('rev-parse', '--short=12', 'HEAD');
const dirty = git('status', '--porcelain', '--untracked-files=no') !== '';

// ---- bytes ----
const kb = (n) => (n / 1024).toFixed(1);
function sizes(name, bytes) {
  const brotli = brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
  return { name, raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length, brotli };
}
const release = async (name, file) => sizes(name, await readFile(new URL(`${RELEASE}/${file}`, ROOT)));
const loader = await release('digital-hotline.js (loader + both glues)', 'digital-hotline.js');
// A page without `config=` loads the loader and the light wasm; one with it the loader, the
// config wasm (hosted configs: fetch, validator) and the config.
const ours = [loader, await release('digital-hotline.wasm (built-in config only)', 'digital-hotline.wasm')];
const hosted = [
  loader,
  await release('digital-hotline-config.wasm (instead, for `config=`)', 'digital-hotline-config.wasm'),
  await release('hotline.json (the hosted config)', 'hotline.json'),
];
const total = (files) => files.reduce((sum, f) => ({ raw: sum.raw + f.raw, gzip: sum.gzip + f.gzip, brotli: sum.brotli + f.brotli }),
  { raw: 0, gzip: 0, brotli: 0 });
const oursTotal = total(ours);
const withConfig = total(hosted);
const peerSize = sizes('peer.js (opening_hours, esbuild --minify)', Buffer.from(peer));

// ---- time to status ----
/**
 * Runs in every page before its scripts: when `state` appears and when that frame is painted,
 * and the long tasks until then. It reports with one `console.debug` once painted, so the
 * harness runs no script of its own in the page while it loads (Playwright's evaluate and
 * wait functions inject a script whose compile is itself a long task).
 */
function probe() {
  const bench = { longTasks: [] };
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) bench.longTasks.push([entry.startTime, entry.duration]);
  }).observe({ type: 'longtask', buffered: true });
  // "State set" is when every widget on the page has its state.
  new MutationObserver((_records, observer) => {
    if (!document.querySelector('digital-hotline[state]')) return;
    if (document.querySelector('digital-hotline:not([state])')) return;
    observer.disconnect();
    bench.state = performance.now();
    requestAnimationFrame(() => setTimeout(() => {
      bench.painted = performance.now();
      console.debug(`bench:${JSON.stringify(bench)}`);
    }, 0));
  }).observe(document, { subtree: true, attributes: true, attributeFilter: ['state'] });
}

const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });

/** One load in a fresh context: an empty HTTP cache and no compiled code from earlier loads. */
async function coldLoad(path, throttle) {
  const context = await browser.newContext({ timezoneId: 'Europe/Copenhagen' });
  const tab = await context.newPage();
  const cdp = await context.newCDPSession(tab);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: throttle });
  await tab.addInitScript(probe);
  const reported = new Promise((resolve) => {
    tab.on('console', (message) => {
      if (message.text().startsWith('bench:')) resolve(JSON.parse(message.text().slice('bench:'.length)));
    });
  });
  await tab.goto(`${server.origin}${path}`);
  const result = await Promise.race([reported, tab.waitForTimeout(30_000).then(() => Promise.reject(new Error(`${path}: no state in 30 s`)))]);
  await context.close();
  // Tasks that began before the painted frame: the load's, not the harness's afterwards.
  const tasks = result.longTasks.filter(([start]) => start < result.painted).map(([, duration]) => duration);
  const longest = Math.max(0, ...tasks);
  const blocking = tasks.reduce((sum, d) => sum + Math.max(0, d - 50), 0);
  return { state: result.state, painted: result.painted, longest, blocking };
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};
const spread = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  return [sorted[Math.floor(sorted.length * 0.1)], sorted[Math.ceil(sorted.length * 0.9) - 1]];
};

const timings = {};
for (const throttle of [1, 4]) {
  for (const name of ['baseline', 'floor', 'ours', 'peer']) {
    const loads = [];
    await coldLoad(`/${name}.html`, throttle); // warm the server and the browser, not measured
    for (let i = 0; i < LOADS; i++) loads.push(await coldLoad(`/${name}.html`, throttle));
    timings[`${name}@${throttle}`] = loads;
    process.stderr.write(`  measured ${name} at ${throttle}× CPU: ${LOADS} cold loads\n`);
  }
}
// The long-task check: three widgets on a slow phone.
{
  const loads = [];
  await coldLoad('/ours-three.html', 4);
  for (let i = 0; i < LOADS; i++) loads.push(await coldLoad('/ours-three.html', 4));
  timings['three@4'] = loads;
  process.stderr.write(`  measured three widgets at 4× CPU: ${LOADS} cold loads\n`);
}

// ---- work between transitions and memory over 14 simulated days, after 14 of warm-up ----
async function longRun(path) {
  const context = await browser.newContext({ timezoneId: 'Europe/Copenhagen' });
  const tab = await context.newPage();
  const cdp = await context.newCDPSession(tab);
  await tab.clock.install({ time: new Date('2026-11-30T08:00:00+01:00') });
  await tab.clock.pauseAt(new Date('2026-11-30T08:00:00+01:00'));
  await tab.addInitScript(() => {
    // The page's wasm memories, caught where they are made: no hook in the shipped loader.
    window.benchMemories = [];
    for (const name of ['instantiate', 'instantiateStreaming']) {
      const original = WebAssembly[name];
      WebAssembly[name] = (...args) => original(...args).then((result) => {
        const instance = result instanceof WebAssembly.Instance ? result : result.instance;
        if (instance.exports.memory) window.benchMemories.push(instance.exports.memory);
        return result;
      });
    }
    window.fired = 0;
    const setTimeoutFake = window.setTimeout;
    window.setTimeout = (callback, ...rest) => setTimeoutFake((...args) => { window.fired += 1; return callback(...args); }, ...rest);
  });
  await tab.goto(`${server.origin}${path}`);
  await tab.locator('digital-hotline[state]').waitFor();
  const memory = async () => {
    await cdp.send('HeapProfiler.collectGarbage');
    const heap = (await cdp.send('Runtime.getHeapUsage')).usedSize;
    const wasm = await tab.evaluate(() => window.benchMemories.reduce((sum, m) => sum + m.buffer.byteLength, 0));
    return { heap, wasm };
  };
  const day = 24 * 60 * 60 * 1000;
  const loaded = await memory();
  // Warm-up: under the faked clock the heap grows for about two simulated weeks and then stays
  // flat, for the widget and for a bare 5-minute timer alike (both were followed for 8 weeks).
  // Growth is measured over the 14 days after that, where a leak would show.
  for (let i = 0; i < 14; i++) await tab.clock.runFor(day);
  const before = await memory();
  const firedBefore = await tab.evaluate(() => window.fired);
  for (let i = 0; i < 14; i++) await tab.clock.runFor(day);
  const after = await memory();
  const fired = (await tab.evaluate(() => window.fired)) - firedBefore;
  await context.close();
  return { loaded, before, after, fired, perHour: fired / (14 * 24) };
}
// ---- where the main thread's time goes: thread CPU time from a trace ----
/**
 * One unthrottled load traced: the CPU time (not wall time, so a busy machine changes it
 * little) of each main-thread task from navigation until the painted frame, named by what it
 * ran. 4× throttling multiplies these; a task over 12.5 ms here is a long task there.
 */
async function cpuTasks(path) {
  const context = await browser.newContext({ timezoneId: 'Europe/Copenhagen' });
  const tab = await context.newPage();
  const reported = new Promise((resolve) => {
    tab.on('console', (message) => { if (message.text().startsWith('bench:')) resolve(); });
  });
  await tab.addInitScript(probe);
  await browser.startTracing(tab, { categories: ['toplevel', 'devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8.wasm'] });
  await tab.goto(`${server.origin}${path}`);
  await reported;
  const events = JSON.parse(await browser.stopTracing()).traceEvents;
  await context.close();
  // The page's main thread: the renderer thread that ran the widget's script.
  const script = events.find((e) => e.name === 'EvaluateScript' && e.args?.data?.url?.endsWith('digital-hotline.js'));
  const onMain = events.filter((e) => e.pid === script.pid && e.tid === script.tid && e.ph === 'X');
  const inside = (task, name) => onMain.some((e) => e.name === name && e.ts >= task.ts && e.ts < task.ts + task.dur);
  const kinds = [
    ['loader script', 'EvaluateScript'],
    ['wasm compile and instantiate', 'v8.wasm.compileConsume'],
    ['style, layout and paint', 'Layout'],
    ['widget work (Rust and the glue)', 'FunctionCall'],
  ];
  const OTHER = 'the rest (the navigation, the HTML, timers)';
  const totals = Object.fromEntries([...kinds.map(([kind]) => [kind, []]), [OTHER, []]]);
  for (const task of onMain.filter((e) => e.name === 'RunTask' && e.tdur >= 500)) {
    const kind = kinds.find(([, name]) => inside(task, name))?.[0] ?? OTHER;
    totals[kind].push(task.tdur / 1000);
  }
  return totals;
}
const cpu = {};
for (const path of ['/ours.html', '/ours-three.html']) {
  const loads = [];
  for (let i = 0; i < 7; i++) loads.push(await cpuTasks(path));
  cpu[path] = loads;
}
process.stderr.write('  traced 7 unthrottled loads of each widget page\n');

const oursLong = await longRun('/ours.html');
const peerLong = await longRun('/peer.html');
const tickerLong = await longRun('/ticker.html');
await browser.close();
await server.close();

// ---- the tables ----
const ms = (v) => `${v.toFixed(0)} ms`;
const row = (cells) => `| ${cells.join(' | ')} |`;
const lines = [];
lines.push(`Commit \`${commit}\`${dirty ? ' with uncommitted changes' : ''}, digital-hotline ${manifest.version}, ${new Date().toISOString().slice(0, 16)}Z: ${LOADS} cold loads per page, each in a fresh browser context, files served precompressed (brotli) as the README's server recipes do, headless Chromium, 127.0.0.1. KiB = 1,024 bytes.`);
lines.push('', row(['bytes a visitor downloads', 'raw KiB', 'gzip KiB', 'brotli KiB']), row(['---', '---:', '---:', '---:']));
for (const f of ours) lines.push(row([f.name, kb(f.raw), kb(f.gzip), kb(f.brotli)]));
lines.push(row(['**ours, first load without `config=`** (loader + digital-hotline.wasm)', kb(oursTotal.raw), kb(oursTotal.gzip), `**${kb(oursTotal.brotli)}**`]));
for (const f of hosted.slice(1)) lines.push(row([f.name, kb(f.raw), kb(f.gzip), kb(f.brotli)]));
lines.push(row(['**ours, with a hosted config** (loader + digital-hotline-config.wasm + hotline.json)', kb(withConfig.raw), kb(withConfig.gzip), `**${kb(withConfig.brotli)}**`]));
lines.push(row([`peer: ${peerSize.name}`, kb(peerSize.raw), kb(peerSize.gzip), kb(peerSize.brotli)]));
lines.push(row(['ours / peer', (oursTotal.raw / peerSize.raw).toFixed(2), (oursTotal.gzip / peerSize.gzip).toFixed(2), (oursTotal.brotli / peerSize.brotli).toFixed(2)]));

lines.push('', row(['time from navigation start (median, p10–p90)', 'state set, 1× CPU', 'painted, 1× CPU', 'state set, 4× CPU', 'painted, 4× CPU']),
  row(['---', '---:', '---:', '---:', '---:']));
const cell = (loads, key) => `${ms(median(loads.map((l) => l[key])))} (${spread(loads.map((l) => l[key])).map((v) => v.toFixed(0)).join('–')})`;
for (const name of ['baseline', 'floor', 'ours', 'peer']) {
  const label = {
    baseline: 'plain-JS element (sets state, nothing else)',
    floor: 'the same, once it has fetched and compiled `digital-hotline.wasm` (runs none of it)',
    ours: '**ours**',
    peer: 'peer (opening_hours)',
  }[name];
  lines.push(row([label, cell(timings[`${name}@1`], 'state'), cell(timings[`${name}@1`], 'painted'),
    cell(timings[`${name}@4`], 'state'), cell(timings[`${name}@4`], 'painted')]));
}
const m = (name, throttle, key = 'state') => median(timings[`${name}@${throttle}`].map((l) => l[key]));
const added = (name, throttle, key = 'state') => m(name, throttle, key) - m('baseline', throttle, key);
lines.push(row(['the wasm file alone (floor − plain JS)', ms(added('floor', 1)), ms(added('floor', 1, 'painted')), ms(added('floor', 4)), ms(added('floor', 4, 'painted'))]));
lines.push(row(['ours − plain JS', ms(added('ours', 1)), ms(added('ours', 1, 'painted')), ms(added('ours', 4)), ms(added('ours', 4, 'painted'))]));
lines.push(row(['peer − plain JS', ms(added('peer', 1)), ms(added('peer', 1, 'painted')), ms(added('peer', 4)), ms(added('peer', 4, 'painted'))]));
const ratio = (throttle, key) => (added('ours', throttle, key) / added('peer', throttle, key)).toFixed(2);
lines.push(row(['ours / peer, added time', ratio(1, 'state'), ratio(1, 'painted'), ratio(4, 'state'), ratio(4, 'painted')]));

lines.push('', row(['main thread during load (median)', 'longest task, 1×', 'total blocking time, 1×', 'longest task, 4×', 'total blocking time, 4×']),
  row(['---', '---:', '---:', '---:', '---:']));
const t = (key, throttle, what) => ms(median(timings[`${key}@${throttle}`].map((l) => l[what])));
for (const name of ['ours', 'peer']) {
  lines.push(row([name, t(name, 1, 'longest'), t(name, 1, 'blocking'), t(name, 4, 'longest'), t(name, 4, 'blocking')]));
}
lines.push(row(['ours, three widgets', '', '', t('three', 4, 'longest'), t('three', 4, 'blocking')]));

lines.push('', row(['main-thread CPU time of the load\'s tasks ≥ 0.5 ms, unthrottled (trace, median of 7)', 'one widget: tasks', 'one widget: sum', 'three widgets: tasks', 'three widgets: sum']),
  row(['---', '---', '---:', '---', '---:']));
const tasksCell = (loads, kind) => {
  const count = median(loads.map((l) => l[kind].length));
  const ranked = Array.from({ length: count }, (_, k) => median(loads.map((l) => [...l[kind]].sort((a, b) => b - a)[k] ?? 0)));
  return [ranked.map((v) => v.toFixed(1)).join(' + ') || '–', `${median(loads.map((l) => l[kind].reduce((a, b) => a + b, 0))).toFixed(1)} ms`];
};
for (const kind of Object.keys(cpu['/ours.html'][0])) {
  lines.push(row([kind, ...tasksCell(cpu['/ours.html'], kind), ...tasksCell(cpu['/ours-three.html'], kind)]));
}
// The navigation's own task (in "the rest") is the page's, with or without a widget.
const longestCpu = (loads) => median(loads.map((l) => Math.max(...Object.entries(l).filter(([kind]) => !kind.startsWith('the rest')).flatMap(([, tasks]) => tasks))));
lines.push(row(['longest of the widget\'s tasks (× 4 ≈ at 4× CPU)', '', `${longestCpu(cpu['/ours.html']).toFixed(1)} ms`, '', `${longestCpu(cpu['/ours-three.html']).toFixed(1)} ms`]));

const kib = (n) => `${(n / 1024).toFixed(0)} KiB`;
lines.push('', row(['memory: after load → after 14 simulated days of warm-up → 14 days later', 'JS heap', 'wasm memory', 'growth over the 14 days', 'timer tasks per hour']),
  row(['---', '---:', '---:', '---:', '---:']));
for (const [name, run] of [['ours', oursLong], ['peer (no live updates)', peerLong], ['plain-JS 5-minute timer (the harness\'s drift)', tickerLong]]) {
  const growth = run.after.heap + run.after.wasm - run.before.heap - run.before.wasm;
  const path = (key) => [run.loaded, run.before, run.after].map((m) => kib(m[key])).join(' → ');
  lines.push(row([name, path('heap'), path('wasm'), `${(growth / 1024).toFixed(1)} KiB`, `${run.perHour.toFixed(2)} (${run.fired} in 14 days)`]));
}

const check = (ok, text) => `- ${ok ? 'met' : '**missed**'}: ${text}`;
const growth = (run) => run.after.heap + run.after.wasm - run.before.heap - run.before.wasm;
const threeLongest = median(timings['three@4'].map((l) => l.longest));
lines.push('', 'Targets (issue 11, "A third lighter"):',
  check(oursTotal.brotli <= 55 * 1024, `first load without \`config=\` ≤ 55 KiB brotli (${kb(oursTotal.brotli)} KiB)`),
  check(withConfig.brotli <= 65 * 1024, `with a hosted config ≤ 65 KiB brotli (${kb(withConfig.brotli)} KiB)`),
  check(added('ours', 4) <= 0.6 * added('peer', 4), `added time at 4× CPU ≤ 0.6× the peer's (${ratio(4, 'state')}×)`),
  check(threeLongest <= 50, `no task over 50 ms during load with three widgets at 4× CPU (longest ${ms(threeLongest)})`),
  check(added('ours', 1) <= 20, `added time unthrottled ≤ 20 ms (${ms(added('ours', 1))})`),
  // A leak of one small object per clock check would be 4,032 objects, ≥ 100 KiB.
  check(growth(oursLong) <= Math.max(growth(peerLong), growth(tickerLong)) + 16 * 1024,
    `memory flat over 14 simulated days: growth within the harness's own drift + 16 KiB (${(growth(oursLong) / 1024).toFixed(1)} KiB; the peer page ${(growth(peerLong) / 1024).toFixed(1)} KiB, a plain 5-minute timer ${(growth(tickerLong) / 1024).toFixed(1)} KiB)`),
  `- timer tasks: ${oursLong.fired} in 14 days = a clock check every 5 minutes (12 an hour; DOM work only at transitions, "closing soon" and midnight)`);
const report = lines.join('\n');
console.log(report);

// README.md: the section between the markers is this report.
const readmeUrl = new URL('README.md', ROOT);
const readme = await readFile(readmeUrl, 'utf8');
const START = '<!-- bench:start (written by `cargo xtask bench`) -->';
const END = '<!-- bench:end -->';
const [before, rest] = readme.split(START);
if (rest === undefined || !rest.includes(END)) {
  console.error('README.md has no bench markers; not updated');
} else {
  await writeFile(readmeUrl, `${before}${START}\n${report}\n${END}${rest.slice(rest.indexOf(END) + END.length)}`);
  console.error('README.md "Weight and speed" updated');
}
