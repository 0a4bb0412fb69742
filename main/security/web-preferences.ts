/**
 * The hardening every window and view of the app shares (DESIGN.md "Electron hardening"): isolated, sandboxed,
 * no Node, no webview, no insecure content. Each creator adds only what is its own (preload, partition, DevTools).
 */
export const HARDENED_WEB_PREFERENCES = {
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  nodeIntegrationInSubFrames: false,
  nodeIntegrationInWorker: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  experimentalFeatures: false,
  webviewTag: false,
  navigateOnDragDrop: false,
  spellcheck: false,
  // Middle-click on a link would ask for a new window (refused anyway by setWindowOpenHandler).
  disableBlinkFeatures: 'Auxclick',
} as const;
