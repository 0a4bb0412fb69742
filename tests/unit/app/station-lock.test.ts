/**
 * The locked station, against the Electron mock: the app's French menu, the shortcuts swallowed in kiosk mode, the
 * close held until a PIN (checked by main on the real services and station.db), the file dialog's options.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import * as electron from 'electron';
import { appMenuTemplate, LEAVING_ROLES, type MenuEntry } from '../../../main/app/app-menu';
import { CloseGuard } from '../../../main/app/close-guard';
import { installAppMenu, lockStation } from '../../../main/app/electron-station-lock';
import { electronScanPicker } from '../../../main/scan/electron-pick';
import type { Services } from '../../../main/services';
import { DEFAULT_MEDIATOR, DEFAULT_REFERENT_PIN, seedStation } from '../../helpers/seed-station';
import { openTestStation, stationDispatch } from '../../helpers/station';
import { useTempDir } from '../../helpers/temp-dir';

const mock = electron as unknown as typeof import('../../mocks/electron');
type FakeWindow = InstanceType<typeof mock.BrowserWindow>;
const tempDir = useTempDir('pn-station-lock-');

const flatten = (entries: MenuEntry[]): MenuEntry[] => entries.flatMap((e) => [e, ...flatten(e.submenu ?? [])]);

function key(key: string, mods: Partial<{ control: boolean; alt: boolean; shift: boolean; meta: boolean }> = {}) {
  return { type: 'keyDown', key, control: false, alt: false, shift: false, meta: false, ...mods };
}

/** Sends one key to the window as Chromium would; true when the app swallowed it. */
function press(window: FakeWindow, input: ReturnType<typeof key>): boolean {
  const event = { defaultPrevented: false, preventDefault: () => (event.defaultPrevented = true) };
  window.webContents.emit('before-input-event', event, input);
  return event.defaultPrevented;
}

function tryClose(window: FakeWindow): boolean {
  const event = { defaultPrevented: false, preventDefault: () => (event.defaultPrevented = true) };
  window.emit('close', event);
  return !event.defaultPrevented;
}

describe('the app menu', () => {
  it('is in French and has nothing that quits, closes, reloads, minimizes or opens the developer tools', () => {
    installAppMenu(false);
    const installed = mock.Menu.applied?.template as MenuEntry[];
    const items = flatten(installed);
    expect(installed.map((m) => m.label)).toEqual(['Édition', 'Affichage']);
    expect(items.filter((i) => i.role && LEAVING_ROLES.includes(i.role))).toEqual([]);
    expect(items.map((i) => i.label)).toContain('Agrandir le texte');
    expect(items.every((i) => i.type === 'separator' || /^[A-ZÉ][a-zéèàç ]+$/u.test(i.label))).toBe(true);
  });

  it('gives reload and the developer tools to a developer build only', () => {
    const roles = flatten(appMenuTemplate({ developer: true })).map((i) => i.role);
    expect(roles).toEqual(expect.arrayContaining(['reload', 'toggleDevTools']));
  });
});

describe('a kiosk counter window', () => {
  let window: FakeWindow;
  let guard: CloseGuard;
  const asked = vi.fn();
  beforeEach(() => {
    window = new mock.BrowserWindow({ kiosk: true });
    guard = new CloseGuard(() => window.isKiosk());
    asked.mockReset();
    lockStation(window as unknown as electron.BrowserWindow, guard, asked);
  });

  it('hides the menu bar, so Alt opens nothing', () => {
    expect(window.menuBar).toEqual({ autoHide: false, visible: false });
  });

  it('swallows the shortcuts that close, quit, minimize, reload, go full screen or open the developer tools', () => {
    const leaving = [
      key('w', { control: true }),
      key('q', { control: true }),
      key('m', { control: true }),
      key('r', { control: true }),
      key('R', { control: true, shift: true }),
      key('I', { control: true, shift: true }),
      key('F4', { alt: true }),
      key('F5'),
      key('F11'),
      key('F12'),
      key('ArrowLeft', { alt: true }),
      key('p', { control: true }),
    ];
    expect(leaving.filter((input) => !press(window, input))).toEqual([]);
  });

  it("lets typing, copy and paste and the app's own Alt shortcuts through", () => {
    const allowed = [key('a'), key('c', { control: true }), key('v', { control: true }), key('d', { alt: true })];
    expect(allowed.filter((input) => press(window, input))).toEqual([]);
    expect(press(window, { ...key('w', { control: true }), type: 'keyUp' })).toBe(false);
  });

  it('holds a close and asks for a PIN; after a right PIN the next close goes through', () => {
    expect(tryClose(window)).toBe(false);
    expect(asked).toHaveBeenCalledTimes(1);
    guard.allowOnce();
    expect(tryClose(window)).toBe(true);
  });

  it('locks nothing once kiosk mode is off', () => {
    window.setKiosk(false);
    expect(press(window, key('w', { control: true }))).toBe(false);
    expect(tryClose(window)).toBe(true);
    expect(asked).not.toHaveBeenCalled();
  });
});

describe('app.confirmClose', () => {
  let services: Services;
  const closeCounter = vi.fn();
  beforeEach(() => {
    const dir = tempDir();
    seedStation(dir);
    closeCounter.mockReset();
    services = openTestStation(dir, { platform: { transport: 'electron', closeCounter } });
  });
  afterEach(() => services.close());
  const call = (input: unknown) =>
    stationDispatch(services)('app.confirmClose', input, {
      transport: 'electron',
    });

  it("closes only with the signed-in mediator's PIN or the référent's, and counts wrong tries", async () => {
    expect(await call({ pin: DEFAULT_REFERENT_PIN.replace(/./, '9'), who: 'referent' })).toMatchObject({
      ok: false,
      error: { code: 'pin_wrong' },
    });
    expect(closeCounter).not.toHaveBeenCalled();
    await services.access.signIn(DEFAULT_MEDIATOR.pseudonym, DEFAULT_MEDIATOR.pin);
    expect(await call({ pin: DEFAULT_REFERENT_PIN, who: 'mediator' })).toMatchObject({ ok: false });
    expect(closeCounter).not.toHaveBeenCalled();
    expect(await call({ pin: DEFAULT_MEDIATOR.pin, who: 'mediator' })).toEqual({ ok: true, value: { ok: true } });
    expect(closeCounter).toHaveBeenCalledTimes(1);
    expect(await call({ pin: DEFAULT_REFERENT_PIN, who: 'referent' })).toEqual({ ok: true, value: { ok: true } });
    // Checking the référent's PIN to close does not open the référent area.
    expect(services.access.isReferent()).toBe(false);
  });

  it('says in French that there is no window to close behind the web host', async () => {
    services.close();
    const dir = tempDir();
    seedStation(dir);
    services = openTestStation(dir);
    expect(await call({ pin: DEFAULT_REFERENT_PIN, who: 'referent' })).toMatchObject({
      ok: false,
      error: { code: 'nothing_to_close', message: expect.stringContaining('fenêtre') },
    });
  });
});

describe('the scan file dialog', () => {
  it('opens in the scan folder and offers only the supported types', async () => {
    const shown = vi.spyOn(mock.dialog, 'showOpenDialog');
    await electronScanPicker(
      () => undefined,
      () => '/srv/scans',
    )();
    const options = shown.mock.calls[0]?.[0] as { defaultPath: string; filters: Array<{ extensions: string[] }> };
    expect(options.defaultPath).toBe('/srv/scans');
    expect(options.filters.flatMap((f) => f.extensions)).not.toContain('*');
    expect(options.filters.flatMap((f) => f.extensions)).toContain('pdf');
  });
});
