// Where in the pasted text a problem is: the validator reports a path (keys and indexes, as
// `JSON.parse` saw the document), and this small JSON scanner finds that path's line and column.
// It also finds where text that is not JSON goes wrong, which the browser's own message may
// not say. Offsets count UTF-16 code units, as a <textarea>'s selection does.

/** A value in the text: where it starts and, for objects and lists, its members. */
class Scanner {
  constructor(text) {
    this.text = text;
    this.at = 0;
  }

  fail(what) {
    const error = new SyntaxError(what);
    error.offset = this.at;
    throw error;
  }

  space() {
    while (this.at < this.text.length && ' \t\n\r'.includes(this.text[this.at])) this.at += 1;
  }

  value(depth) {
    if (depth > 5000) this.fail('nested too deep'); // JSON.parse goes deeper; no config does
    this.space();
    const start = this.at;
    const c = this.text[this.at];
    if (c === '{') return this.object(start, depth);
    if (c === '[') return this.list(start, depth);
    if (c === '"') {
      this.string();
      return { start };
    }
    const literal = /^(?:true|false|null|-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?)/.exec(this.text.slice(this.at, this.at + 400));
    if (!literal) this.fail(c === undefined ? 'unexpected end' : `unexpected ${c}`);
    this.at += literal[0].length;
    return { start };
  }

  string() {
    this.at += 1; // the opening quote
    const begin = this.at;
    while (this.at < this.text.length) {
      const c = this.text[this.at];
      if (c === '"') {
        const raw = this.text.slice(begin, this.at);
        this.at += 1;
        return JSON.parse(`"${raw}"`);
      }
      if (c === '\\') this.at += 1;
      else if (c < ' ') this.fail('control character in a string');
      this.at += 1;
    }
    return this.fail('unterminated string');
  }

  object(start, depth) {
    this.at += 1;
    // Like JSON.parse, a repeated key keeps its last value.
    const members = new Map();
    this.space();
    if (this.text[this.at] === '}') {
      this.at += 1;
      return { start, members };
    }
    for (;;) {
      this.space();
      if (this.text[this.at] !== '"') this.fail('expected a key in quotes');
      const keyStart = this.at;
      const key = this.string();
      this.space();
      if (this.text[this.at] !== ':') this.fail('expected :');
      this.at += 1;
      members.set(key, { keyStart, value: this.value(depth + 1) });
      this.space();
      const c = this.text[this.at];
      this.at += 1;
      if (c === '}') return { start, members };
      if (c !== ',') {
        this.at -= 1;
        this.fail('expected , or }');
      }
    }
  }

  list(start, depth) {
    this.at += 1;
    const items = [];
    this.space();
    if (this.text[this.at] === ']') {
      this.at += 1;
      return { start, items };
    }
    for (;;) {
      items.push(this.value(depth + 1));
      this.space();
      const c = this.text[this.at];
      this.at += 1;
      if (c === ']') return { start, items };
      if (c !== ',') {
        this.at -= 1;
        this.fail('expected , or ]');
      }
    }
  }
}

/** 1-based line and column of `offset` in `text`. */
export function position(text, offset) {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return { offset, line, column: offset - before.lastIndexOf('\n') };
}

/** The parsed outline of `text`, or the position where it stops being JSON. */
function scan(text) {
  const scanner = new Scanner(text);
  try {
    const root = scanner.value(0);
    scanner.space();
    if (scanner.at < text.length) scanner.fail('text after the end');
    return { root };
  } catch (error) {
    if (!(error instanceof SyntaxError) || error.offset === undefined) throw error;
    return { error: position(text, Math.min(error.offset, text.length)) };
  }
}

/** Where `text` stops being JSON, or `null` when it is JSON. */
export function syntaxError(text) {
  return scan(text).error ?? null;
}

/**
 * Where `path` (keys and indexes) is in `text`: an object member's key, a list item's value.
 * A path that goes further than the text (a missing field) gives its nearest ancestor. Text
 * that is not JSON gives where it goes wrong, whatever the path (empty text: line 1, column 1).
 */
export function locate(text, path) {
  const { root, error } = scan(text);
  if (error) return error;
  let node = root;
  let offset = root.start;
  for (const step of path) {
    if (typeof step === 'number' && node.items?.[step]) {
      node = node.items[step];
      offset = node.start;
    } else if (typeof step === 'string' && node.members?.has(step)) {
      const member = node.members.get(step);
      node = member.value;
      offset = member.keyStart;
    } else {
      break;
    }
  }
  return position(text, offset);
}
