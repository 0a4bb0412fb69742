import type { z } from 'zod';
import type { ScanImportResultSchema } from '../../../../preload/api';

export type ScanImportResult = z.infer<typeof ScanImportResultSchema>;
export type { ScanImport, ScanList, ScanFolderStatus } from '../../../../preload/api';

/** Size for the screen: "312 ko", "1,2 Mo". */
export function sizeText(bytes: number): string {
  if (bytes < 1_000_000) return `${Math.max(1, Math.round(bytes / 1000))} ko`;
  return `${(bytes / 1_000_000).toLocaleString('fr-FR', { maximumFractionDigits: 1 })} Mo`;
}

export const FORMAT_LABELS = { jpg: 'Image JPG', png: 'Image PNG', pdf: 'Document PDF' } as const;
