import { BrowserWindow, app, session, type Session, type WebContents } from 'electron';
import { join } from 'node:path';
import { APP_ORIGIN, isAppUrl } from './security/navigation';
import { isPermissionAllowed } from './security/permissions';
import { HARDENED_WEB_PREFERENCES } from './security/web-preferences';

/** The webPreferences of the counter window. Exported for the security test. */
export function hardenedWebPreferences(preload: string) {
  return { ...HARDENED_WEB_PREFERENCES, preload, devTools: !app.isPackaged } as const;
}

/** Navigation, new windows and webviews: only the app's own pages; everything else is refused. */
export function guardContents(contents: WebContents): void {
  contents.on('will-navigate', (event, url) => {
    if (!isAppUrl(url)) event.preventDefault();
  });
  contents.on('will-frame-navigate', (event) => {
    if (!isAppUrl(event.url)) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!isAppUrl(url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}

/**
 * The default session (the app's own window) grants no permission at all. main/index.ts also applies this to every
 * session the app creates ('session-created'), so a new partition starts refusing everything; the official-site
 * partition then sets its own short list (main/site/electron-guards.ts).
 */
export function denyPermissions(ses: Session = session.defaultSession): void {
  ses.setPermissionRequestHandler((_contents, permission, callback) => callback(isPermissionAllowed(permission)));
  ses.setPermissionCheckHandler((_contents, permission) => isPermissionAllowed(permission));
  // USB, HID and serial devices: the counter's printer and scanner are driven by the main process, never the page.
  ses.setDevicePermissionHandler(() => false);
}

export interface MainWindowOptions {
  /** Where the window opens (main/app/window-bounds.ts); centred at 1280×800 when absent. */
  bounds?: { x: number; y: number; width: number; height: number };
  /** Full-screen kiosk mode for a counter (config section 'session'). */
  kiosk?: boolean;
}

export function createMainWindow(options: MainWindowOptions = {}): BrowserWindow {
  const window = new BrowserWindow({
    width: 1280,
    height: 800,
    ...options.bounds,
    minWidth: 960,
    minHeight: 640,
    kiosk: options.kiosk ?? false,
    autoHideMenuBar: options.kiosk ?? false,
    show: false,
    title: 'Point numérique',
    backgroundColor: '#ffffff',
    webPreferences: hardenedWebPreferences(join(__dirname, '../preload/index.js')),
  });
  guardContents(window.webContents);
  window.once('ready-to-show', () => window.show());
  void window.loadURL(`${APP_ORIGIN}/index.html`);
  return window;
}
