// The config checker page (check.html in the release folder), seen the way the person who edits
// the hours uses it: paste, fetch, read the problems, the weeks, the preview and the comparison.
import { readFile } from 'node:fs/promises';

const manifest = JSON.parse(await readFile(new URL('../../../dist/digital-hotline/release.json', import.meta.url)));

/** Where the release folder's checker is on the test server. */
export const CHECKER = `/dist/digital-hotline/${manifest.version}/check.html`;

/** Collapses whitespace so texts compare regardless of layout. */
const squash = (text) => text.replace(/\s+/g, ' ').trim();

export class CheckerPage {
  /** `hotline` is an opened HotlinePage (errors and warnings collected). */
  constructor(hotline) {
    this.hotline = hotline;
    this.page = hotline.page;
  }

  /** Waits until the checker's wasm is running (the verdict asks for a config). */
  async ready() {
    await this.page.locator('#verdict:not(:empty)').waitFor();
    await this.page.waitForFunction(() => !/Indlæser|Loading/.test(document.querySelector('#verdict').textContent));
    return this;
  }

  async language(lang) {
    await this.page.click(`[data-lang="${lang}"]`);
  }

  /** Replaces the text field's content, as pasting does. */
  async paste(text) {
    await this.page.locator('#text').fill(text);
  }

  /** Chooses a file with the page's file field (as dropping it on the text field does). */
  async choose(path) {
    await this.page.setInputFiles('#file', path);
    await this.page.waitForFunction(() => document.querySelector('#file').files.length === 1);
  }

  verdict() {
    return this.page.locator('#verdict').innerText();
  }

  /** Each problem: `{ where: "Linje 22, kolonne 4", message, path }`. */
  async problems() {
    return this.page.locator('#problems li').evaluateAll((items) =>
      items.map((item) => ({
        where: item.querySelector('.where').textContent,
        message: item.querySelector('.message').textContent,
        path: item.querySelector('.path')?.textContent ?? null,
      })),
    );
  }

  async setPeriod(from, weeks) {
    await this.page.locator('#from').fill(from);
    await this.page.locator('#from').dispatchEvent('change');
    if (weeks) await this.page.selectOption('#count', String(weeks));
  }

  /** Rows of a days table: "torsdag 24. december | Lukket | Juleaftensdag". */
  async rows(table = '#days') {
    const rows = await this.page.locator(`${table} tr`).allInnerTexts();
    return rows.slice(1).map((row) => squash(row.replace(/\t/g, ' | ')));
  }

  announcement() {
    return this.page.locator('#announcement-text').innerText();
  }

  async previewAt(at) {
    await this.page.locator('#at').fill(at);
    await this.page.locator('#at').dispatchEvent('change');
  }

  async fetchInto(url) {
    await this.page.locator('#url').fill(url);
    await this.page.click('#load-form button');
  }

  async compareWith(url) {
    await this.page.locator('#compare-url').fill(url);
    await this.page.click('#compare-form button');
  }

  async status(which = '#load-status') {
    return squash(await this.page.locator(which).innerText());
  }
}
