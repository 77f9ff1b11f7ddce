// The checker page's JSON locator (src/checker/locate.js): from a validator path to the line
// and column in the pasted text, and where text that is not JSON goes wrong.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { test } from 'node:test';

import { locate, syntaxError } from '../../src/checker/locate.js';

const at = (text, path) => {
  const { line, column } = locate(text, path);
  return `${line}:${column}`;
};

const DOC = `{
  "version": 1,
  "weekly": {
    "mon": ["09:00-21:00"],
    "fri": ["09:00-12:00", "18:00-17:00"]
  },
  "exceptions": [
    { "date": "2026-12-01", "hours": "closed" },
    { "date": "2026-02-30", "hours": "closed" }
  ],
  "name": {"da": "Æble \\"ø\\"", "da": "Den Digitale Hotline"}
}`;

test('a path finds the key of a member and the value of a list item', () => {
  assert.equal(at(DOC, ['version']), '2:3');
  assert.equal(at(DOC, ['weekly', 'fri']), '5:5');
  assert.equal(at(DOC, ['weekly', 'fri', 1]), '5:28');
  assert.equal(at(DOC, ['exceptions', 1]), '9:5');
  assert.equal(at(DOC, ['exceptions', 1, 'date']), '9:7');
  assert.equal(at(DOC, []), '1:1');
});

test('a repeated key is found where JSON.parse takes it from: the last one', () => {
  assert.equal(at(DOC, ['name', 'da']), '11:32');
});

test('a missing field gives its nearest ancestor', () => {
  assert.equal(at(DOC, ['weekly', 'sat']), '3:3');
  assert.equal(at(DOC, ['exceptions', 1, 'note', 'en']), '9:5');
  assert.equal(at(DOC, ['exceptions', 7]), '7:3');
});

test('text that is not JSON gives where it goes wrong', () => {
  assert.equal(at('{\n  "a": 1,\n}', []), '3:1');
  assert.equal(at('{\n  "a": [1, 2\n', []), '3:1');
  assert.equal(at('<!doctype html>', []), '1:1');
  assert.equal(at('{"a": tru}', []), '1:7');
  assert.equal(at('', []), '1:1');
  assert.equal(at('{"a": 1} x', []), '1:10');
  assert.equal(at('{"a": "b\nc"}', []), '1:9');
});

test('the scanner refuses exactly the corpus configs that JSON.parse refuses', async () => {
  const folder = new URL('../fixtures/bad-configs/', import.meta.url);
  const names = (await readFile(new URL('EXPECTED.tsv', folder), 'utf8'))
    .split('\n')
    .filter((line) => line && !line.startsWith('#'))
    .map((line) => line.split('\t')[0]);
  for (const name of names) {
    const text = await readFile(new URL(name, folder), 'utf8');
    let valid = true;
    try {
      JSON.parse(text);
    } catch {
      valid = false;
    }
    assert.equal(syntaxError(text) === null, valid, `${name}: ${JSON.stringify(syntaxError(text))}`);
  }
});
