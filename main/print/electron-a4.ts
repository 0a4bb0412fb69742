/**
 * Desktop only (thin adapter): prints the A4 receipt on the system printer through the system print dialog. A hidden
 * window without script or preload loads the receipt page; the page size is always given as A4 (Electron's print
 * and printToPDF default to US Letter, and silent printing without a size has had blank-page bugs).
 */
import { BrowserWindow, type BrowserWindow as Window } from 'electron';
import type { Platform } from '../platform';

/** Where and how to print: in kiosk mode silently (no system dialog, a file explorer in disguise), on the chosen printer. */
export interface A4Target {
  silent: boolean;
  /** The system printer's name; empty for the default printer. */
  deviceName: string;
}

export function electronPrintA4(
  getParent: () => Window | undefined,
  target: () => A4Target,
): Required<Pick<Platform, 'printA4'>> {
  return {
    async printA4({ html, title }) {
      const parent = getParent();
      const { silent, deviceName } = target();
      const window = new BrowserWindow({
        show: false,
        title,
        parent: parent && !parent.isDestroyed() ? parent : undefined,
        webPreferences: {
          sandbox: true,
          contextIsolation: true,
          nodeIntegration: false,
          javascript: false,
          devTools: false,
          partition: 'print-a4',
        },
      });
      try {
        await window.loadURL(`data:text/html;charset=utf-8,${encodeURIComponent(html)}`);
        return await new Promise<'printed' | 'cancelled'>((resolve, reject) => {
          window.webContents.print(
            {
              silent,
              ...(deviceName ? { deviceName } : {}),
              printBackground: false,
              pageSize: 'A4',
              margins: { marginType: 'default' },
            },
            (success, failureReason) => {
              if (success) resolve('printed');
              else if (/cancel/i.test(failureReason)) resolve('cancelled');
              else reject(new Error(failureReason));
            },
          );
        });
      } finally {
        if (!window.isDestroyed()) window.destroy();
      }
    },
  };
}
