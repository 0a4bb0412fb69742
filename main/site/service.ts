import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { SiteBounds, SiteDownload, SiteState } from '../../preload/api';
import type { ConfigStore } from '../config/config-store';
import { CounterFault, diskFault } from '../errors';
import type { EventBus } from '../events';
import type { Logger } from '../log';
import type { SessionService } from '../session/service';
import type { ActiveSession } from '../session/session';
import { contentRefusal, maxDownloadBytes, offerRefusal } from './download-policy';
import { decideNavigation } from './guard';
import { BUILT_IN_SITE_HOSTS, isExceptionUrl, siteHosts } from './hosts';
import { newTabSite } from './new-tab-site';
import { printableHtml, printablePages } from './print-download';
import type { SiteCommand, SiteHooks, SiteHost } from './site-host';
import { UploadCopies } from './upload-copies';
import type { UploadSource } from './uploads';

/** Folders inside the session workspace: downloads before encryption, upload copies for a few seconds. */
const DOWNLOAD_FOLDER = 'site-telechargements';
const UPLOAD_FOLDER = 'site-televersement';

/**
 * The official site beside the guide: allowlist check, the platform's view (embedded or new tab), downloads
 * captured encrypted into the session workspace, uploads offered from the session's pièces, and the wipe of the
 * view and its partition when the session ends.
 */
export class SiteService {
  private readonly host: SiteHost;
  /** Names of the files the site gave, per session; the bytes are encrypted in the workspace. Memory only. */
  private readonly downloads = new Map<string, SiteDownload[]>();
  private readonly copies: UploadCopies;

  constructor(
    private readonly deps: {
      config: ConfigStore;
      sessions: SessionService;
      bus: EventBus;
      log: Logger;
      host?: SiteHost;
      uploads?: UploadSource;
      /** The system printer (desktop); absent in the web host, where the browser opens the file. */
      printA4?: (document: { html: string; title: string }) => Promise<'printed' | 'cancelled'>;
    },
  ) {
    this.host = deps.host ?? newTabSite();
    this.copies = new UploadCopies({ log: deps.log });
    deps.sessions.join({ name: 'site', clear: (session) => this.clear(session) });
  }

  get mode(): 'embedded' | 'new-tab' {
    return this.host.mode;
  }

  hosts(): { builtIn: string[]; extra: string[] } {
    return { builtIn: [...BUILT_IN_SITE_HOSTS], extra: [...this.deps.config.section('site').extraHosts] };
  }

  allowedHosts(): string[] {
    const site = this.deps.config.section('site');
    return siteHosts(site.extraHosts, site.exceptionHosts);
  }

  /** Refuses, in French, a URL outside the allowlist; otherwise shows it (embedded) or lets the renderer open a tab. */
  async open(url: string, bounds?: SiteBounds): Promise<SiteState> {
    const session = this.deps.sessions.require();
    const decision = decideNavigation(url, this.allowedHosts());
    if (!decision.allow) {
      this.deps.log.warn('site.refused', { where: 'open' });
      throw new CounterFault('site_refused', decision.message);
    }
    await this.host.open({ url, partition: partitionFor(session), ...(bounds ? { bounds } : {}) }, this.hooks(session));
    const state = this.state();
    return this.host.mode === 'new-tab' ? { ...state, url, exception: this.isException(url) } : state;
  }

  state(): SiteState {
    const view = this.host.view();
    return { ...view, mode: this.host.mode, exception: view.url !== null && this.isException(view.url) };
  }

  /** Reached only through a référent exception (main/site/hosts.ts): never shown unmarked to the mediator. */
  private isException(url: string): boolean {
    return isExceptionUrl(url, this.deps.config.section('site').exceptionHosts);
  }

  setBounds(bounds: SiteBounds): void {
    this.host.setBounds(bounds);
  }

  command(command: SiteCommand): SiteState {
    this.host.command(command);
    return this.state();
  }

  async close(): Promise<SiteState> {
    await this.host.close();
    const session = this.deps.sessions.current();
    if (session) await this.copies.removeAll(join(session.workspace.dir, UPLOAD_FOLDER));
    return this.state();
  }

  listDownloads(): SiteDownload[] {
    const session = this.deps.sessions.current();
    return session ? [...(this.downloads.get(session.id) ?? [])] : [];
  }

  /** Reads a captured download (e.g. the ANTS récapitulatif) to print it or show it. */
  async readDownload(id: string): Promise<{ name: string; mime: string; bytes: Buffer }> {
    const session = this.deps.sessions.require();
    const found = this.downloads.get(session.id)?.find((item) => item.id === id);
    if (!found)
      throw new CounterFault('download_unknown', "Ce fichier téléchargé n'existe plus dans l'accompagnement.");
    return { name: found.name, mime: found.mime, bytes: await session.workspace.read(id) };
  }

  /**
   * Prints a file the site gave (the ANTS récapitulatif, the CPI): on the desktop through the system print dialog,
   * as A4 page images; in a browser the file itself goes back to the screen, which opens it for the browser to print.
   */
  async printDownload(
    id: string,
  ): Promise<{ done: 'printed' | 'cancelled' | 'open'; name: string; mime: string; base64: string | null }> {
    const file = await this.readDownload(id);
    if (!this.deps.printA4)
      return { done: 'open', name: file.name, mime: file.mime, base64: file.bytes.toString('base64') };
    const pages = await printablePages(file.bytes, file.mime, file.name).catch(() => []);
    if (pages.length === 0) {
      throw new CounterFault(
        'download_unprintable',
        "Ce fichier ne peut pas être imprimé depuis le poste (ce n'est ni un PDF ni une image lisible). Imprimez-le depuis le site officiel.",
      );
    }
    const done = await this.deps.printA4({ html: printableHtml(file.name, pages), title: file.name });
    return { done, name: file.name, mime: file.mime, base64: null };
  }

