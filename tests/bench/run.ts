/**
 * `npm run bench`: runs every tests/bench/*.bench.ts in turn (or those named on the command line) and prints
 * their figures. Benchmarks measure time and memory on this machine; they are not tests and never fail the build.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const only = process.argv.slice(2);
const files = readdirSync(__dirname)
  .filter((file) => file.endsWith('.bench.ts'))
  .filter((file) => only.length === 0 || only.some((name) => file.includes(name)))
  .sort();

async function main() {
  for (const file of files) {
    console.log(`\n## ${file}`);
    const module = (await import(pathToFileURL(join(__dirname, file)).href)) as { run?: () => Promise<void> };
    await module.run?.();
  }
}

void main();
