import { bindFrench } from './french-text';
import { qrMatrix } from './qr-matrix';
import type { ReceiptModel } from './receipt-model';

const escape = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
/** Escaped, with French no-break spaces (the browser breaks lines itself, never before » : ; ? ! € %). */
const t = (text: string) => escape(bindFrench(text));

function qrSvg(payload: string): string {
  const { size, modules } = qrMatrix(new URL(payload).href);
  let path = '';
  for (let i = 0; i < modules.length; i++) {
    if (modules[i] === '1') path += `M${i % size},${Math.floor(i / size)}h1v1h-1z`;
  }
  return `<svg class="qr" viewBox="0 0 ${size} ${size}" width="100" height="100" shape-rendering="crispEdges" role="img" aria-label="QR code vers ${escape(payload)}"><path d="${path}"/></svg>`;
}

const list = (title: string, items: string[]) =>
  items.length === 0 ? '' : `<h3>${t(title)}</h3><ul>${items.map((item) => `<li>${t(item)}</li>`).join('')}</ul>`;

/**
 * The receipt as a designed A4 page for the system printer (Electron prints HTML reliably, with the page size given
 * explicitly): the same content and order as the PDF. Normal white-space, one element per block, so lines are
 * never doubled. No script, no external resource.
 */
export function receiptHtml(model: ReceiptModel): string {
  const demarches = model.demarches.length
    ? model.demarches
        .map(
          (d) =>
            `<section><h2>${t(d.title)}</h2><p class="outcome">${t(d.outcome)}</p>` +
            (d.numero
              ? `<div class="numero"><span>${t(d.numero.label)}</span><strong>${escape(d.numero.value)}</strong></div>`
              : '') +
            list('À faire maintenant', d.doNow) +
            list(
              'Il manque',
              d.missing.map((piece) => `${piece.label}. Où l'obtenir : ${piece.whereToGet}`),
            ) +
            (d.delais ? `<p class="small">Délai : ${t(d.delais)}</p>` : '') +
            '</section>',
        )
        .join('')
    : "<p>Aucune démarche n'a été enregistrée pendant ce rendez-vous.</p>";
  const followUps = model.followUps
    .map(
      (f) =>
        `<section class="follow">${qrSvg(f.url)}<h2>${t(f.for.length ? `Suivre : ${f.for.join(' ; ')}` : 'Suivre votre dossier')}</h2>` +
        `<p>${t(f.how)}</p><p class="url">${escape(f.url)}</p></section>`,
    )
    .join('');
  const footer = [model.keep, ...model.contacts]
    .filter((line): line is string => line !== null)
    .map((line) => `<p class="strong">${t(line)}</p>`)
    .join('');
  return `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>${escape(model.title)}</title>
<style>@page{size:A4;margin:18mm 20mm}body{margin:0;font:10.5pt/1.35 Helvetica,Arial,sans-serif;color:#1a1a1f;white-space:normal}
h1{font-size:20pt;color:#000091;margin:0 0 4pt}h2{font-size:14pt;margin:10pt 0 2pt}h3{font-size:10.5pt;margin:6pt 0 2pt}
p{margin:0 0 4pt}ul{margin:0 0 4pt;padding-left:16pt}li{margin:0 0 2pt}.meta,.notice,.small{color:#555;font-size:9.5pt}
.notice{font-style:italic}.outcome{color:#000091;font-weight:bold}section{border-top:0.6pt solid #888;padding-top:4pt;margin-top:8pt}
.numero{border:1.2pt solid #000091;background:#f2f4ff;padding:6pt 10pt;margin:4pt 0 6pt}.numero span{display:block;color:#000091;font-weight:bold;font-size:9.5pt}
.numero strong{font:bold 16pt "Courier New",Courier,monospace;overflow-wrap:anywhere}.url{font-weight:bold;color:#000091;overflow-wrap:anywhere}
.follow{overflow:hidden}.qr{float:right;margin-left:12pt}.strong{font-weight:bold}</style></head>
<body><h1>${escape(model.title)}</h1><p class="meta">${t(`${model.station} — ${model.place}`)}</p><p class="meta">${t(model.printedAt)}</p><p class="notice">${t(model.notice)}</p>${demarches}${followUps}<section>${footer}<p class="small">${t(model.privacy)}</p></section></body></html>`;
}
