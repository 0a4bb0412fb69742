/**
 * electron-builder.yml, read and validated by electron-builder's own code (app-builder-lib, a dependency of
 * electron-builder: imported here on purpose, to check the file exactly as `npm run dist` reads it). What it
 * produces is checked on a real electron-builder run: tests/integration/packaging/linux-package.test.ts.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { demarchesCatalogDir, isPackagedApp, outsideAsar, resourcesDir } from '../../../main/app/resources-dir';
import { ELECTRON_BUILD_DIR, electronBuildEnv } from '../../../scripts/electron-native.mjs';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { getConfig, validateConfiguration } = require('app-builder-lib/out/util/config/config');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { DebugLogger } = require('builder-util');

const root = join(__dirname, '..', '..', '..');

interface FileSet {
  from: string;
  to: string;
}
interface BuilderConfig {
  appId: string;
  productName: string;
  npmRebuild: boolean;
  extraResources: FileSet[];
  electronFuses: Record<string, boolean>;
  directories: { buildResources: string };
  win: { target: Array<{ target: string }>; icon: string };
  nsis: Record<string, unknown>;
  linux: { target: string[]; icon: string };
}

let config: BuilderConfig;

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
    // This machine's ~/.npmrc sets nodedir=/usr for the Node build: left in, node-gyp would build for Node's ABI.
    const env = electronBuildEnv({ PATH: '/usr/bin', npm_config_nodedir: '/usr', npm_config_target: '20.19.0' });
    expect(env).toEqual({ PATH: '/usr/bin' });
  });
});

describe('the resources folder in development', () => {
  it('is the repository’s (npm start, the web host, the tests)', () => {
    expect(isPackagedApp(process)).toBe(false);
    expect(demarchesCatalogDir()).toBe(join(root, 'resources', 'demarches'));
    expect(existsSync(demarchesCatalogDir())).toBe(true);
    const devElectron = {
      versions: { ...process.versions, electron: '45.0.0' },
      resourcesPath: '/x',
      defaultApp: true,
    };
    expect(resourcesDir(devElectron)).toBe(join(root, 'resources'));
  });

  it('names a module left outside app.asar by its unpacked path, on Windows and Linux alike', () => {
    expect(outsideAsar('/opt/Point numérique/resources/app.asar/node_modules/pdfjs-dist')).toBe(
      '/opt/Point numérique/resources/app.asar.unpacked/node_modules/pdfjs-dist',
    );
    expect(outsideAsar('C:\\Program Files\\Point numérique\\resources\\app.asar\\node_modules\\x.js')).toBe(
      'C:\\Program Files\\Point numérique\\resources\\app.asar.unpacked\\node_modules\\x.js',
    );
    expect(outsideAsar('/opt/pn/resources/app.asar.unpacked/node_modules/x')).toBe(
      '/opt/pn/resources/app.asar.unpacked/node_modules/x',
    );
    expect(outsideAsar(join(root, 'node_modules', 'pdfjs-dist'))).toBe(join(root, 'node_modules', 'pdfjs-dist'));
  });
});
