import { dialog, type BrowserWindow } from 'electron';
import { readFile, stat, writeFile } from 'node:fs/promises';
import type { ConfigFileDialogs } from './file-dialogs';

/** Save/open dialogs for the configuration file, in the desktop app only. */
export function electronFileDialogs(getWindow: () => BrowserWindow | undefined): ConfigFileDialogs {
  const filters = [{ name: 'Configuration Point numérique', extensions: ['json'] }];
  return {
    async save(suggestedName, text) {
      const window = getWindow();
      const options = { title: 'Exporter la configuration', defaultPath: suggestedName, filters };
      const result = window ? await dialog.showSaveDialog(window, options) : await dialog.showSaveDialog(options);
      if (result.canceled || !result.filePath) return false;
      await writeFile(result.filePath, text, 'utf8');
      return true;
    },
    async open() {
      const window = getWindow();
      const options = { title: 'Importer une configuration', filters, properties: ['openFile' as const] };
      const result = window ? await dialog.showOpenDialog(window, options) : await dialog.showOpenDialog(options);
      const file = result.filePaths[0];
      if (result.canceled || !file) return null;
      return { bytes: (await stat(file)).size, read: () => readFile(file, 'utf8') };
    },
  };
}
