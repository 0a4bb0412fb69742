/**
 * The Electron hardening checklist of DESIGN.md, checked on the real main process under Node (Electron is the mock
 * of tests/mocks/electron.ts): the app is started through main/index.ts, then every window and view it created is
 * inspected, and navigation, new-window and permission requests are fired at its real handlers.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SITE_ALLOWED_PERMISSIONS } from '../../../main/security/permissions';
import * as electron from 'electron';
import { electronPrintA4 } from '../../../main/print/electron-a4';
import { electronSite } from '../../../main/site/electron-site';

const mock = electron as unknown as typeof import('../../mocks/electron');
const root = join(__dirname, '..', '..', '..');

/** Every file of main/ that constructs a window or a view, found by reading the sources. */
function constructorsInSources(): Map<string, string[]> {
  const found = new Map<string, string[]>();
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (/\.tsx?$/.test(name)) {
        const text = readFileSync(path, 'utf8');
        const kinds = [...text.matchAll(/new\s+(BrowserWindow|WebContentsView|BrowserView)\s*\(/g)].map((m) => m[1]!);
        if (kinds.length) found.set(relative(root, path).split(sep).join('/'), kinds);
      }
    }
  };
  walk(join(root, 'main'));
  return found;
}

/**
 * How the app reaches each constructor. A file that creates a window or a view must be listed here, so the
 * checks below run on what it creates: a new window cannot slip in untested.
 */
const CREATORS: Record<string, () => Promise<void>> = {
  // The counter window: created when the app starts (main/index.ts → main/app/electron-counter-window.ts).
  'main/window.ts': async () => {},
  // The official-site view, opened on an allowlisted démarche page.
  'main/site/electron-site.ts': async () => {
    const site = electronSite(() => mock.BrowserWindow.created[0] as never);
    await site.open({ url: 'https://permisdeconduire.ants.gouv.fr/', partition: SITE_PARTITION, bounds }, siteHooks);
  },
  // The hidden window that prints the A4 receipt (the mock has no printer: the print call itself fails).
  'main/print/electron-a4.ts': async () => {
    await electronPrintA4(
      () => undefined,
      () => ({ silent: true, deviceName: '' }),
    )
      .printA4({ html: '<p>Reçu</p>', title: 'Reçu' })
      .catch(() => undefined);
  },
};

const SITE_PARTITION = 'site-session-test';
const SITE_HOSTS = ['ants.gouv.fr', 'franceconnect.gouv.fr'];
const bounds = { x: 0, y: 0, width: 800, height: 600 };
const refusedBySite: string[] = [];
const siteHooks = {
  hosts: () => SITE_HOSTS,
  refused: (url: string) => void refusedBySite.push(url),
  activity: () => {},
  changed: () => {},
  downloadDir: () => join(dataDir, 'site-downloads'),
  checkDownload: () => null,
  maxDownloadBytes: () => 20_000_000,
  downloadRefused: () => {},
  downloaded: async () => {},
  fileChooser: () => {},
};

function expectHardened(kind: string, webPreferences: Record<string, unknown> | undefined) {
  expect(webPreferences, `${kind} without webPreferences`).toBeDefined();
  expect(webPreferences!.contextIsolation, `${kind}: contextIsolation`).toBe(true);
  expect(webPreferences!.sandbox, `${kind}: sandbox`).toBe(true);
  expect(webPreferences!.nodeIntegration ?? false, `${kind}: nodeIntegration`).toBe(false);
  expect(webPreferences!.nodeIntegrationInSubFrames ?? false, `${kind}: nodeIntegrationInSubFrames`).toBe(false);
  expect(webPreferences!.nodeIntegrationInWorker ?? false, `${kind}: nodeIntegrationInWorker`).toBe(false);
  expect(webPreferences!.webSecurity ?? true, `${kind}: webSecurity`).toBe(true);
  expect(webPreferences!.allowRunningInsecureContent ?? false, `${kind}: allowRunningInsecureContent`).toBe(false);
  expect(webPreferences!.webviewTag ?? false, `${kind}: webviewTag`).toBe(false);
  expect(webPreferences!.experimentalFeatures ?? false, `${kind}: experimentalFeatures`).toBe(false);
}

