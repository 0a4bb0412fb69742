import { EventEmitter } from 'node:events';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserWindow as ElectronWindow, Session, WebContents } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { guardSiteContents, guardSiteSession } from '../../../main/site/electron-guards';
import { electronSite, isSiteContents } from '../../../main/site/electron-site';
import { offerRefusal } from '../../../main/site/download-policy';
import { BUILT_IN_SITE_HOSTS } from '../../../main/site/hosts';
import type { SiteHooks } from '../../../main/site/site-host';
import { BrowserWindow, FakeSession, FakeWebContents, WebContentsView } from '../../mocks/electron';

function hooks(overrides: Partial<SiteHooks> = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'pn-site-'));
  const calls = {
    refused: [] as string[],
    activity: 0,
    changed: 0,
    downloaded: [] as Array<{ name: string; bytes: Buffer }>,
    refusedDownloads: [] as string[],
  };
  const value: SiteHooks = {
    hosts: () => [...BUILT_IN_SITE_HOSTS],
    refused: (url) => void calls.refused.push(url),
    activity: () => void calls.activity++,
    changed: () => void calls.changed++,
    downloadDir: () => dir,
    checkDownload: (offer) => offerRefusal(offer, 1_000_000),
    maxDownloadBytes: () => 1_000_000,
    downloadRefused: (message) => void calls.refusedDownloads.push(message),
    downloaded: async (file) => void calls.downloaded.push(file),
    fileChooser: () => {},
    ...overrides,
  };
  return { value, calls, dir };
}

/** A download as Electron hands it to 'will-download'. */
class Download extends EventEmitter {
  savePath = '';
  cancelled = false;
  received = 0;
  constructor(
    readonly name: string,
    readonly mime = 'application/pdf',
    readonly total = 0,
  ) {
    super();
  }
  setSavePath(path: string) {
    this.savePath = path;
  }
  getFilename() {
    return this.name;
  }
  getMimeType() {
    return this.mime;
  }
  getTotalBytes() {
    return this.total;
  }
  getReceivedBytes() {
    return this.received;
  }
  cancel() {
    if (this.cancelled) return;
    this.cancelled = true;
    this.emit('done', {}, 'cancelled');
  }
}

describe('official-site view guards (Electron handlers)', () => {
  it('refuses navigation, frame navigation and redirects off the allowlist, and reports them', () => {
    const contents = new FakeWebContents('pn-site-test');
    const h = hooks();
    guardSiteContents(contents as unknown as WebContents, h.value);
    expect(contents.fireCancellable('will-navigate', 'https://moncompte.ants.gouv.fr/')).toBe(false);
    expect(contents.fireCancellable('will-navigate', 'https://example.com/')).toBe(true);
    expect(contents.fireCancellable('will-frame-navigate', 'https://tracker.example.net/frame')).toBe(true);
    expect(contents.fireCancellable('will-frame-navigate', 'https://app.franceconnect.gouv.fr/')).toBe(false);
    expect(contents.fireCancellable('will-redirect', 'http://immatriculation.ants.gouv.fr/')).toBe(true);
    expect(contents.fireCancellable('will-attach-webview')).toBe(true);
    expect(h.calls.refused).toEqual([
      'https://example.com/',
      'https://tracker.example.net/frame',
      'http://immatriculation.ants.gouv.fr/',
    ]);
  });

  it('opens an allowlisted window.open in the same view, never a new window', () => {
    const contents = new FakeWebContents('pn-site-test');
    const h = hooks();
    guardSiteContents(contents as unknown as WebContents, h.value);
    expect(contents.windowOpenHandler!({ url: 'https://moncompte.ants.gouv.fr/aide' })).toEqual({ action: 'deny' });
    expect(contents.getURL()).toBe('https://moncompte.ants.gouv.fr/aide');
    expect(contents.windowOpenHandler!({ url: 'https://pub.example.com/' })).toEqual({ action: 'deny' });
    expect(contents.getURL()).toBe('https://moncompte.ants.gouv.fr/aide');
    expect(h.calls.refused).toEqual(['https://pub.example.com/']);
  });

  it('counts keyboard and mouse input inside the site as activity', () => {
    const contents = new FakeWebContents('pn-site-test');
    const h = hooks();
    guardSiteContents(contents as unknown as WebContents, h.value);
    contents.emit('before-input-event', {}, { type: 'keyDown' });
    contents.emit('before-input-event', {}, { type: 'mouseDown' });
    expect(h.calls.activity).toBe(2);
  });

  it('denies permission requests and checks except the small list', () => {
    const ses = new FakeSession('pn-site-perm');
    guardSiteSession(ses as unknown as Session);
    const answers: Record<string, boolean> = {};
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-sanitized-write']) {
      ses.permissionRequestHandler!({}, permission, (granted: boolean) => (answers[permission] = granted));
    }
    expect(answers).toEqual({
      media: false,
      geolocation: false,
      notifications: false,
      'clipboard-sanitized-write': true,
    });
    expect(ses.permissionCheckHandler!({}, 'media')).toBe(false);
  });
});

