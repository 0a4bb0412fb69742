/**
 * The one stand-in for the `electron` module in every vitest project (aliased in vitest.config.ts). It records
 * what the app asks of Electron so tests can assert on it (window options, handlers, guards), and lets tests fire
 * events (navigation, permission requests, IPC calls) at the app's real handlers. No result is faked here: it only
 * stands where the Electron binary would be.
 */
import { EventEmitter } from 'node:events';

type Listener = (...args: unknown[]) => unknown;

let nextContentsId = 1;

export class FakeWebContents extends EventEmitter {
  id = nextContentsId++;
  url = '';
  windowOpenHandler: ((details: { url: string }) => { action: 'allow' | 'deny' }) | undefined;
  sent: Array<{ channel: string; args: unknown[] }> = [];
  destroyed = false;
  zoomFactor = 1;
  session: FakeSession;
  constructor(partition = '') {
    super();
    this.session = partition ? sessionFromPartition(partition) : defaultSession;
  }
  setWindowOpenHandler(handler: FakeWebContents['windowOpenHandler']) {
    this.windowOpenHandler = handler;
  }
  send(channel: string, ...args: unknown[]) {
    this.sent.push({ channel, args });
  }
  async loadURL(url: string) {
    this.url = url;
  }
  getURL() {
    return this.url;
  }
  isDestroyed() {
    return this.destroyed;
  }
  close() {
    this.destroyed = true;
    this.emit('destroyed');
  }
  reload() {}
  forcefullyCrashRenderer() {}
  /** webContents.print: records the options; the test sets what the system dialog answers. */
  printJobs: Array<Record<string, unknown>> = [];
  printAnswer: [boolean, string] = [true, ''];
  print(options: Record<string, unknown>, callback?: (success: boolean, failureReason: string) => void) {
    this.printJobs.push(options);
    callback?.(...this.printAnswer);
  }
  setZoomFactor(factor: number) {
    this.zoomFactor = factor;
  }
  getZoomFactor() {
    return this.zoomFactor;
  }
  /** Fires a cancellable event the way Electron does; returns true when a listener prevented it. */
  fireCancellable(name: string, ...args: unknown[]): boolean {
    let prevented = false;
    const event = { preventDefault: () => (prevented = true), url: args[0] };
    this.emit(name, event, ...args);
    return prevented;
  }
  navigationHistory = { canGoBack: () => false, canGoForward: () => false, goBack() {}, goForward() {}, clear() {} };
  isLoading() {
    return false;
  }
  /** The DevTools protocol endpoint (the site panel answers file choosers through it); records the commands sent. */
  debugger = new FakeDebugger();
}

export class FakeDebugger extends EventEmitter {
  attached = false;
  commands: Array<{ method: string; params?: unknown }> = [];
  attach() {
    this.attached = true;
  }
  isAttached() {
    return this.attached;
  }
  detach() {
    this.attached = false;
  }
  async sendCommand(method: string, params?: unknown) {
    this.commands.push({ method, params });
    return {};
  }
}

export class FakeSession extends EventEmitter {
  permissionRequestHandler: Listener | undefined;
  permissionCheckHandler: Listener | undefined;
  cleared: string[] = [];
  constructor(readonly partition: string) {
    super();
  }
  setPermissionRequestHandler(handler: Listener) {
    this.permissionRequestHandler = handler;
  }
  setPermissionCheckHandler(handler: Listener) {
    this.permissionCheckHandler = handler;
  }
  setDevicePermissionHandler() {}
  setSpellCheckerEnabled() {}
  async clearData(options?: unknown) {
    this.cleared.push('clearData:' + JSON.stringify(options ?? {}));
  }
  async clearStorageData(options?: unknown) {
    this.cleared.push('clearStorageData:' + JSON.stringify(options ?? {}));
  }
  async clearCache() {
    this.cleared.push('clearCache');
  }
  async clearAuthCache() {
    this.cleared.push('clearAuthCache');
  }
  async clearHostResolverCache() {
    this.cleared.push('clearHostResolverCache');
  }
  async closeAllConnections() {
    this.cleared.push('closeAllConnections');
  }
  async flushStorageData() {}
  webRequest = { onBeforeRequest() {}, onHeadersReceived() {} };
  protocol = { handle() {} };
  setUserAgent() {}
  getUserAgent() {
    return 'Mozilla/5.0 Chrome';
  }
}

export const defaultSession = new FakeSession('');
const partitions = new Map<string, FakeSession>();
function sessionFromPartition(partition: string): FakeSession {
  let found = partitions.get(partition);
  if (!found) {
    partitions.set(partition, (found = new FakeSession(partition)));
    // As in Electron, the app hears of every new session.
    app.emit('session-created', found);
  }
  return found;
}
export const session = { defaultSession, fromPartition: sessionFromPartition };

