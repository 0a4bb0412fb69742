/**
 * Recognises a file by its first bytes (magic numbers), never by its name: a ".jpg" that holds a Word document is
 * refused, a scan saved without extension is accepted. Pure: no I/O.
 */
export type ScanKind = 'jpeg' | 'png' | 'tiff' | 'heic' | 'avif' | 'pdf';

/** What a refused file looked like, to name it in the French message. */
export type ForeignKind = 'gif' | 'webp' | 'bmp' | 'zip' | 'office' | 'text' | 'executable' | 'unknown';

export type Detection = { accepted: true; kind: ScanKind } | { accepted: false; kind: ForeignKind };

/** Bytes to read from the start of a file to recognise it. */
export const SNIFF_BYTES = 64;

function startsWith(bytes: Uint8Array, signature: number[], offset = 0): boolean {
  if (bytes.length < offset + signature.length) return false;
  return signature.every((value, index) => bytes[offset + index] === value);
}

function ascii(bytes: Uint8Array, from: number, to: number): string {
  return String.fromCharCode(...bytes.subarray(from, Math.min(to, bytes.length)));
}

const HEIC_BRANDS = new Set(['heic', 'heix', 'hevc', 'hevx', 'heim', 'heis', 'hevm', 'hevs', 'mif1', 'msf1']);
const AVIF_BRANDS = new Set(['avif', 'avis']);

/** ISO-BMFF (HEIF family): "ftyp" at offset 4, then a major brand and compatible brands. */
function heifKind(bytes: Uint8Array): 'heic' | 'avif' | null {
  if (ascii(bytes, 4, 8) !== 'ftyp') return null;
  const boxSize = Math.min(((bytes[0]! << 24) | (bytes[1]! << 16) | (bytes[2]! << 8) | bytes[3]!) >>> 0, bytes.length);
  const brands = [ascii(bytes, 8, 12)];
  for (let offset = 16; offset + 4 <= boxSize; offset += 4) brands.push(ascii(bytes, offset, offset + 4));
  if (brands.some((brand) => AVIF_BRANDS.has(brand))) return 'avif';
  if (brands.some((brand) => HEIC_BRANDS.has(brand))) return 'heic';
  return null;
}

export function detectKind(head: Uint8Array): Detection {
  if (startsWith(head, [0xff, 0xd8, 0xff])) return { accepted: true, kind: 'jpeg' };
  if (startsWith(head, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return { accepted: true, kind: 'png' };
  if (startsWith(head, [0x49, 0x49, 0x2a, 0x00]) || startsWith(head, [0x4d, 0x4d, 0x00, 0x2a])) {
    return { accepted: true, kind: 'tiff' };
  }
  // A PDF header may be preceded by a little garbage (the format tolerates up to 1024 bytes): look in the head.
  if (ascii(head, 0, SNIFF_BYTES).includes('%PDF-')) return { accepted: true, kind: 'pdf' };
  const heif = heifKind(head);
  if (heif) return { accepted: true, kind: heif };

  if (ascii(head, 0, 4) === 'GIF8') return { accepted: false, kind: 'gif' };
  if (ascii(head, 0, 4) === 'RIFF' && ascii(head, 8, 12) === 'WEBP') return { accepted: false, kind: 'webp' };
  if (ascii(head, 0, 2) === 'BM') return { accepted: false, kind: 'bmp' };
  if (startsWith(head, [0x50, 0x4b, 0x03, 0x04])) return { accepted: false, kind: 'zip' };
  if (startsWith(head, [0xd0, 0xcf, 0x11, 0xe0])) return { accepted: false, kind: 'office' };
  if (ascii(head, 0, 2) === 'MZ' || startsWith(head, [0x7f, 0x45, 0x4c, 0x46])) {
    return { accepted: false, kind: 'executable' };
  }
  if (head.length > 0 && head.every((byte) => byte === 0x09 || byte === 0x0a || byte === 0x0d || byte >= 0x20)) {
    return { accepted: false, kind: 'text' };
  }
  return { accepted: false, kind: 'unknown' };
}

/** Human label of an accepted kind, for the screen. */
export const KIND_LABELS: Record<ScanKind, string> = {
  jpeg: 'photo JPEG',
  png: 'image PNG',
  tiff: 'image TIFF',
  heic: 'photo HEIC (iPhone)',
  avif: 'image AVIF',
  pdf: 'document PDF',
};
