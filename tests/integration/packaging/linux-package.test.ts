/**
 * `npm run dist` as far as it goes without the internet: electron-builder packs the real project, with
 * electron-builder.yml, into the unpacked Linux app that the AppImage and the .deb wrap (`--linux dir`). The one
 * stand-in is Electron itself (its binary cannot be downloaded here): a file carrying Electron's fuse wire, so
 * the fuses electron-builder flips can be read back. The packaged folder is then read the way the app reads it.
 */
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, posix } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demarchesCatalogDir, isPackagedApp, resourcesDir } from '../../../main/app/resources-dir';
import { nativeBinding } from '../../../main/db/native-binding';
import { pdfRendererFiles, rasterisePdf } from '../../../main/scan/pdf-raster';
import { ELECTRON_BUILD, ELECTRON_BUILD_DIR } from '../../../scripts/electron-native.mjs';
import * as corpus from '../../fixtures/scan/generate';
import { runCommand } from '../../helpers/run-command';

// The asar reader of Electron's own tooling (a dependency of electron-builder), to read the archive as Electron does.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const asar = require('@electron/asar') as {
  getRawHeader(archive: string): { header: AsarDirectory };
  extractFile(archive: string, file: string): Buffer;
};
interface AsarEntry {
  files?: Record<string, AsarEntry>;
  unpacked?: boolean;
}
type AsarDirectory = AsarEntry & { files: Record<string, AsarEntry> };

const root = join(__dirname, '..', '..', '..');
const bin = (name: string) => join(root, 'node_modules', '.bin', name);

/** Electron's fuse wire: a sentinel, the wire version, its length, then one byte per fuse ('0' off, '1' on). */
const FUSE_SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
const FUSES = [
  'runAsNode',
  'enableCookieEncryption',
  'enableNodeOptionsEnvironmentVariable',
  'enableNodeCliInspectArguments',
  'enableEmbeddedAsarIntegrityValidation',
  'onlyLoadAppFromAsar',
  'loadBrowserProcessSpecificV8Snapshot',
  'grantFileProtocolExtraPrivileges',
] as const;
/** What an Electron binary ships with, before electron-builder flips anything. */
const ELECTRON_DEFAULT_FUSES = '10110001';

function readFuses(executable: string): Record<(typeof FUSES)[number], string> {
  const binary = readFileSync(executable);
  const at = binary.indexOf(FUSE_SENTINEL) + FUSE_SENTINEL.length;
  expect(binary[at], 'fuse wire version').toBe(1);
  const wire = binary.subarray(at + 2, at + 2 + binary[at + 1]!).toString('latin1');
  return Object.fromEntries(FUSES.map((name, i) => [name, wire[i]])) as Record<(typeof FUSES)[number], string>;
}

/** Every file of the archive by its path ('out/main/index.js'), with whether it was left outside (unpacked). */
function asarFiles(archive: string): Map<string, { unpacked: boolean }> {
  const files = new Map<string, { unpacked: boolean }>();
  const walk = (dir: AsarEntry, prefix: string) => {
    for (const [name, entry] of Object.entries(dir.files ?? {})) {
      const path = prefix ? `${prefix}/${name}` : name;
      if (entry.files) walk(entry, path);
      else files.set(path, { unpacked: entry.unpacked === true });
    }
  };
  walk(asar.getRawHeader(archive).header, '');
  return files;
}

/** The bare module names a bundled file loads at run time (Vite leaves them as require() and import() calls). */
function runtimeImports(source: string): Set<string> {
  const names = new Set<string>();
  for (const [, spec] of source.matchAll(/\b(?:require|import)\("([^"]+)"\)/g)) {
    if (spec!.startsWith('.') || spec!.startsWith('node:') || spec === 'electron') continue;
    names.add(spec!.startsWith('@') ? spec!.split('/').slice(0, 2).join('/') : spec!.split('/')[0]!);
  }
  return names;
}

const packaging = process.platform === 'linux';
let output: string;
let appDir: string;
let resources: string;
let archive: string;
let files: Map<string, { unpacked: boolean }>;
/** What the test made in native/ for the stand-in (mkdirSync's first new folder, else the file alone). */
let madeStandIn: string | undefined;

