/**
 * The canary test's tools: unique strings put in every personal field the station has (workspace files, flow
 * notes and numéro, scanned file names and metadata, the clipboard), then a scan of every byte under the data dir.
 */
import { randomUUID } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import sharp from 'sharp';
import type { Dispatch } from '../../../main/dispatch';
import type { Services } from '../../../main/services';
import { stationDispatch } from '../../helpers/station';

export interface Canaries {
  workspace: string;
  notes: string;
  numero: string;
  fileName: string;
  exif: string;
  /** Inside a scanned pièce's own bytes (the copier's file in the scan folder). */
  scan: string;
  clipboard: string;
}

export function makeCanaries(): Canaries {
  const tag = () => `CANARI${randomUUID().replace(/-/g, '').slice(0, 16).toUpperCase()}`;
  return {
    workspace: tag(),
    notes: tag(),
    numero: tag(),
    fileName: tag(),
    exif: tag(),
    scan: tag(),
    clipboard: tag(),
  };
}

export function dispatcher(services: Services): Dispatch {
  return stationDispatch(services);
}

async function ok(dispatch: Dispatch, channel: string, input?: unknown): Promise<unknown> {
  const result = await dispatch(channel, input, { transport: 'web' });
  if (!result.ok) throw new Error(`${channel} refused: ${result.error.code} ${result.error.message}`);
  return result.value;
}

/** A scanned pièce (JPEG) that carries the `scan` canary in its bytes, as a copier's file would carry a name. */
export function canaryScan(canaries: Canaries): Promise<Buffer> {
  return sharp({ create: { width: 800, height: 600, channels: 3, background: '#f4f4f4' } })
    .jpeg()
    .withExif({ IFD0: { ImageDescription: `Passeport de ${canaries.scan}`, Artist: canaries.scan } })
    .toBuffer();
}

/** Starts a session through the contract and fills every personal field with its canary. */
export async function startAndFill(
  services: Services,
  canaries: Canaries,
  clipboard?: { text: string },
): Promise<{ dispatch: Dispatch; sessionId: string; workspaceDir: string }> {
  const dispatch = dispatcher(services);
  const info = (await ok(dispatch, 'session.start')) as { id: string };
  const session = services.sessions.require();

  // Files in the workspace (what scans, PDFs and downloads become), with the canary in clear before encryption.
  for (let i = 0; i < 3; i++) {
    await session.workspace.put(Buffer.from(`Pièce ${i} de ${canaries.workspace} née le 01/02/1980`));
  }

  // The guided démarche: notes and the numéro de demande.
  const entry = (await ok(dispatch, 'flow.start', { demarcheId: 'permis-duplicata' })) as { key: string };
  await ok(dispatch, 'flow.setNotes', { key: entry.key, notes: `Usager ${canaries.notes}, 3 rue des Lilas` });
  await ok(dispatch, 'flow.setOutcome', { key: entry.key, outcome: { kind: 'deposee', numero: canaries.numero } });

  // A scanned pièce: the canary in its name and in its metadata.
  const jpeg = await sharp({ create: { width: 640, height: 480, channels: 3, background: '#e8e8e8' } })
    .jpeg()
    .withExif({ IFD0: { ImageDescription: canaries.exif } })
    .toBuffer();
  const scanned = (await ok(dispatch, 'scan.importBytes', {
    name: `${canaries.fileName}-passeport.jpg`,
    data: jpeg.toString('base64'),
    source: 'pick',
  })) as { imported: string[] };
  if (scanned.imported.length !== 1) throw new Error('the canary scan was not imported');

  // Something copied during the accompaniment.
  if (clipboard) clipboard.text = `${canaries.clipboard} 24AB12345`;
  return { dispatch, sessionId: info.id, workspaceDir: session.workspace.dir };
}

export interface Trace {
  file: string;
  found: string;
}

/** Reads every name and every byte of every file under the folder and lists each canary found (UTF-8 and UTF-16). */
export function scanForCanaries(dataDir: string, canaries: Canaries | string[]): Trace[] {
  const needles = Array.isArray(canaries) ? canaries : Object.values(canaries);
  const traces: Trace[] = [];
  for (const file of allFiles(dataDir)) {
    const bytes = readFileSync(file);
    for (const needle of needles) {
      if (relative(dataDir, file).includes(needle)) traces.push({ file: relative(dataDir, file), found: needle });
      if (bytes.includes(Buffer.from(needle, 'utf8')) || bytes.includes(Buffer.from(needle, 'utf16le'))) {
        traces.push({ file: relative(dataDir, file), found: needle });
      }
    }
  }
  return traces;
}

/** Every file under the data dir, and what remains under sessions/. */
export function allFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...allFiles(path));
    else out.push(path);
  }
  return out;
}

export function sessionLeftovers(dataDir: string): string[] {
  try {
    return readdirSync(join(dataDir, 'sessions'));
  } catch {
    return [];
  }
}
