import { dialog, type BrowserWindow } from 'electron';

/**
 * The desktop app's file pick: the system dialog returns paths, which go through the same pipeline as the scan
 * folder (size checked before reading). The web host has no such dialog: its renderer sends bytes instead.
 */
export function electronScanPicker(
  getWindow: () => BrowserWindow | undefined,
  scanFolder: () => string | null | undefined,
): () => Promise<string[]> {
  return async () => {
    const folder = scanFolder();
    // Only the supported types, and no "Tous les fichiers" filter: the dialog is not a file explorer for the
    // counter. It opens in the scan folder, where the copier writes.
    const options = {
      title: 'Choisir des documents scannés',
      properties: ['openFile' as const, 'multiSelections' as const, 'dontAddToRecent' as const],
      filters: [
        { name: 'Documents scannés', extensions: ['jpg', 'jpeg', 'png', 'tif', 'tiff', 'heic', 'heif', 'avif', 'pdf'] },
      ],
      ...(folder ? { defaultPath: folder } : {}),
    };
    const window = getWindow();
    const result = window ? await dialog.showOpenDialog(window, options) : await dialog.showOpenDialog(options);
    return result.canceled ? [] : result.filePaths;
  };
}
