import { dialog, type BrowserWindow } from 'electron';

/**
 * The desktop app's file pick: the system dialog returns paths, which go through the same pipeline as the scan
 * folder (size checked before reading). The web host has no such dialog: its renderer sends bytes instead.
 */
export function electronScanPicker(getWindow: () => BrowserWindow | undefined): () => Promise<string[]> {
  return async () => {
    const options = {
      title: 'Choisir des documents scannés',
      properties: ['openFile' as const, 'multiSelections' as const],
      filters: [
        { name: 'Documents scannés', extensions: ['jpg', 'jpeg', 'png', 'tif', 'tiff', 'heic', 'heif', 'avif', 'pdf'] },
        { name: 'Tous les fichiers', extensions: ['*'] },
      ],
    };
    const window = getWindow();
    const result = window ? await dialog.showOpenDialog(window, options) : await dialog.showOpenDialog(options);
    return result.canceled ? [] : result.filePaths;
  };
}
