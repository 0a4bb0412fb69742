/**
 * What differs between the desktop app and the web host, in one place. main/index.ts passes the Electron
 * implementation (main/electron-platform.ts); main/web-host.ts passes the browser one. Services depend on this
 * interface only, never on `electron`, so they run unchanged under Node in tests.
 */
export interface Platform {
  transport: 'electron' | 'web';
  appVersion: string;
}
