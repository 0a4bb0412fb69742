import type { ScanKind } from './detect';

/**
 * Does a file end the way its format ends? A scanner writing a file slowly (a multifunction printer writing a
 * multi-page PDF to a share pauses between pages) leaves a file whose size stays still for a while although it is
 * not finished: its end marker tells. JPEG: the end-of-image marker; PNG: the IEND chunk; PDF: %%EOF near the end;
 * TIFF: every directory and the image data it points to are inside the file; HEIC/AVIF: the boxes fill the file
 * exactly. Pure: no I/O.
 */
export function endsProperly(kind: ScanKind, bytes: Uint8Array): boolean {
  switch (kind) {
    case 'jpeg':
      return jpegEnds(bytes);
    case 'png':
      return pngEnds(bytes);
    case 'pdf':
      return pdfEnds(bytes);
    case 'tiff':
      return tiffComplete(bytes);
    case 'heic':
    case 'avif':
      return boxesFill(bytes);
  }
}

/** Trailing bytes some writers pad with (zeros, line ends, spaces). */
function trimmedEnd(bytes: Uint8Array): number {
  let end = bytes.length;
  const floor = Math.max(0, bytes.length - 4096);
  while (
    end > floor &&
    (bytes[end - 1] === 0x00 || bytes[end - 1] === 0x0a || bytes[end - 1] === 0x0d || bytes[end - 1] === 0x20)
  ) {
    end--;
  }
  return end;
}

function jpegEnds(bytes: Uint8Array): boolean {
  const end = trimmedEnd(bytes);
  return end >= 4 && bytes[end - 2] === 0xff && bytes[end - 1] === 0xd9;
}

const IEND = [0x00, 0x00, 0x00, 0x00, 0x49, 0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82];

function pngEnds(bytes: Uint8Array): boolean {
  const end = trimmedEnd(bytes);
  if (end < IEND.length) return false;
  return IEND.every((value, index) => bytes[end - IEND.length + index] === value);
}

function pdfEnds(bytes: Uint8Array): boolean {
  // Readers accept %%EOF within the last 1024 bytes (followed by line ends or a little padding).
  const tail = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
    .subarray(Math.max(0, bytes.length - 1024))
    .toString('latin1');
  return tail.includes('%%EOF');
}

/** TIFF field types whose values are offsets or counts we need (SHORT, LONG). */
const SHORT = 3;
const LONG = 4;
const STRIP_OFFSETS = 273;
const STRIP_BYTE_COUNTS = 279;
const TILE_OFFSETS = 324;
const TILE_BYTE_COUNTS = 325;
const MAX_DIRECTORIES = 1000;
const MAX_VALUES = 1_000_000;

function tiffComplete(bytes: Uint8Array): boolean {
  if (bytes.length < 8) return false;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const little = bytes[0] === 0x49;
  const magic = view.getUint16(2, little);
  // BigTIFF (43) is not what counter scanners write: it is left to the decoder, which says "abîmé" if cut.
  if (magic === 43) return true;
  if (magic !== 42) return false;
  const size = bytes.length;
  const seen = new Set<number>();
  let offset = view.getUint32(4, little);
  let directories = 0;
  while (offset !== 0) {
    if (seen.has(offset) || ++directories > MAX_DIRECTORIES) return false;
    seen.add(offset);
    if (offset + 2 > size) return false;
    const count = view.getUint16(offset, little);
    const next = offset + 2 + count * 12;
    if (next + 4 > size) return false;
    const fields = new Map<number, number[]>();
    for (let index = 0; index < count; index++) {
      const entry = offset + 2 + index * 12;
      const tag = view.getUint16(entry, little);
      if (![STRIP_OFFSETS, STRIP_BYTE_COUNTS, TILE_OFFSETS, TILE_BYTE_COUNTS].includes(tag)) continue;
      const type = view.getUint16(entry + 2, little);
      const values = view.getUint32(entry + 4, little);
      const width = type === SHORT ? 2 : type === LONG ? 4 : 0;
      if (width === 0 || values > MAX_VALUES) return false;
      const at = values * width <= 4 ? entry + 8 : view.getUint32(entry + 8, little);
      if (at + values * width > size) return false;
      const read: number[] = [];
      for (let item = 0; item < values; item++) {
        read.push(width === 2 ? view.getUint16(at + item * 2, little) : view.getUint32(at + item * 4, little));
      }
      fields.set(tag, read);
    }
    for (const [offsetsTag, countsTag] of [
      [STRIP_OFFSETS, STRIP_BYTE_COUNTS],
      [TILE_OFFSETS, TILE_BYTE_COUNTS],
    ] as const) {
      const starts = fields.get(offsetsTag) ?? [];
      const lengths = fields.get(countsTag) ?? [];
      for (let item = 0; item < starts.length; item++) {
        if (starts[item]! + (lengths[item] ?? 0) > size) return false;
      }
    }
    offset = view.getUint32(next, little);
  }
  return directories > 0;
}

/** ISO-BMFF: top-level boxes one after the other, the last ending exactly at the end of the file. */
function boxesFill(bytes: Uint8Array): boolean {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let offset = 0;
  while (offset < bytes.length) {
    if (offset + 8 > bytes.length) return false;
    let size = view.getUint32(offset);
    if (size === 1) {
      if (offset + 16 > bytes.length) return false;
      size = Number(view.getBigUint64(offset + 8));
    } else if (size === 0) {
      return true;
    }
    if (size < 8) return false;
    offset += size;
  }
  return offset === bytes.length;
}
