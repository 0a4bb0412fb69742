import { afterEach, describe, expect, it, vi } from 'vitest';
import { BrowserWindow, clipboard } from 'electron';
import { sessionPlatform } from '../../../main/session/electron-platform';

afterEach(() => vi.restoreAllMocks());

describe('desktop side of the wipe', () => {
  it('kills the renderer process, then loads the home screen in a new one and forgets the history', async () => {
    const window = new BrowserWindow({});
    const contents = window.webContents;
    const steps: string[] = [];
    vi.spyOn(contents, 'forcefullyCrashRenderer').mockImplementation(() => {
      steps.push('crash');
      contents.emit('render-process-gone', {}, { reason: 'killed' });
    });
    vi.spyOn(contents, 'loadURL').mockImplementation(async (url: string) => void steps.push(`load ${url}`));
    vi.spyOn(contents.navigationHistory, 'clear').mockImplementation(() => void steps.push('history cleared'));

    vi.spyOn(contents.session, 'clearStorageData').mockImplementation(async (options?: unknown) => {
      steps.push(`storage cleared ${JSON.stringify(options)}`);
    });

    await sessionPlatform(() => window as never).replaceRenderer();
    expect(steps).toEqual([
      'crash',
      'storage cleared {"origin":"app://point-numerique"}',
      'load app://point-numerique/index.html#/accueil',
      'history cleared',
    ]);
  });

  it('does nothing when the window is already gone', async () => {
    const window = new BrowserWindow({});
    window.destroy();
    const crash = vi.spyOn(window.webContents, 'forcefullyCrashRenderer');
    await sessionPlatform(() => window as never).replaceRenderer();
    await sessionPlatform(() => undefined).replaceRenderer();
    expect(crash).not.toHaveBeenCalled();
  });

  it('reads and clears the system clipboard', async () => {
    clipboard.writeText('24AB12345');
    const platform = sessionPlatform(() => undefined);
    expect(await platform.clipboard.readText()).toBe('24AB12345');
    await platform.clipboard.clear();
    expect(clipboard.readText()).toBe('');
  });
});
