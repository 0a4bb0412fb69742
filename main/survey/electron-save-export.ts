import { dialog, type BrowserWindow, type SaveDialogOptions } from 'electron';
import { writeFile } from 'node:fs/promises';
import { extname } from 'node:path';
import type { ExportFile, SaveExport } from './delivery';

const FILTERS: Record<string, SaveDialogOptions['filters']> = {
  '.csv': [{ name: 'Tableur (CSV)', extensions: ['csv'] }],
  '.pdf': [{ name: 'Document PDF', extensions: ['pdf'] }],
};

/** Desktop: the system save dialog, then the file written where the référent chose. */
export function electronSaveExport(getWindow: () => BrowserWindow | undefined): SaveExport {
  return async (file: ExportFile) => {
    const options: SaveDialogOptions = {
      title: "Enregistrer l'export",
      defaultPath: file.fileName,
      filters: FILTERS[extname(file.fileName)] ?? [],
    };
    const window = getWindow();
    const choice = window ? await dialog.showSaveDialog(window, options) : await dialog.showSaveDialog(options);
    if (choice.canceled || !choice.filePath) return 'cancelled';
    await writeFile(choice.filePath, file.bytes);
    return 'saved';
  };
}
