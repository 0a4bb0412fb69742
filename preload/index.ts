/**
 * Electron transport: exposes the contract to the renderer as one namespaced object. The renderer never sees
 * ipcRenderer nor event objects, only plain values. Bundled into one file because a sandboxed preload cannot
 * require local modules.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { API_GLOBAL, EVENT_CHANNEL, buildApi, type EventName, type Result } from './api';

const api = buildApi(
  (channel, input) => ipcRenderer.invoke(channel, input) as Promise<Result<unknown>>,
  (name: EventName, listener) => {
    const handler = (_event: unknown, message: { name: string; payload: unknown }) => {
      if (message?.name === name) listener(message.payload);
    };
    ipcRenderer.on(EVENT_CHANNEL, handler);
    return () => {
      ipcRenderer.removeListener(EVENT_CHANNEL, handler);
    };
  },
);

contextBridge.exposeInMainWorld(API_GLOBAL, api);
