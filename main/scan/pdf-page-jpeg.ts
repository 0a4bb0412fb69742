import { inflateSync } from 'node:zlib';
import { isDict, isName, isRef, parseValue, type Dict, type RawPdf, type Ref, type Value } from './pdf-raw-objects';

/**
 * A scanned PDF page is often nothing but one JPEG drawn over the whole page. Then that JPEG is the page: it is
 * taken as it is instead of drawing the page with pdf.js and encoding the pixels again (several times faster, a
 * fraction of the memory). Read from the raw file in the PDF worker (within its budgets), for the plain shapes
 * only: any other content, transform, colour space, mask, filter or page rotation gives null, and the page is drawn
 * as before. Only Node built-ins: this runs inside the worker thread (bundled into pdf-worker.js).
 */
export interface PageJpeg {
  jpeg: Uint8Array;
  width: number;
  height: number;
}

export { RawPdf } from './pdf-raw-objects';

const MAX_CONTENT_BYTES = 64 * 1024;

/** A page attribute, inherited from the page tree when the page does not set it. */
function inherited(pdf: RawPdf, page: Dict, key: string): Value | undefined {
  let node: Dict | null = page;
  for (let level = 0; node && level < 16; level++) {
    if (node.has(key)) return pdf.resolve(node.get(key));
    node = pdf.dict(node.get('Parent'));
  }
  return undefined;
}

function numbers(value: Value | undefined, count: number): number[] | null {
  if (!Array.isArray(value) || value.length !== count || !value.every((item) => typeof item === 'number')) return null;
  return value as number[];
}

/** The page's content streams joined, when each is plain or Flate-compressed and small (a drawing, not a text). */
function contents(pdf: RawPdf, page: Dict): string | null {
  const raw = page.get('Contents');
  const refs = Array.isArray(raw) ? raw : [raw];
  const parts: string[] = [];
  for (const ref of refs) {
    const stream = pdf.stream(ref);
    if (!stream || stream.dict.has('DecodeParms')) return null;
    const filter = stream.dict.get('Filter');
    const flate =
      isName(filter, 'FlateDecode') ||
      (Array.isArray(filter) && filter.length === 1 && isName(filter[0], 'FlateDecode'));
    if (filter !== undefined && !flate) return null;
    try {
      const data = flate ? inflateSync(stream.data, { maxOutputLength: MAX_CONTENT_BYTES }) : stream.data;
      if (data.length > MAX_CONTENT_BYTES) return null;
      parts.push(Buffer.from(data).toString('latin1'));
    } catch {
      return null;
    }
  }
  return parts.join('\n');
}

type Matrix = [number, number, number, number, number, number];
const multiply = (m: Matrix, n: Matrix): Matrix => [
  m[0] * n[0] + m[1] * n[2],
  m[0] * n[1] + m[1] * n[3],
  m[2] * n[0] + m[3] * n[2],
  m[2] * n[1] + m[3] * n[3],
  m[4] * n[0] + m[5] * n[2] + n[4],
  m[4] * n[1] + m[5] * n[3] + n[5],
];

/** The one image the content draws and where, when it only saves, transforms, restores and draws one XObject. */
function onlyImage(content: string): { name: string; matrix: Matrix } | null {
  const tokens = content.split(/\s+/).filter(Boolean);
  let matrix: Matrix = [1, 0, 0, 1, 0, 0];
  const saved: Matrix[] = [];
  const operands: string[] = [];
  let drawn: { name: string; matrix: Matrix } | null = null;
  for (const token of tokens) {
    if (/^[+-]?(\d+\.?\d*|\.\d+)$/.test(token) || token.startsWith('/')) {
      operands.push(token);
      continue;
    }
    if (token === 'q' && operands.length === 0) saved.push(matrix);
    else if (token === 'Q' && operands.length === 0 && saved.length > 0) matrix = saved.pop()!;
    else if (token === 'cm' && operands.length === 6 && !operands.some((item) => item.startsWith('/'))) {
      matrix = multiply(operands.map(Number) as Matrix, matrix);
    } else if (token === 'Do' && operands.length === 1 && operands[0]!.startsWith('/') && !drawn) {
      drawn = { name: operands[0]!.slice(1), matrix };
    } else return null;
    operands.length = 0;
  }
  return operands.length === 0 ? drawn : null;
}

/** Width, height and components from the JPEG's frame header (SOF), or null. */
function jpegFrame(jpeg: Uint8Array): { width: number; height: number; components: number } | null {
  if (jpeg[0] !== 0xff || jpeg[1] !== 0xd8) return null;
  const view = Buffer.from(jpeg.buffer, jpeg.byteOffset, jpeg.byteLength);
  let at = 2;
  while (at + 9 < view.length) {
    if (view[at] !== 0xff) return null;
    const marker = view[at + 1]!;
    if (marker === 0xff) {
      at += 1;
      continue;
    }
    // Baseline, extended or progressive Huffman frames (not lossless, arithmetic or hierarchical).
    if (marker === 0xc0 || marker === 0xc1 || marker === 0xc2) {
      return { height: view.readUInt16BE(at + 5), width: view.readUInt16BE(at + 7), components: view[at + 9]! };
    }
    if (marker === 0xda || marker === 0xd9) return null;
    at += 2 + view.readUInt16BE(at + 2);
  }
  return null;
}

