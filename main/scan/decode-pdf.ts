import sharp from 'sharp';
import type { DecodedInput } from './decode-pages';
import { fitsA4, masterFrom, type Master, type PipelineLimits } from './masters';
import { scanPdfBytes } from './pdf';
import { largestPdfImage } from './pdf-images';
import { rasterisePdf } from './pdf-raster';
import { refuse } from './refusals';

/** An incoming PDF → one master per page, drawn in the PDF worker within its budgets (pdf-raster.ts). */
export async function decodePdf(
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
      if (page.format === 'jpeg') {
        // The page's own JPEG: its pixels as they are when within A4 (a damaged body is refused when the
        // upload-ready file decodes it), else brought within A4. A PDF shows a JPEG without its EXIF orientation.
        if (fitsA4(page.width, page.height)) masters.push({ bytes: page.data, width: page.width, height: page.height });
        else
          masters.push(
            await masterFrom(sharp(page.data, { failOn: 'error', limitInputPixels: limits.maxPixels }), false),
          );
      } else {
        const image = sharp(page.data, { raw: { width: page.width, height: page.height, channels: 4 } });
        masters.push(await masterFrom(image));
      }
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
