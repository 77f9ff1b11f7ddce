// The config checker (check.html from the release folder): every malformed config of the
// corpus gives its message and its line, in Danish and English; a valid one gives the weeks,
// the announced new hours and a preview of the widget with it; fetching shows header problems
// with the fix; and the comparison lists the days a new config changes.
import assert from 'node:assert/strict';
import { mkdir, readFile } from 'node:fs/promises';
import { after, before, describe, test } from 'node:test';

import { CHECKER, CheckerPage } from './support/checker.mjs';
import { json, launch, openAt, serve } from './support/hotline.mjs';

const CORPUS = new URL('../fixtures/bad-configs/', import.meta.url);
const corpus = (await readFile(new URL('EXPECTED.tsv', CORPUS), 'utf8'))
  .split('\n')
  .filter((line) => line && !line.startsWith('#'))
  .map((line) => line.split('\t'));
const builtinText = await readFile(new URL('../../src/config/hotline.json', import.meta.url), 'utf8');
const builtin = JSON.parse(builtinText);
const exampleText = await readFile(new URL('../../public/example-config.json', import.meta.url), 'utf8');
const SCREENSHOTS = new URL('../output/', import.meta.url);
const NOW = '2026-12-01T10:00:00+01:00'; // a Tuesday

/** A JSON answer with the headers a well-configured host sends (README, "Response headers"). */
function hosted(body, headers = {}) {
  return (_request, response) => {
    response.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-cache', ...headers });
    response.end(typeof body === 'string' ? body : JSON.stringify(body));
  };
}

let server;
let other;
let browser;

before(async () => {
  other = await serve({
    '/cors.json': hosted(builtin, { 'access-control-allow-origin': '*', 'access-control-expose-headers': 'Date' }),
    '/cors-no-date.json': hosted(builtin, { 'access-control-allow-origin': '*' }),
    '/no-cors.json': hosted(builtin),
  });
  server = await serve({
    '/served/hotline.json': hosted(builtinText),
    '/served/cached.txt': (_request, response) => {
      response.writeHead(200, { 'content-type': 'text/plain', 'cache-control': 'max-age=3600' });
      response.end(builtinText);
    },
    '/served/missing.json': json('not found', { status: 404 }),
  });
  browser = await launch();
  await mkdir(SCREENSHOTS, { recursive: true });
});

after(async () => {
  await browser?.close();
  await Promise.all([server?.close(), other?.close()]);
});

async function openChecker(at = NOW) {
  const hotline = await openAt(browser, `${server.origin}${CHECKER}`, at, { timezoneId: 'Europe/Copenhagen' });
  return new CheckerPage(hotline).ready();
}

