import QRCode from 'qrcode';

/** The QR code's modules, row by row ('1' dark, '0' light): the preview and the A4 PDF draw it from this. */
export interface QrMatrix {
  size: number;
  modules: string;
}

export function qrMatrix(payload: string): QrMatrix {
  const { modules } = QRCode.create(payload, { errorCorrectionLevel: 'M' });
  let bits = '';
  for (let row = 0; row < modules.size; row++) {
    for (let column = 0; column < modules.size; column++) bits += modules.get(row, column) ? '1' : '0';
  }
  return { size: modules.size, modules: bits };
}
