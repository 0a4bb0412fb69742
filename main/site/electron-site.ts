import {
  session as electronSession,
  WebContentsView,
  type BrowserWindow,
  type DownloadItem,
  type Session,
  type WebContents,
} from 'electron';
import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { SiteBounds } from '../../preload/api';
import { arrivedTooMuch, downloadTooBig } from './download-policy';
import { answerFileChooser, type DevToolsSend } from './file-input';
import { guardSiteContents, guardSiteSession, siteWebPreferences } from './electron-guards';
import { CLOSED_VIEW, type SiteClearFigures, type SiteCommand, type SiteHooks, type SiteHost } from './site-host';

const ZOOM_STEPS = [0.75, 0.9, 1, 1.1, 1.25, 1.5, 1.75, 2];
/** Every store of a partition, named explicitly: a malformed option object can clear less than meant. */
const ALL_STORAGES = [
  'cookies',
  'filesystem',
  'indexdb',
  'localstorage',
  'shadercache',
  'serviceworkers',
  'cachestorage',
] as const;

/** The partitions the site panel created: main/index.ts leaves their contents to the site guards. */
const sitePartitions = new WeakSet<Session>();

export function isSiteContents(contents: WebContents): boolean {
  return sitePartitions.has(contents.session);
}

/** The desktop app's official-site panel: a WebContentsView laid over the renderer's placeholder. */
export function electronSite(getWindow: () => BrowserWindow | undefined): SiteHost {
  let view: WebContentsView | null = null;
  let ses: Session | null = null;
  let hooks: SiteHooks | null = null;
  let bounds: SiteBounds = { x: 0, y: 0, width: 0, height: 0 };
  let visible = true;
  let chooser: { backendNodeId: number } | null = null;
  const downloads = new Set<DownloadItem>();

  function attach(partition: string, siteHooks: SiteHooks): WebContentsView {
    hooks = siteHooks;
    const partitionSession = electronSession.fromPartition(partition);
    if (ses !== partitionSession) {
      ses = partitionSession;
      sitePartitions.add(ses);
      guardSiteSession(ses);
      ses.on('will-download', (_event, item) => capture(item));
    }
    // A view left from another session's partition is never reused.
    if (view && view.webContents.session !== ses) destroyView();
    if (view && !view.webContents.isDestroyed()) return view;
    view = new WebContentsView({ webPreferences: siteWebPreferences(partition) });
    guardSiteContents(view.webContents, {
      hosts: () => hooks?.hosts() ?? [],
      refused: (url) => hooks?.refused(url),
      activity: () => hooks?.activity(),
      changed: () => hooks?.changed(),
    });
    interceptFileChooser(view.webContents);
    getWindow()?.contentView.addChildView(view);
    view.setBounds(bounds);
    view.setVisible(visible);
    return view;
  }

  /** The site's file chooser is answered from the session's pièces (DevTools protocol, as test drivers do). */
  function interceptFileChooser(contents: WebContents): void {
    const enable = () =>
      contents.debugger.sendCommand('Page.setInterceptFileChooserDialog', { enabled: true }).catch(() => undefined);
    try {
      contents.debugger.attach('1.3');
      void contents.debugger.sendCommand('Page.enable').then(enable, () => undefined);
      contents.on('did-navigate', () => void enable());
      contents.debugger.on('message', (_event, method, params: { backendNodeId?: number; mode?: string }) => {
        if (method !== 'Page.fileChooserOpened' || params.backendNodeId === undefined) return;
        chooser = { backendNodeId: params.backendNodeId };
        hooks?.fileChooser(params.mode === 'selectMultiple');
      });
    } catch {
      // Without the protocol the site's own file dialog opens; the guide tells where the upload copies are.
    }
  }

  /** Synchronous up to setSavePath: Electron asks for the path within 'will-download' (else a dialog opens). */
  function capture(item: DownloadItem): void {
    const current = hooks;
    if (!current) return item.cancel();
    const refusal = current.checkDownload({
      name: item.getFilename(),
      mime: item.getMimeType(),
      totalBytes: item.getTotalBytes(),
    });
    if (refusal) {
      item.cancel();
      return current.downloadRefused(refusal);
    }
    const dir = current.downloadDir();
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    const path = join(dir, randomUUID());
    item.setSavePath(path);
    downloads.add(item);
    const maxBytes = current.maxDownloadBytes();
    let tooBig = false;
    item.on('updated', () => {
      if (tooBig || !arrivedTooMuch(item.getReceivedBytes(), maxBytes)) return;
      tooBig = true; // a server that announced less, or nothing: stopped at the limit, not after
      item.cancel();
    });
    item.once('done', (_event, state) => {
      downloads.delete(item);
      void (async () => {
        try {
          if (tooBig) current.downloadRefused(downloadTooBig(maxBytes));
          else if (state === 'completed') {
            await current.downloaded({
              name: item.getFilename(),
              mime: item.getMimeType(),
              bytes: await readFile(path),
            });
          }
        } finally {
          // The plain copy lives only until it is encrypted into the workspace.
          await rm(path, { force: true });
        }
      })();
    });
  }

  function destroyView(): boolean {
    if (!view) return false;
    const old = view;
    view = null;
    chooser = null;
    const window = getWindow();
    if (window && !window.isDestroyed()) window.contentView.removeChildView(old);
    if (!old.webContents.isDestroyed()) old.webContents.close();
    return true;
  }

  return {
    mode: 'embedded',
    async open(request, siteHooks) {
      if (request.bounds) bounds = request.bounds;
      visible = true;
      const current = attach(request.partition, siteHooks);
      current.setVisible(true);
      await current.webContents.loadURL(request.url).catch(() => undefined);
    },
    setBounds(next) {
      bounds = next;
      view?.setBounds(next);
    },
    command(command: SiteCommand) {
      const contents = view?.webContents;
      if (command === 'hide' || command === 'show') {
        visible = command === 'show';
        view?.setVisible(visible);
        return;
      }
      if (!contents || contents.isDestroyed()) return;
      const history = contents.navigationHistory;
      if (command === 'back' && history.canGoBack()) history.goBack();
      if (command === 'forward' && history.canGoForward()) history.goForward();
      if (command === 'reload') contents.reload();
      if (command.startsWith('zoom')) {
        const now = contents.getZoomFactor();
        const next =
          command === 'zoom-reset'
            ? 1
            : command === 'zoom-in'
              ? (ZOOM_STEPS.find((step) => step > now + 0.01) ?? now)
              : ([...ZOOM_STEPS].reverse().find((step) => step < now - 0.01) ?? now);
        contents.setZoomFactor(next);
      }
      hooks?.changed();
    },
    view() {
      const contents = view?.webContents;
      if (!contents || contents.isDestroyed()) return CLOSED_VIEW;
      return {
        open: true,
        url: contents.getURL() || null,
        canGoBack: contents.navigationHistory.canGoBack(),
        canGoForward: contents.navigationHistory.canGoForward(),
        zoom: contents.getZoomFactor(),
        loading: contents.isLoading(),
      };
    },
    async close() {
      destroyView();
    },
    async clear(): Promise<SiteClearFigures> {
      // 1. Destroy the view.
      const viewDestroyed = destroyView();
      // 3 (first, so nothing lands while the partition is cleared). Cancel downloads; their files go with the folder.
      const downloadsCancelled = downloads.size;
      for (const item of downloads) item.cancel();
      downloads.clear();
      // 2. Clear the partition: every store, caches, auth, DNS, open connections.
      let partitionCleared = false;
      const target = ses;
      if (target) {
        await target.clearData();
        await target.clearStorageData({ storages: [...ALL_STORAGES] });
        await target.clearCache();
        await target.clearAuthCache();
        await target.clearHostResolverCache();
        await target.closeAllConnections();
        partitionCleared = true;
      }
      ses = null;
      hooks = null;
      return { viewDestroyed, partitionCleared, downloadsCancelled };
    },
    async setFiles(paths) {
      const contents = view?.webContents;
      if (!chooser || !contents || contents.isDestroyed()) return false;
      const { backendNodeId } = chooser;
      chooser = null;
      const send: DevToolsSend = (method, params) => contents.debugger.sendCommand(method, params);
      // Held in memory (or, on a page that forbids it, read from the copies in the seconds they still exist).
      await answerFileChooser(send, backendNodeId, paths);
      return true;
    },
  };
}
