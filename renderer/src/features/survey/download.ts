import type { ExportResult } from '../../../../preload/api';
import { base64ToBytes, downloadFile } from '../../app/download';

/**
 * The browser half of export delivery (main/survey/delivery.ts is the other): in the web host the file comes back
 * in the reply and is offered as a download; the desktop app already saved it through the save dialog.
 */
export function offerDownload(result: ExportResult): void {
  if (result.delivered !== 'download' || !result.content) return;
  downloadFile(base64ToBytes(result.content), result.fileName, result.mimeType);
}
