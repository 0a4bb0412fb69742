import sharp, { type Metadata, type Sharp } from 'sharp';
import type { ScanKind } from './detect';
import { buildPdf, A4_PIXELS, scanPdfBytes } from './pdf';
import { largestPdfImage } from './pdf-images';
import { rasterisePdf } from './pdf-raster';
import { refuse } from './refusals';

/**
 * The image pipeline (sharp, libvips). Two stages:
 * 1. `decodePages`: input bytes → one "master" per page (EXIF orientation applied, at most 300 dpi A4, JPEG q92 or
 *    the untouched original when that is already fine). Refuses pixel bombs from the header, before decoding.
 * 2. `renderOutput`: masters + the counter's choices (rotation, grayscale, crop, format) → the upload-ready file,
 *    re-encoded (mozjpeg) with the quality stepped down until it fits the size limit, and a thumbnail.
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
}

export interface DecodedInput {
  masters: Master[];
  /** What the counter should know (e.g. JavaScript removed from a PDF). */
  notes: string[];
}

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

// Each image is processed once: libvips's operation cache would only hold memory (peak RSS matters on a counter PC).
sharp.cache(false);
// sharp uses one libvips thread on glibc Linux by default (fragmentation); two let decode and encode overlap on a
// two-core counter PC while the measured peak stays far below the 400 MB target (tests/bench/scan.bench.ts).
sharp.concurrency(2);

const MASTER_QUALITY = 92;
const EMPTY = Buffer.alloc(0);
const ORIGINAL_KEPT_BELOW = 12_000_000;
const THUMBNAIL_WIDTH = 240;
/** Fast mozjpeg: its quantisation tables and Huffman optimisation, without the slow trellis passes. */
const JPEG_OPTIONS = { mozjpeg: true, trellisQuantisation: false, overshootDeringing: false, optimiseScans: false };
const QUALITY_STEPS = [80, 70, 60, 50, 40];
/** When even the lowest quality is too big, the pages are made smaller, at most this many times, down to 30 %. */
const MAX_ROUNDS = 4;
const MIN_SCALE = 0.3;

