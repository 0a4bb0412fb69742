/**
 * The desktop side of the wipe (thin adapter, the only session file that imports electron): the system clipboard,
 * a new renderer process for the app window, and the quit that waits for the wipe.
 */
import { clipboard, type App, type BrowserWindow } from 'electron';
import type { Platform } from '../platform';
import { APP_ORIGIN } from '../security/navigation';
import type { SessionService } from './service';

/** The longest a quit waits for the wipe before leaving anyway (start-up will sweep what remains). */
const QUIT_WAIT_MS = 10_000;
const RENDERER_GONE_WAIT_MS = 3_000;

export function sessionPlatform(
  getWindow: () => BrowserWindow | undefined,
): Required<Pick<Platform, 'replaceRenderer' | 'clipboard'>> {
  return {
    clipboard: {
      readText: () => clipboard.readText(),
      clear: () => {
        clipboard.clear();
        // Linux also has the selection clipboard (middle click): it may hold the same text.
        clipboard.selection?.clear();
      },
    },
    async replaceRenderer() {
      const window = getWindow();
      if (!window || window.isDestroyed()) return;
      const contents = window.webContents;
      // Kill the renderer process that held the usager's screens; the next load starts a fresh process.
      const gone = new Promise<void>((done) => {
        const timer = setTimeout(done, RENDERER_GONE_WAIT_MS);
        contents.once('render-process-gone', () => {
          clearTimeout(timer);
          done();
        });
      });
      contents.forcefullyCrashRenderer();
      await gone;
      // Whatever the app's pages kept in web storage goes too (the usager's screens keep nothing there on purpose).
      await contents.session.clearStorageData({ origin: APP_ORIGIN });
      await contents.loadURL(`${APP_ORIGIN}/index.html#/accueil`);
      // "Back" must not lead to the previous usager's screens.
      contents.navigationHistory.clear();
    },
  };
}

/** Quitting during a session: hold the quit until the wipe has run, then quit for real. */
export function wipeBeforeQuit(app: App, sessions: SessionService): void {
  let done = false;
  app.on('before-quit', (event) => {
    if (done) return;
    if (!sessions.current() && !sessions.wiping) {
      done = true;
      return;
    }
    event.preventDefault();
    const wipe = sessions.end('quit').catch(() => null);
    const limit = new Promise((resolve) => setTimeout(resolve, QUIT_WAIT_MS));
    void Promise.race([wipe, limit]).then(() => {
      done = true;
      app.quit();
    });
  });
}
