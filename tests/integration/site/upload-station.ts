/**
 * A station whose official-site panel is embedded (a SiteHost standing in for main/site/electron-site.ts) and whose
 * file chooser is answered like Chromium does it: the input reads the copies' paths. Used in-process by
 * upload-copies.test.ts and in the crash victim upload-child.ts.
 */
import { readFileSync } from 'node:fs';
import sharp from 'sharp';
import type { Services } from '../../../main/services';
import { CLOSED_VIEW, type SiteHost } from '../../../main/site/site-host';
import { stationCall } from '../../helpers/station';
import { openTestStation } from '../../helpers/station';

export interface AnsweredChooser {
  paths: string[];
  /** What the input read at the answer, path by path. */
  read: Buffer[];
}

/** The embedded panel, minus the view: a chooser is always open; `setFiles` reads the files, then `hold` decides. */
export function chooserHost(options: { hold?: (answer: AnsweredChooser) => Promise<void> } = {}) {
  const answers: AnsweredChooser[] = [];
  const host: SiteHost = {
    mode: 'embedded',
    async open() {},
    setBounds() {},
    command() {},
    view: () => CLOSED_VIEW,
    async close() {},
    clear: async () => ({ viewDestroyed: false, partitionCleared: true, downloadsCancelled: 0 }),
    async setFiles(paths) {
      const answer = { paths, read: paths.map((path) => readFileSync(path)) };
      answers.push(answer);
      await options.hold?.(answer);
      return true;
    },
  };
  return { host, answers };
}

/** Starts a session with one scanned pièce named after `name`; returns its import id. */
export async function sessionWithPiece(services: Services, name: string): Promise<string> {
  const call = stationCall(services);
  await services.access.signIn('Camille', '482915');
  const started = await call('session.start');
  if (!started.ok) throw new Error('session.start refused');
  const jpeg = await sharp({ create: { width: 600, height: 400, channels: 3, background: '#dcdcdc' } })
    .jpeg()
    .toBuffer();
  const imported = await call('scan.importBytes', { name, data: jpeg.toString('base64'), source: 'pick' });
  if (!imported.ok) throw new Error(`import refused: ${imported.error.message}`);
  return (imported.value as { imported: string[] }).imported[0]!;
}

export function openUploadStation(dataDir: string, host: SiteHost): Services {
  return openTestStation(dataDir, { platform: { transport: 'electron', site: host } });
}