const OUTSIDE = [
  'https://evil.example/',
  'http://point-numerique/index.html',
  'file:///etc/passwd',
  'app://other-host/index.html',
  'javascript:alert(1)',
  'data:text/html,<script>alert(1)</script>',
];

const PERMISSIONS = [
  'media',
  'geolocation',
  'notifications',
  'midi',
  'midiSysex',
  'pointerLock',
  'fullscreen',
  'openExternal',
  'clipboard-read',
  'clipboard-sanitized-write',
  'display-capture',
  'hid',
  'serial',
  'usb',
  'idle-detection',
  'storage-access',
  'unknown',
];

let dataDir: string;

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'pn-security-'));
  process.env.POINT_NUMERIQUE_DATA_DIR = dataDir;
  await import('../../../main/index');
  for (let i = 0; i < 200 && mock.BrowserWindow.created.length === 0; i++) {
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  for (const creator of Object.values(CREATORS)) await creator();
});

afterAll(() => {
  mock.app.emit('will-quit');
  delete process.env.POINT_NUMERIQUE_DATA_DIR;
  rmSync(dataDir, { recursive: true, force: true });
});

describe('every window and view of the app', () => {
  it('is created in a file the test knows how to reach', () => {
    const files = [...constructorsInSources().keys()].sort();
    expect(files).toContain('main/window.ts');
    expect(files).toEqual(Object.keys(CREATORS).sort());
  });

  it('runs sandboxed whatever its own options say (app.enableSandbox before start)', () => {
    expect(mock.app.sandboxEnabled).toBe(true);
  });

  it('has context isolation, the sandbox, and no Node integration', () => {
    const windows = mock.BrowserWindow.created;
    expect(windows.length).toBeGreaterThan(0);
    for (const window of windows) expectHardened('BrowserWindow', window.options.webPreferences);
    for (const view of mock.WebContentsView.created) expectHardened('WebContentsView', view.options.webPreferences);
  });

  it('gives the counter window only the bundled preload, and no DevTools in the installed app', () => {
    const [window] = mock.BrowserWindow.created;
    const prefs = window!.options.webPreferences!;
    expect(String(prefs.preload)).toMatch(/preload[/\\]index\.js$/);
    expect(prefs.devTools).toBe(!mock.app.isPackaged);
    expect(window!.webContents.getURL()).toBe('app://point-numerique/index.html');
  });

  it('keeps web pages other than the app’s out of Node and out of persistent storage', () => {
    const [main, ...others] = mock.BrowserWindow.created;
    for (const window of others) {
      expect(window.options.webPreferences?.preload, 'preload of a secondary window').toBeUndefined();
      expect(String(window.options.webPreferences?.partition ?? '')).not.toMatch(/^persist:/);
    }
    for (const view of mock.WebContentsView.created) {
      expect(view.options.webPreferences?.preload, 'preload of a view').toBeUndefined();
      expect(String(view.options.webPreferences?.partition ?? '')).not.toMatch(/^persist:/);
      expect(view.options.webPreferences?.partition).not.toBe(main!.options.webPreferences?.partition);
    }
  });
});

