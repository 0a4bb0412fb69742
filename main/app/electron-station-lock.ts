/**
 * The locked station (thin adapter): the app's French menu instead of Electron's, and in kiosk mode the shortcuts
 * that leave the counter swallowed, the menu bar hidden (Alt shows nothing) and a close held until a PIN is given
 * (main/app/close-guard.ts, channel app.confirmClose). Unit-tested against tests/mocks/electron.ts.
 */
import { Menu, type BrowserWindow } from 'electron';
import { appMenuTemplate } from './app-menu';
import type { CloseGuard } from './close-guard';
import { isLockedShortcut } from './locked-shortcuts';

export function installAppMenu(developer: boolean): void {
  Menu.setApplicationMenu(Menu.buildFromTemplate(appMenuTemplate({ developer })));
}

/** Kiosk: no menu bar, not even on Alt; otherwise the French menu bar stays visible. */
export function applyKioskMenuBar(window: BrowserWindow, kiosk: boolean): void {
  window.setAutoHideMenuBar(false);
  window.setMenuBarVisibility(!kiosk);
}

export function lockStation(window: BrowserWindow, guard: CloseGuard, onCloseRequested: () => void): void {
  applyKioskMenuBar(window, window.isKiosk());
  window.webContents.on('before-input-event', (event, input) => {
    if (window.isKiosk() && isLockedShortcut(input)) event.preventDefault();
  });
  window.on('close', (event) => {
    if (!guard.holdClose()) return;
    event.preventDefault();
    onCloseRequested();
  });
}
