import sharp, { type Sharp } from 'sharp';
import { A4_PIXELS } from './pdf';

/**
 * Page masters: what every import keeps of each page, upright (EXIF orientation applied), on white paper and at
 * most 300 dpi A4, as JPEG q92 (or the untouched original when that is already fine: decode-pages.ts). The
 * upload-ready file is made from them (render-output.ts) whenever the counter's choices change.
 */

export interface PipelineLimits {
  /** Refuse an image above this many pixels, read from its header (pixel bombs). */
  maxPixels: number;
  /** Refuse a TIFF or PDF with more pages. */
  maxPages: number;
}

export interface Master {
  bytes: Buffer;
  width: number;
  height: number;
  /**
   * The file as it came in (an upright JPEG within A4, in RGB or gray): sent as it is, without its metadata, when
   * it fits the limit and the counter changed nothing (render-output.ts).
   */
  original?: boolean;
}

// Each image is processed once: libvips's operation cache would only hold memory (peak RSS matters on a counter PC).
sharp.cache(false);
// sharp uses one libvips thread on glibc Linux by default (fragmentation); two let decode and encode overlap on a
// two-core counter PC while the measured peak stays far below the 400 MB target (tests/bench/scan.bench.ts).
sharp.concurrency(2);

const MASTER_QUALITY = 92;

export function fitsA4(width: number, height: number): boolean {
  const long = Math.max(width, height);
  const short = Math.min(width, height);
  return long <= A4_PIXELS.height && short <= A4_PIXELS.width;
}

/** The largest size inside 300 dpi A4 (portrait or landscape like the image), never enlarging. */
export function a4Box(width: number, height: number): { width: number; height: number } {
  const landscape = width > height;
  const boxWidth = landscape ? A4_PIXELS.height : A4_PIXELS.width;
  const boxHeight = landscape ? A4_PIXELS.width : A4_PIXELS.height;
  const scale = Math.min(1, boxWidth / width, boxHeight / height);
  return { width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)) };
}

/**
 * `orient` false: the EXIF orientation is not applied (a JPEG inside a PDF is shown as stored). `keepProfile`: the
 * image is a JPEG with an RGB colour profile (a phone's Display P3, a scanner's own), kept with the pixels rather
 * than applied to each of them (about 30 % less CPU for a 12-megapixel photo; its colours stay as they were).
 */
export async function masterFrom(image: Sharp, orient = true, keepProfile = false): Promise<Master> {
  const encode = (pipeline: Sharp) =>
    (keepProfile ? pipeline.keepIccProfile() : pipeline).jpeg({ quality: MASTER_QUALITY });
  const { data, info } = await encode(
    (orient ? image.rotate() : image)
      // Transparent areas (PNG, HEIC) become white paper rather than JPEG's default black.
      .flatten({ background: '#ffffff' })
      .resize(A4_PIXELS.height, A4_PIXELS.height, { fit: 'inside', withoutEnlargement: true }),
  ).toBuffer({ resolveWithObject: true });
  // The box above is a square of the long side: bring the short side within A4 too.
  if (fitsA4(info.width, info.height)) return { bytes: data, width: info.width, height: info.height };
  const box = a4Box(info.width, info.height);
  const resized = await encode(sharp(data).resize(box.width, box.height)).toBuffer();
  return { bytes: resized, width: box.width, height: box.height };
}
