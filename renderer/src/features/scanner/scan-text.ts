import type { ScannerSourceId } from '../../../../preload/api';

/** The feeder when the scanner has one (a pile of pièces goes in at once), else its first source. */
export function defaultSource(ids: readonly ScannerSourceId[]): ScannerSourceId {
  return ids.includes('adf') || !ids[0] ? 'adf' : ids[0];
}

/** What a finished scan added, and to which pièce. */
export function scannedText(pages: number, label?: string): string {
  const to = label ? ` à « ${label} »` : '';
  return pages > 1
    ? `${pages} pages numérisées : un seul document PDF est ajouté${to}.`
    : `La page est numérisée et ajoutée${to}.`;
}
