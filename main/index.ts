/** App lifecycle only: create the services, bind the contract, open the window. */
import { app, BrowserWindow } from 'electron';
import { join } from 'node:path';
import { CloseGuard } from './app/close-guard';
import { applyShellOptions, openCounterWindow, type ShellOptions } from './app/electron-counter-window';
import { applyKioskMenuBar, installAppMenu, lockStation } from './app/electron-station-lock';
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
import { refuseClientCertificate } from './site/electron-guards';
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
  app.on('select-client-certificate', refuseClientCertificate);

  let mainWindow: BrowserWindow | undefined;
  app.on('second-instance', () => {
    if (mainWindow?.isMinimized()) mainWindow.restore();
    mainWindow?.focus();
  });

  void app.whenReady().then(() => {
    const dataDir = dataDirFrom(process.env, join(app.getPath('userData'), 'station'));
    const log = createFileLogger(dataDir);
    // Without services (damaged station.db) there is nothing to protect: the window closes as usual.
    const closeGuard = new CloseGuard(() => Boolean(station.services && mainWindow?.isKiosk()));
    const platform = {
      transport: 'electron' as const,
      appVersion: app.getVersion(),
      ...sessionPlatform(() => mainWindow),
      configFiles: electronFileDialogs(() => mainWindow),
      saveExport: electronSaveExport(() => mainWindow),
      pickScanFiles: electronScanPicker(
        () => mainWindow,
        () => station.services?.config.section('scan').folder,
      ),
      site: electronSite(() => mainWindow),
      ...electronPrintA4(
        () => mainWindow,
        () => ({
          silent: mainWindow?.isKiosk() ?? false,
          deviceName: station.services?.config.section('printer').a4Printer ?? '',
        }),
      ),
      applyShellOptions: (options: ShellOptions) => {
        applyShellOptions(mainWindow, options);
        if (mainWindow && !mainWindow.isDestroyed()) applyKioskMenuBar(mainWindow, options.kiosk);
      },
      closeCounter: () => {
        closeGuard.allowOnce();
        mainWindow?.close();
      },
    };
    const station = startStation(dataDir, platform, log);

    denyPermissions();
    serveRenderer(join(__dirname, '../renderer'));
    bindIpc(station.dispatch, () => mainWindow);
    if (station.services) forwardEvents(station.services.bus, () => mainWindow);
    installAppMenu(!app.isPackaged);
    mainWindow = openCounterWindow(station.services);
    lockStation(mainWindow, closeGuard, () => station.services?.bus.emit('app.closeRequested', {}));

    app.on('window-all-closed', () => app.quit());
    if (station.services) wipeBeforeQuit(app, station.services.sessions);
    app.on('will-quit', () => station.close());
  });
}