describe('official-site view (Electron adapter)', () => {
  function setup() {
    const window = new BrowserWindow({});
    const site = electronSite(() => window as unknown as ElectronWindow);
    return { window, site };
  }

  it('creates a sandboxed view with no preload in an in-memory partition, beside the guide', async () => {
    const { window, site } = setup();
    const h = hooks();
    await site.open({ url: 'https://immatriculation.ants.gouv.fr/', partition: 'pn-site-a1' }, h.value);
    const view = WebContentsView.created.at(-1)!;
    const prefs = view.options.webPreferences!;
    expect(prefs).toMatchObject({
      partition: 'pn-site-a1',
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
    });
    expect(prefs.preload).toBeUndefined();
    expect(String(prefs.partition)).not.toMatch(/^persist:/);
    expect(window.contentView.children).toContain(view);
    expect(isSiteContents(view.webContents as unknown as WebContents)).toBe(true);
    expect(isSiteContents(window.webContents as unknown as WebContents)).toBe(false);
    expect(site.view()).toMatchObject({ open: true, url: 'https://immatriculation.ants.gouv.fr/' });
    // Its guards are live: an off-list link is refused.
    expect(view.webContents.fireCancellable('will-navigate', 'https://example.com/')).toBe(true);
  });

  it('captures a download, hands its bytes over and removes the plain copy', async () => {
    const { site } = setup();
    const h = hooks();
    await site.open({ url: 'https://immatriculation.ants.gouv.fr/', partition: 'pn-site-dl' }, h.value);
    const view = WebContentsView.created.at(-1)!;
    const download = new Download('recapitulatif.pdf');
    view.webContents.session.emit('will-download', {}, download);
    await vi.waitFor(() => expect(download.savePath).not.toBe(''));
    expect(download.savePath.startsWith(h.dir)).toBe(true);
    writeFileSync(download.savePath, '%PDF-1.7 récapitulatif');
    download.emit('done', {}, 'completed');
    await vi.waitFor(() => expect(h.calls.downloaded).toHaveLength(1));
    expect(h.calls.downloaded[0]!.name).toBe('recapitulatif.pdf');
    expect(h.calls.downloaded[0]!.bytes.toString()).toBe('%PDF-1.7 récapitulatif');
    await vi.waitFor(() => expect(existsSync(download.savePath)).toBe(false));
  });

  it('refuses, before a byte is written, a download of another type or announced above the limit', async () => {
    const { site } = setup();
    const h = hooks();
    await site.open({ url: 'https://immatriculation.ants.gouv.fr/', partition: 'pn-site-cap' }, h.value);
    const ses = WebContentsView.created.at(-1)!.webContents.session;
    const program = new Download('facture.exe', 'application/x-msdownload', 40_000);
    const huge = new Download('recapitulatif.pdf', 'application/pdf', 5_000_000);
    ses.emit('will-download', {}, program);
    ses.emit('will-download', {}, huge);
    for (const item of [program, huge]) {
      expect(item.cancelled).toBe(true);
      expect(item.savePath).toBe(''); // never given a place on disk
    }
    expect(h.calls.refusedDownloads).toEqual([
      expect.stringMatching(/^Ce fichier n'a pas été téléchargé : le poste accepte seulement des PDF et des images/),
      expect.stringMatching(/il dépasse 1 Mo, la taille permise sur ce poste/),
    ]);
    expect(h.calls.downloaded).toEqual([]);
  });

  it('stops a download that brings more than announced at the limit, and deletes what had come', async () => {
    const { site } = setup();
    const h = hooks();
    await site.open({ url: 'https://immatriculation.ants.gouv.fr/', partition: 'pn-site-grow' }, h.value);
    const ses = WebContentsView.created.at(-1)!.webContents.session;
    const growing = new Download('recapitulatif.pdf', 'application/octet-stream', 0); // size not announced
    ses.emit('will-download', {}, growing);
    expect(growing.savePath).not.toBe(''); // set within 'will-download', as Electron requires
    writeFileSync(growing.savePath, Buffer.alloc(600_000));
    growing.received = 600_000;
    growing.emit('updated', {}, 'progressing');
    expect(growing.cancelled).toBe(false);
    growing.received = 1_000_001;
    growing.emit('updated', {}, 'progressing');
    expect(growing.cancelled).toBe(true);
    await vi.waitFor(() => expect(h.calls.refusedDownloads).toHaveLength(1));
    expect(h.calls.refusedDownloads[0]).toMatch(/dépasse 1 Mo/);
    await vi.waitFor(() => expect(existsSync(growing.savePath)).toBe(false));
    expect(h.calls.downloaded).toEqual([]);
  });

  it('wipe steps 1–3: destroys the view, clears every store of the partition, cancels downloads', async () => {
    const { window, site } = setup();
    const h = hooks();
    await site.open({ url: 'https://passeport.ants.gouv.fr/', partition: 'pn-site-wipe' }, h.value);
    const view = WebContentsView.created.at(-1)!;
    const pending = new Download('en-cours.pdf');
    view.webContents.session.emit('will-download', {}, pending);
    await vi.waitFor(() => expect(pending.savePath).not.toBe(''));

    const figures = await site.clear();
    expect(figures).toEqual({ viewDestroyed: true, partitionCleared: true, downloadsCancelled: 1 });
    expect(pending.cancelled).toBe(true);
    expect(view.webContents.isDestroyed()).toBe(true);
    expect(window.contentView.children).not.toContain(view);
    const cleared = view.webContents.session.cleared;
    expect(cleared[0]).toBe('clearData:{}');
    expect(cleared[1]).toMatch(/^clearStorageData:/);
    for (const store of ['cookies', 'localstorage', 'indexdb', 'serviceworkers', 'cachestorage', 'filesystem']) {
      expect(cleared[1]).toContain(`"${store}"`);
    }
    expect(cleared.slice(2)).toEqual(['clearCache', 'clearAuthCache', 'clearHostResolverCache', 'closeAllConnections']);
    expect(site.view().open).toBe(false);
  });

  it('answers the site’s file chooser through the DevTools protocol', async () => {
    const { site } = setup();
    let asked: boolean | null = null;
    const h = hooks({ fileChooser: (multiple) => void (asked = multiple) });
    await site.open({ url: 'https://permisdeconduire.ants.gouv.fr/', partition: 'pn-site-up' }, h.value);
    const contents = WebContentsView.created.at(-1)!.webContents;
    await vi.waitFor(() =>
      expect(contents.debugger.commands.map((c) => c.method)).toContain('Page.setInterceptFileChooserDialog'),
    );
    expect(await site.setFiles!(['/tmp/x.pdf'])).toBe(false);
    contents.debugger.emit('message', {}, 'Page.fileChooserOpened', { backendNodeId: 42, mode: 'selectSingle' });
    expect(asked).toBe(false);
    const replies: Record<string, unknown> = {
      'DOM.resolveNode': { object: { objectId: 'input-1' } },
      'Runtime.callFunctionOn': { result: { value: 1 } },
    };
    const send = contents.debugger.sendCommand.bind(contents.debugger);
    contents.debugger.sendCommand = async (method: string, params?: unknown) => {
      await send(method, params);
      return replies[method] ?? {};
    };
    const before = contents.debugger.commands.length;
    expect(await site.setFiles!(['/tmp/x.pdf'])).toBe(true);
    // The paths, then the input made to hold them in memory (main/site/file-input.ts, proved in real Chromium).
    const sent = contents.debugger.commands.slice(before);
    expect(sent.map((c) => c.method)).toEqual([
      'DOM.setFileInputFiles',
      'DOM.resolveNode',
      'Runtime.callFunctionOn',
      'Runtime.releaseObject',
    ]);
    expect(sent[0]!.params).toEqual({ files: ['/tmp/x.pdf'], backendNodeId: 42 });
    expect(sent[2]!.params).toMatchObject({ objectId: 'input-1', awaitPromise: true });
    // The chooser is answered once: a second answer waits for the next one.
    expect(await site.setFiles!(['/tmp/x.pdf'])).toBe(false);
  });
});
