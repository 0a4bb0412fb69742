/**
 * What differs between the desktop app and the web host, in one place. main/index.ts passes the Electron
 * implementation (main/electron-platform.ts); main/web-host.ts passes the browser one. Services depend on this
 * interface only, never on `electron`, so they run unchanged under Node in tests.
 */
export interface Platform {
  transport: 'electron' | 'web';
  appVersion: string;
  /** Save/open dialogs for the configuration file (desktop). Absent in the web host: the renderer downloads/uploads. */
  configFiles?: import('./config/file-dialogs').ConfigFileDialogs;
  /**
   * Replaces the renderer process and shows the home screen (desktop: main/session/electron-platform.ts). Absent
   * in the web host: there the page reloads itself on the session.ended event.
   */
  replaceRenderer?(): Promise<void>;
  /** The system clipboard (desktop). Absent in the web host: the browser's clipboard is the browser's. */
  clipboard?: { readText(): string | Promise<string>; clear(): void | Promise<void> };
  /** Save dialog for the statistics exports (desktop). Absent in the web host: the renderer downloads the file. */
  saveExport?: import('./survey/delivery').SaveExport;
  /** System dialog to choose scan files (desktop: main/scan/electron-pick.ts). Absent in the web host: <input type=file>. */
  pickScanFiles?(): Promise<string[]>;
  /** Prints the A4 receipt on the system printer, A4 explicitly (desktop: main/print/electron-a4.ts). Absent in the web host: the renderer opens/downloads the PDF. */
  printA4?(document: { html: string; title: string }): Promise<'printed' | 'cancelled'>;
  /** The official-site panel: an embedded view (desktop: main/site/electron-site.ts) or a new tab (web host: main/site/new-tab-site.ts). */
  site?: import('./site/site-host').SiteHost;
  /** Applies the counter's kiosk and start-at-login choices now, not only at the next start (desktop: main/app/electron-counter-window.ts). */
  applyShellOptions?(options: { kiosk: boolean; openAtLogin: boolean }): void;
  /** Lets a held kiosk close go through, after app.confirmClose checked a PIN (desktop: main/app/close-guard.ts). */
  closeCounter?(): void;
}
