import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { strippedJpeg } from '../../../main/scan/jpeg-metadata';

function segment(marker: number, body: Buffer): Buffer {
  const head = Buffer.from([0xff, marker, 0, 0]);
  head.writeUInt16BE(body.length + 2, 2);
  return Buffer.concat([head, body]);
}

/** A real JPEG with EXIF (a device name), an ICC profile, a comment and a second image after its end. */
async function phoneJpeg(): Promise<{ bytes: Buffer; plain: Buffer }> {
  const plain = await sharp({ create: { width: 64, height: 48, channels: 3, background: '#3070c0' } })
    .jpeg({ quality: 90 })
    .toBuffer();
  const withIcc = await sharp(plain)
    .withIccProfile('srgb')
    .withMetadata({ exif: { IFD0: { Make: 'Téléphone de Camille' } } })
    .jpeg({ quality: 90 })
    .toBuffer();
  const comment = segment(0xfe, Buffer.from('Camille Martin, 12 rue des Lilas'));
  const bytes = Buffer.concat([withIcc.subarray(0, 2), comment, withIcc.subarray(2), plain]);
  return { bytes, plain: withIcc };
}

describe('strippedJpeg', () => {
  it('removes EXIF, comments and what follows the image, keeps the colour profile and the same pixels', async () => {
    const { bytes, plain } = await phoneJpeg();
    const stripped = strippedJpeg(bytes)!;
    expect(stripped).not.toBeNull();
    expect(stripped.includes(Buffer.from('Camille'))).toBe(false);
    expect(stripped.includes(Buffer.from('Exif\0'))).toBe(false);
    expect(stripped.includes(Buffer.from('ICC_PROFILE\0'))).toBe(true);
    expect(stripped.length).toBeLessThan(plain.length);
    const meta = await sharp(stripped).metadata();
    expect(meta.exif).toBeUndefined();
    expect(meta.icc).toBeDefined();
    const [a, b] = await Promise.all([sharp(plain).raw().toBuffer(), sharp(stripped).raw().toBuffer()]);
    expect(b.equals(a)).toBe(true);
    // Ends with the image's own EOI: the appended second image is gone.
    expect(stripped.subarray(-2)).toEqual(Buffer.from([0xff, 0xd9]));
  });

  it('gives null for what is not a plain JPEG: another format, a cut header, an image that never ends', async () => {
    const png = await sharp({ create: { width: 8, height: 8, channels: 3, background: '#fff' } })
      .png()
      .toBuffer();
    expect(strippedJpeg(png)).toBeNull();
    const jpeg = await sharp({ create: { width: 8, height: 8, channels: 3, background: '#fff' } })
      .jpeg()
      .toBuffer();
    expect(strippedJpeg(jpeg.subarray(0, 30))).toBeNull();
    expect(strippedJpeg(jpeg.subarray(0, jpeg.length - 2))).toBeNull();
    expect(strippedJpeg(Buffer.from([0xff, 0xd8, 0xff, 0xe1, 0xff, 0xff]))).toBeNull();
  });
});
