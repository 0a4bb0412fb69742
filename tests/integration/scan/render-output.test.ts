/**
 * The upload-ready file made from real page masters (sharp, libvips): a page's RGB colour profile travels with its
 * pixels instead of being applied to each of them, a page that only fits at the smallest size is tried there
 * before being called too large, and the thumbnail is turned as the file made.
 */
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import * as corpus from '../../fixtures/scan/generate';
import { decodePages } from '../../../main/scan/decode-pages';
import { hasRgbProfile } from '../../../main/scan/jpeg-metadata';
import type { Master } from '../../../main/scan/masters';
import { renderOutput, type RenderChoices } from '../../../main/scan/render-output';

async function master(bytes: Buffer): Promise<Master> {
  const { width, height } = await sharp(bytes).metadata();
  return { bytes, width: width!, height: height! };
}

function choices(extra: Partial<RenderChoices> = {}): RenderChoices {
  return { format: 'jpg', grayscale: false, crop: false, pages: [{ rotation: 0 }], limit: 1_000_000, ...extra };
}

/** The mean of each channel once the image is brought to sRGB through its own profile. */
async function srgbMeans(image: Buffer): Promise<number[]> {
  const { channels } = await sharp(image).toColourspace('srgb').stats();
  return channels.map((channel) => channel.mean);
}

/** The colour space in an ICC profile's header ("RGB ", "GRAY", "CMYK"). */
const profileSpace = (icc: Buffer | undefined) => icc?.subarray(16, 20).toString('latin1');

let displayP3: Buffer;
/** The noisy A4 300-dpi colour scan of the corpus (it carries an sRGB profile). */
let noisyA4: Buffer;
beforeAll(async () => {
  noisyA4 = await corpus.a4ColourScan();
  // A page with a red stamp from a scanner that tags its pixels with its own RGB profile (here Display P3), q95.
  const stamp = await sharp({ create: { width: 600, height: 500, channels: 3, background: '#c81e28' } })
    .png()
    .toBuffer();
  displayP3 = await sharp(await corpus.smallDocument('Avis', 1240, 1754))
    .composite([{ input: stamp, left: 300, top: 600 }])
    .withIccProfile('p3')
    .jpeg({ quality: 95 })
    .toBuffer();
});

describe('hasRgbProfile', () => {
  it('tells a JPEG tagged with an RGB profile from one without, a CMYK one and a cut header', async () => {
    expect(hasRgbProfile(displayP3)).toBe(true);
    expect(hasRgbProfile(noisyA4)).toBe(true);
    expect(hasRgbProfile(await corpus.smallDocument())).toBe(false);
    const cmyk = await sharp(await corpus.smallDocument())
      .toColourspace('cmyk')
      .withIccProfile('cmyk')
      .jpeg()
      .toBuffer();
    expect((await sharp(cmyk).metadata()).icc).toBeDefined();
    expect(hasRgbProfile(cmyk)).toBe(false);
    expect(hasRgbProfile(displayP3.subarray(0, 200))).toBe(false);
  });
});

describe('renderOutput', () => {
  it("keeps a page's RGB profile with its pixels: the same colours, not converted to sRGB", async () => {
    const page = await master(displayP3);
    const output = await renderOutput([page], choices({ limit: 150_000 }));
    expect(output.fits).toBe(true);
    expect(output.quality).not.toBeNull();
    const meta = await sharp(output.bytes).metadata();
    expect(profileSpace(meta.icc)).toBe('RGB ');
    expect(meta.icc!.equals((await sharp(displayP3).metadata()).icc!)).toBe(true);
    const [before, after] = await Promise.all([srgbMeans(displayP3), srgbMeans(output.bytes)]);
    for (const [channel, mean] of before.entries()) expect(Math.abs(after[channel]! - mean)).toBeLessThan(1.5);
  });

  it("keeps a turned phone photo's profile from the master to the file made, upright, with the same colours", async () => {
    // A phone photo (4:3, stored on its side with EXIF orientation 6) tagged Display P3, larger than 300-dpi A4.
    const sideways = await sharp(displayP3).rotate(-90).jpeg().toBuffer();
    const photo = await sharp(sideways)
      .resize(4000, 3000)
      .withIccProfile('p3')
      .withMetadata({ orientation: 6 })
      .jpeg({ quality: 90 })
      .toBuffer();
    const { masters } = await decodePages(photo, 'jpeg', 'photo.jpg', { maxPixels: 50_000_000, maxPages: 1 });
    const [page] = masters;
    expect(page!.original).toBeUndefined();
    expect(profileSpace((await sharp(page!.bytes).metadata()).icc)).toBe('RGB ');
    const output = await renderOutput(masters, choices({ limit: 400_000 }));
    const meta = await sharp(output.bytes).metadata();
    expect([meta.width, meta.height]).toEqual([2480, 3307]);
    expect(meta.icc!.equals((await sharp(photo).metadata()).icc!)).toBe(true);
    const [before, after] = await Promise.all([srgbMeans(photo), srgbMeans(output.bytes)]);
    for (const [channel, mean] of before.entries()) expect(Math.abs(after[channel]! - mean)).toBeLessThan(1.5);
  });

  it('makes a page with an RGB profile gray when asked: the same level in every channel', async () => {
    const output = await renderOutput([await master(displayP3)], choices({ grayscale: true, limit: 150_000 }));
    const [red, green, blue] = await srgbMeans(output.bytes);
    expect(Math.abs(red! - green!)).toBeLessThan(0.5);
    expect(Math.abs(green! - blue!)).toBeLessThan(0.5);
  });

  it('tries the smallest size (30 % of 300 dpi) before calling a noisy page too large', async () => {
    // The steps before jump from 37 % (165 kB) to under 30 %: the page was called too large without trying 30 %.
    const output = await renderOutput([await master(noisyA4)], choices({ limit: 110_000 }));
    expect(output.fits).toBe(true);
    expect(output.bytes.length).toBeLessThanOrEqual(110_000);
    expect(output.longSide).toBe(Math.round(3508 * 0.3));
    expect((await sharp(output.bytes).metadata()).height).toBe(1052);
  });

  it('makes the thumbnail turned as the file made', async () => {
    const output = await renderOutput(
      [await master(displayP3)],
      choices({ pages: [{ rotation: 90 }], limit: 150_000 }),
    );
    const sent = await sharp(output.bytes).metadata();
    const thumbnail = await sharp(output.thumbnail).metadata();
    expect(sent.width).toBeGreaterThan(sent.height!);
    expect(thumbnail.width).toBe(240);
    expect(thumbnail.height).toBe(Math.round((240 * sent.height!) / sent.width!));
  });
});
