import sharp, { type Sharp } from 'sharp';
import type { Master } from './masters';
import { hasRgbProfile, strippedJpeg } from './jpeg-metadata';
import { buildPdf } from './pdf';

/**
 * Masters + the counter's choices (rotation, grayscale, crop, format) → the upload-ready file, re-encoded with the
 * quality stepped down until it fits the size limit, and a thumbnail.
 */

export type OutputFormat = 'jpg' | 'png' | 'pdf';

export interface PageChoices {
  /** Clockwise quarter turns added by the counter: 0, 90, 180 or 270. */
  rotation: number;
}

export interface RenderChoices {
  format: OutputFormat;
  grayscale: boolean;
  crop: boolean;
  pages: PageChoices[];
  /** Size limit of the uploaded file, in bytes. */
  limit: number;
}

export interface RenderedOutput {
  bytes: Buffer;
  mime: string;
  extension: OutputFormat;
  fits: boolean;
  quality: number | null;
  /** Long side of the largest page sent, in pixels. */
  longSide: number;
  thumbnail: Buffer;
}

const EMPTY = Buffer.alloc(0);
const THUMBNAIL_WIDTH = 240;
/**
 * Baseline JPEG (read by every upload form), with the quantisation tables tuned for MS-SSIM (libvips table 2) and
 * the standard Huffman tables: one pass, about three times faster than progressive mozjpeg with optimised Huffman
 * tables, for files a few % larger at the same quality, still smaller and sharper than ImageMagick's `-quality 75`
 * (tests/bench/scan.bench.ts).
 */
const JPEG_OPTIONS = { quantisationTable: 2, optimiseCoding: false, progressive: false };
const QUALITY_STEPS = [76, 68, 60, 50, 40];
/** When even the lowest quality is too big, the pages are made smaller, at most this many times, down to 30 %. */
const MAX_ROUNDS = 4;
const MIN_SCALE = 0.3;
/** A document is encoded whole only when its first page does not say it will be this much over the limit. */
const ESTIMATE_MARGIN = 1.15;
const PARALLEL_PAGES = 2;

/**
 * One master with the counter's choices applied, as a sharp pipeline (decode, turn, crop, colour, size and encode
 * run as one streamed libvips pipeline: faster and smaller in memory than going through raw pixels). Masters are
 * upright and within 300 dpi A4 already.
 */
function pagePipeline(master: Master, page: PageChoices, grayscale: boolean, crop: boolean, scale = 1): Sharp {
  let image = sharp(master.bytes, { limitInputPixels: false, failOn: 'error' });
  const rotation = ((page.rotation % 360) + 360) % 360;
  if (rotation !== 0) image = image.rotate(rotation);
  if (crop) image = image.trim({ background: '#ffffff', threshold: 40 });
  if (scale !== 1) {
    const [width, height] = rotation % 180 === 0 ? [master.width, master.height] : [master.height, master.width];
    image = image.resize(Math.max(1, Math.round(width * scale)), Math.max(1, Math.round(height * scale)), {
      fit: 'inside',
    });
  }
  if (grayscale) return image.grayscale();
  // An RGB profile (a scanner's sRGB or its own) goes with the pixels rather than being applied to each of them.
  return hasRgbProfile(master.bytes) ? image.keepIccProfile() : image.toColourspace('srgb');
}

export async function thumbnailOf(
  master: Master,
  page: PageChoices = { rotation: 0 },
  grayscale = false,
  crop = false,
): Promise<Buffer> {
  return pagePipeline(master, page, grayscale, crop)
    .resize(THUMBNAIL_WIDTH, THUMBNAIL_WIDTH * 2, { fit: 'inside' })
    .jpeg({ quality: 70 })
    .toBuffer();
}

/**
 * The original JPEG as it came in, without its metadata (jpeg-metadata.ts), when the counter changed nothing and it
 * already fits the limit: no decode, no encode, the pixels the scanner made.
 */
function passedThrough(
  masters: Master[],
  choices: RenderChoices,
): Omit<RenderedOutput, 'longSide' | 'thumbnail'> | null {
  const [master] = masters;
  if (masters.length !== 1 || !master?.original || choices.format !== 'jpg') return null;
  if (choices.grayscale || choices.crop || (choices.pages[0]?.rotation ?? 0) % 360 !== 0) return null;
  const bytes = strippedJpeg(master.bytes);
  if (!bytes || bytes.length > choices.limit) return null;
  return { bytes, mime: 'image/jpeg', extension: 'jpg', fits: true, quality: null };
}

type EncodedPage = { jpeg: Buffer; width: number; height: number };

async function encodeJpegPage(
  master: Master,
  page: PageChoices,
  choices: RenderChoices,
  quality: number,
  scale: number,
): Promise<EncodedPage> {
  const { data, info } = await pagePipeline(master, page, choices.grayscale, choices.crop, scale)
    .jpeg({ quality, ...JPEG_OPTIONS })
    .toBuffer({ resolveWithObject: true });
  return { jpeg: data, width: info.width, height: info.height };
}

/**
 * The pages at one quality and scale. The first page is encoded alone: when its size, in proportion to its share
 * of the masters' bytes, says the whole cannot fit under `cutoff`, the others are not encoded and only that
 * estimate comes back. The others are encoded two at a time (two cores).
 */