function fitsA4(width: number, height: number): boolean {
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

async function masterFrom(image: Sharp): Promise<Master> {
  const { data, info } = await image
    .rotate()
    // Transparent areas (PNG, HEIC) become white paper rather than JPEG's default black.
    .flatten({ background: '#ffffff' })
    .resize(A4_PIXELS.height, A4_PIXELS.height, { fit: 'inside', withoutEnlargement: true })
    .jpeg({ quality: MASTER_QUALITY })
    .toBuffer({ resolveWithObject: true });
  // The box above is a square of the long side: bring the short side within A4 too.
  if (fitsA4(info.width, info.height)) return { bytes: data, width: info.width, height: info.height };
  const box = a4Box(info.width, info.height);
  const resized = await sharp(data).resize(box.width, box.height).jpeg({ quality: MASTER_QUALITY }).toBuffer();
  return { bytes: resized, width: box.width, height: box.height };
}

async function headerOf(bytes: Buffer, name: string, limits: PipelineLimits): Promise<Metadata> {
  let metadata: Metadata;
  try {
    metadata = await sharp(bytes, { limitInputPixels: false }).metadata();
  } catch {
    refuse('damaged', name);
  }
  const pageHeight = metadata.pageHeight ?? metadata.height ?? 0;
  const pixels = (metadata.width ?? 0) * pageHeight;
  if (!metadata.width || !metadata.height) refuse('damaged', name);
  if (pixels > limits.maxPixels) refuse('pixels', name, { pixels, limit: limits.maxPixels });
  const pages = metadata.pages ?? 1;
  if (pages > limits.maxPages) refuse('too_many_pages', name, { pages, limit: limits.maxPages });
  return metadata;
}

async function decodeImage(bytes: Buffer, name: string, limits: PipelineLimits, kind: ScanKind): Promise<Master[]> {
  const metadata = await headerOf(bytes, name, limits);
  const pages = kind === 'tiff' ? (metadata.pages ?? 1) : 1;
  const masters: Master[] = [];
  try {
    for (let page = 0; page < pages; page++) {
      const image = sharp(bytes, { limitInputPixels: limits.maxPixels, page, failOn: 'error' });
      const upright = !metadata.orientation || metadata.orientation === 1;
      if (
        pages === 1 &&
        kind === 'jpeg' &&
        upright &&
        bytes.length <= ORIGINAL_KEPT_BELOW &&
        fitsA4(metadata.width!, metadata.height!)
      ) {
        // Already upright and within A4: keep the original as master (no extra decode or encode here). A damaged
        // body is caught when the upload-ready file is made, which decodes it fully.
        masters.push({ bytes, width: metadata.width!, height: metadata.height! });
      } else {
        masters.push(await masterFrom(image));
      }
    }
  } catch (error) {
    if ((error as Error).name === 'RefusedFile') throw error;
    refuse('damaged', name);
  }
  return masters;
}

async function decodeHeic(bytes: Buffer, name: string, limits: PipelineLimits): Promise<Master[]> {
  // The prebuilt sharp reads AVIF but not HEIC (HEVC): heic-decode is libheif in WebAssembly.
  const { default: decode } = await import('heic-decode');
  let images;
  try {
    images = await decode.all({ buffer: bytes });
  } catch {
    refuse('heic_failed', name);
  }
  if (images.length === 0) refuse('heic_failed', name);
  // A phone photo holds one primary image (plus thumbnails or depth maps): take the first.
  const primary = images[0]!;
  if (primary.width * primary.height > limits.maxPixels) {
    refuse('pixels', name, { pixels: primary.width * primary.height, limit: limits.maxPixels });
  }
  try {
    const { width, height, data } = await primary.decode();
    const image = sharp(Buffer.from(data.buffer, data.byteOffset, data.byteLength), {
      raw: { width, height, channels: 4 },
    });
    return [await masterFrom(image)];
  } catch {
    refuse('heic_failed', name);
  }
}

async function decodePdf(
  bytes: Buffer,
  name: string,
  limits: PipelineLimits,
  onPage?: (done: number, total: number) => void,
): Promise<DecodedInput> {
  const raw = scanPdfBytes(bytes);
  // An embedded image above the images' pixel limit is refused before anything is decoded.
  const image = largestPdfImage(bytes);
  if (image && image.pixels > limits.maxPixels)
    refuse('pixels', name, { pixels: image.pixels, limit: limits.maxPixels });
  const masters: Master[] = [];
  let tooMany = 0;
  const outcome = await rasterisePdf(bytes, {
    maxPixels: limits.maxPixels,
    onOpened: ({ pages }) => {
      if (pages >= 1 && pages <= limits.maxPages) return true;
      tooMany = pages;
      return false;
    },
    onPage: async (page, number, total) => {
      const image = sharp(page.data, { raw: { width: page.width, height: page.height, channels: 4 } });
      masters.push(await masterFrom(image));
      onPage?.(number, total);
    },
  });
  if (!outcome.ok) {
    if (outcome.reason === 'pixels') refuse('pixels', name, { pixels: outcome.pixels, limit: limits.maxPixels });
    if (outcome.reason === 'timeout' || outcome.reason === 'memory') refuse('pdf_too_heavy', name);
    refuse(outcome.reason === 'password' ? 'pdf_encrypted' : 'damaged', name);
  }
  if (tooMany > limits.maxPages) refuse('too_many_pages', name, { pages: tooMany, limit: limits.maxPages });
  if (masters.length === 0 || masters.length !== outcome.contents.pages) refuse('damaged', name);
  const found = outcome.contents;
  const notes: string[] = [];
  const dropped = [
    raw.javascript || found.javascript ? 'du code JavaScript' : null,
    raw.forms || found.forms ? 'des champs de formulaire' : null,
    raw.attachments || found.attachments ? 'des pièces jointes cachées' : null,
  ].filter((item): item is string => item !== null);
  if (dropped.length > 0) {
    notes.push(
      `Le PDF « ${name} » contenait ${dropped.join(', ')}. Ces éléments ont été retirés : le fichier prêt à envoyer est une copie en image de chaque page. Vérifiez l'aperçu.`,
    );
  }
  if (raw.encrypted) notes.push(`Le PDF « ${name} » avait des restrictions : la copie prête à envoyer n'en a plus.`);
  return { masters, notes };
}

/** Input bytes of a recognised kind → page masters, or a RefusedFile with the French reason. */
export async function decodePages(
  bytes: Buffer,
  kind: ScanKind,
  name: string,
  limits: PipelineLimits,
  onPage?: (done: number, total: number) => void,
): Promise<DecodedInput> {
  if (kind === 'pdf') return decodePdf(bytes, name, limits, onPage);
  if (kind === 'heic') return { masters: await decodeHeic(bytes, name, limits), notes: [] };
  return { masters: await decodeImage(bytes, name, limits, kind), notes: [] };
}

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
  return grayscale ? image.grayscale() : image.toColourspace('srgb');
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

async function encodeJpegPages(
  masters: Master[],
  choices: RenderChoices,
  quality: number,
  scale: number,
): Promise<Array<{ jpeg: Buffer; width: number; height: number }>> {
  const out = [];
  for (let index = 0; index < masters.length; index++) {
    const { data, info } = await pagePipeline(
      masters[index]!,
      choices.pages[index] ?? { rotation: 0 },
      choices.grayscale,
      choices.crop,
      scale,
    )
      .jpeg({ quality, ...JPEG_OPTIONS })
      .toBuffer({ resolveWithObject: true });
    out.push({ jpeg: data, width: info.width, height: info.height });
  }
  return out;
}

/**
 * Masters + choices → the file to upload. JPEG and PDF step the quality down (80 → 40), then the size (in
 * proportion to how far over the limit the last try was, down to 30 % of 300 dpi), until the file fits the limit;
 * PNG tries full colour, then a 256-colour palette, then smaller sizes. `fits` false means even the smallest attempt is over the limit: it is not offered for upload.
 */
export async function renderOutput(masters: Master[], choices: RenderChoices): Promise<RenderedOutput> {
  if (masters.length === 0) throw new Error('no page');
  if (choices.format !== 'pdf' && masters.length > 1) throw new Error('several pages need the PDF format');
  // The thumbnail is made while the page is encoded (libvips runs both on its threads).
  const thumbnailing = thumbnailOf(masters[0]!, choices.pages[0], choices.grayscale, choices.crop);
  thumbnailing.catch(() => undefined);
  const longSide = (scale: number) =>
    Math.round(Math.max(...masters.map((page) => Math.max(page.width, page.height))) * scale);
  let last: RenderedOutput | null = null;
  let scale = 1;
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
        const encoded = await encodeJpegPages(masters, choices, quality!, scale);
        bytes = choices.format === 'pdf' ? await buildPdf(encoded) : encoded[0]!.jpeg;
      }
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
    // Even the lowest quality is too big: shrink the pages in proportion (size follows the pixel count).
    scale = scale * Math.min(0.85, Math.sqrt(choices.limit / last!.bytes.length) * 0.92);
  }
  return { ...last!, thumbnail: await thumbnailing };
}
