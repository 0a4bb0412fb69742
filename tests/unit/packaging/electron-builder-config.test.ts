/**
 * electron-builder.yml, read and validated by electron-builder's own code (app-builder-lib, a dependency of
 * electron-builder: imported here on purpose, to check the file exactly as `npm run dist` reads it), then
 * compared with the paths the app loads its native modules and resources from.
 */
import { spawnSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demarchesCatalogDir, isPackagedApp, resourcesDir } from '../../../main/app/resources-dir';
import { nativeBinding } from '../../../main/db/native-binding';
import { ELECTRON_BUILD, ELECTRON_BUILD_DIR, electronBuildEnv } from '../../../scripts/electron-native.mjs';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { getConfig, validateConfiguration } = require('app-builder-lib/out/util/config/config');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { DebugLogger } = require('builder-util');

const root = join(__dirname, '..', '..', '..');

interface FileSet {
  from: string;
  to: string;
  filter?: string[];
}
interface BuilderConfig {
  appId: string;
  productName: string;
  npmRebuild: boolean;
  asarUnpack: string[];
  files: Array<string | { filter: string[] }>;
  extraResources: FileSet[];
  electronFuses: Record<string, boolean>;
  directories: { buildResources: string };
  win: { target: Array<{ target: string }>; icon: string };
  nsis: Record<string, unknown>;
  linux: { target: string[]; icon: string };
}

let config: BuilderConfig;