async function encodeJpegPages(
  masters: Master[],
  choices: RenderChoices,
  quality: number,
  scale: number,
  cutoff: number,
): Promise<EncodedPage[] | { estimate: number }> {
  const pageOf = (index: number) => choices.pages[index] ?? { rotation: 0 };
  const first = await encodeJpegPage(masters[0]!, pageOf(0), choices, quality, scale);
  if (masters.length === 1) return [first];
  const total = masters.reduce((sum, master) => sum + master.bytes.length, 0);
  const estimate = (first.jpeg.length * total) / Math.max(1, masters[0]!.bytes.length);
  if (estimate > cutoff) return { estimate };
  const out: EncodedPage[] = [first];
  for (let index = 1; index < masters.length; index += PARALLEL_PAGES) {
    const batch = masters.slice(index, index + PARALLEL_PAGES);
    out.push(
      ...(await Promise.all(
        batch.map((master, offset) => encodeJpegPage(master, pageOf(index + offset), choices, quality, scale)),
      )),
    );
  }
  return out;
}

/**
 * Masters + choices → the file to upload. JPEG and PDF step the quality down (76 → 40), then the size (in
 * proportion to how far over the limit the last try was, down to 30 % of 300 dpi), until the file fits the limit;
 * PNG tries full colour, then a 256-colour palette, then smaller sizes. `fits` false means even the smallest attempt is over the limit: it is not offered for upload.
 */
export async function renderOutput(masters: Master[], choices: RenderChoices): Promise<RenderedOutput> {
  if (masters.length === 0) throw new Error('no page');
  if (choices.format !== 'pdf' && masters.length > 1) throw new Error('several pages need the PDF format');
  // The thumbnail is drawn while the page is encoded: on a quiet two-core PC libvips runs both at once (faster than
  // making it from the file made afterwards, tests/bench/scan.bench.ts).
  const thumbnailing = thumbnailOf(masters[0]!, choices.pages[0], choices.grayscale, choices.crop);
  thumbnailing.catch(() => undefined);
  const untouched = passedThrough(masters, choices);
  if (untouched) {
    // The thumbnail decodes the whole file: a damaged body is refused here as it would be when re-encoded.
    const thumbnail = await thumbnailing;
    const { width, height } = masters[0]!;
    return { ...untouched, longSide: Math.max(width, height), thumbnail };
  }
  const longSide = (scale: number) =>
    Math.round(Math.max(...masters.map((page) => Math.max(page.width, page.height))) * scale);
  let last: RenderedOutput | null = null;
  let scale = 1;
  // The size of the last try (made, or estimated from the first page), and the try when it was only estimated.
  let size = 0;
  let skipped: { quality: number; scale: number } | null = null;
  for (let round = 0; round < MAX_ROUNDS && scale >= MIN_SCALE; round++) {
    const attempts: Array<{ quality: number | null; palette: boolean }> =
      choices.format === 'png'
        ? [
            { quality: null, palette: false },
            { quality: null, palette: true },
          ].slice(round === 0 ? 0 : 1)
        : (round === 0 ? QUALITY_STEPS : QUALITY_STEPS.slice(-2)).map((quality) => ({ quality, palette: false }));
    for (let index = 0; index < attempts.length; index++) {
      const { quality, palette } = attempts[index]!;
      let bytes: Buffer;
      if (choices.format === 'png') {
        bytes = await pagePipeline(
          masters[0]!,
          choices.pages[0] ?? { rotation: 0 },
          choices.grayscale,
          choices.crop,
          scale,
        )
          .png({ compressionLevel: 6, palette, effort: 3 })
          .toBuffer();
      } else {
        const encoded = await encodeJpegPages(masters, choices, quality!, scale, choices.limit * ESTIMATE_MARGIN);
        if (!Array.isArray(encoded)) {
          // Clearly too big, from the first page alone: on to the next step without encoding the others.
          size = encoded.estimate;
          skipped = { quality: quality!, scale };
          if (size > choices.limit * 1.8 && index < attempts.length - 2) index = attempts.length - 2;
          continue;
        }
        bytes = choices.format === 'pdf' ? await buildPdf(encoded) : encoded[0]!.jpeg;
      }
      size = bytes.length;
      skipped = null;
      const mime = choices.format === 'pdf' ? 'application/pdf' : choices.format === 'png' ? 'image/png' : 'image/jpeg';
      last = {
        bytes,
        mime,
        extension: choices.format,
        fits: bytes.length <= choices.limit,
        quality,
        longSide: longSide(scale),
        thumbnail: EMPTY,
      };
      if (last.fits) return { ...last, thumbnail: await thumbnailing };
      // Far over the limit: the middle steps cannot make it, go straight to the lowest one.
      if (bytes.length > choices.limit * 1.8 && index < attempts.length - 2) index = attempts.length - 2;
    }
    // Even the lowest quality is too big: shrink the pages in proportion (size follows the pixel count), and try
    // the smallest size allowed before calling the file too large.
    const next = scale * Math.min(0.85, Math.sqrt(choices.limit / size) * 0.92);
    scale = next < MIN_SCALE && scale > MIN_SCALE ? MIN_SCALE : next;
  }
  if (skipped) {
    // The last try was only estimated: the smallest file made for real is what the counter sees as too large.
    const encoded = (await encodeJpegPages(
      masters,
      choices,
      skipped.quality,
      skipped.scale,
      Infinity,
    )) as EncodedPage[];
    const bytes = choices.format === 'pdf' ? await buildPdf(encoded) : encoded[0]!.jpeg;
    const mime = choices.format === 'pdf' ? 'application/pdf' : 'image/jpeg';
    const fits = bytes.length <= choices.limit;
    last = {
      bytes,
      mime,
      extension: choices.format,
      fits,
      quality: skipped.quality,
      longSide: longSide(skipped.scale),
      thumbnail: EMPTY,
    };
  }
  return { ...last!, thumbnail: await thumbnailing };
}
