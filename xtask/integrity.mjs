// Prints the Subresource Integrity value of a file: sha384-<base64>.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';

const digest = createHash('sha384').update(readFileSync(process.argv[2])).digest('base64');
console.log(`sha384-${digest}`);
