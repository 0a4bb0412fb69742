import sharp, { type Metadata } from 'sharp';
import type { ScanKind } from './detect';
import { decodePdf } from './decode-pdf';
import { hasRgbProfile } from './jpeg-metadata';
import { fitsA4, masterFrom, type Master, type PipelineLimits } from './masters';
import { refuse } from './refusals';

/**
 * Input bytes → one master per page (masters.ts). Refuses pixel bombs from the header, before decoding; a PDF is
 * drawn in a worker (decode-pdf.ts).
 */

export interface DecodedInput {
  masters: Master[];
  /** What the counter should know (e.g. JavaScript removed from a PDF). */
  notes: string[];
}

const ORIGINAL_KEPT_BELOW = 12_000_000;

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
        const plain = (metadata.space === 'srgb' || metadata.space === 'b-w') && metadata.depth === 'uchar';
        masters.push({ bytes, width: metadata.width!, height: metadata.height!, original: plain });
      } else {
        masters.push(await masterFrom(image, true, kind === 'jpeg' && hasRgbProfile(bytes)));
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