/** The glob subset electron-builder.yml uses (`**`, `*`, `{a,b}`), as a regular expression. */
function globToRegExp(glob: string): RegExp {
  let pattern = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i]!;
    if (glob.startsWith('**/', i)) {
      pattern += '(?:.*/)?';
      i += 2;
    } else if (glob.startsWith('**', i)) {
      pattern += '.*';
      i += 1;
    } else if (c === '*') pattern += '[^/]*';
    else if (c === '{') pattern += '(?:';
    else if (c === '}') pattern += ')';
    else if (c === ',') pattern += '|';
    else pattern += c.replace(/[.+?^$()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${pattern}$`);
}
const matches = (globs: string[], path: string) => globs.some((glob) => globToRegExp(glob).test(path));

function filesUnder(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...filesUnder(path));
    else out.push(path);
  }
  return out;
}

/** Copies extraResources into a fake `resources` folder the way electron-builder does (from → to, filtered). */
function installExtraResources(projectDir: string, resourcesPath: string) {
  for (const set of config.extraResources) {
    const from = join(projectDir, set.from);
    for (const file of filesUnder(from)) {
      const rel = relative(from, file).split(sep).join('/');
      if (set.filter && !matches(set.filter, rel)) continue;
      const to = join(resourcesPath, set.to, rel);
      mkdirSync(join(to, '..'), { recursive: true });
      cpSync(file, to);
    }
  }
}

beforeAll(async () => {
  config = await getConfig(root, 'electron-builder.yml', null);
  await validateConfiguration(config, new DebugLogger(false));
});

describe('electron-builder.yml', () => {
  it('is a valid electron-builder configuration for "Point numérique"', () => {
    expect(config.appId).toBe('fr.pointnumerique.poste');
    expect(config.productName).toBe('Point numérique');
  });

  it('builds a per-machine Windows installer and a Linux AppImage and deb', () => {
    expect(config.win.target.map((t) => t.target)).toEqual(['nsis']);
    expect(config.nsis).toMatchObject({ oneClick: false, perMachine: true });
    expect(config.linux.target).toEqual(['AppImage', 'deb']);
  });

  it('turns the Electron fuses to their safe side', () => {
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      onlyLoadAppFromAsar: true,
      enableEmbeddedAsarIntegrityValidation: true,
      enableCookieEncryption: true,
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it('has the icons it names: a Windows .ico with a 256 px image, Linux PNGs named by size', () => {
    const ico = readFileSync(join(root, config.directories.buildResources, config.win.icon));
    expect(ico.readUInt16LE(2)).toBe(1);
    const count = ico.readUInt16LE(4);
    const sizes = Array.from({ length: count }, (_, i) => ico[6 + 16 * i] || 256);
    expect(sizes).toContain(256);
    for (let i = 0; i < count; i++) {
      const end = ico.readUInt32LE(6 + 16 * i + 12) + ico.readUInt32LE(6 + 16 * i + 8);
      expect(end).toBeLessThanOrEqual(ico.length);
    }
    const pngs = readdirSync(join(root, config.directories.buildResources, config.linux.icon));
    expect(pngs).toEqual(expect.arrayContaining(['256x256.png', '512x512.png']));
    for (const png of pngs) expect(png).toMatch(/^\d+x\d+\.png$/);
  });
});

describe('native modules', () => {
  it('never rebuilds node_modules while packaging (the tests keep the Node build of better-sqlite3)', () => {
    expect(config.npmRebuild).toBe(false);
    const scripts = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).scripts as Record<string, string>;
    expect(scripts.dist).toMatch(/node scripts\/electron-native\.mjs && electron-builder/);
    expect(scripts.start).toContain('node scripts/electron-native.mjs');
    for (const name of [
      'preinstall',
      'install',
      'postinstall',
      'prepare',
      'test',
      'test:unit',
      'test:e2e',
      'pretest',
    ]) {
      expect(scripts[name] ?? '', name).not.toMatch(/electron-native|electron-builder|electron-rebuild/);
    }
  });

  it('builds the Electron better-sqlite3 where electron-builder.yml takes it from, ignoring npm’s Node settings', () => {
    const native = config.extraResources.find((set) => set.to === 'native')!;
    expect(join(root, native.from)).toBe(ELECTRON_BUILD_DIR);
    expect(matches(native.filter ?? ['**'], relative(ELECTRON_BUILD_DIR, ELECTRON_BUILD))).toBe(true);
    // This machine's ~/.npmrc sets nodedir=/usr for the Node build: left in, node-gyp would build for Node's ABI.
    const env = electronBuildEnv({ PATH: '/usr/bin', npm_config_nodedir: '/usr', npm_config_target: '20.19.0' });
    expect(env).toEqual({ PATH: '/usr/bin' });
  });

  it('unpacks from the asar every native file the production dependencies ship (better-sqlite3, sharp, @img…)', () => {
    const excluded = config.files
      .flatMap((entry) => (typeof entry === 'string' ? [entry] : entry.filter))
      .filter((glob) => glob.startsWith('!'))
      .map((glob) => glob.slice(1));
    // npm ls exits non-zero on a tree it finds untidy (extraneous packages…) but still lists it.
    const listing = spawnSync('npm', ['ls', '--omit=dev', '--parseable', '--all'], { cwd: root, encoding: 'utf8' });
    const packages = listing.stdout.split('\n').filter((dir) => dir.includes(`${sep}node_modules${sep}`));
    const natives: string[] = [];
    for (const dir of new Set(packages)) {
      for (const file of filesUnder(dir)) {
        if (/\.node$|\.so(\.\d+)*$|\.dll$|\.dylib$/.test(file)) natives.push(relative(root, file).split(sep).join('/'));
      }
    }
    const shipped = natives.filter((file) => !matches(excluded, file));
    expect(shipped.some((file) => file.startsWith('node_modules/@img/'))).toBe(true);
    for (const file of shipped) expect(matches(config.asarUnpack, file), `${file} is not unpacked`).toBe(true);
    expect(matches(config.asarUnpack, 'node_modules/sharp/lib/index.js')).toBe(true);
    // The Node build of better-sqlite3 stays out of the package: the app loads the Electron build.
    expect(shipped.filter((file) => file.startsWith('node_modules/better-sqlite3/'))).toEqual([]);
  });
});

describe('the packaged node_modules', () => {
  /** Packages main/ loads at run time: electron-vite leaves its bare imports as require()/import() calls. */
  function mainRuntimePackages(): Set<string> {
    const found = new Set<string>();
    for (const file of filesUnder(join(root, 'main')).filter((f) => /\.ts$/.test(f))) {
      const text = readFileSync(file, 'utf8');
      const specifiers = [
        ...text.matchAll(/^\s*import\s+(?!type\b)[^'"]*?from\s+'([^']+)'/gm),
        ...text.matchAll(/^\s*import\s+'([^']+)'/gm),
        ...text.matchAll(/\bimport\(\s*'([^']+)'\s*\)/g),
        ...text.matchAll(/\brequire\(\s*'([^']+)'\s*\)/g),
      ].map((m) => m[1]!);
      for (const spec of specifiers) {
        if (spec.startsWith('.') || spec.startsWith('node:') || spec === 'electron') continue;
        const name = spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0]!;
        if (existsSync(join(root, 'node_modules', name))) found.add(name);
      }
    }
    return found;
  }

  /** Those packages and every package they depend on, as folders under node_modules (Node's lookup order). */
  function withDependencies(names: Iterable<string>): Set<string> {
    const seen = new Set<string>();
    const visit = (name: string, from: string) => {
      let dir = from;
      for (;;) {
        const candidate = join(dir, 'node_modules', name);
        if (existsSync(join(candidate, 'package.json'))) {
          if (seen.has(candidate)) return;
          seen.add(candidate);
          const pkg = JSON.parse(readFileSync(join(candidate, 'package.json'), 'utf8'));
          for (const dep of Object.keys({ ...pkg.dependencies, ...pkg.optionalDependencies })) visit(dep, candidate);
          return;
        }
        if (dir === root) return; // an optional dependency for another platform
        dir = join(dir, '..');
      }
    };
    for (const name of names) visit(name, root);
    return seen;
  }

  it('leaves out the renderer’s libraries but nothing the main process loads', () => {
    const excluded = config.files
      .flatMap((entry) => (typeof entry === 'string' ? [entry] : entry.filter))
      .filter((glob) => glob.startsWith('!'))
      .map((glob) => glob.slice(1));
    const needed = mainRuntimePackages();
    expect(needed).toEqual(new Set([...needed, 'better-sqlite3', 'sharp', 'zod']));
    for (const dir of withDependencies(needed)) {
      const rel = relative(root, dir).split(sep).join('/');
      expect(matches(excluded, `${rel}/package.json`), `${rel} is needed by main/ but left out`).toBe(false);
    }
    for (const renderOnly of ['react', 'react-dom', '@mui/material', '@mui/icons-material', '@emotion/react']) {
      expect(matches(excluded, `node_modules/${renderOnly}/package.json`), renderOnly).toBe(true);
    }
  });
});

describe('the packaged resources folder', () => {
  let project: string;
  let resourcesPath: string;
  const electronProcess = () => ({ versions: { ...process.versions, electron: '45.0.0' }, resourcesPath });

  beforeAll(() => {
    // A project as `npm run dist` sees it: the repository's catalog, and the Electron build that
    // scripts/electron-native.mjs leaves in native/electron/ (a stand-in file: building it needs the internet).
    project = mkdtempSync(join(tmpdir(), 'pn-packaging-'));
    resourcesPath = join(project, 'dist', 'resources');
    cpSync(join(root, 'resources', 'demarches'), join(project, 'resources', 'demarches'), { recursive: true });
    mkdirSync(join(project, 'native', 'electron'), { recursive: true });
    writeFileSync(join(project, 'native', 'electron', 'better_sqlite3.node'), 'stand-in');
    writeFileSync(join(project, 'native', 'electron', 'build.json'), '{}');
    installExtraResources(project, resourcesPath);
  });
  afterAll(() => rmSync(project, { recursive: true, force: true }));

  it('holds the démarches catalog where the app reads it', () => {
    expect(isPackagedApp(electronProcess())).toBe(true);
    expect(resourcesDir(electronProcess())).toBe(resourcesPath);
    const catalog = demarchesCatalogDir(electronProcess());
    expect(existsSync(catalog)).toBe(true);
    expect(readdirSync(catalog).sort()).toEqual(readdirSync(join(root, 'resources', 'demarches')).sort());
  });

  it('holds the Electron build of better-sqlite3 where main/db/native-binding.ts looks, and nothing else of native/', () => {
    expect(readdirSync(join(resourcesPath, 'native'))).toEqual(['better_sqlite3.node']);
    // What Electron sets in the packaged app, set here on Node's process for the length of the call.
    const proc = process as { resourcesPath?: string };
    const saved = { resourcesPath: proc.resourcesPath, electron: process.versions.electron };
    Object.defineProperty(process.versions, 'electron', { value: '45.0.0', configurable: true, enumerable: true });
    proc.resourcesPath = resourcesPath;
    try {
      expect(nativeBinding()).toBe(join(resourcesPath, 'native', 'better_sqlite3.node'));
    } finally {
      if (saved.electron === undefined) delete (process.versions as Record<string, string>).electron;
      proc.resourcesPath = saved.resourcesPath;
    }
  });

  it('in development, reads the catalog from the repository (npm start, the web host, the tests)', () => {
    expect(isPackagedApp(process)).toBe(false);
    expect(demarchesCatalogDir()).toBe(join(root, 'resources', 'demarches'));
    expect(existsSync(demarchesCatalogDir())).toBe(true);
    const devElectron = { versions: { ...process.versions, electron: '45.0.0' }, resourcesPath, defaultApp: true };
    expect(demarchesCatalogDir(devElectron)).toBe(join(root, 'resources', 'demarches'));
  });
});
