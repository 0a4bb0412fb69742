// Puts a better-sqlite3 build for Electron's ABI in native/electron/, beside (not over) the Node build in
// node_modules that the tests use. Runs before `npm start` and `npm run dist`, never during install or tests.
// Needs the internet once (prebuilt binary or Electron's headers); afterwards it is a no-op.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(join(root, 'package.json'));
const electronVersion = require('electron/package.json').version;
const sqliteVersion = require('better-sqlite3/package.json').version;
const outDir = join(root, 'native', 'electron');
const stamp = join(outDir, 'build.json');
const wanted = JSON.stringify({ electronVersion, sqliteVersion, arch: process.arch, platform: process.platform });

if (existsSync(stamp) && readFileSync(stamp, 'utf8') === wanted && existsSync(join(outDir, 'better_sqlite3.node'))) {
  process.exit(0);
}

const work = join(root, '.cache', 'better-sqlite3-electron');
rmSync(work, { recursive: true, force: true });
cpSync(dirname(require.resolve('better-sqlite3/package.json')), work, { recursive: true });
rmSync(join(work, 'build'), { recursive: true, force: true });
const run = (cmd, args) =>
  execFileSync(cmd, args, { cwd: work, stdio: 'inherit', shell: process.platform === 'win32' });
console.log(`Building better-sqlite3 ${sqliteVersion} for Electron ${electronVersion}…`);
try {
  run('npx', [
    '--yes',
    'prebuild-install',
    '--runtime',
    'electron',
    '--target',
    electronVersion,
    '--arch',
    process.arch,
  ]);
} catch {
  run('npx', [
    '--yes',
    'node-gyp',
    'rebuild',
    '--release',
    `--target=${electronVersion}`,
    `--arch=${process.arch}`,
    '--dist-url=https://electronjs.org/headers',
  ]);
}
mkdirSync(outDir, { recursive: true });
cpSync(join(work, 'build', 'Release', 'better_sqlite3.node'), join(outDir, 'better_sqlite3.node'));
writeFileSync(stamp, wanted);
console.log('Electron build of better-sqlite3 ready in native/electron/.');
