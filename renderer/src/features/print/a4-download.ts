import { base64ToBytes, downloadFile } from '../../app/download';

/**
 * The browser half of the A4 fallback (main/print/service.ts a4() is the other): in the web host the PDF comes back
 * in the reply and the browser downloads it; the desktop app printed it already.
 */
export function openPdf(pdfBase64: string, fileName: string): void {
  downloadFile(base64ToBytes(pdfBase64), fileName, 'application/pdf');
}
