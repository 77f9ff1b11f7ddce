// Prints the size of each file a visitor downloads: raw, gzip -9 and brotli q11, and the total.
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const kb = (bytes) => (bytes / 1024).toFixed(1).padStart(9); // KiB, 1,024 bytes
const rows = process.argv.slice(2).map((file) => {
  const bytes = readFileSync(file);
  const brotli = brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } });
  return [relative(process.cwd(), file), bytes.length, gzipSync(bytes, { level: 9 }).length, brotli.length];
});
rows.push(['total', ...[1, 2, 3].map((i) => rows.reduce((sum, row) => sum + row[i], 0))]);
console.log(`${'file'.padEnd(44)}${'raw KiB'.padStart(9)}${'gzip KiB'.padStart(9)}${'br KiB'.padStart(9)}`);
for (const [file, raw, gzip, brotli] of rows) console.log(`${file.padEnd(44)}${kb(raw)}${kb(gzip)}${kb(brotli)}`);
