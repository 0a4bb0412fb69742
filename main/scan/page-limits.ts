import sharp from 'sharp';
import { refuse } from './refusals';

/**
 * Every page of a TIFF is held to the pixel limit from its own header, before anything is decoded: the decoder
 * reads only the first page's header, so a too-large page 2 would otherwise fail mid-decode and be called
 * "abîmé" instead of "trop grande".
 */
export async function checkTiffPages(
  bytes: Buffer,
  name: string,
  limits: { maxPixels: number; maxPages: number },
): Promise<void> {
  let pages: number;
  try {
    pages = (await sharp(bytes, { limitInputPixels: false }).metadata()).pages ?? 1;
  } catch {
    return; // The decoder says "abîmé" with the same words.
  }
  // Too many pages is the decoder's refusal; no header is read past the limit.
  for (let page = 1; page < Math.min(pages, limits.maxPages); page++) {
    let header;
    try {
      header = await sharp(bytes, { limitInputPixels: false, page }).metadata();
    } catch {
      return;
    }
    const pixels = (header.width ?? 0) * (header.height ?? 0);
    if (pixels > limits.maxPixels) refuse('pixels', name, { pixels, limit: limits.maxPixels, page: page + 1 });
  }
}
