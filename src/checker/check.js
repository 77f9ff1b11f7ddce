// The checker page (check.html): a config pasted, dropped or fetched is checked by the widget's
// own code (check.wasm, src/embed/check.rs: the browser's JSON.parse, then the same validator), every
// problem shown with its line and column; a valid one gives the coming weeks, a preview of the
// widget with it at any moment, and the days that change against the config served now.
// Bundled by `cargo xtask release` with the wasm-bindgen glue into the release folder.
import init, { check_config, check_days } from 'digital-hotline-glue';

import { locate } from './locate.js';

const TEXTS = {
  da: {
    title: 'Tjek åbningstider for Den Digitale Hotline',
    intro: 'Indsæt config-filen (hotline.json), træk filen herind, eller hent den fra en adresse. Siden tjekker den med præcis samme kode som boksen på jeres sider og viser de kommende uger og boksen selv, før I lægger filen ud.',
    inputTitle: 'Config',
    pasteLabel: 'Indsæt JSON her, eller træk en fil ind i feltet',
    fileLabel: 'Vælg en fil',
    urlLabel: 'Eller hent fra en adresse',
    load: 'Hent',
    resultTitle: 'Resultat',
    weeksTitle: 'De kommende uger',
    fromLabel: 'Fra',
    weeksLabel: 'Uger',
    previewTitle: 'Sådan ser boksen ud',
    atLabel: 'Tidspunkt (dansk tid)',
    compareTitle: 'Sammenlign med den config, der bruges nu',
    compareIntro: 'Giv adressen på den config, jeres sider bruger i dag. Siden viser, hvilke dage i perioden ovenfor der får andre åbningstider, hvis I lægger den nye ud.',
    compareLabel: 'Adresse på den config, der bruges nu',
    compare: 'Sammenlign',
    loading: 'Indlæser …',
    broken: (error) => `Siden kunne ikke starte tjekket (${error}). Tjek, at check.wasm ligger ved siden af check.html.`,
    empty: 'Indsæt en config for at tjekke den.',
    valid: (name, phone) => `Gyldig ✓ ${name} · ${phone}`,
    invalid: (n) => `${n} fejl – med denne fil ville boksen vise de indbyggede åbningstider i stedet.`,
    where: (line, column) => `Linje ${line}, kolonne ${column}`,
    columns: ['Dag', 'Åbningstid', 'Bemærkning'],
    diffColumns: ['Dag', 'Nu', 'Med den nye config'],
    loaded: (url) => `Hentet fra ${url}.`,
    cors: (url) => `${url} kan ikke læses fra en anden side: serveren sender ikke CORS-headeren. Tilføj \`Access-Control-Allow-Origin: *\` på svaret (og \`Access-Control-Expose-Headers: Date\`). Uden den bruger boksen de indbyggede åbningstider på sider på andre domæner.`,
    network: (url, detail) => `Kunne ikke hente ${url} (${detail}). Tjek adressen; en side på https kan ikke hente en http-adresse.`,
    http: (url, status) => `Serveren svarede HTTP ${status} for ${url}. Tjek adressen, og at filen ligger der.`,
    badUrl: 'Skriv en hel adresse, fx https://www.example.dk/hotline.json.',
    type: (value) => `\`Content-Type\` er „${value || 'ingen'}“: send \`application/json\`.`,
    cache: (value) => `\`Cache-Control\` er „${value || 'ingen'}“: send \`no-cache\`, så rettelser slår igennem med det samme.`,
    date: 'Headeren `Date` kan ikke læses fra en anden side: tilføj `Access-Control-Expose-Headers: Date` (boksen tjekker den besøgendes ur med den).',
    servedInvalid: (n) => `Den config, der bruges nu, er ugyldig (${n} fejl): boksen viser i dag de indbyggede åbningstider.`,
    pastedInvalid: 'Ret først fejlene i den nye config ovenfor.',
    noChanges: (days) => `Ingen af de ${days} dage får andre åbningstider.`,
    changes: (n, days) => `${n} af de ${days} dage får andre åbningstider:`,
  },
  en: {
    title: 'Check the opening hours of The Digital Hotline',
    intro: 'Paste the config file (hotline.json), drop the file here, or fetch it from an address. This page checks it with exactly the code the box on your pages runs, and shows the coming weeks and the box itself before you publish the file.',
    inputTitle: 'Config',
    pasteLabel: 'Paste JSON here, or drop a file on the field',
    fileLabel: 'Choose a file',
    urlLabel: 'Or fetch from an address',
    load: 'Fetch',
    resultTitle: 'Result',
    weeksTitle: 'The coming weeks',
    fromLabel: 'From',
    weeksLabel: 'Weeks',
    previewTitle: 'How the box looks',
    atLabel: 'Moment (Danish time)',
    compareTitle: 'Compare with the config in use now',
    compareIntro: 'Give the address of the config your pages use today. The page shows which days in the period above get other hours if you publish the new one.',
    compareLabel: 'Address of the config in use now',
    compare: 'Compare',
    loading: 'Loading …',
    broken: (error) => `The page could not start the check (${error}). Make sure check.wasm is beside check.html.`,
    empty: 'Paste a config to check it.',
    valid: (name, phone) => `Valid ✓ ${name} · ${phone}`,
    invalid: (n) => `${n} ${n === 1 ? 'problem' : 'problems'} – with this file the box would show the built-in hours instead.`,
    where: (line, column) => `Line ${line}, column ${column}`,
    columns: ['Day', 'Hours', 'Note'],
    diffColumns: ['Day', 'Now', 'With the new config'],
    loaded: (url) => `Fetched from ${url}.`,
    cors: (url) => `${url} cannot be read from another site: the server sends no CORS header. Add \`Access-Control-Allow-Origin: *\` to the response (and \`Access-Control-Expose-Headers: Date\`). Without it the box shows the built-in hours on pages on other domains.`,
    network: (url, detail) => `Could not fetch ${url} (${detail}). Check the address; a page on https cannot fetch an http address.`,
    http: (url, status) => `The server answered HTTP ${status} for ${url}. Check the address and that the file is there.`,
    badUrl: 'Give a whole address, e.g. https://www.example.dk/hotline.json.',
    type: (value) => `\`Content-Type\` is "${value || 'none'}": send \`application/json\`.`,
    cache: (value) => `\`Cache-Control\` is "${value || 'none'}": send \`no-cache\`, so edits apply at once.`,
    date: 'The `Date` header cannot be read from another site: add `Access-Control-Expose-Headers: Date` (the box checks the visitor\'s clock against it).',
    servedInvalid: (n) => `The config in use now is invalid (${n} problems): the box shows the built-in hours today.`,
    pastedInvalid: 'First fix the problems in the new config above.',
    noChanges: (days) => `None of the ${days} days gets other hours.`,
    changes: (n, days) => `${n} of the ${days} days get other hours:`,
  },
};

