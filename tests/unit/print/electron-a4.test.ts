import { describe, expect, it } from 'vitest';
import { BrowserWindow } from '../../mocks/electron';
import { electronPrintA4 } from '../../../main/print/electron-a4';

describe('A4 printing on the system printer (desktop adapter)', () => {
  it('always asks for A4, in a hidden window without script, and closes it afterwards', async () => {
    const { printA4 } = electronPrintA4(
      () => undefined,
      () => ({ silent: false, deviceName: '' }),
    );
    expect(await printA4({ html: '<p>Reçu</p>', title: 'Récépissé' })).toBe('printed');
    const window = BrowserWindow.created.at(-1)!;
    expect(window.options).toMatchObject({
      show: false,
      webPreferences: { sandbox: true, contextIsolation: true, nodeIntegration: false, javascript: false },
    });
    expect(window.webContents.url.startsWith('data:text/html;charset=utf-8,')).toBe(true);
    expect(decodeURIComponent(window.webContents.url)).toContain('<p>Reçu</p>');
    expect(window.webContents.printJobs).toEqual([
      { silent: false, printBackground: false, pageSize: 'A4', margins: { marginType: 'default' } },
    ]);
    expect(window.isDestroyed()).toBe(true);
  });

  it("prints without the system dialog on the référent's printer in kiosk mode", async () => {
    const { printA4 } = electronPrintA4(
      () => undefined,
      () => ({ silent: true, deviceName: 'Brother_HL_L2350DW' }),
    );
    expect(await printA4({ html: '<p>Reçu</p>', title: 'Reçu' })).toBe('printed');
    expect(BrowserWindow.created.at(-1)!.webContents.printJobs).toEqual([
      {
        silent: true,
        deviceName: 'Brother_HL_L2350DW',
        printBackground: false,
        pageSize: 'A4',
        margins: { marginType: 'default' },
      },
    ]);
  });

  it('tells a cancelled dialog from a failure', async () => {
    const { printA4 } = electronPrintA4(
      () => undefined,
      () => ({ silent: false, deviceName: '' }),
    );
    const cancelled = printA4({ html: '', title: 't' });
    BrowserWindow.created.at(-1)!.webContents.printAnswer = [false, 'Print job canceled'];
    // The answer is read when print() is called, after loadURL resolves.
    expect(await cancelled).toBe('cancelled');
  });
});
