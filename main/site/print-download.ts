import sharp from 'sharp';
import { decodePages } from '../scan/decode-pages';

/** What the printed page (a data: URL, about 2 MB at most in Chromium) may weigh in images. */
const PRINT_BUDGET = 1_500_000;
/** 150 dpi on A4 first; smaller when a long document would not fit the budget. */
const RESOLUTIONS = [
  { width: 1240, quality: 80 },
  { width: 900, quality: 70 },
  { width: 640, quality: 60 },
] as const;

/** A file the official site gave, turned into A4 page images for the system printer (JPEG data URLs). */
export async function printablePages(bytes: Buffer, mime: string, name: string): Promise<string[]> {
  const kind = mime.includes('pdf') ? 'pdf' : mime.includes('png') ? 'png' : mime.includes('jpeg') ? 'jpeg' : null;
  if (!kind) return [];
  const { masters } = await decodePages(bytes, kind, name, { maxPixels: 80_000_000, maxPages: 20 });
  let pages: string[] = [];
  for (const { width, quality } of RESOLUTIONS) {
    pages = [];
    for (const master of masters) {
      const jpeg = await sharp(master.bytes).resize({ width, withoutEnlargement: true }).jpeg({ quality }).toBuffer();
      pages.push(`data:image/jpeg;base64,${jpeg.toString('base64')}`);
    }
    if (pages.reduce((sum, page) => sum + page.length, 0) < PRINT_BUDGET) break;
  }
  return pages;
}

/** The page the system printer gets: one image per A4 sheet, nothing else. */
export function printableHtml(title: string, pages: string[]): string {
  const escape = (text: string) => text.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
  return [
    '<!doctype html><html lang="fr"><head><meta charset="utf-8">',
    `<title>${escape(title)}</title>`,
    '<style>@page{size:A4;margin:0}body{margin:0}img{display:block;width:210mm;height:auto;page-break-after:always}</style>',
    '</head><body>',
    ...pages.map((src) => `<img alt="" src="${src}">`),
    '</body></html>',
  ].join('');
}
