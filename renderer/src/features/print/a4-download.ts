/**
 * The browser half of the A4 fallback (main/print/service.ts a4() is the other): in the web host the PDF comes back
 * in the reply and the browser opens it in a new tab (or downloads it); the desktop app printed it already.
 */
export function openPdf(pdfBase64: string, fileName: string): void {
  const bytes = Uint8Array.from(atob(pdfBase64), (c) => c.charCodeAt(0));
  const url = URL.createObjectURL(new Blob([bytes], { type: 'application/pdf' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