const $ = (selector) => document.querySelector(selector);
const textarea = $('#text');
const previews = [$('#preview-widget'), $('#preview-compact')];

const state = {
  lang: new URLSearchParams(location.search).get('lang') === 'en' ? 'en' : 'da',
  ready: false,
  broken: null,
  /** What the last fetch for the text field said: `{ url, failure?, detail?, notes }`. */
  load: null,
  /** The config served now, for the comparison: `{ url, failure?, text?, notes }`. */
  served: null,
  blobs: [],
};

/** Danish wall-clock now, `YYYY-MM-DDTHH:MM`, for the date and moment fields. */
function copenhagenNow() {
  const parts = new Intl.DateTimeFormat('sv-SE', {
    timeZone: 'Europe/Copenhagen',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(new Date());
  return parts.replace(' ', 'T');
}

/** Sets `element`'s content to `text`, with `code` spans where the text has backticks. */
function rich(element, text) {
  element.replaceChildren(
    ...text.split('`').map((part, i) => {
      if (i % 2 === 0) return document.createTextNode(part);
      const code = document.createElement('code');
      code.textContent = part;
      return code;
    }),
  );
}

function element(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined && text !== null) node.textContent = text;
  return node;
}

/** `weekly.fri[0]`, as the widget's console warning writes a path. */
function technicalPath(path) {
  return path.map((step, i) => (typeof step === 'number' ? `[${step}]` : `${i ? '.' : ''}${step}`)).join('');
}

/** Fetches a config as the widget does (no cookies, revalidated), and what its headers lack. */
async function fetchConfig(address) {
  let url;
  try {
    if (!address) throw new TypeError('no address');
    url = new URL(address, location.href).href;
  } catch {
    return { url: address, failure: 'badUrl', notes: [] };
  }
  let response;
  try {
    response = await fetch(url, { cache: 'no-cache', credentials: 'omit' });
  } catch (error) {
    // Reachable when CORS is not asked for? Then the missing CORS header is the reason.
    const reachable = await fetch(url, { mode: 'no-cors', cache: 'no-cache', credentials: 'omit' }).then(
      () => true,
      () => false,
    );
    return { url, failure: reachable ? 'cors' : 'network', detail: String(error.message || error), notes: [] };
  }
  if (!response.ok) {
    return { url, failure: 'http', detail: `${response.status} ${response.statusText}`.trim(), notes: [] };
  }
  const text = await response.text();
  const notes = [];
  const type = response.headers.get('content-type') ?? '';
  if (!/\bjson\b/i.test(type)) notes.push(['type', type]);
  const cache = response.headers.get('cache-control') ?? '';
  if (!/no-cache|no-store|max-age=0\b/i.test(cache)) notes.push(['cache', cache]);
  if (new URL(url).origin !== location.origin && !response.headers.get('date')) notes.push(['date']);
  return { url, text, notes };
}

/** Writes what a fetch said into `container`. */
function showFetch(container, result) {
  const t = TEXTS[state.lang];
  container.replaceChildren();
  if (!result) return;
  const lines = [];
  if (result.failure === 'badUrl') lines.push(['error', t.badUrl]);
  else if (result.failure) lines.push(['error', t[result.failure](result.url, result.detail)]);
  else lines.push(['ok', t.loaded(result.url)]);
  for (const [note, value] of result.notes) {
    lines.push(['note', typeof t[note] === 'function' ? t[note](value) : t[note]]);
  }
  for (const [kind, text] of lines) {
    const p = element('p', kind);
    rich(p, text);
    container.append(p);
  }
}

/** A table of days; `marks` adds a row where new weekly hours begin. */
function daysTable(table, days, columns, marks = true) {
  const head = element('tr');
  for (const name of columns) head.append(element('th', null, name));
  const rows = [head];
  for (const day of days) {
    if (day.newHours && marks) {
      const cell = element('td', 'new-hours', day.newHours);
      cell.colSpan = 3;
      rows.push(element('tr'));
      rows.at(-1).append(cell);
    }
    const row = element('tr', day.note ? 'special' : null);
    const label = element('th', null, day.label);
    label.scope = 'row';
    row.append(label, element('td', null, day.hours), element('td', null, day.note ?? ''));
    row.dataset.date = day.date;
    rows.push(row);
  }
  table.replaceChildren(...rows);
}

function period() {
  return { from: $('#from').value, days: Number($('#count').value) * 7 };
}

/**
 * Checks the text field and shows everything that follows from it. An empty field asks for a
 * config, unless the text came from a file or an address (`loaded`): empty is then the problem.
 */
function check(loaded = false) {
  const t = TEXTS[state.lang];
  const verdict = $('#verdict');
  const list = $('#problems');
  list.replaceChildren();
  verdict.className = 'verdict';
  if (state.broken) {
    verdict.textContent = t.broken(state.broken);
    return;
  }
  if (!state.ready) {
    verdict.textContent = t.loading;
    return;
  }
  const text = textarea.value;
  if (!text && !loaded) {
    verdict.textContent = t.empty;
    showValid(null);
    return;
  }
  const { problems } = check_config(text);
  if (problems.length) {
    verdict.classList.add('bad');
    verdict.textContent = t.invalid(problems.length);
    // In the order of the text, as the person reading it goes down the file.
    const located = problems.map((problem) => ({ problem, where: locate(text, problem.path) }));
    located.sort((a, b) => a.where.offset - b.where.offset);
    for (const { problem, where } of located) {
      const item = element('li');
      const jump = element('button', 'where', t.where(where.line, where.column));
      jump.type = 'button';
      jump.addEventListener('click', () => {
        textarea.focus();
        textarea.setSelectionRange(where.offset, where.offset);
      });
      item.append(jump, ' ', element('span', 'message', problem[state.lang]));
      if (problem.path.length && state.lang === 'da') item.append(' ', element('code', 'path', technicalPath(problem.path)));
      list.append(item);
    }
    showValid(null);
    return;
  }
  const { from, days } = period();
  const listing = check_days(text, from, days, state.lang);
  verdict.classList.add('ok');
  verdict.textContent = t.valid(listing.name, listing.phone);
  showValid(text, listing);
}

/** The weeks and the preview for a valid config (`text`), hidden for none. */
function showValid(text, listing) {
  $('#weeks').hidden = !text;
  $('#preview').hidden = !text;
  if (!text) return;
  const t = TEXTS[state.lang];
  daysTable($('#days'), listing.days, t.columns);
  const announcement = listing.announcement;
  $('#announcement').hidden = !announcement;
  if (announcement) {
    $('#announcement-text').textContent = announcement.text;
    daysTable($('#announcement-days'), announcement.days, t.columns, false);
  }
  preview(text);
  compare();
}

/** Points the preview widgets at this config (a blob: URL only this page can make). */
function preview(text) {
  if (state.previewed !== text) {
    state.previewed = text;
    const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
    state.blobs.push(url);
    // A widget may still be reading the one before; older ones are done with.
    while (state.blobs.length > 2) URL.revokeObjectURL(state.blobs.shift());
    for (const widget of previews) widget.setAttribute('config', url);
  }
  for (const widget of previews) {
    widget.setAttribute('lang', state.lang);
    widget.setAttribute('preview-at', $('#at').value || copenhagenNow());
  }
}

/** Which days of the period change from the served config to the one in the text field. */
function compare() {
  const t = TEXTS[state.lang];
  const status = $('#compare-status');
  const table = $('#diff');
  table.hidden = true;
  showFetch(status, state.served);
  const served = state.served;
  if (!served || served.failure || !state.ready) return;
  const say = (text) => {
    const p = element('p', 'verdict');
    rich(p, text);
    status.append(p);
  };
  const servedProblems = check_config(served.text).problems;
  if (servedProblems.length) return say(t.servedInvalid(servedProblems.length));
  if (!textarea.value || check_config(textarea.value).problems.length) return say(t.pastedInvalid);
  const { from, days } = period();
  const before = check_days(served.text, from, days, state.lang).days;
  const after = check_days(textarea.value, from, days, state.lang).days;
  const changed = after
    .map((day, i) => [before[i], day])
    .filter(([old, now]) => old.hours !== now.hours || old.note !== now.note);
  if (!changed.length) return say(t.noChanges(after.length));
  say(t.changes(changed.length, after.length));
  const head = element('tr');
  for (const name of t.diffColumns) head.append(element('th', null, name));
  const rows = changed.map(([old, now]) => {
    const row = element('tr');
    row.dataset.date = now.date;
    const label = element('th', null, now.label);
    label.scope = 'row';
    const show = (day) => (day.note ? `${day.hours} (${day.note})` : day.hours);
    row.append(label, element('td', 'before', show(old)), element('td', 'after', show(now)));
    return row;
  });
  table.replaceChildren(head, ...rows);
  table.hidden = false;
}

function setLanguage(lang) {
  state.lang = lang;
  document.documentElement.lang = lang;
  const t = TEXTS[lang];
  for (const node of document.querySelectorAll('[data-text]')) node.textContent = t[node.dataset.text];
  document.title = lang === 'da' ? 'Tjek åbningstider · Den Digitale Hotline' : 'Check opening hours · The Digital Hotline';
  for (const button of document.querySelectorAll('[data-lang]')) {
    button.setAttribute('aria-pressed', String(button.dataset.lang === lang));
  }
  showFetch($('#load-status'), state.load);
  check();
  if ($('#weeks').hidden) compare();
}

function loadText(text) {
  textarea.value = text;
  check(true);
}

for (const button of document.querySelectorAll('[data-lang]')) {
  button.addEventListener('click', () => setLanguage(button.dataset.lang));
}
textarea.addEventListener('input', () => check());
textarea.addEventListener('dragover', (event) => event.preventDefault());
textarea.addEventListener('drop', (event) => {
  const dropped = event.dataTransfer?.files?.[0];
  if (!dropped) return;
  event.preventDefault();
  dropped.text().then(loadText);
});
$('#file').addEventListener('change', (event) => {
  const chosen = event.target.files?.[0];
  if (chosen) chosen.text().then(loadText);
});
$('#load-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  const result = await fetchConfig($('#url').value.trim());
  state.load = result;
  showFetch($('#load-status'), result);
  if (!result.failure) loadText(result.text);
});
$('#compare-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  state.served = await fetchConfig($('#compare-url').value.trim());
  compare();
});
for (const field of ['#from', '#count']) $(field).addEventListener('change', () => check());
$('#at').addEventListener('change', () => {
  if (state.previewed) preview(state.previewed);
});

const now = copenhagenNow();
$('#from').value = now.slice(0, 10);
$('#at').value = now;
setLanguage(state.lang);
init({ module_or_path: new URL('check.wasm', document.baseURI) }).then(
  () => {
    state.ready = true;
    check();
  },
  (error) => {
    state.broken = String(error);
    check();
  },
);
