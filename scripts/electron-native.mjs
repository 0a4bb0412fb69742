// Puts a better-sqlite3 build for Electron's ABI in native/electron/, beside (not over) the Node build in
// node_modules that the tests use. Runs before `npm start` and `npm run dist`, never during install or tests.
// Needs the internet once (a prebuilt binary, or Electron's headers to compile); afterwards it is a no-op.
// `--force` rebuilds even when native/electron/build.json says the build is current.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(join(root, 'package.json'));
/** Where the Electron build goes: electron-builder.yml ships it as resources/native/better_sqlite3.node. */
export const ELECTRON_BUILD_DIR = join(root, 'native', 'electron');
export const ELECTRON_BUILD = join(ELECTRON_BUILD_DIR, 'better_sqlite3.node');

/**
 * npm passes its config to scripts as npm_config_* variables, and prebuild-install and node-gyp read them: a
 * `nodedir` (or `target`, `runtime`, `build_from_source`) set for the Node build would silently give a module for
 * Node's ABI instead of Electron's. The Electron build gets an environment without them.
 */
export function electronBuildEnv(env) {
  return Object.fromEntries(
    Object.entries(env).filter(
      ([key]) => !/^npm_config_(nodedir|target|runtime|disturl|dist_url|build_from_source|arch)$/i.test(key),
    ),
  );
}

function main() {
  const electronVersion = require('electron/package.json').version;
  const sqliteVersion = require('better-sqlite3/package.json').version;
  const arch = process.env.npm_config_arch || process.arch;
  const stamp = join(ELECTRON_BUILD_DIR, 'build.json');
  const wanted = JSON.stringify({ electronVersion, sqliteVersion, arch, platform: process.platform });
  if (
    !process.argv.includes('--force') &&
    existsSync(stamp) &&
    readFileSync(stamp, 'utf8') === wanted &&
    existsSync(ELECTRON_BUILD)
  ) {
    return;
  }
  const env = electronBuildEnv(process.env);

  // Work on a copy outside the repository: the Node build in node_modules stays untouched, and nothing is left
  // for lint or prettier to trip on.
  const work = mkdtempSync(join(tmpdir(), 'better-sqlite3-electron-'));
  try {
    cpSync(dirname(require.resolve('better-sqlite3/package.json')), work, { recursive: true });
    rmSync(join(work, 'build'), { recursive: true, force: true });
    const run = (script, args) =>
      execFileSync(process.execPath, [script, ...args], { cwd: work, stdio: 'inherit', env });
    console.log(`Building better-sqlite3 ${sqliteVersion} for Electron ${electronVersion} (${arch})…`);
    try {
      // A prebuilt binary for this Electron version, when better-sqlite3 publishes one.
      run(require.resolve('prebuild-install/bin.js'), [
        '--runtime',
        'electron',
        '--target',
        electronVersion,
        '--arch',
        arch,
      ]);
    } catch {
      // Otherwise compile against Electron's headers (needs a C/C++ toolchain, like the Node build).
      run(nodeGyp(), [
        'rebuild',
        '--release',
        `--target=${electronVersion}`,
        `--arch=${arch}`,
        '--dist-url=https://electronjs.org/headers',
      ]);
    }
    const built = join(work, 'build', 'Release', 'better_sqlite3.node');
    if (!existsSync(built)) throw new Error(`no better_sqlite3.node was produced in ${dirname(built)}`);
    mkdirSync(ELECTRON_BUILD_DIR, { recursive: true });
    cpSync(built, ELECTRON_BUILD);
    writeFileSync(stamp, wanted);
    console.log('Electron build of better-sqlite3 ready in native/electron/.');
  } catch (error) {
    console.error(
      `Could not build better-sqlite3 for Electron ${electronVersion}: ${error.message}\n` +
        'This step needs the internet once (a prebuilt binary or Electron headers) and a C/C++ toolchain.',
    );
    process.exitCode = 1;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** node-gyp's entry point: npm's own copy when run from an npm script, else the one in node_modules. */
function nodeGyp() {
  if (process.env.npm_config_node_gyp && existsSync(process.env.npm_config_node_gyp)) {
    return process.env.npm_config_node_gyp;
  }
  return require.resolve('node-gyp/bin/node-gyp.js');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) main();
