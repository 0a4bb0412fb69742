import { beforeEach, describe, expect, it } from 'vitest';
import { BrowserWindow, ipcMain } from '../mocks/electron';
import { OPEN_GATE } from '../../main/access/gate';
import { createDispatch, type Handlers } from '../../main/dispatch';
import { bindIpc } from '../../main/ipc';
import { silentLogger } from '../../main/log';
import type { BrowserWindow as ElectronWindow } from 'electron';

const handlers = {
  'app.info': () => ({ version: '9', stationName: 'Poste', dataDir: '/data', transport: 'electron' }),
} as unknown as Handlers;

function eventFrom(sender: { id: number }, url: string, parent: unknown = null) {
  return { sender, senderFrame: { url, parent } };
}

describe('main/ipc.ts', () => {
  let window: BrowserWindow;
  beforeEach(() => {
    ipcMain.handlers.clear();
    window = new BrowserWindow({});
    bindIpc(createDispatch(handlers, silentLogger, OPEN_GATE), () => window as unknown as ElectronWindow);
  });

  it('answers the app window on an app:// page', async () => {
    const handler = ipcMain.handlers.get('app.info')!;
    const result = await handler(eventFrom(window.webContents, 'app://point-numerique/index.html'), undefined);
    expect(result).toMatchObject({ ok: true, value: { stationName: 'Poste' } });
  });

  it('refuses a foreign sender: another webContents, a sub-frame, or a remote page', async () => {
    const handler = ipcMain.handlers.get('app.info')!;
    const other = new BrowserWindow({});
    const refused = { ok: false, error: { code: 'refused_sender' } };
    expect(await handler(eventFrom(other.webContents, 'app://point-numerique/index.html'), undefined)).toMatchObject(
      refused,
    );
    expect(await handler(eventFrom(window.webContents, 'app://point-numerique/x', {}), undefined)).toMatchObject(
      refused,
    );
    expect(await handler(eventFrom(window.webContents, 'https://ants.gouv.fr/'), undefined)).toMatchObject(refused);
    expect(await handler(eventFrom(window.webContents, 'app://evil/index.html'), undefined)).toMatchObject(refused);
  });

  it('refuses a bad payload from the right sender', async () => {
    const handler = ipcMain.handlers.get('app.info')!;
    const result = await handler(eventFrom(window.webContents, 'app://point-numerique/'), 'hello');
    expect(result).toMatchObject({ ok: false, error: { code: 'bad_request' } });
  });
});