describe.runIf(packaging)('the packaged app (electron-builder --linux dir)', () => {
  beforeAll(async () => {
    // What `npm run dist` does first: the build, then the Electron build of better-sqlite3 in native/electron/. That
    // one needs the internet: without it here, a stand-in file takes its place for the length of the test.
    const build = await runCommand(bin('electron-vite'), ['build'], { cwd: root });
    expect(build.status, build.stderr).toBe(0);
    if (!existsSync(ELECTRON_BUILD)) {
      madeStandIn = mkdirSync(ELECTRON_BUILD_DIR, { recursive: true }) ?? ELECTRON_BUILD;
      writeFileSync(ELECTRON_BUILD, 'stand-in for the Electron build of better-sqlite3');
    }

    output = mkdtempSync(join(tmpdir(), 'pn-dist-'));
    const electronDist = join(output, 'electron');
    mkdirSync(join(electronDist, 'resources'), { recursive: true });
    writeFileSync(
      join(electronDist, 'electron'),
      Buffer.concat([
        Buffer.from('stand-in Electron\n'),
        Buffer.from(FUSE_SENTINEL),
        Buffer.from([1, ELECTRON_DEFAULT_FUSES.length]),
        Buffer.from(ELECTRON_DEFAULT_FUSES),
      ]),
      { mode: 0o755 },
    );
    writeFileSync(join(electronDist, 'chrome-sandbox'), '');

    const result = await runCommand(
      bin('electron-builder'),
      [
        '--config',
        'electron-builder.yml',
        '--linux',
        'dir',
        `-c.electronDist=${electronDist}`,
        `-c.directories.output=${join(output, 'dist')}`,
      ],
      { cwd: root, env: { ...process.env, CI: 'true' } },
    );
    expect(result.status, `${result.stdout}\n${result.stderr}`).toBe(0);
    appDir = join(output, 'dist', 'linux-unpacked');
    resources = join(appDir, 'resources');
    archive = join(resources, 'app.asar');
    files = asarFiles(archive);
  }, 240_000);

  afterAll(() => {
    if (output) rmSync(output, { recursive: true, force: true });
    // Only the stand-in goes: a real Electron build or its stamp beside it stays.
    if (madeStandIn) rmSync(madeStandIn, { recursive: true, force: true });
  });

  it('is the executable point-numerique, with the fuses for running as Node, NODE_OPTIONS and --inspect off', () => {
    const fuses = readFuses(join(appDir, 'point-numerique'));
    expect(fuses).toMatchObject({
      runAsNode: '0',
      enableNodeOptionsEnvironmentVariable: '0',
      enableNodeCliInspectArguments: '0',
      onlyLoadAppFromAsar: '1',
      enableEmbeddedAsarIntegrityValidation: '1',
      enableCookieEncryption: '1',
      grantFileProtocolExtraPrivileges: '0',
    });
  });

  it('holds the built app in app.asar, and none of the renderer’s libraries (Vite bundled them)', () => {
    const pkg = JSON.parse(asar.extractFile(archive, 'package.json').toString('utf8'));
    expect(files.has(pkg.main)).toBe(true);
    for (const file of ['out/main/index.js', 'out/preload/index.js', 'out/renderer/index.html']) {
      expect(files.has(file), file).toBe(true);
    }
    for (const renderOnly of ['react', 'react-dom', '@mui/material', '@emotion/react']) {
      expect(files.has(`node_modules/${renderOnly}/package.json`), renderOnly).toBe(false);
    }
    // Sources and the Node build of better-sqlite3 stay behind: the app loads resources/native/ instead.
    expect([...files.keys()].filter((file) => /^node_modules\/better-sqlite3\/(build|src|deps)\//.test(file))).toEqual(
      [],
    );
  });

  it('can load every package the main process requires, and everything those depend on', () => {
    const wanted = runtimeImports(asar.extractFile(archive, 'out/main/index.js').toString('utf8'));
    expect([...wanted]).toEqual(expect.arrayContaining(['better-sqlite3', 'sharp', 'zod', 'node-thermal-printer']));
    // Node's lookup, inside the archive: node_modules folders from the requiring package up to the root.
    const seen = new Set<string>();
    const missing: string[] = [];
    const visit = (name: string, from: string, optional: boolean) => {
      for (let dir = from; ; dir = posix.dirname(dir)) {
        const candidate = posix.join(dir === '.' ? '' : dir, 'node_modules', name);
        if (files.has(`${candidate}/package.json`)) {
          if (seen.has(candidate)) return;
          seen.add(candidate);
          const pkg = JSON.parse(asar.extractFile(archive, `${candidate}/package.json`).toString('utf8'));
          for (const dep of Object.keys(pkg.dependencies ?? {})) visit(dep, candidate, false);
          for (const dep of Object.keys(pkg.optionalDependencies ?? {})) visit(dep, candidate, true);
          return;
        }
        if (dir === '.' || dir === '') break;
      }
      // An optional dependency may be another platform's build (@img/sharp-win32-x64…).
      if (!optional) missing.push(`${name} (needed by ${from})`);
    };
    for (const name of wanted) visit(name, '.', false);
    expect(missing).toEqual([]);
  });

  it('keeps every native file outside the archive: better-sqlite3’s Electron build, sharp, the PDF canvas', () => {
    const natives = [...files].filter(([file]) => /\.node$|\.so(\.\d+)*$/.test(file));
    expect(natives.length).toBeGreaterThan(0);
    for (const [file, { unpacked }] of natives) {
      expect(unpacked, `${file} is inside app.asar`).toBe(true);
      expect(statSync(join(resources, 'app.asar.unpacked', file)).size, file).toBeGreaterThan(0);
    }
    expect(natives.map(([file]) => file)).toEqual(
      expect.arrayContaining([expect.stringMatching(/^node_modules\/@img\/sharp-linux-x64\/lib\/.*\.node$/)]),
    );
    const proc = process as { resourcesPath?: string };
    const saved = { resourcesPath: proc.resourcesPath, electron: process.versions.electron };
    // What Electron sets in the packaged app, set on Node's process for the length of the call.
    Object.defineProperty(process.versions, 'electron', { value: '45.0.0', configurable: true, enumerable: true });
    proc.resourcesPath = resources;
    try {
      expect(nativeBinding()).toBe(join(resources, 'native', 'better_sqlite3.node'));
    } finally {
      if (saved.electron === undefined) delete (process.versions as Record<string, string>).electron;
      proc.resourcesPath = saved.resourcesPath;
    }
    expect(readdirSync(join(resources, 'native'))).toEqual(['better_sqlite3.node']);
  });

  it('holds the démarches catalog where the app reads it', () => {
    const packaged = { versions: { ...process.versions, electron: '45.0.0' }, resourcesPath: resources };
    expect(isPackagedApp(packaged)).toBe(true);
    expect(resourcesDir(packaged)).toBe(resources);
    const catalog = demarchesCatalogDir(packaged);
    const source = join(root, 'resources', 'demarches');
    expect(readdirSync(catalog).sort()).toEqual(readdirSync(source).sort());
    for (const name of readdirSync(source)) {
      expect(readFileSync(join(catalog, name), 'utf8'), name).toBe(readFileSync(join(source, name), 'utf8'));
    }
  });

  it('draws a scanned PDF with the pdf.js and canvas left outside the archive', async () => {
    // What Electron's require.resolve answers in the installed app: a path inside app.asar.
    const unpacked = join(resources, 'app.asar.unpacked');
    const packagedRequire = createRequire(join(unpacked, 'out', 'main', 'index.js'));
    const renderer = pdfRendererFiles(
      (id) => packagedRequire.resolve(id).replace(unpacked, archive),
      join(archive, 'out', 'main'),
    );
    // The worker is the bundled, typed file (electron-vite's second entry), left outside the archive.
    expect(renderer.workerPath).toBe(join(unpacked, 'out', 'main', 'pdf-worker.js'));
    expect(renderer.pdfjsPath.startsWith(join(unpacked, 'node_modules', 'pdfjs-dist'))).toBe(true);
    expect(dirname(renderer.canvasPath).startsWith(join(unpacked, 'node_modules', '@napi-rs', 'canvas'))).toBe(true);
    const sizes: number[][] = [];
    const outcome = await rasterisePdf(await corpus.pdfDocument(1), {
      files: renderer,
      onOpened: () => true,
      onPage: async (page) => {
        sizes.push([page.width, page.height]);
      },
    });
    expect(outcome).toMatchObject({ ok: true, contents: { pages: 1 } });
    expect(sizes).toEqual([[2480, 3507]]);
  });
});
