/**
 * The app-shell options of a counter, on the real services (station.db in a temp dir) with Electron mocked at its
 * edge: kiosk mode and start at login from the configuration, the window back where it was.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as electron from 'electron';
import { applyShellOptions, openCounterWindow } from '../../../main/app/electron-counter-window';
import { WINDOW_BOUNDS_KEY, WindowBoundsSchema } from '../../../main/app/window-bounds';
import { silentLogger } from '../../../main/log';
import { createServices, type Services } from '../../../main/services';
import { useTempDir } from '../../helpers/temp-dir';
import { TEST_PIN_COST } from '../../helpers/seed-station';

const mock = electron as unknown as typeof import('../../mocks/electron');
type FakeWindow = InstanceType<typeof mock.BrowserWindow>;
const tempDir = useTempDir('pn-app-shell-');

let services: Services;
beforeEach(() => {
  services = createServices({
    pinCost: TEST_PIN_COST,
    dataDir: tempDir(),
    platform: { transport: 'electron', appVersion: 'test' },
    log: silentLogger,
  });
});
afterEach(() => services.close());

const open = () => openCounterWindow(services) as unknown as FakeWindow;
const savedPlace = () => services.settings.get(WINDOW_BOUNDS_KEY, WindowBoundsSchema.optional(), undefined);

describe('the counter window', () => {
  it('opens as a normal window by default, centred, its place remembered when moved', async () => {
    const window = open();
    expect(window.options).toMatchObject({ kiosk: false, x: 320, y: 140, width: 1280, height: 800 });
    window.normalBounds = { x: 40, y: 30, width: 1100, height: 700 };
    window.emit('move');
    window.emit('resize');
    expect(savedPlace()).toBeUndefined(); // not on every pixel of a drag
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect(savedPlace()).toEqual({ x: 40, y: 30, width: 1100, height: 700, maximized: false });
  });

  it('reopens where it was, and maximised if it was', () => {
    services.settings.set(WINDOW_BOUNDS_KEY, { x: 40, y: 30, width: 1100, height: 700, maximized: true });
    const window = open();
    expect(window.options).toMatchObject({ x: 40, y: 30, width: 1100, height: 700 });
    expect(window.isMaximized()).toBe(true);
  });

  it('saves its place when closed', () => {
    const window = open();
    window.normalBounds = { x: 5, y: 6, width: 1000, height: 650 };
    window.emit('close');
    expect(savedPlace()).toMatchObject({ x: 5, y: 6, width: 1000, height: 650 });
  });

  it('opens full screen in kiosk mode when the référent chose it, and then saves no place', () => {
    services.config.setSection('session', { ...services.config.section('session'), kiosk: true });
    const window = open();
    expect(window.options.kiosk).toBe(true);
    window.emit('close');
    expect(savedPlace()).toBeUndefined();
  });

  it('enters and leaves kiosk mode as soon as the référent changes it, and keeps no place meanwhile', () => {
    const window = open();
    applyShellOptions(window as never, { kiosk: true, openAtLogin: false });
    expect(window.isKiosk()).toBe(true);
    window.emit('close');
    expect(savedPlace()).toBeUndefined();
    applyShellOptions(window as never, { kiosk: false, openAtLogin: false });
    expect(window.isKiosk()).toBe(false);
    window.emit('close');
    expect(savedPlace()).toBeDefined();
  });

  it('opens with the defaults when the station database could not be opened', () => {
    const window = openCounterWindow(undefined) as unknown as FakeWindow;
    expect(window.options).toMatchObject({ kiosk: false, width: 1280, height: 800 });
  });
});

describe('start at login (installed app on Linux)', () => {
  const saved = { packaged: mock.app.isPackaged, xdg: process.env.XDG_CONFIG_HOME };
  let configHome: string;
  beforeEach(() => {
    configHome = tempDir();
    process.env.XDG_CONFIG_HOME = configHome;
    mock.app.isPackaged = true;
  });
  afterEach(() => {
    mock.app.isPackaged = saved.packaged;
    if (saved.xdg === undefined) delete process.env.XDG_CONFIG_HOME;
    else process.env.XDG_CONFIG_HOME = saved.xdg;
  });

  it.runIf(process.platform === 'linux')('adds an autostart entry when chosen, and removes it when not', () => {
    const entry = join(configHome, 'autostart', 'point-numerique.desktop');
    open();
    expect(existsSync(entry)).toBe(false);
    services.config.setSection('session', { ...services.config.section('session'), openAtLogin: true });
    open();
    expect(readFileSync(entry, 'utf8')).toContain(`Exec=${process.env.APPIMAGE || process.execPath}`);
    services.config.setSection('session', { ...services.config.section('session'), openAtLogin: false });
    open();
    expect(existsSync(entry)).toBe(false);
  });
});
