/**
 * The largest image a PDF embeds, read from the raw bytes before anything is decoded: a 1 MB file can hold a
 * 20000×20000 image (a few bytes of compressed blank) that would take gigabytes to draw. Image XObjects are streams,
 * and streams are never inside object streams, so each image dictionary is in the file as written; a /Width or
 * /Height given as a reference is looked up (a plain number object). What this misses (a reference into an object
 * stream, an inline image) is still bounded in the worker: pdf.js's maxImageSize and the memory budget.
 */
const IMAGE = /\/Subtype\s*\/Image\b/g;
const WINDOW = 4096;
/** References looked up at most (each lookup reads the file): a file with more is left to the worker's budgets. */
const MAX_LOOKUPS = 200;

export interface PdfImageSize {
  width: number;
  height: number;
  pixels: number;
}

export function largestPdfImage(bytes: Uint8Array): PdfImageSize | null {
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  let largest: PdfImageSize | null = null;
  const refs = new Map<string, number | null>();
  for (const match of text.matchAll(IMAGE)) {
    const at = match.index;
    // The image's dictionary: from its "obj" to its "stream", within a few kilobytes of the /Subtype.
    const objAt = text.lastIndexOf('obj', at);
    const start = objAt >= 0 && at - objAt < WINDOW ? objAt : Math.max(0, at - WINDOW);
    const streamAt = text.indexOf('stream', at);
    const end = streamAt >= 0 && streamAt - at < WINDOW ? streamAt : Math.min(text.length, at + WINDOW);
    const dictionary = text.slice(start, end);
    const width = dimension(text, dictionary, 'Width', refs);
    const height = dimension(text, dictionary, 'Height', refs);
    if (width === null || height === null) continue;
    const pixels = width * height;
    if (!largest || pixels > largest.pixels) largest = { width, height, pixels };
  }
  return largest;
}

function dimension(
  text: string,
  dictionary: string,
  key: 'Width' | 'Height',
  refs: Map<string, number | null>,
): number | null {
  const found = new RegExp(`/${key}\\s+(\\d{1,9})(?:\\s+(\\d{1,5})\\s+R)?`).exec(dictionary);
  if (!found) return null;
  if (found[2] === undefined) return Number(found[1]);
  const ref = `${found[1]} ${found[2]}`;
  if (refs.has(ref)) return refs.get(ref)!;
  if (refs.size >= MAX_LOOKUPS) return null;
  const target = new RegExp(`(?:^|[^0-9])${found[1]}\\s+${found[2]}\\s+obj\\s*(\\d{1,9})\\s*endobj`).exec(text);
  const value = target ? Number(target[1]) : null;
  refs.set(ref, value);
  return value;
}
