// Writes the page stylesheet of a release, `digital-hotline.css`, from the widget's own CSS
// (style/widget.css, which the wasm adopts into each shadow root). The snippet links it, and
// it styles the fallback markup rendered into the snippet (light DOM, before any script runs)
// exactly as the shadow root will style the same markup: so the box has its final size at
// first paint and nothing moves when the widget takes over.
//
// The shadow root's CSS is safe from the page; a page stylesheet is not. So every selector is
// scoped under the element with ID-level weight (`:is(digital-hotline, #…)` matches only the
// element and counts as an ID), every declaration is `!important`, and the markup first
// drops whatever the page's own rules gave it (`all: revert`). `:host` becomes the element.
//
//   node xtask/page-css.mjs style/widget.css OUT.css
import { readFileSync, writeFileSync } from 'node:fs';

const SCOPE = ':is(digital-hotline, #digital-hotline-weight)';
const [input, output] = process.argv.slice(2);
const source = readFileSync(input, 'utf8').replace(/\/\*[\s\S]*?\*\//g, '');

/** `:host(X) Y` → `SCOPEX Y`; `:host` → `SCOPE`; anything else → `SCOPE anything`. */
function scoped(selector) {
  const trimmed = selector.trim();
  const host = trimmed.match(/^:host(?:\((.*?)\))?(.*)$/);
  if (host) return `${SCOPE}${host[1] ?? ''}${host[2]}`;
  return `${SCOPE} ${trimmed}`;
}

function important(declarations) {
  return declarations
    .split(';')
    .map((declaration) => declaration.trim())
    .filter(Boolean)
    .map((declaration) => (/!important$/.test(declaration) ? declaration : `${declaration} !important`))
    .join(';\n  ');
}

/** Rewrites the rules in `text`, recursing into @-blocks. */
function rewrite(text) {
  let out = '';
  let at = 0;
  while (at < text.length) {
    const open = text.indexOf('{', at);
    if (open < 0) break;
    const prelude = text.slice(at, open).trim();
    let depth = 1;
    let close = open + 1;
    // Parentheses and nested blocks: find the matching brace.
    while (depth > 0 && close < text.length) {
      if (text[close] === '{') depth += 1;
      if (text[close] === '}') depth -= 1;
      close += 1;
    }
    const body = text.slice(open + 1, close - 1);
    if (prelude.startsWith('@')) {
      out += `${prelude} {\n${rewrite(body)}}\n`;
    } else {
      const selectors = splitSelectors(prelude).map(scoped).join(',\n');
      out += `${selectors} {\n  ${important(body)};\n}\n`;
    }
    at = close;
  }
  return out;
}

/** Splits a selector list at top-level commas (not inside `:is(…)` and the like). */
function splitSelectors(list) {
  const parts = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < list.length; i += 1) {
    if (list[i] === '(') depth += 1;
    if (list[i] === ')') depth -= 1;
    if (list[i] === ',' && depth === 0) {
      parts.push(list.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(list.slice(start));
  return parts;
}

const header = `/* digital-hotline: styles the box's fallback markup before the script runs. Generated from
   style/widget.css by xtask/page-css.mjs; do not edit. */
${SCOPE} .widget,
${SCOPE} .widget * {
  all: revert !important;
}
`;
writeFileSync(output, header + rewrite(source));
