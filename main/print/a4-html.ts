import type { ReceiptLine } from './layout';
import { qrMatrix } from './qr-matrix';

const escape = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/**
 * The same A4 lines as the PDF, as a static page for the system printer (Electron prints HTML reliably, with the
 * page size given explicitly). No script, no external resource.
 */
export function receiptHtml(lines: ReceiptLine[], title: string): string {
  const body = lines
    .map((line) => {
      if (line.kind === 'qr') {
        const { size, modules } = qrMatrix(line.payload);
        let rects = '';
        for (let i = 0; i < modules.length; i++) {
          if (modules[i] === '1') rects += `<rect x="${i % size}" y="${Math.floor(i / size)}" width="1" height="1"/>`;
        }
        return `<div class="qr"><svg viewBox="0 0 ${size} ${size}" width="110" height="110" shape-rendering="crispEdges">${rects}</svg></div>`;
      }
      const text = escape(line.text) || '&nbsp;';
      const cls = line.tall ? 'tall' : line.bold ? 'bold' : '';
      return `<div class="${cls}">${text}</div>`;
    })
    .join('\n');
  return `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>${escape(title)}</title>
<style>@page{size:A4;margin:20mm}body{margin:0;font:10pt/13pt "Courier New",Courier,monospace;white-space:pre}
.bold{font-weight:bold}.tall{font-weight:bold;font-size:14pt;line-height:20pt;text-align:center;white-space:normal}
.qr{text-align:center;margin:4pt 0}</style></head><body>${body}</body></html>`;
}
