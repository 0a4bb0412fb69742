import { BreakLine, CharacterSet, PrinterTypes, ThermalPrinter } from 'node-thermal-printer';
import QRCode from 'qrcode';
import { printedCharacterSet, type CharacterSetName } from './code-page';
import type { ReceiptLine } from './layout';
import { qrMatrix } from './qr-matrix';

export interface EscPosOptions {
  type: 'epson' | 'star';
  characterSet: CharacterSetName;
  width: number;
  qrMode: 'native' | 'image' | 'none';
}

const INIT = Buffer.from([0x1b, 0x40]);

/** Only printable ASCII: printQR measures characters but writes bytes (node-thermal-printer 4.6.1). */
export function isQrPayloadSafe(payload: string): boolean {
  return payload.length > 0 && payload.length <= 700 && /^[\x20-\x7e]+$/.test(payload);
}

/**
 * Lines → the printer's bytes, through node-thermal-printer (no interface: it only builds the buffer). The lines
 * come from layout.ts already padded and already fitted to the code page, so nothing is folded or re-encoded
 * differently from the preview. After the cut the printer is reset (ESC @), so the code table is sent again.
 */
export async function buildEscPosJob(lines: ReceiptLine[], options: EscPosOptions): Promise<Buffer> {
  const printer = new ThermalPrinter({
    type: options.type === 'star' ? PrinterTypes.STAR : PrinterTypes.EPSON,
    interface: '',
    width: options.width,
    breakLine: BreakLine.NONE,
  });
  // The lines were fitted to the same table (service.ts uses printedCharacterSet too), so preview = paper.
  const characterSet = CharacterSet[printedCharacterSet(options.type, options.characterSet)];
  printer.append(INIT);
  printer.setCharacterSet(characterSet);
  for (const line of lines) {
    if (line.kind === 'qr') {
      await appendQr(printer, line.payload, options);
      continue;
    }
    // Double height keeps the line's width, so the title stays where the layout put it.
    if (line.tall) printer.setTextDoubleHeight();
    if (line.bold) printer.bold(true);
    printer.println(line.text);
    if (line.bold) printer.bold(false);
    if (line.tall) printer.setTextNormal();
  }
  // cut() feeds past the cutter first (ESC d 4 twice on Epson, vertical tabs on Star).
  printer.cut();
  printer.setCharacterSet(characterSet);
  return printer.getBuffer();
}

async function appendQr(printer: ThermalPrinter, payload: string, options: EscPosOptions): Promise<void> {
  if (options.qrMode === 'none' || !isQrPayloadSafe(payload)) return;
  printer.alignCenter();
  const cellSize = options.width <= 32 ? 4 : 6;
  if (options.qrMode === 'native' && options.type === 'star') {
    printer.append(starQr(payload, cellSize));
  } else if (options.qrMode === 'native') {
    // The symbol leaves the paper at the start of the next line: no line feed of our own.
    printer.printQR(payload, { cellSize, correction: 'M', model: 2 });
  } else if (options.type === 'epson') {
    printer.append(epsonRasterQr(payload, options.width <= 32 ? 240 : 288));
  } else {
    // Star raster goes through the library (ESC k bands); 58 mm paper is 384 dots wide, 80 mm 576.
    const png = await QRCode.toBuffer(payload, {
      type: 'png',
      errorCorrectionLevel: 'M',
      margin: 4,
      width: options.width <= 32 ? 240 : 288,
    });
    await printer.printImageBuffer(png);
  }
  printer.alignLeft();
}

/**
 * Star line mode QR code. node-thermal-printer 4.6.1 sends the data without its command (ESC GS y D 1 m nL nH),
 * so a Star printer would print the address as garbage: the whole sequence is written here instead.
 */
function starQr(payload: string, cellSize: number): Buffer {
  const data = Buffer.from(payload, 'ascii');
  return Buffer.concat([
    Buffer.from([0x1b, 0x1d, 0x79, 0x53, 0x30, 0x02]), // model 2
    Buffer.from([0x1b, 0x1d, 0x79, 0x53, 0x31, 0x01]), // correction M
    Buffer.from([0x1b, 0x1d, 0x79, 0x53, 0x32, cellSize]),
    Buffer.from([0x1b, 0x1d, 0x79, 0x44, 0x31, 0x00, data.length % 256, Math.floor(data.length / 256)]),
    data,
    Buffer.from([0x1b, 0x1d, 0x79, 0x50]), // print
  ]);
}

/**
 * The QR code as an ESC/POS raster image (GS v 0), drawn straight from its modules with the 4-module quiet zone:
 * whole dots per module, so it stays sharp, for printers that print nothing for the native QR commands.
 */
export function epsonRasterQr(payload: string, maxDots: number): Buffer {
  const { size, modules } = qrMatrix(payload);
  const quiet = 4;
  const total = size + 2 * quiet;
  const dot = Math.max(1, Math.floor(maxDots / total));
  const side = total * dot;
  const rowBytes = Math.ceil(side / 8);
  const data = Buffer.alloc(rowBytes * side);
  for (let y = 0; y < side; y++) {
    const row = Math.floor(y / dot) - quiet;
    if (row < 0 || row >= size) continue;
    for (let x = 0; x < side; x++) {
      const column = Math.floor(x / dot) - quiet;
      if (column < 0 || column >= size || modules[row * size + column] !== '1') continue;
      data[y * rowBytes + (x >> 3)]! |= 0x80 >> (x & 7);
    }
  }
  const header = Buffer.from([0x1d, 0x76, 0x30, 0x00, rowBytes & 0xff, rowBytes >> 8, side & 0xff, side >> 8]);
  return Buffer.concat([header, data]);
}
