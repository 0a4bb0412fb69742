import { ipcMain, type BrowserWindow, type IpcMainInvokeEvent } from 'electron';
import { EVENT_CHANNEL, channels, type EventName, type Result } from '../preload/api';
import type { Dispatch } from './dispatch';
import { REFUSED_SENDER } from './errors';
import type { EventBus } from './events';
import { isAppUrl } from './security/navigation';

/** Only the app's own window, main frame, on an app:// page may call the contract. */
export function isTrustedSender(event: IpcMainInvokeEvent, window: BrowserWindow | undefined): boolean {
  const frame = event.senderFrame;
  if (!window || window.isDestroyed() || event.sender.id !== window.webContents.id) return false;
  if (!frame || frame.parent !== null) return false;
  return isAppUrl(frame.url);
}

/** Binds every channel of the contract to the dispatcher. The only file that touches ipcMain. */
export function bindIpc(dispatch: Dispatch, getWindow: () => BrowserWindow | undefined): void {
  for (const channel of channels) {
    ipcMain.handle(channel, async (event, input: unknown): Promise<Result<unknown>> => {
      if (!isTrustedSender(event, getWindow())) return { ok: false, error: REFUSED_SENDER };
      return dispatch(channel, input, { transport: 'electron' });
    });
  }
}

export function forwardEvents(bus: EventBus, getWindow: () => BrowserWindow | undefined): () => void {
  return bus.attach((name: EventName, payload) => {
    const window = getWindow();
    if (window && !window.isDestroyed()) window.webContents.send(EVENT_CHANNEL, { name, payload });
  });
}
