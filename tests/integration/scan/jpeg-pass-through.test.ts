/**
 * An upright JPEG that already fits is sent as the scanner made it (metadata removed, no decode and encode); every
 * other JPEG is still re-encoded: EXIF-rotated, larger than A4, over the limit, or changed by the counter.
 */
import sharp from 'sharp';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { useTempDir } from '../../helpers/temp-dir';
import * as corpus from '../../fixtures/scan/generate';
import { openScanStation, startSession, type ScanStation } from './station';

const tempDir = useTempDir('pn-scan-pass-');
const opened: ScanStation[] = [];
afterEach(async () => {
  for (const station of opened.splice(0)) await station.close();
});

let simple: Buffer;
beforeAll(async () => {
  simple = await corpus.a4SimpleScan('ATTESTATION', { exif: true });
});

async function station(scan: Record<string, unknown> = {}) {
  const opened_ = await openScanStation(tempDir(), scan);
  opened.push(opened_);
  return { scan: opened_.services.scan, session: startSession(opened_.services) };
}

/** The compressed image data: from the first scan header (SOS) on. */
function scanData(jpeg: Buffer): Buffer {
  return jpeg.subarray(jpeg.indexOf(Buffer.from([0xff, 0xda])));
}

async function importOne(
  scan: Awaited<ReturnType<typeof station>>['scan'],
  session: never,
  name: string,
  bytes: Buffer,
) {
  const outcome = await scan.importBytes(session, name, bytes, 'drop');
  expect(outcome.refused).toEqual([]);
  const [item] = scan.list(session).imports.filter((entry) => entry.id === outcome.imported[0]);
  return { item: item!, ready: await scan.uploadReady(session, item!.id) };
}

describe('JPEG pass-through', () => {
  it('sends an upright A4 JPEG within the limit with its own image data and pixels, without its EXIF', async () => {
    const { scan, session } = await station();
    expect(simple.length).toBeLessThan(1_000_000);
    const { item, ready } = await importOne(scan, session as never, 'attestation.jpg', simple);
    expect(item).toMatchObject({ status: 'ready', format: 'jpg' });
    expect(scanData(ready.bytes).equals(scanData(simple))).toBe(true);
    expect(ready.bytes.includes(Buffer.from('Camille'))).toBe(false);
    expect((await sharp(ready.bytes).metadata()).exif).toBeUndefined();
    const [a, b] = await Promise.all([sharp(simple).raw().toBuffer(), sharp(ready.bytes).raw().toBuffer()]);
    expect(b.equals(a)).toBe(true);
    expect((await sharp(await scan.thumbnail(session, item.id)).metadata()).width).toBeLessThanOrEqual(240);
  });

  it('re-encodes it, baseline, once it is over the limit, and again when the counter turns it', async () => {
    const { scan, session } = await station({ maxUploadBytes: 500_000 });
    const { item, ready } = await importOne(scan, session as never, 'attestation.jpg', simple);
    expect(item.status).toBe('ready');
    expect(ready.bytes.length).toBeLessThanOrEqual(500_000);
    expect(scanData(ready.bytes).equals(scanData(simple))).toBe(false);
    expect((await sharp(ready.bytes).metadata()).isProgressive).toBe(false);

    const roomy = await station();
    const first = await importOne(roomy.scan, roomy.session as never, 'attestation.jpg', simple);
    await roomy.scan.update(roomy.session, first.item.id, { rotate: { turn: 90 } });
    const turned = await roomy.scan.uploadReady(roomy.session, first.item.id);
    const meta = await sharp(turned.bytes).metadata();
    expect([meta.width, meta.height]).toEqual([3508, 2480]);
    expect(meta.isProgressive).toBe(false);
    // Turned back: the original again.
    await roomy.scan.update(roomy.session, first.item.id, { rotate: { turn: -90 } });
    const back = await roomy.scan.uploadReady(roomy.session, first.item.id);
    expect(scanData(back.bytes).equals(scanData(simple))).toBe(true);
  });

  it('re-encodes an EXIF-rotated photo upright and a JPEG larger than A4 down to A4', async () => {
    const { scan, session } = await station();
    const photo = await corpus.exifRotatedPhoto();
    const rotated = await importOne(scan, session as never, 'photo.jpg', photo);
    expect(scanData(rotated.ready.bytes).equals(scanData(photo))).toBe(false);
    const rotatedMeta = await sharp(rotated.ready.bytes).metadata();
    expect([rotatedMeta.width, rotatedMeta.height, rotatedMeta.orientation]).toEqual([600, 800, undefined]);

    const large = await sharp(await corpus.smallDocument('Grand', 3000, 4243))
      .jpeg({ quality: 60 })
      .toBuffer();
    expect(large.length).toBeLessThan(1_000_000);
    const big = await importOne(scan, session as never, 'grand.jpg', large);
    const bigMeta = await sharp(big.ready.bytes).metadata();
    expect(bigMeta.height).toBeLessThanOrEqual(3508);
    expect(bigMeta.width).toBeLessThanOrEqual(2480);
  });

  it('still refuses an upright JPEG within the limits that is cut short (no end of image)', async () => {
    const { scan, session } = await station();
    const outcome = await scan.importBytes(session, 'coupe.jpg', await corpus.truncatedJpeg(), 'drop');
    expect(outcome.imported).toEqual([]);
    expect(outcome.refused[0]!.message).toContain('abîmé');
  });
});
