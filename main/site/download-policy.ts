/**
 * What the official site may download to the station: PDF and images (JPEG, PNG) only, up to the référent's size
 * (config `site.maxDownloadMegabytes`, 20 MB by default), so a page cannot fill the disk or leave another kind of
 * file in the session. Judged three times: on what the site announces, while the bytes arrive, and on the content.
 */

export interface DownloadOffer {
  name: string;
  mime: string;
  /** What the server announced; 0 when it did not say. */
  totalBytes: number;
}

const KINDS = [
  { mimes: ['application/pdf', 'application/x-pdf'], extensions: ['.pdf'], magic: [Buffer.from('%PDF-')] },
  { mimes: ['image/jpeg', 'image/pjpeg'], extensions: ['.jpg', '.jpeg'], magic: [Buffer.from([0xff, 0xd8, 0xff])] },
  {
    mimes: ['image/png'],
    extensions: ['.png'],
    magic: [Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])],
  },
] as const;
/** Servers that do not say what they send: the file's extension then decides. */
const UNSAID_MIMES = new Set(['', 'application/octet-stream', 'binary/octet-stream', 'application/force-download']);

export const DOWNLOAD_TYPE_REFUSED =
  "Ce fichier n'a pas été téléchargé : le poste accepte seulement des PDF et des images (JPEG, PNG) du site officiel. Si l'usager en a besoin, il peut le télécharger plus tard chez lui, depuis son espace sur le site.";

export function downloadTooBig(maxBytes: number): string {
  const megabytes = Math.round(maxBytes / 1_000_000);
  return `Ce fichier n'a pas été téléchargé : il dépasse ${megabytes} Mo, la taille permise sur ce poste. Si l'usager en a besoin, il peut le télécharger plus tard chez lui. Le référent numérique peut changer cette limite.`;
}

export function maxDownloadBytes(site: { maxDownloadMegabytes: number }): number {
  return site.maxDownloadMegabytes * 1_000_000;
}

function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot < 0 ? '' : name.slice(dot).toLowerCase();
}

/** Before anything is written: the French refusal for what the site announces, or null to let it come. */
export function offerRefusal(offer: DownloadOffer, maxBytes: number): string | null {
  const mime = offer.mime.split(';')[0]!.trim().toLowerCase();
  const extension = extensionOf(offer.name);
  const known = UNSAID_MIMES.has(mime)
    ? KINDS.some((kind) => (kind.extensions as readonly string[]).includes(extension))
    : KINDS.some((kind) => (kind.mimes as readonly string[]).includes(mime));
  if (!known) return DOWNLOAD_TYPE_REFUSED;
  if (offer.totalBytes > maxBytes) return downloadTooBig(maxBytes);
  return null;
}

/** While the bytes arrive: true once more has come than allowed (a server that announced less, or nothing). */
export function arrivedTooMuch(receivedBytes: number, maxBytes: number): boolean {
  return receivedBytes > maxBytes;
}

/** Once it is complete: the French refusal for its content (its first bytes name its real type), or null. */
export function contentRefusal(bytes: Buffer, maxBytes: number): string | null {
  if (bytes.length > maxBytes) return downloadTooBig(maxBytes);
  const real = KINDS.some((kind) => kind.magic.some((magic) => bytes.subarray(0, magic.length).equals(magic)));
  return real ? null : DOWNLOAD_TYPE_REFUSED;
}
