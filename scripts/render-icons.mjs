// Renders resources/icon.svg into the files electron-builder packs: resources/icons/<N>x<N>.png (Linux) and
// resources/icon.ico (Windows: 16–48 px as 32-bit bitmaps, 64–256 px as PNG). Run by hand after changing the
// drawing: `node scripts/render-icons.mjs`. The results are committed, so packaging never needs this script.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import sharp from 'sharp';

const resources = join(dirname(fileURLToPath(import.meta.url)), '..', 'resources');
const svg = readFileSync(join(resources, 'icon.svg'));
const render = (size) => sharp(svg, { density: Math.max(72, Math.ceil((72 * size) / 512) * 2) }).resize(size, size);

mkdirSync(join(resources, 'icons'), { recursive: true });
for (const size of [16, 32, 48, 64, 128, 256, 512]) {
  await render(size)
    .png({ compressionLevel: 9, palette: size <= 64 })
    .toFile(join(resources, 'icons', `${size}x${size}.png`));
}

/** One ICO entry: PNG data from 64 px (Windows Vista and later), a bottom-up BGRA bitmap with its mask below. */
async function icoImage(size) {
  if (size >= 64) return render(size).png({ compressionLevel: 9 }).toBuffer();
  const { data } = await render(size).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
  const header = Buffer.alloc(40);
  header.writeUInt32LE(40, 0);
  header.writeInt32LE(size, 4);
  header.writeInt32LE(size * 2, 8); // colour rows + mask rows
  header.writeUInt16LE(1, 12);
  header.writeUInt16LE(32, 14);
  header.writeUInt32LE(size * size * 4, 20);
  const pixels = Buffer.alloc(size * size * 4);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const from = (y * size + x) * 4;
      const to = ((size - 1 - y) * size + x) * 4;
      pixels[to] = data[from + 2];
      pixels[to + 1] = data[from + 1];
      pixels[to + 2] = data[from];
      pixels[to + 3] = data[from + 3];
    }
  }
  const maskRow = Math.ceil(size / 32) * 4;
  return Buffer.concat([header, pixels, Buffer.alloc(maskRow * size)]); // alpha decides; the AND mask stays 0
}

const sizes = [16, 24, 32, 48, 64, 128, 256];
const images = [];
for (const size of sizes) images.push(await icoImage(size));
const directory = Buffer.alloc(6 + 16 * sizes.length);
directory.writeUInt16LE(0, 0);
directory.writeUInt16LE(1, 2); // icon
directory.writeUInt16LE(sizes.length, 4);
let offset = directory.length;
sizes.forEach((size, i) => {
  const entry = 6 + 16 * i;
  directory.writeUInt8(size === 256 ? 0 : size, entry);
  directory.writeUInt8(size === 256 ? 0 : size, entry + 1);
  directory.writeUInt16LE(1, entry + 4);
  directory.writeUInt16LE(32, entry + 6);
  directory.writeUInt32LE(images[i].length, entry + 8);
  directory.writeUInt32LE(offset, entry + 12);
  offset += images[i].length;
});
writeFileSync(join(resources, 'icon.ico'), Buffer.concat([directory, ...images]));
console.log('Icons written in resources/icons/ and resources/icon.ico.');
