/** App lifecycle only: create the services, bind the contract, open the window. */
import { app, BrowserWindow } from 'electron';
import { join } from 'node:path';
import { registerAppScheme, serveRenderer } from './app-protocol';
import { dataDirFrom } from './data-dir';
import { bindIpc, forwardEvents } from './ipc';
import { createFileLogger } from './log';
import { startStation } from './startup';
import { createMainWindow, denyPermissions, guardContents } from './window';

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  registerAppScheme();
  app.on('web-contents-created', (_event, contents) => guardContents(contents));

  let mainWindow: BrowserWindow | undefined;
  app.on('second-instance', () => {
    if (mainWindow?.isMinimized()) mainWindow.restore();
    mainWindow?.focus();
  });

  void app.whenReady().then(() => {
    const dataDir = dataDirFrom(process.env, join(app.getPath('userData'), 'station'));
    const log = createFileLogger(dataDir);
    const station = startStation(dataDir, { transport: 'electron', appVersion: app.getVersion() }, log);

    denyPermissions();
    serveRenderer(join(__dirname, '../renderer'));
    bindIpc(station.dispatch, () => mainWindow);
    if (station.services) forwardEvents(station.services.bus, () => mainWindow);
    mainWindow = createMainWindow();

    app.on('window-all-closed', () => app.quit());
    app.on('will-quit', () => station.close());
  });
}
