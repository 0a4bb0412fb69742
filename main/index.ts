/** App lifecycle only: create the services, bind the contract, open the window. */
import { app, BrowserWindow } from 'electron';
import { join } from 'node:path';
import { applyShellOptions, openCounterWindow, type ShellOptions } from './app/electron-counter-window';
import { registerAppScheme, serveRenderer } from './app-protocol';
import { dataDirFrom } from './data-dir';
import { bindIpc, forwardEvents } from './ipc';
import { electronFileDialogs } from './config/electron-file-dialogs';
import { electronSaveExport } from './survey/electron-save-export';
import { createFileLogger } from './log';
import { electronScanPicker } from './scan/electron-pick';
import { electronPrintA4 } from './print/electron-a4';
import { sessionPlatform, wipeBeforeQuit } from './session/electron-platform';
import { startStation } from './startup';
import { electronSite, isSiteContents } from './site/electron-site';
import { denyPermissions, guardContents } from './window';

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  // Every renderer the app ever creates runs sandboxed, whatever its own options say.
  app.enableSandbox();
  registerAppScheme();
  // The official-site view has its own allowlist guards (main/site/electron-guards.ts).
  app.on('web-contents-created', (_event, contents) => isSiteContents(contents) || guardContents(contents));
  app.on('session-created', (created) => denyPermissions(created));

  let mainWindow: BrowserWindow | undefined;
  app.on('second-instance', () => {
    if (mainWindow?.isMinimized()) mainWindow.restore();
    mainWindow?.focus();
  });

  void app.whenReady().then(() => {
    const dataDir = dataDirFrom(process.env, join(app.getPath('userData'), 'station'));
    const log = createFileLogger(dataDir);
    const platform = {
      transport: 'electron' as const,
      appVersion: app.getVersion(),
      ...sessionPlatform(() => mainWindow),
      configFiles: electronFileDialogs(() => mainWindow),
      saveExport: electronSaveExport(() => mainWindow),
      pickScanFiles: electronScanPicker(() => mainWindow),
      site: electronSite(() => mainWindow),
      ...electronPrintA4(() => mainWindow),
      applyShellOptions: (options: ShellOptions) => applyShellOptions(mainWindow, options),
    };
    const station = startStation(dataDir, platform, log);

    denyPermissions();
    serveRenderer(join(__dirname, '../renderer'));
    bindIpc(station.dispatch, () => mainWindow);
    if (station.services) forwardEvents(station.services.bus, () => mainWindow);
    mainWindow = openCounterWindow(station.services);

    app.on('window-all-closed', () => app.quit());
    if (station.services) wipeBeforeQuit(app, station.services.sessions);
    app.on('will-quit', () => station.close());
  });
}
