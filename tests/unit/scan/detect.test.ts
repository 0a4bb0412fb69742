import { describe, expect, it } from 'vitest';
import { detectKind } from '../../../main/scan/detect';
import * as corpus from '../../fixtures/scan/generate';

describe('recognising a file by its content, not its name', () => {
  it('recognises the accepted kinds from their first bytes', async () => {
    expect(detectKind(await corpus.smallDocument())).toEqual({ accepted: true, kind: 'jpeg' });
    expect(detectKind(await corpus.smallPng())).toEqual({ accepted: true, kind: 'png' });
    expect(detectKind(await corpus.multiPageTiff(2))).toEqual({ accepted: true, kind: 'tiff' });
    expect(detectKind(corpus.brokenHeic())).toEqual({ accepted: true, kind: 'heic' });
    expect(detectKind(await corpus.heifAvif())).toEqual({ accepted: true, kind: 'avif' });
    expect(detectKind(await corpus.pdfDocument(1))).toEqual({ accepted: true, kind: 'pdf' });
  });

  it('names what a refused file looks like', () => {
    expect(detectKind(corpus.wordDocumentNamedJpg())).toEqual({ accepted: false, kind: 'zip' });
    expect(detectKind(Buffer.from('GIF89a....'))).toEqual({ accepted: false, kind: 'gif' });
    expect(detectKind(Buffer.from('Bonjour, voici mon texte\n'))).toEqual({ accepted: false, kind: 'text' });
    expect(detectKind(Buffer.from([0x4d, 0x5a, 0x90, 0x00]))).toEqual({ accepted: false, kind: 'executable' });
    expect(detectKind(Buffer.from([0x00, 0x01, 0x02, 0xfe]))).toEqual({ accepted: false, kind: 'unknown' });
    expect(detectKind(Buffer.alloc(0))).toEqual({ accepted: false, kind: 'unknown' });
  });
});