describe('the sources', () => {
  const sources = () => {
    const out: Array<{ file: string; text: string }> = [];
    const walk = (dir: string) => {
      for (const name of readdirSync(dir)) {
        const path = join(dir, name);
        if (statSync(path).isDirectory()) walk(path);
        else if (/\.tsx?$/.test(name)) out.push({ file: relative(root, path), text: readFileSync(path, 'utf8') });
      }
    };
    for (const dir of ['main', 'preload', 'renderer/src']) walk(join(root, dir));
    return out;
  };

  it('never switch a protection off, wherever the option is written', () => {
    const weakening =
      /\b(nodeIntegration(InSubFrames|InWorker)?|allowRunningInsecureContent|webviewTag|experimentalFeatures)\s*:\s*true\b|\b(contextIsolation|sandbox|webSecurity)\s*:\s*false\b|@electron\/remote|enableRemoteModule/;
    expect(
      sources()
        .filter(({ text }) => weakening.test(text))
        .map(({ file }) => file),
    ).toEqual([]);
  });

  it('open no external URL (DESIGN.md: only allowlisted https, through one tested place, if ever needed)', () => {
    expect(
      sources()
        .filter(({ text }) => /\bopenExternal\s*\(/.test(text))
        .map(({ file }) => file),
    ).toEqual([]);
  });
});

describe('the counter window', () => {
  const contents = () => mock.BrowserWindow.created[0]!.webContents;

  it('refuses to navigate anywhere but the app’s own pages', () => {
    for (const url of OUTSIDE) {
      expect(contents().fireCancellable('will-navigate', url), url).toBe(true);
      expect(contents().fireCancellable('will-frame-navigate', url), url).toBe(true);
      expect(contents().fireCancellable('will-redirect', url), url).toBe(true);
    }
    expect(contents().fireCancellable('will-navigate', 'app://point-numerique/index.html#/accueil')).toBe(false);
  });

  it('opens no new window, not even one of its own pages, and attaches no webview', () => {
    for (const url of [...OUTSIDE, 'app://point-numerique/index.html']) {
      expect(contents().windowOpenHandler?.({ url })).toEqual({ action: 'deny' });
    }
    expect(contents().fireCancellable('will-attach-webview', {}, { src: 'https://evil.example/' })).toBe(true);
  });

  it('is granted no permission: camera, location, notifications, clipboard, devices…', () => {
    const session = mock.session.defaultSession;
    for (const permission of PERMISSIONS) {
      let granted: boolean | undefined;
      session.permissionRequestHandler?.(contents(), permission, (answer: boolean) => (granted = answer), {});
      expect(granted, permission).toBe(false);
      expect(session.permissionCheckHandler?.(contents(), permission, 'app://point-numerique', {}), permission).toBe(
        false,
      );
    }
  });
});

describe('the official-site view', () => {
  const view = () => mock.WebContentsView.created.find((v) => v.options.webPreferences?.partition === SITE_PARTITION)!;

  it('exists once the site is opened, in its own in-memory partition', () => {
    expect(view()).toBeDefined();
    expect(view().webContents.session.partition).toBe(SITE_PARTITION);
  });

  it('goes only to https pages of the allowlisted hosts', () => {
    const contents = view().webContents;
    for (const url of ['https://permisdeconduire.ants.gouv.fr/demarche', 'https://app.franceconnect.gouv.fr/']) {
      expect(contents.fireCancellable('will-navigate', url), url).toBe(false);
      expect(contents.fireCancellable('will-redirect', url), url).toBe(false);
    }
    for (const url of [...OUTSIDE, 'http://ants.gouv.fr/', 'https://ants.gouv.fr.evil.example/']) {
      refusedBySite.length = 0;
      expect(contents.fireCancellable('will-navigate', url), url).toBe(true);
      expect(contents.fireCancellable('will-frame-navigate', url), url).toBe(true);
      expect(contents.fireCancellable('will-redirect', url), url).toBe(true);
      expect(refusedBySite).toContain(url);
    }
    expect(contents.fireCancellable('will-attach-webview', {}, {})).toBe(true);
  });

  it('never opens a new window, even for an allowlisted page', () => {
    const contents = view().webContents;
    for (const url of ['https://ants.gouv.fr/aide', ...OUTSIDE]) {
      expect(contents.windowOpenHandler?.({ url })).toEqual({ action: 'deny' });
    }
  });

  it('grants no permission but the few the site panel needs', () => {
    const session = view().webContents.session;
    for (const permission of PERMISSIONS) {
      let granted: boolean | undefined;
      session.permissionRequestHandler?.(view().webContents, permission, (answer: boolean) => (granted = answer), {});
      expect(granted, permission).toBe(SITE_ALLOWED_PERMISSIONS.includes(permission));
    }
    expect(SITE_ALLOWED_PERMISSIONS).not.toEqual(expect.arrayContaining(['media']));
    expect(SITE_ALLOWED_PERMISSIONS.filter((p) => /media|geolocation|notifications|clipboard-read/.test(p))).toEqual(
      [],
    );
  });
});

describe('client certificates', () => {
  const view = () => mock.WebContentsView.created.find((v) => v.options.webPreferences?.partition === SITE_PARTITION)!;
  it('answers every client-certificate request with none, for the app and for the site view', () => {
    const certificate = { subjectName: 'Agent', issuerName: 'AC', serialNumber: '01' };
    const answer = (emit: (event: unknown, callback: (c?: unknown) => void) => void) => {
      let prevented = false;
      const answers: unknown[][] = [];
      emit({ preventDefault: () => (prevented = true) }, (...args: unknown[]) => answers.push(args));
      return { prevented, answers };
    };
    const viaApp = answer((event, callback) =>
      mock.app.emit(
        'select-client-certificate',
        event,
        view().webContents,
        'https://ants.gouv.fr/',
        [certificate],
        callback,
      ),
    );
    expect(viaApp).toEqual({ prevented: true, answers: [[]] });
    const viaView = answer((event, callback) =>
      view().webContents.emit('select-client-certificate', event, 'https://ants.gouv.fr/', [certificate], callback),
    );
    expect(viaView).toEqual({ prevented: true, answers: [[]] });
    expect(SITE_ALLOWED_PERMISSIONS).not.toContain('fullscreen');
  });
});

describe('any other web contents (the app-wide guard)', () => {
  it('guards the receipt printing window like the counter window', () => {
    const print = mock.BrowserWindow.created.find((w) => w.options.webPreferences?.partition === 'print-a4');
    expect(print).toBeDefined();
    expect(print!.options.webPreferences?.javascript).toBe(false);
    for (const url of OUTSIDE) expect(print!.webContents.fireCancellable('will-navigate', url), url).toBe(true);
    expect(print!.webContents.windowOpenHandler?.({ url: 'https://evil.example/' })).toEqual({ action: 'deny' });
  });

  it('refuses every permission in any new partition (the receipt printing window’s, or one added later)', () => {
    const later = mock.session.fromPartition('added-later');
    for (const ses of [mock.session.fromPartition('print-a4'), later]) {
      for (const permission of PERMISSIONS) {
        let granted: boolean | undefined;
        ses.permissionRequestHandler?.(null, permission, (answer: boolean) => (granted = answer), {});
        expect(granted, `${ses.partition}: ${permission}`).toBe(false);
        expect(ses.permissionCheckHandler?.(null, permission, '', {}), `${ses.partition}: ${permission}`).toBe(false);
      }
    }
  });

  it('is guarded as soon as it is created: no navigation out, no new window, no webview', () => {
    const listeners = mock.app.listeners('web-contents-created');
    expect(listeners.length).toBeGreaterThan(0);
    const stray = new mock.FakeWebContents();
    for (const listener of listeners) listener({}, stray);
    for (const url of OUTSIDE) {
      expect(stray.fireCancellable('will-navigate', url), url).toBe(true);
      expect(stray.fireCancellable('will-frame-navigate', url), url).toBe(true);
      expect(stray.windowOpenHandler?.({ url })).toEqual({ action: 'deny' });
    }
    expect(stray.fireCancellable('will-attach-webview', {}, {})).toBe(true);
  });
});
