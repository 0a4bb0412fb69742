import { app } from 'electron';
import { homedir } from 'node:os';
import { applyAutostartEntry, autostartFile } from './autostart';

/**
 * Starts the app when the counter's Windows (or Linux) session opens, as the référent chose (config section
 * 'session', openAtLogin). Only the installed app registers itself: `npm start` would register the bare Electron
 * binary.
 */
export function applyOpenAtLogin(openAtLogin: boolean): void {
  if (!app.isPackaged) return;
  if (process.platform === 'linux') {
    // An AppImage runs from a temporary mount: the entry must start the AppImage file itself.
    applyAutostartEntry(autostartFile(process.env, homedir()), process.env.APPIMAGE || process.execPath, openAtLogin);
    return;
  }
  if (app.getLoginItemSettings().openAtLogin !== openAtLogin) app.setLoginItemSettings({ openAtLogin });
}
