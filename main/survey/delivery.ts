import type { ExportResult } from '../../preload/contract/survey';
import type { Platform } from '../platform';

/** An export ready to hand over: its suggested file name, type and bytes. */
export interface ExportFile {
  fileName: string;
  mimeType: string;
  bytes: Buffer;
}

/** Asks where to save the file and writes it (desktop save dialog); 'cancelled' when the référent closes it. */
export type SaveExport = (file: ExportFile) => Promise<'saved' | 'cancelled'>;

/**
 * The one place where the desktop app and the browser differ for exports: the desktop app has a save dialog
 * (main/survey/electron-save-export.ts, passed in the Platform); in the web host the renderer receives the bytes
 * and offers them as a download.
 */
export async function deliverExport(platform: Platform, file: ExportFile, rows: number): Promise<ExportResult> {
  const base = { fileName: file.fileName, mimeType: file.mimeType, rows };
  if (platform.saveExport) return { ...base, delivered: await platform.saveExport(file) };
  return { ...base, delivered: 'download', content: file.bytes.toString('base64') };
}