describe('the checker page', () => {
  test(`every malformed config of the corpus (${corpus.length}) gives its message and line, in Danish and English`, async () => {
    const checker = await openChecker();
    for (const lang of ['da', 'en']) {
      await checker.language(lang);
      for (const [name, english, danish] of corpus) {
        const text = await readFile(new URL(name, CORPUS), 'utf8');
        await checker.choose(new URL(name, CORPUS).pathname);
        await checker.page.waitForFunction((expected) => document.querySelector('#text').value === expected, text);
        const [first] = await checker.problems();
        assert.ok(first, `${name}: no problem shown`);
        const expected = lang === 'da' ? danish : english;
        assert.ok(first.message.includes(expected), `${name} (${lang}): ${first.message} lacks ${expected}`);
        assert.match(first.where, lang === 'da' ? /^Linje \d+, kolonne \d+$/ : /^Line \d+, column \d+$/, name);
        assert.match(await checker.verdict(), lang === 'da' ? /^\d+ fejl – / : /^\d+ problems? – /, name);
      }
    }
    assert.deepEqual(checker.hotline.errors, []);
    await checker.hotline.close();
  });

  test('three typical mistakes: where they are and what they say', async () => {
    const checker = await openChecker();
    const edited = JSON.parse(builtinText);
    edited.weekly.fri = ['09:00-12:00', '18:00-17:00']; // end before start
    delete edited.weekly.sat; // a weekday key in Danish
    edited.weekly['lør'] = [];
    edited.exceptions = [{ date: '2026-02-30', hours: 'closed' }]; // no such date
    const text = JSON.stringify(edited, null, 2);
    await checker.paste(text);
    assert.equal(await checker.verdict(), '4 fejl – med denne fil ville boksen vise de indbyggede åbningstider i stedet.');
    const line = (needle) => text.split('\n').findIndex((l) => l.includes(needle)) + 1;
    assert.deepEqual(await checker.problems(), [
      {
        where: `Linje ${line('"weekly"')}, kolonne 3`,
        message: 'lørdag: mangler (skriv [] for lukket)',
        path: 'weekly.sat',
      },
      {
        where: `Linje ${line('"18:00-17:00"')}, kolonne 7`,
        message: 'fredag: lukketid 17.00 ligger før åbningstid 18.00',
        path: 'weekly.fri[1]',
      },
      {
        where: `Linje ${line('"lør"')}, kolonne 5`,
        message: 'ugetider, "lør": ukendt felt (mente du "sat"? kendte: mon, tue, wed, thu, fri, sat, sun)',
        path: 'weekly.lør',
      },
      {
        where: `Linje ${line('"2026-02-30"')}, kolonne 7`,
        message: 'undtagelse nr. 1, dato: "2026-02-30" er ikke en dato (skrives "ÅÅÅÅ-MM-DD")',
        path: 'exceptions[0].date',
      },
    ]);
    // A click on the place puts the cursor there in the text.
    await checker.page.locator('#problems .where').nth(1).click(); // fredag
    const caret = await checker.page.locator('#text').evaluate((area) => area.selectionStart);
    assert.equal(text.slice(caret, caret + 13), '"18:00-17:00"');
    await checker.page.screenshot({ path: new URL('checker-invalid-da.png', SCREENSHOTS).pathname, fullPage: true });

    await checker.language('en');
    assert.deepEqual(
      (await checker.problems()).map((p) => p.message),
      [
        'weekly.sat: missing (use [] for closed)',
        'weekly.fri[1]: end 17:00 is before start 18:00',
        'weekly.lør: unknown key (did you mean "sat"? expected one of: mon, tue, wed, thu, fri, sat, sun)',
        'exceptions[0].date: "2026-02-30" is not a date (expected "YYYY-MM-DD")',
      ],
    );
    await checker.hotline.close();
  });

  test('a valid config: the coming weeks day by day, new hours announced, and the widget previewed with it', async () => {
    const checker = await openChecker();
    const config = JSON.parse(exampleText);
    config.name = { da: 'Testlinjen', en: 'The Test Line' };
    await checker.paste(JSON.stringify(config, null, 2));
    assert.equal(await checker.verdict(), 'Gyldig ✓ Testlinjen · +4570200000');
    await checker.setPeriod('2026-12-21', 2);
    const rows = await checker.rows();
    assert.equal(rows.length, 14);
    assert.deepEqual(rows.slice(2, 10), [
      'onsdag 23. december | 9.00–21.00 |',
      'torsdag 24. december | Lukket | Juleaftensdag',
      'fredag 25. december | Lukket | Juledag',
      'lørdag 26. december | Lukket | 2. juledag',
      'søndag 27. december | 17.00–21.00 |',
      'mandag 28. december | 10.00–15.00 | Kortere åbningstid mellem jul og nytår',
      'tirsdag 29. december | 10.00–15.00 | Kortere åbningstid mellem jul og nytår',
      'onsdag 30. december | 10.00–15.00 | Kortere åbningstid mellem jul og nytår',
    ]);
    assert.equal(await checker.announcement(), 'Nye åbningstider fra 1. april');
    assert.deepEqual((await checker.rows('#announcement-days')).slice(0, 2), [
      'torsdag 1. april | 9.00–21.00 |',
      'fredag 2. april | 9.00–19.00 |',
    ]);

    // The preview runs the released widget with exactly this config, at the chosen moment.
    await checker.previewAt('2026-12-28T16:00');
    const widget = checker.hotline.widget('#preview-widget');
    await checker.page.locator('#preview-widget .preview').waitFor();
    await checker.page.locator('#preview-widget .name', { hasText: 'Testlinjen' }).waitFor();
    assert.equal(await widget.statusLine(), 'Lukket nu Åbner i morgen kl. 10.00');
    assert.equal(await widget.note(), 'Kortere åbningstid mellem jul og nytår');
    assert.equal(await widget.state(), null, 'a preview claims no state');
    await checker.page.screenshot({ path: new URL('checker-valid-da.png', SCREENSHOTS).pathname, fullPage: true });

    await checker.language('en');
    await checker.page.locator('#preview-widget .name', { hasText: 'The Test Line' }).waitFor();
    assert.equal(await widget.statusLine(), 'Closed now Opens tomorrow at 10:00');
    assert.equal((await checker.rows())[3], 'Thursday 24 December | Closed | Christmas Eve');
    assert.deepEqual(checker.hotline.errors, []);
    assert.deepEqual(checker.hotline.warnings.filter((w) => w.includes('digital-hotline')), []);
    await checker.hotline.close();
  });

  test('fetching a config as the widget does: loaded, or the header problem and its fix', async () => {
    const checker = await openChecker();
    await checker.fetchInto(`${server.origin}/served/hotline.json`);
    await checker.page.locator('#verdict.ok').waitFor();
    assert.equal(await checker.status(), `Hentet fra ${server.origin}/served/hotline.json.`);
    assert.equal(await checker.page.locator('#text').inputValue(), builtinText);

    await checker.fetchInto(`${other.origin}/no-cors.json`);
    await checker.page.locator('#load-status .error').waitFor();
    assert.match(await checker.status(), /no-cors\.json kan ikke læses fra en anden side: serveren sender ikke CORS-headeren\. Tilføj Access-Control-Allow-Origin: \* på svaret/);

    await checker.fetchInto(`${other.origin}/cors-no-date.json`);
    await checker.page.locator('#load-status .note').waitFor();
    assert.match(await checker.status(), /Headeren Date kan ikke læses fra en anden side: tilføj Access-Control-Expose-Headers: Date/);

    await checker.fetchInto(`${other.origin}/cors.json`);
    // The status of this fetch, not the one before it (which had an `.ok` part too).
    await checker.page.locator('#load-status', { hasText: `${other.origin}/cors.json` }).locator('.ok').waitFor();
    assert.equal(await checker.page.locator('#load-status .note').count(), 0);

    await checker.fetchInto(`${server.origin}/served/cached.txt`);
    await checker.page.locator('#load-status .note').first().waitFor();
    assert.match(await checker.status(), /Content-Type er „text\/plain“: send application\/json\. Cache-Control er „max-age=3600“: send no-cache/);

    await checker.fetchInto(`${server.origin}/served/missing.json`);
    await checker.page.locator('#load-status .error').waitFor();
    assert.match(await checker.status(), /Serveren svarede HTTP 404 Not Found for .*missing\.json/);

    await checker.fetchInto('');
    await checker.page.locator('#load-status .error', { hasText: 'Skriv en hel adresse' }).waitFor();
    await checker.hotline.close();
  });

  test('the comparison lists the days a new config changes against the one served now', async () => {
    const checker = await openChecker();
    const changed = JSON.parse(builtinText);
    changed.weekly.fri = ['09:00-15:00'];
    changed.exceptions = [{ date: '2026-12-08', hours: 'closed', note: { da: 'Personaledag', en: 'Staff day' } }];
    await checker.paste(JSON.stringify(changed, null, 2));
    await checker.setPeriod('2026-12-01', 2);
    await checker.compareWith(`${server.origin}/served/hotline.json`);
    await checker.page.locator('#diff:not([hidden])').waitFor();
    assert.match(await checker.status('#compare-status'), /3 af de 14 dage får andre åbningstider:/);
    assert.deepEqual(await checker.rows('#diff'), [
      'fredag 4. december | 9.00–17.00 | 9.00–15.00',
      'tirsdag 8. december | 9.00–21.00 | Lukket (Personaledag)',
      'fredag 11. december | 9.00–17.00 | 9.00–15.00',
    ]);

    await checker.paste(builtinText);
    await checker.page.locator('#diff[hidden]').waitFor({ state: 'attached' });
    assert.match(await checker.status('#compare-status'), /Ingen af de 14 dage får andre åbningstider\./);
    await checker.hotline.close();
  });

  test('the demo page links to it', async () => {
    const hotline = await openAt(browser, `${server.origin}/`, NOW);
    await hotline.page.click('#checker-link');
    await hotline.page.waitForURL(`**${CHECKER}`);
    await new CheckerPage(hotline).ready();
    await hotline.close();
  });
});
