import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { qrMatrix } from '../../../main/print/qr-matrix';
import type { ReceiptPreview as Preview } from '../../../preload/api';
import { ReceiptPreview } from '../../../renderer/src/features/print/ReceiptPreview';

const URL = 'https://permisdeconduire.ants.gouv.fr/';

function preview(lines: Preview['lines']): Preview {
  return { width: 32, characterSet: 'pc858', lines, printed: false, printing: false };
}

const render = (value: Preview) => renderToStaticMarkup(createElement(ReceiptPreview, { preview: value }));

/** The dark cells the preview draws, as 'x,y' (its rects of 1×1 inside the QR's svg). */
function drawnCells(html: string): Set<string> {
  const cells = new Set<string>();
  for (const match of html.matchAll(/<rect x="(-?\d+)" y="(-?\d+)" width="1" height="1" fill="#000"/g)) {
    cells.add(`${match[1]},${match[2]}`);
  }
  return cells;
}

describe('the receipt preview (what the thermal printer prints)', () => {
  it('shows every line in order, spaces kept, one column per printer character', () => {
    const html = render(
      preview([
        { kind: 'text', text: 'POINT NUMÉRIQUE', bold: true, tall: true },
        { kind: 'text', text: 'Numéro :     24AB12345' },
        { kind: 'text', text: '' },
        { kind: 'text', text: 'À faire : envoyer la photo' },
      ]),
    );
    const lines = [...html.matchAll(/data-testid="receipt-line"[^>]*>([^<]*)</g)].map((m) => m[1]);
    expect(lines).toEqual(['POINT NUMÉRIQUE', 'Numéro :     24AB12345', '', 'À faire : envoyer la photo']);
    expect(html).toContain('data-width="32"');
    expect(html).toContain('calc(32ch + 32px)');
    expect(html).toContain('aria-label="Aperçu du reçu"');
  });

  it('draws the QR code main computed, module for module, at its row and column', () => {
    const qr = qrMatrix(URL);
    const html = render(preview([{ kind: 'qr', payload: URL, ...qr }]));
    const expected = new Set<string>();
    for (let i = 0; i < qr.modules.length; i++) {
      if (qr.modules[i] === '1') expected.add(`${i % qr.size},${Math.floor(i / qr.size)}`);
    }
    const drawn = drawnCells(html);
    expect(drawn.size).toBe(expected.size);
    expect(drawn).toEqual(expected);
    // The finder pattern's corner: the first row starts dark, and the quiet zone is drawn around.
    expect(drawn.has('0,0')).toBe(true);
    expect(html).toContain(`viewBox="-2 -2 ${qr.size + 4} ${qr.size + 4}"`);
    expect(html).toContain(`aria-label="QR code vers ${URL}"`);
  });

  it('a module pattern that is not symmetric is not drawn transposed', () => {
    // 3×3, one dark module on row 0, column 2: x = 2, y = 0 (never x = 0, y = 2).
    const html = render(preview([{ kind: 'qr', payload: URL, size: 3, modules: '001000000' }]));
    expect([...drawnCells(html)]).toEqual(['2,0']);
  });
});
