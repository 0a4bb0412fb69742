import { screen, type BrowserWindow } from 'electron';
import type { Services } from '../services';
import { createMainWindow } from '../window';
import { applyOpenAtLogin } from './electron-login-item';
import { boundsToSave, restoredBounds, WINDOW_BOUNDS_KEY, WindowBoundsSchema } from './window-bounds';

/** How long the window must stay still before its place is saved (moving it fires many events). */
const SAVE_DELAY_MS = 500;

/**
 * Opens the counter window with the station's app-shell options: kiosk mode and start at login (config section
 * 'session', read at start), and the place the window had last time (settings table, WINDOW_BOUNDS_KEY).
 * Without services (damaged station.db) the window opens with the defaults so the damage report can show.
 */
export function openCounterWindow(services: Services | undefined): BrowserWindow {
  const options = services?.config.section('session');
  const kiosk = options?.kiosk ?? false;
  const saved = services?.settings.get(WINDOW_BOUNDS_KEY, WindowBoundsSchema.optional(), undefined);
  const primary = screen.getPrimaryDisplay();
  const others = screen.getAllDisplays().filter((display) => display.id !== primary.id);
  const place = restoredBounds(
    saved,
    [primary, ...others].map((display) => display.workArea),
  );
  const { maximized, ...bounds } = place;

  const window = createMainWindow({ bounds, kiosk });
  if (maximized && !kiosk) window.maximize();
  if (services) rememberPlace(window, services);
  try {
    applyOpenAtLogin(options?.openAtLogin ?? false);
  } catch (error) {
    // The counter still opens; the référent sees the option unapplied at the next login.
    services?.log.warn('app.open_at_login_failed', { reason: error instanceof Error ? error.name : 'unknown' });
  }
  return window;
}

export interface ShellOptions {
  kiosk: boolean;
  openAtLogin: boolean;
}

/** Applies the référent's choices right away (Platform.applyShellOptions), e.g. after the 'session' section is saved. */
export function applyShellOptions(window: BrowserWindow | undefined, options: ShellOptions): void {
  if (window && !window.isDestroyed() && window.isKiosk() !== options.kiosk) window.setKiosk(options.kiosk);
  applyOpenAtLogin(options.openAtLogin);
}

function rememberPlace(window: BrowserWindow, services: Services): void {
  let timer: NodeJS.Timeout | undefined;
  const save = () => {
    clearTimeout(timer);
    timer = undefined;
    if (window.isDestroyed() || window.isKiosk() || window.isFullScreen() || window.isMinimized()) return;
    try {
      services.settings.set(WINDOW_BOUNDS_KEY, boundsToSave(window.getNormalBounds(), window.isMaximized()));
    } catch (error) {
      services.log.warn('app.window_place_not_saved', { reason: error instanceof Error ? error.name : 'unknown' });
    }
  };
  const later = () => {
    clearTimeout(timer);
    timer = setTimeout(save, SAVE_DELAY_MS);
  };
  window.on('resize', later);
  window.on('move', later);
  window.on('maximize', later);
  window.on('unmaximize', later);
  window.on('close', save);
}
