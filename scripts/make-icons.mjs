#!/usr/bin/env node
// Renders the app icon (a 16×16 pixel sprite, public/icon.svg) into the PNG sizes browsers and
// home screens ask for, and packs favicon.ico from PNG entries (the ICO format allows PNG-encoded
// images since Windows Vista; every current browser reads them). Run after editing icon.svg.
import fs from "node:fs";
import path from "node:path";
import sharp from "sharp";

const pub = path.resolve(import.meta.dirname, "..", "public");
const svg = fs.readFileSync(path.join(pub, "icon.svg"));

async function png(size) {
  // Nearest-neighbour from the 16-px grid keeps the pixels square at every size.
  const base = await sharp(svg, { density: 72 }).resize(16, 16).png().toBuffer();
  return sharp(base)
    .resize(size, size, { kernel: "nearest" })
    .png({ compressionLevel: 9 })
    .toBuffer();
}

for (const [name, size] of [
  ["icon-192.png", 192],
  ["icon-512.png", 512],
  ["apple-touch-icon.png", 180],
]) {
  fs.writeFileSync(path.join(pub, name), await png(size));
}

const sizes = [16, 32, 48];
const images = await Promise.all(sizes.map(png));
const header = Buffer.alloc(6);
header.writeUInt16LE(0, 0);
header.writeUInt16LE(1, 2); // 1 = icon
header.writeUInt16LE(images.length, 4);
let offset = 6 + 16 * images.length;
const entries = images.map((img, i) => {
  const e = Buffer.alloc(16);
  e.writeUInt8(sizes[i] % 256, 0);
  e.writeUInt8(sizes[i] % 256, 1);
  e.writeUInt8(0, 2); // no palette
  e.writeUInt8(0, 3);
  e.writeUInt16LE(1, 4); // colour planes
  e.writeUInt16LE(32, 6); // bits per pixel
  e.writeUInt32LE(img.length, 8);
  e.writeUInt32LE(offset, 12);
  offset += img.length;
  return e;
});
fs.writeFileSync(path.join(pub, "favicon.ico"), Buffer.concat([header, ...entries, ...images]));
console.log("icons written to", pub);
