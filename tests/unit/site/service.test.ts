import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserWindow as ElectronWindow } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { ConfigStore } from '../../../main/config/config-store';
import { Settings } from '../../../main/config/settings';
import { openStationDb } from '../../../main/db/open';
import { EventBus } from '../../../main/events';
import { Journal } from '../../../main/journal/journal';
import { silentLogger } from '../../../main/log';
import { SessionService } from '../../../main/session/service';
import { electronSite } from '../../../main/site/electron-site';
import { newTabSite } from '../../../main/site/new-tab-site';
import { SiteService } from '../../../main/site/service';
import { BrowserWindow, WebContentsView } from '../../mocks/electron';
import { mountSmallDisk } from '../../helpers/small-disk';
import { useTempDir } from '../../helpers/temp-dir';

const tempDir = useTempDir();

function station(
  host = newTabSite(),
  printA4?: ConstructorParameters<typeof SiteService>[0]['printA4'],
  dataDir = tempDir(),
) {
  const db = openStationDb(dataDir);
  const config = new ConfigStore(new Settings(db));
  const bus = new EventBus();
  const events: Array<{ name: string; payload: unknown }> = [];
  bus.attach((name, payload) => void events.push({ name, payload }));
  const sessions = new SessionService({ dataDir, journal: new Journal(db) });
  const site = new SiteService({ config, sessions, bus, log: silentLogger, host, ...(printA4 ? { printA4 } : {}) });
  return { config, sessions, site, events };
}

