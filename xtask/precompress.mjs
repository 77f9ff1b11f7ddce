// Writes `FILE.br` (brotli q11) and `FILE.gz` (gzip -9) beside every file of a folder, so a
// server can send them as they are (README "Server recipes") instead of compressing on the
// fly, or not at all: many servers leave `application/wasm` uncompressed by default. The output
// depends only on the input bytes (gzip's header carries no time or name), so releases stay
// reproducible.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const folder = process.argv[2];
for (const name of readdirSync(folder)) {
  if (name.endsWith('.br') || name.endsWith('.gz')) continue;
  const bytes = readFileSync(join(folder, name));
  const brotli = brotliCompressSync(bytes, {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: 11,
      [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
    },
  });
  writeFileSync(join(folder, `${name}.br`), brotli);
  writeFileSync(join(folder, `${name}.gz`), gzipSync(bytes, { level: 9 }));
}
