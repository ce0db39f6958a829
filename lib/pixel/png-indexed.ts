// Hand-written indexed PNG writer. Why not sharp `png({palette:true})`: that path runs
// libimagequant over every screen pixel (slow at ×20) and is not guaranteed to keep our exact
// colours; our frames are already quantised, so we know the palette and can write it verbatim.
// Rows of a nearest-upscaled image repeat `scale` times, so filter "Up" turns them into zeros
// and zlib collapses them almost for free.
import zlib from "node:zlib";

const SIG = Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]);

function chunk(type: string, data: Buffer): Buffer {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, "ascii");
  data.copy(out, 8);
  out.writeUInt32BE(zlib.crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
}

/**
 * indices: one byte per pixel (w*h), palette: RGBA quads (≤256). Bit depth is chosen from the
 * palette size (1/2/4/8) to keep files small.
 */
export function encodeIndexedPng(
  indices: Uint8Array,
  width: number,
  height: number,
  palette: Uint8Array | number[],
  level = 6,
): Buffer {
  const n = palette.length / 4;
  if (n < 1 || n > 256) throw new Error(`indexed PNG needs 1–256 colours, got ${n}`);
  const depth = n <= 2 ? 1 : n <= 4 ? 2 : n <= 16 ? 4 : 8;
  const perByte = 8 / depth;
  const rowBytes = Math.ceil(width / perByte);
  const raw = Buffer.alloc((rowBytes + 1) * height);
  const prev = Buffer.alloc(rowBytes);
  const cur = Buffer.alloc(rowBytes);
  for (let y = 0; y < height; y++) {
    cur.fill(0);
    const base = y * width;
    if (depth === 8) {
      cur.set(indices.subarray(base, base + width));
    } else {
      for (let x = 0; x < width; x++) {
        const shift = 8 - depth * ((x % perByte) + 1);
        cur[(x / perByte) | 0]! |= indices[base + x]! << shift;
      }
    }
    const o = y * (rowBytes + 1);
    if (y > 0 && cur.equals(prev)) {
      raw[o] = 2; // filter Up: identical row → all zeros
    } else {
      raw[o] = 0;
      cur.copy(raw, o + 1);
      cur.copy(prev);
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = depth;
  ihdr[9] = 3; // colour type: indexed
  const plte = Buffer.alloc(n * 3);
  const trns = Buffer.alloc(n);
  let anyAlpha = false;
  for (let i = 0; i < n; i++) {
    plte[i * 3] = palette[i * 4]!;
    plte[i * 3 + 1] = palette[i * 4 + 1]!;
    plte[i * 3 + 2] = palette[i * 4 + 2]!;
    trns[i] = palette[i * 4 + 3]!;
    if (trns[i] !== 255) anyAlpha = true;
  }
  const parts = [SIG, chunk("IHDR", ihdr), chunk("PLTE", plte)];
  if (anyAlpha) {
    // tRNS may stop after the last non-opaque entry
    let last = n - 1;
    while (last >= 0 && trns[last] === 255) last--;
    parts.push(chunk("tRNS", trns.subarray(0, last + 1)));
  }
  parts.push(chunk("IDAT", zlib.deflateSync(raw, { level })), chunk("IEND", Buffer.alloc(0)));
  return Buffer.concat(parts);
}

/**
 * Indexed PNG of a logical index grid upscaled by `scale`, written straight into the filtered
 * scanline buffer: one packed row per logical row, the `scale-1` copies are filter-Up rows of
 * zeros (already zero in a fresh buffer). Avoids materialising the ×scale image at all.
 */
export function encodeIndexedPngScaled(
  indices: Uint8Array,
  width: number,
  height: number,
  scale: number,
  palette: Uint8Array | number[],
  // level 3: the data is mostly zero rows, higher levels cost 3× for ~1% smaller files
  level = 3,
): Buffer {
  const n = palette.length / 4;
  if (n < 1 || n > 256) throw new Error(`indexed PNG needs 1–256 colours, got ${n}`);
  const depth = n <= 2 ? 1 : n <= 4 ? 2 : n <= 16 ? 4 : 8;
  const perByte = 8 / depth;
  const W = width * scale;
  const H = height * scale;
  const rowBytes = Math.ceil(W / perByte);
  const raw = Buffer.alloc((rowBytes + 1) * H);
  for (let y = 0; y < height; y++) {
    const o = y * scale * (rowBytes + 1);
    raw[o] = 0;
    const base = y * width;
    for (let X = 0; X < W; X++) {
      const v = indices[base + ((X / scale) | 0)]!;
      if (depth === 8) raw[o + 1 + X] = v;
      else raw[o + 1 + ((X / perByte) | 0)]! |= v << (8 - depth * ((X % perByte) + 1));
    }
    for (let k = 1; k < scale; k++) raw[o + k * (rowBytes + 1)] = 2;
  }
  return finishPng(raw, W, H, depth, palette, level);
}

function finishPng(
  raw: Buffer,
  width: number,
  height: number,
  depth: number,
  palette: Uint8Array | number[],
  level: number,
): Buffer {
  const n = palette.length / 4;
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = depth;
  ihdr[9] = 3;
  const plte = Buffer.alloc(n * 3);
  const trns = Buffer.alloc(n);
  let last = -1;
  for (let i = 0; i < n; i++) {
    plte[i * 3] = palette[i * 4]!;
    plte[i * 3 + 1] = palette[i * 4 + 1]!;
    plte[i * 3 + 2] = palette[i * 4 + 2]!;
    trns[i] = palette[i * 4 + 3]!;
    if (trns[i] !== 255) last = i;
  }
  const parts = [SIG, chunk("IHDR", ihdr), chunk("PLTE", plte)];
  if (last >= 0) parts.push(chunk("tRNS", trns.subarray(0, last + 1)));
  parts.push(chunk("IDAT", zlib.deflateSync(raw, { level })), chunk("IEND", Buffer.alloc(0)));
  return Buffer.concat(parts);
}
