/**
 * A JPEG's metadata removed without touching its pixels: the segments before the image data are copied except
 * those that describe the picture's origin — APP1 (EXIF: device, date, GPS; XMP), APP3–APP13 (IPTC, Photoshop…),
 * APP15, COM (comments) and any other application data. Kept: APP0 JFIF, APP2 ICC_PROFILE (colours), APP14 Adobe
 * (colour transform), and what the decoder needs (tables, frame, scans). The compressed data is copied as it is,
 * so the pixels are the same. Used to pass an upright JPEG that already fits through without decoding and encoding
 * it again.
 */
const SOI = 0xd8;
const SOS = 0xda;
/** The application segments kept, by marker and the identifier they start with (APP0 JFXX holds a thumbnail). */
const KEPT_APP = new Map([
  [0xe0, 'JFIF\0'],
  [0xe2, 'ICC_PROFILE\0'],
  [0xee, 'Adobe'],
]);

function isMetadata(marker: number, body: Buffer): boolean {
  if (marker === 0xfe) return true;
  if (marker < 0xe0 || marker > 0xef) return false;
  const kept = KEPT_APP.get(marker);
  return kept === undefined || body.subarray(0, kept.length).toString('latin1') !== kept;
}

/** The JPEG without its metadata segments, or null when its header is not the plain shape expected. */
export function strippedJpeg(bytes: Buffer): Buffer | null {
  if (bytes.length < 4 || bytes[0] !== 0xff || bytes[1] !== SOI) return null;
  const parts: Buffer[] = [bytes.subarray(0, 2)];
  let at = 2;
  while (at + 4 <= bytes.length) {
    if (bytes[at] !== 0xff) return null;
    const marker = bytes[at + 1]!;
    // Fill bytes (0xFF repeated) may stand before a marker.
    if (marker === 0xff) {
      at += 1;
      continue;
    }
    if (marker === SOS) {
      const end = imageEnd(bytes, at);
      if (end === null) return null;
      parts.push(bytes.subarray(at, end));
      return Buffer.concat(parts);
    }
    // Markers without a length (RSTn, TEM) have no place before the first scan.
    if ((marker >= 0xd0 && marker <= 0xd9) || marker === 0x01) return null;
    const length = bytes.readUInt16BE(at + 2);
    if (length < 2 || at + 2 + length > bytes.length) return null;
    if (!isMetadata(marker, bytes.subarray(at + 4, at + 2 + length))) parts.push(bytes.subarray(at, at + 2 + length));
    at += 2 + length;
  }
  return null;
}

/**
 * Where the image ends (just after its EOI marker), from its first scan: in compressed data 0xFF is followed by 0x00
 * or a restart marker, so the first other marker is a table or scan header, or EOI. Null when metadata appears
 * between the scans or the image never ends. Whatever follows EOI (a phone's second image, a depth map) is left out.
 */
function imageEnd(bytes: Buffer, from: number): number | null {
  for (let at = bytes.indexOf(0xff, from + 2); at >= 0 && at + 1 < bytes.length; at = bytes.indexOf(0xff, at + 1)) {
    const marker = bytes[at + 1]!;
    if (marker === 0x00 || marker === 0xff || (marker >= 0xd0 && marker <= 0xd7)) continue;
    if (marker === 0xd9) return at + 2;
    if (marker === 0xfe || (marker >= 0xe0 && marker <= 0xef)) return null;
  }
  return null;
}

const ICC_ID = 'ICC_PROFILE\0';

/**
 * True when the JPEG carries an RGB colour profile (APP2 ICC_PROFILE, its header's colour space "RGB ") over three
 * components: such a page can be re-encoded with its profile kept instead of converted to sRGB pixel by pixel
 * (what ImageMagick does too; the conversion costs about as much as decoding the page). Reads the header only.
 */
export function hasRgbProfile(bytes: Buffer): boolean {
  if (bytes.length < 4 || bytes[0] !== 0xff || bytes[1] !== SOI) return false;
  let components = 0;
  let rgb = false;
  for (let at = 2; at + 4 <= bytes.length;) {
    if (bytes[at] !== 0xff) return false;
    const marker = bytes[at + 1]!;
    if (marker === 0xff) {
      at += 1;
      continue;
    }
    if (marker === SOS) return rgb && components === 3;
    const length = bytes.readUInt16BE(at + 2);
    if (length < 2 || at + 2 + length > bytes.length) return false;
    const body = bytes.subarray(at + 4, at + 2 + length);
    // Start of frame (SOF0–SOF15 but DHT, JPG and DAC): its sixth byte is the number of components.
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      components = body[5] ?? 0;
    }
    // The profile's header follows the identifier, the chunk's number and the count; the first chunk holds it.
    if (marker === 0xe2 && body.subarray(0, ICC_ID.length).toString('latin1') === ICC_ID && body[12] === 1) {
      rgb = body.subarray(14 + 16, 14 + 20).toString('latin1') === 'RGB ';
    }
    at += 2 + length;
  }
  return false;
}