  /**
   * Answers the site's file chooser: decrypted copies of the chosen pièces are written in the session folder, given
   * to the file input, and deleted a few seconds later (main/site/upload-copies.ts); the site closing or the session
   * ending deletes them at once, the start-up sweep after a crash.
   */
  async chooseFiles(ids: string[]): Promise<void> {
    const session = this.deps.sessions.require();
    if (!this.host.setFiles || !this.deps.uploads) {
      throw new CounterFault(
        'upload_unavailable',
        'Le poste ne peut pas remplir ce champ lui-même. Utilisez la fenêtre « Ouvrir » du site pour choisir le fichier.',
      );
    }
    const files = [];
    for (const id of ids) files.push(await this.deps.uploads.read(session, id));
    const { dir, paths } = await this.copies.write(join(session.workspace.dir, UPLOAD_FOLDER), files);
    let answered = false;
    try {
      answered = await this.host.setFiles(paths);
    } finally {
      // Read by the input (or refused): the clear copies go within seconds, not at the end of the session.
      this.copies.expire(dir, answered ? undefined : 0);
    }
    if (!answered) {
      throw new CounterFault(
        'upload_no_chooser',
        "Le site n'attend plus de fichier. Cliquez de nouveau sur le bouton d'ajout de fichier du site.",
      );
    }
  }

  private hooks(session: ActiveSession): SiteHooks {
    return {
      hosts: () => this.allowedHosts(),
      refused: (url) => {
        const decision = decideNavigation(url, this.allowedHosts());
        if (decision.allow) return;
        this.deps.log.warn('site.refused', { where: 'navigation' });
        this.deps.bus.emit('site.refused', { host: decision.host.slice(0, 300), message: decision.message });
      },
      activity: () => this.deps.sessions.touch(),
      changed: () => this.deps.bus.emit('site.changed', this.state()),
      downloadDir: () => join(session.workspace.dir, DOWNLOAD_FOLDER),
      checkDownload: (offer) => offerRefusal(offer, this.maxDownloadBytes()),
      maxDownloadBytes: () => this.maxDownloadBytes(),
      downloadRefused: (message) => this.downloadRefused(message),
      downloaded: async (file) => {
        if (this.deps.sessions.current() !== session) return;
        // What the site announced may differ from what came: the content decides.
        const refusal = contentRefusal(file.bytes, this.maxDownloadBytes());
        if (refusal) return this.downloadRefused(refusal);
        let id: string;
        try {
          id = await session.workspace.put(file.bytes);
        } catch (error) {
          // A full disk: the download is not kept (nothing half-written stays) and the mediator reads why.
          const disk = diskFault(error);
          if (!disk) throw error;
          return this.downloadRefused(`Ce fichier n'a pas été téléchargé. ${disk.userMessage}`);
        }
        const item: SiteDownload = {
          id,
          name: file.name.slice(0, 255) || 'document',
          bytes: file.bytes.length,
          mime: file.mime.slice(0, 120) || 'application/octet-stream',
        };
        const list = this.downloads.get(session.id) ?? [];
        list.push(item);
        this.downloads.set(session.id, list);
        this.deps.log.info('site.downloaded', { bytes: item.bytes });
        this.deps.bus.emit('site.downloaded', item);
      },
      fileChooser: (multiple) => {
        const files = this.deps.uploads?.ready(session) ?? [];
        this.deps.bus.emit('site.fileChooser', {
          multiple,
          files: files.map((file) => ({ id: file.id.slice(0, 80), label: file.label.slice(0, 255) })),
        });
      },
    };
  }

  private maxDownloadBytes(): number {
    return maxDownloadBytes(this.deps.config.section('site'));
  }

  private downloadRefused(message: string): void {
    this.deps.log.warn('site.download_refused');
    this.deps.bus.emit('site.downloadRefused', { message });
  }

  /** Wipe steps 1–3 for this session (the workspace files themselves go with the workspace, step 4). */
  private async clear(session: ActiveSession): Promise<void> {
    const figures = await this.host.clear();
    this.downloads.delete(session.id);
    await this.copies.removeAll(join(session.workspace.dir, UPLOAD_FOLDER));
    await rm(join(session.workspace.dir, DOWNLOAD_FOLDER), { recursive: true, force: true });
    this.deps.log.info('site.cleared', {
      view: figures.viewDestroyed,
      partition: figures.partitionCleared,
      downloads: figures.downloadsCancelled,
    });
  }
}

/**
 * One in-memory partition per session ("pn-site-<session id>", never "persist:"): even if a clear step silently
 * missed a store, the next usager's view starts in a partition nobody used. It is also fully cleared at the end
 * (wipe steps 1–3). The price — Electron never frees a partition's Session object — is one small object per
 * accompaniment until the app restarts (a few dozen a day at a counter), which we accept for that guarantee.
 */
export function partitionFor(session: ActiveSession): string {
  return `pn-site-${session.id}`;
}