const near = (a: number, b: number, of: number) => Math.abs(a - b) <= of * 0.01;

/** The page's JPEG, when the page is exactly one upright JPEG filling it (see the top of this file). */
export function pageJpeg(pdf: RawPdf, ref: Ref, maxPixels: number): PageJpeg | null {
  const page = pdf.dict(ref);
  if (!page || !isName(page.get('Type'), 'Page')) return null;
  const rotate = inherited(pdf, page, 'Rotate');
  if (rotate !== undefined && (typeof rotate !== 'number' || rotate % 360 !== 0)) return null;
  const box = numbers(inherited(pdf, page, 'MediaBox'), 4);
  const crop = inherited(pdf, page, 'CropBox');
  if (!box || (crop !== undefined && numbers(crop, 4)?.join() !== box.join())) return null;
  // Annotations (stamps, notes, links) show on top of the image: drawn by pdf.js.
  const annotations = pdf.resolve(page.get('Annots'));
  if (page.has('Group') || (annotations !== undefined && (!Array.isArray(annotations) || annotations.length > 0))) {
    return null;
  }
  const content = contents(pdf, page);
  const drawn = content === null ? null : onlyImage(content);
  if (!drawn) return null;
  const resources = pdf.dict(inherited(pdf, page, 'Resources'));
  const xobjects = pdf.dict(resources?.get('XObject'));
  const image = pdf.stream(xobjects?.get(drawn.name));
  if (!image) return null;
  const dict = image.dict;
  const filter = pdf.resolve(dict.get('Filter'));
  const dct =
    isName(filter, 'DCTDecode') || (Array.isArray(filter) && filter.length === 1 && isName(filter[0], 'DCTDecode'));
  const space = pdf.resolve(dict.get('ColorSpace'));
  const components = isName(space, 'DeviceRGB') ? 3 : isName(space, 'DeviceGray') ? 1 : 0;
  if (
    !dct ||
    components === 0 ||
    !isName(dict.get('Subtype'), 'Image') ||
    pdf.number(dict.get('BitsPerComponent')) !== 8
  ) {
    return null;
  }
  if (['Decode', 'DecodeParms', 'SMask', 'Mask', 'ImageMask', 'SMaskInData'].some((key) => dict.has(key))) return null;
  const width = pdf.number(dict.get('Width'));
  const height = pdf.number(dict.get('Height'));
  if (!width || !height || width * height > maxPixels) return null;
  const frame = jpegFrame(image.data);
  if (!frame || frame.width !== width || frame.height !== height || frame.components !== components) return null;
  // Upright, filling the page's box, at the image's own proportions.
  const [a, b, c, d, e, f] = drawn.matrix;
  const [x0, y0, x1, y1] = box as [number, number, number, number];
  const pageWidth = x1 - x0;
  const pageHeight = y1 - y0;
  if (b !== 0 || c !== 0 || a <= 0 || d <= 0) return null;
  if (
    !near(e, x0, pageWidth) ||
    !near(f, y0, pageHeight) ||
    !near(a, pageWidth, pageWidth) ||
    !near(d, pageHeight, pageHeight)
  ) {
    return null;
  }
  if (!near(a / d, width / height, width / height)) return null;
  return { jpeg: image.data, width, height };
}

/**
 * Every page of a classic PDF (no object streams, not encrypted) when each is one plain JPEG page, in page order;
 * else null, and the file is opened with pdf.js. With all its objects written out in the file, the raw scan of
 * pdf.ts sees any active content the rebuilt copy drops.
 */
export function scannedPages(pdf: RawPdf, maxPixels: number, maxPages: number): PageJpeg[] | null {
  if (/\/(ObjStm|Encrypt|XRefStm)\b/.test(pdf.text)) return null;
  const at = pdf.text.lastIndexOf('trailer');
  const trailer = at >= 0 ? parseValue(pdf.text, at + 'trailer'.length)?.value : undefined;
  const root = isDict(trailer) ? pdf.dict(trailer.get('Root')) : null;
  const refs: Ref[] = [];
  const visit = (node: Value | undefined, depth: number): boolean => {
    const dict = pdf.dict(node);
    if (!dict || !isRef(node) || depth > 16 || refs.length > maxPages) return false;
    if (isName(dict.get('Type'), 'Page')) {
      refs.push(node);
      return true;
    }
    const kids = pdf.resolve(dict.get('Kids'));
    return isName(dict.get('Type'), 'Pages') && Array.isArray(kids) && kids.every((kid) => visit(kid, depth + 1));
  };
  if (!root || !visit(root.get('Pages'), 0) || refs.length === 0) return null;
  const pages: PageJpeg[] = [];
  for (const ref of refs) {
    const page = pageJpeg(pdf, ref, maxPixels);
    if (!page) return null;
    pages.push(page);
  }
  return pages;
}