export class BrowserWindow extends EventEmitter {
  static created: BrowserWindow[] = [];
  webContents: FakeWebContents;
  contentView = {
    children: [] as unknown[],
    addChildView(view: unknown) {
      this.children.push(view);
    },
    removeChildView(view: unknown) {
      this.children = this.children.filter((v) => v !== view);
    },
  };
  destroyed = false;
  constructor(readonly options: Record<string, unknown> & { webPreferences?: Record<string, unknown> }) {
    super();
    this.webContents = new FakeWebContents(String(options.webPreferences?.partition ?? ''));
    this.kiosk = options.kiosk === true;
    BrowserWindow.created.push(this);
    // As in Electron, the app hears of every new web contents (the app-wide guards of main/index.ts).
    app.emit('web-contents-created', {}, this.webContents);
  }
  static getAllWindows() {
    return BrowserWindow.created.filter((w) => !w.destroyed);
  }
  loadURL(url: string) {
    return this.webContents.loadURL(url);
  }
  isDestroyed() {
    return this.destroyed;
  }
  destroy() {
    this.destroyed = true;
  }
  close() {
    this.destroyed = true;
    this.emit('closed');
  }
  show() {}
  focus() {}
  restore() {}
  isMinimized() {
    return false;
  }
  kiosk = false;
  setKiosk(flag: boolean) {
    this.kiosk = flag;
  }
  isKiosk() {
    return this.kiosk;
  }
  setFullScreen() {}
  /** What the app set for the menu bar (setAutoHideMenuBar / setMenuBarVisibility). */
  menuBar = { autoHide: false, visible: true };
  setAutoHideMenuBar(flag: boolean) {
    this.menuBar.autoHide = flag;
  }
  setMenuBarVisibility(flag: boolean) {
    this.menuBar.visible = flag;
  }
  getBounds() {
    return { x: 0, y: 0, width: 1280, height: 800 };
  }
  getContentBounds() {
    return { x: 0, y: 0, width: 1280, height: 800 };
  }
  setBounds() {}
  /** The place a test moved the window to (normal bounds), and whether it is maximised. */
  normalBounds: { x: number; y: number; width: number; height: number } | undefined;
  maximized = false;
  getNormalBounds() {
    return (
      this.normalBounds ?? {
        x: Number(this.options.x ?? 0),
        y: Number(this.options.y ?? 0),
        width: Number(this.options.width ?? 800),
        height: Number(this.options.height ?? 600),
      }
    );
  }
  isMaximized() {
    return this.maximized;
  }
  maximize() {
    this.maximized = true;
  }
  isFullScreen() {
    return false;
  }
}

export class WebContentsView {
  static created: WebContentsView[] = [];
  webContents: FakeWebContents;
  bounds = { x: 0, y: 0, width: 0, height: 0 };
  constructor(readonly options: { webPreferences?: Record<string, unknown> } = {}) {
    this.webContents = new FakeWebContents(String(options.webPreferences?.partition ?? ''));
    WebContentsView.created.push(this);
    app.emit('web-contents-created', {}, this.webContents);
  }
  setBounds(bounds: WebContentsView['bounds']) {
    this.bounds = bounds;
  }
  setVisible() {}
}

export const ipcMain = {
  handlers: new Map<string, Listener>(),
  handle(channel: string, handler: Listener) {
    this.handlers.set(channel, handler);
  },
  removeHandler(channel: string) {
    this.handlers.delete(channel);
  },
  on() {},
};

export const ipcRenderer = {
  invoke: async () => undefined,
  on() {},
  removeListener() {},
};

export const contextBridge = {
  exposed: new Map<string, unknown>(),
  exposeInMainWorld(key: string, value: unknown) {
    this.exposed.set(key, value);
  },
};

const appEvents = new EventEmitter();
export const app = Object.assign(appEvents, {
  isPackaged: false,
  getVersion: () => '0.0.0-test',
  getPath: (name: string) => `/tmp/point-numerique-test/${name}`,
  requestSingleInstanceLock: () => true,
  sandboxEnabled: false,
  enableSandbox() {
    app.sandboxEnabled = true;
  },
  whenReady: () => Promise.resolve(),
  quit() {},
  exit() {},
  relaunch() {},
  setLoginItemSettings() {},
  getLoginItemSettings: () => ({ openAtLogin: false }),
});

export const protocol = {
  privileged: [] as unknown[],
  handlers: new Map<string, Listener>(),
  registerSchemesAsPrivileged(schemes: unknown[]) {
    this.privileged.push(...schemes);
  },
  handle(scheme: string, handler: Listener) {
    this.handlers.set(scheme, handler);
  },
};

export const clipboard = {
  text: '',
  readText() {
    return this.text;
  },
  writeText(text: string) {
    this.text = text;
  },
  clear() {
    this.text = '';
  },
};

export const shell = {
  opened: [] as string[],
  async openExternal(url: string) {
    this.opened.push(url);
  },
};

export const dialog = {
  showOpenDialog: async (..._args: unknown[]) => ({ canceled: true, filePaths: [] as string[] }),
  showSaveDialog: async (..._args: unknown[]) => ({ canceled: true, filePath: '' }),
};
export const Menu = {
  /** The menu the app installed last (Menu.setApplicationMenu), as built from its template. */
  applied: undefined as { template: unknown[] } | null | undefined,
  buildFromTemplate(template: unknown[]) {
    return { template };
  },
  setApplicationMenu(menu: { template: unknown[] } | null) {
    this.applied = menu;
  },
};
export const powerMonitor = new EventEmitter();
export const screen = {
  displays: [{ id: 1, workArea: { x: 0, y: 0, width: 1920, height: 1080 } }],
  getPrimaryDisplay() {
    return this.displays[0]!;
  },
  getAllDisplays() {
    return this.displays;
  },
};

export default {
  app,
  BrowserWindow,
  WebContentsView,
  ipcMain,
  ipcRenderer,
  contextBridge,
  protocol,
  session,
  clipboard,
  shell,
  dialog,
  Menu,
  powerMonitor,
  screen,
};
