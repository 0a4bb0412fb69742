/**
 * Where picked and dropped files come from, in one place. The desktop app opens the system dialog in the main
 * process (scan.pick, from ScanPanel: paths, size checked before reading); a browser reads the chosen File and sends its bytes
 * (scan.importBytes). Either way the size is checked before the file is read.
 */
import type { ScanImportResult } from './types';
import { api, call } from '../../api';

export interface Target {
  demarcheId: string | null;
  pieceId: string | null;
}

function readBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      const url = String(reader.result);
      resolve(url.slice(url.indexOf(',') + 1));
    };
    reader.onerror = () => reject(reader.error ?? new Error('read failed'));
    reader.readAsDataURL(file);
  });
}

function megabytes(bytes: number): string {
  return `${(bytes / 1_000_000).toLocaleString('fr-FR', { maximumFractionDigits: 1 })} Mo`;
}

/** Sends browser File objects (drag and drop, or <input type="file">) one after the other. */
export async function sendFiles(
  files: File[],
  source: 'pick' | 'drop',
  target: Target,
  maxInputBytes: number,
): Promise<ScanImportResult> {
  const outcome: ScanImportResult = { imported: [], refused: [] };
  for (const file of files) {
    if (file.size > maxInputBytes) {
      outcome.refused.push({
        name: file.name,
        message: `Le fichier « ${file.name} » est trop lourd (${megabytes(file.size)}, au plus ${megabytes(maxInputBytes)}) : il n'a pas été importé. Scannez-le en résolution plus basse (300 ppp suffisent) ou une page à la fois.`,
      });
      continue;
    }
    try {
      const data = await readBase64(file);
      const one = await call(api().scan.importBytes({ name: file.name, data, source, ...target }));
      outcome.imported.push(...one.imported);
      outcome.refused.push(...one.refused);
    } catch (caught) {
      outcome.refused.push({
        name: file.name,
        message: caught instanceof Error ? caught.message : `Le fichier « ${file.name} » n'a pas pu être lu.`,
      });
    }
  }
  return outcome;
}
