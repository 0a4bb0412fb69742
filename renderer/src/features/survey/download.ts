import type { ExportResult } from '../../../../preload/api';

/**
 * The browser half of export delivery (main/survey/delivery.ts is the other): in the web host the file comes back
 * in the reply and is offered as a download; the desktop app already saved it through the save dialog.
 */
export function offerDownload(result: ExportResult): void {
  if (result.delivered !== 'download' || !result.content) return;
  const bytes = Uint8Array.from(atob(result.content), (c) => c.charCodeAt(0));
  const url = URL.createObjectURL(new Blob([bytes], { type: result.mimeType }));
  const link = document.createElement('a');
  link.href = url;
  link.download = result.fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