describe('official-site panel service', () => {
  it('refuses a URL off the allowlist with a French message, and needs a running session', async () => {
    const { site, sessions } = station();
    await expect(site.open('https://immatriculation.ants.gouv.fr/')).rejects.toThrow(/Aucun accompagnement/);
    sessions.start({ id: null, pseudonym: 'Camille' });
    await expect(site.open('https://www.example.com/')).rejects.toMatchObject({
      code: 'site_refused',
      userMessage: expect.stringMatching(/« www\.example\.com » ne fait pas partie des sites officiels autorisés/),
    });
  });

  it('in the web host, lets the renderer open the allowlisted page in a new tab', async () => {
    const { site, sessions } = station();
    sessions.start({ id: null, pseudonym: 'Camille' });
    expect(await site.open('https://passeport.ants.gouv.fr/')).toMatchObject({
      mode: 'new-tab',
      url: 'https://passeport.ants.gouv.fr/',
      open: false,
    });
  });

  it('accepts a host the référent added, and marks one allowed only as an exception', async () => {
    const { site, sessions, config } = station();
    sessions.start({ id: null, pseudonym: 'Camille' });
    config.setSection('site', { extraHosts: ['auth.example.gouv.fr'], exceptionHosts: ['paiement.example.org'] });
    await expect(site.open('https://paiement.example.org/payer')).resolves.toMatchObject({
      mode: 'new-tab',
      exception: true,
    });
    await expect(site.open('https://auth.example.gouv.fr/')).resolves.toMatchObject({ exception: false });
    await expect(site.open('https://passeport.ants.gouv.fr/')).resolves.toMatchObject({ exception: false });
  });

  it('marks the embedded page of an exception host in its state (site.state, site.changed)', async () => {
    const window = new BrowserWindow({});
    const { site, sessions, config } = station(electronSite(() => window as unknown as ElectronWindow));
    sessions.start({ id: null, pseudonym: 'Camille' });
    config.setSection('site', { exceptionHosts: ['paiement.example.org'] });
    await site.open('https://paiement.example.org/payer');
    expect(site.state()).toMatchObject({ mode: 'embedded', exception: true });
    await site.open('https://immatriculation.ants.gouv.fr/');
    expect(site.state()).toMatchObject({ exception: false });
  });

  it('stores a downloaded récapitulatif encrypted in the workspace and forgets it at the end', async () => {
    const window = new BrowserWindow({});
    const { site, sessions, events } = station(electronSite(() => window as unknown as ElectronWindow));
    const session = sessions.start({ id: null, pseudonym: 'Camille' });
    await site.open('https://immatriculation.ants.gouv.fr/');
    const view = WebContentsView.created.at(-1)!;
    expect(String(view.options.webPreferences!.partition)).toBe(`pn-site-${session.id}`);

    const { EventEmitter } = await import('node:events');
    const item = Object.assign(new EventEmitter(), {
      path: '',
      setSavePath(path: string) {
        item.path = path;
      },
      getFilename: () => 'CPI-recapitulatif.pdf',
      getMimeType: () => 'application/pdf',
      getTotalBytes: () => 0,
      getReceivedBytes: () => 0,
      cancel() {},
    });
    view.webContents.session.emit('will-download', {}, item);
    await vi.waitFor(() => expect(item.path).not.toBe(''));
    writeFileSync(item.path, '%PDF-1.7 canari-telechargement');
    item.emit('done', {}, 'completed');
    await vi.waitFor(() => expect(site.listDownloads()).toHaveLength(1));

    const [download] = site.listDownloads();
    expect(download).toMatchObject({ name: 'CPI-recapitulatif.pdf', mime: 'application/pdf' });
    expect((await site.readDownload(download!.id)).bytes.toString()).toBe('%PDF-1.7 canari-telechargement');
    expect(events.some((e) => e.name === 'site.downloaded')).toBe(true);
    // On disk only ciphertext remains.
    for (const name of readdirSync(session.workspace.dir, { recursive: true }) as string[]) {
      const path = join(session.workspace.dir, name);
      try {
        expect(readFileSync(path).toString('latin1')).not.toContain('canari-telechargement');
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EISDIR') throw error;
      }
    }

    await sessions.end('ended');
    expect(view.webContents.isDestroyed()).toBe(true);
    expect(view.webContents.session.cleared).toContain('closeAllConnections');
    sessions.start({ id: null, pseudonym: 'Camille' });
    expect(site.listDownloads()).toEqual([]);
  });

  it('reports a refused navigation inside the view to the screen, in French', async () => {
    const window = new BrowserWindow({});
    const { site, sessions, events } = station(electronSite(() => window as unknown as ElectronWindow));
    sessions.start({ id: null, pseudonym: 'Camille' });
    await site.open('https://moncompte.ants.gouv.fr/');
    WebContentsView.created.at(-1)!.webContents.fireCancellable('will-navigate', 'https://publicite.example.com/');
    expect(events.find((e) => e.name === 'site.refused')?.payload).toMatchObject({
      host: 'publicite.example.com',
      message: expect.stringMatching(/n'a pas été ouverte/),
    });
  });
});

/** Lets the embedded view of the session receive one file from the official site, as Electron hands it over. */
async function receive(name: string, mime: string, bytes: Buffer, beforeDone?: () => void) {
  const { EventEmitter } = await import('node:events');
  const item = Object.assign(new EventEmitter(), {
    path: '',
    setSavePath(path: string) {
      item.path = path;
    },
    getFilename: () => name,
    getMimeType: () => mime,
    getTotalBytes: () => 0,
    getReceivedBytes: () => 0,
    cancel() {},
  });
  WebContentsView.created.at(-1)!.webContents.session.emit('will-download', {}, item);
  await vi.waitFor(() => expect(item.path).not.toBe(''));
  writeFileSync(item.path, bytes);
  beforeDone?.();
  item.emit('done', {}, 'completed');
}

describe('printing what the official site gave', () => {
  it('prints the récapitulatif PDF on the system printer as A4 page images', async () => {
    const { PDFDocument, StandardFonts } = await import('@cantoo/pdf-lib');
    const pdf = await PDFDocument.create();
    const page = pdf.addPage([595, 842]);
    page.drawText('Recapitulatif ANTS', {
      x: 50,
      y: 780,
      size: 24,
      font: await pdf.embedFont(StandardFonts.Helvetica),
    });
    const bytes = Buffer.from(await pdf.save());

    const printed: Array<{ html: string; title: string }> = [];
    const window = new BrowserWindow({});
    const { site, sessions } = station(
      electronSite(() => window as unknown as ElectronWindow),
      async (document) => {
        printed.push(document);
        return 'printed';
      },
    );
    sessions.start({ id: null, pseudonym: 'Camille' });
    await site.open('https://immatriculation.ants.gouv.fr/');
    await receive('recapitulatif.pdf', 'application/pdf', bytes);
    await vi.waitFor(() => expect(site.listDownloads()).toHaveLength(1));

    const result = await site.printDownload(site.listDownloads()[0]!.id);
    expect(result).toMatchObject({ done: 'printed', name: 'recapitulatif.pdf', base64: null });
    expect(printed).toHaveLength(1);
    expect(printed[0]!.html.match(/<img alt="" src="data:image\/jpeg;base64,/g)).toHaveLength(1);
    expect(printed[0]!.html).toContain('size:A4');
  }, 60_000);

  it('without a system printer (browser), gives the file back to be opened', async () => {
    const window = new BrowserWindow({});
    const { site, sessions } = station(electronSite(() => window as unknown as ElectronWindow));
    sessions.start({ id: null, pseudonym: 'Camille' });
    await site.open('https://immatriculation.ants.gouv.fr/');
    await receive('cpi.pdf', 'application/pdf', Buffer.from('%PDF-1.4 cpi'));
    await vi.waitFor(() => expect(site.listDownloads()).toHaveLength(1));
    const result = await site.printDownload(site.listDownloads()[0]!.id);
    expect(result.done).toBe('open');
    expect(Buffer.from(result.base64!, 'base64').toString()).toBe('%PDF-1.4 cpi');
  });
});

describe('what the official site may download (config site.maxDownloadMegabytes, PDF and images)', () => {
  it('keeps a real PDF, refuses content that is not what it claims, and follows the référent’s size', async () => {
    const window = new BrowserWindow({});
    const { site, sessions, events, config } = station(electronSite(() => window as unknown as ElectronWindow));
    const session = sessions.start({ id: null, pseudonym: 'Camille' });
    await site.open('https://immatriculation.ants.gouv.fr/');
    const refusals = () => events.filter((e) => e.name === 'site.downloadRefused').map((e) => e.payload);

    // Announced as a PDF, but its bytes are a Windows program.
    await receive('recapitulatif.pdf', 'application/pdf', Buffer.from('MZ\x90\x00 programme'));
    await vi.waitFor(() => expect(refusals()).toHaveLength(1));
    expect(refusals()[0]).toEqual({ message: expect.stringMatching(/seulement des PDF et des images/) });

    // 2 MB: under the default 20 MB, kept; once the référent sets 1 MB, refused.
    const pdf = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(2_000_000, 0x20)]);
    await receive('cerfa.pdf', 'application/pdf', pdf);
    await vi.waitFor(() => expect(site.listDownloads()).toHaveLength(1));
    config.setSection('site', { ...config.section('site'), maxDownloadMegabytes: 1 });
    await receive('cerfa-2.pdf', 'application/pdf', pdf);
    await vi.waitFor(() => expect(refusals()).toHaveLength(2));
    expect(refusals()[1]).toEqual({ message: expect.stringMatching(/il dépasse 1 Mo/) });
    expect(site.listDownloads().map((d) => d.name)).toEqual(['cerfa.pdf']);
    // Nothing of the refused files stays: the workspace holds the one kept download.
    const files = () =>
      readdirSync(session.workspace.dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile());
    await vi.waitFor(() => expect(files()).toHaveLength(1));
    expect(files()[0]!.name).toBe(`${site.listDownloads()[0]!.id}.bin`);
  });
});

describe('a download on a full disk (a real small tmpfs as the data dir)', () => {
  it('is not kept, leaves no file, and the mediator reads that the disk is full', async (context) => {
    const disk = mountSmallDisk();
    if (typeof disk === 'string') return context.skip(disk);
    try {
      const window = new BrowserWindow({});
      const { site, sessions, events } = station(
        electronSite(() => window as unknown as ElectronWindow),
        undefined,
        disk.dir,
      );
      const session = sessions.start({ id: null, pseudonym: 'Camille' });
      await site.open('https://immatriculation.ants.gouv.fr/');
      // The page's file arrived (Chromium wrote it before the disk filled up); encrypting it needs room there is not.
      const pdf = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(1_500_000, 0x20)]);
      const filler = () => disk.fill();
      await receive('recapitulatif.pdf', 'application/pdf', pdf, filler);
      await vi.waitFor(() => expect(events.some((e) => e.name === 'site.downloadRefused')).toBe(true));
      const refused = events.find((e) => e.name === 'site.downloadRefused')!.payload as { message: string };
      expect(refused.message).toMatch(/^Ce fichier n'a pas été téléchargé\. Le disque de ce poste est plein/);
      expect(site.listDownloads()).toEqual([]);
      const files = () =>
        readdirSync(session.workspace.dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile());
      await vi.waitFor(() => expect(files()).toEqual([]));
      await sessions.end('ended');
    } finally {
      disk.unmount();
    }
  });
});
