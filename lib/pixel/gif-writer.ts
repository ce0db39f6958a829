// Minimal GIF89a writer for sprite animations. The LZW compressor is the textbook
// variable-code-width GIF LZW (Welch 1984 / GIF89a spec appendix F), written by hand here.
// Each frame is written only over its own opaque bounding box (image descriptor offset) with
// disposal 2 (restore to background) when the animation has transparency, so the encoder
// touches a fraction of the scaled canvas.

class ByteOut {
  buf = new Uint8Array(1 << 16);
  n = 0;
  byte(b: number): void {
    if (this.n >= this.buf.length) {
      const nb = new Uint8Array(this.buf.length * 2);
      nb.set(this.buf);
      this.buf = nb;
    }
    this.buf[this.n++] = b;
  }
  u16(v: number): void {
    this.byte(v & 255);
    this.byte((v >> 8) & 255);
  }
  bytes(a: ArrayLike<number>): void {
    for (let i = 0; i < a.length; i++) this.byte(a[i]!);
  }
}

let dictCache: { codes: Int16Array; stamp: Uint32Array } | null = null;
let generation = 0;
function dict() {
  dictCache ??= { codes: new Int16Array(4096 * 256), stamp: new Uint32Array(4096 * 256) };
  return dictCache;
}
function nextGen(): number {
  generation = (generation + 1) >>> 0;
  if (generation === 0) {
    dictCache!.stamp.fill(0);
    generation = 1;
  }
  return generation;
}

/** LZW-compress `px` (indices < 2^minBits) into GIF data sub-blocks. */
function lzw(out: ByteOut, px: Uint8Array, minBits: number): void {
  out.byte(minBits);
  const clear = 1 << minBits;
  const eoi = clear + 1;
  // dense dictionary: slot (prefix << 8 | byte) → code, valid when its stamp equals the current
  // generation (bumping the generation clears the table in O(1) on every LZW reset)
  const { codes, stamp } = dict();
  let gen = 0;
  let next = eoi + 1;
  let width = minBits + 1;
  let acc = 0;
  let accBits = 0;
  const block = new Uint8Array(255);
  let bn = 0;
  const emit = (code: number) => {
    acc |= code << accBits;
    accBits += width;
    while (accBits >= 8) {
      block[bn++] = acc & 255;
      if (bn === 255) {
        out.byte(255);
        out.bytes(block);
        bn = 0;
      }
      acc >>>= 8;
      accBits -= 8;
    }
  };
  const reset = () => {
    gen = nextGen();
    next = eoi + 1;
    width = minBits + 1;
  };
  reset();
  emit(clear);
  let prefix = px[0]!;
  for (let i = 1; i < px.length; i++) {
    const c = px[i]!;
    const key = (prefix << 8) | c;
    if (stamp[key] === gen) {
      prefix = codes[key]!;
      continue;
    }
    emit(prefix);
    if (next < 4096) {
      stamp[key] = gen;
      codes[key] = next++;
      if (next > 1 << width && width < 12) width++;
    } else {
      emit(clear);
      reset();
    }
    prefix = c;
  }
  emit(prefix);
  emit(eoi);
  if (accBits > 0) block[bn++] = acc & 255;
  if (bn) {
    out.byte(bn);
    out.bytes(block.subarray(0, bn));
  }
  out.byte(0);
}

export interface GifFrameIn {
  /** palette indices at logical size (w*h) */
  idx: Uint8Array;
  delayMs: number;
}

/**
 * Encode logical-size index frames at `scale`. Index `transparentIndex` (0) is transparent when
 * `transparent`; `palette` holds ≤256 [r,g,b].
 */
export function writeGif(
  frames: GifFrameIn[],
  w: number,
  h: number,
  scale: number,
  palette: number[][],
  o: { transparent: boolean; loop: boolean },
): Buffer {
  const out = new ByteOut();
  const W = w * scale;
  const H = h * scale;
  let bits = 1;
  while (1 << bits < palette.length) bits++;
  const size = 1 << bits;
  out.bytes([0x47, 0x49, 0x46, 0x38, 0x39, 0x61]); // GIF89a
  out.u16(W);
  out.u16(H);
  out.byte(0x80 | ((bits - 1) << 4) | (bits - 1));
  out.byte(0);
  out.byte(0);
  for (let i = 0; i < size; i++) {
    const c = palette[i] ?? [0, 0, 0];
    out.byte(c[0]!);
    out.byte(c[1]!);
    out.byte(c[2]!);
  }
  if (o.loop) {
    out.bytes([0x21, 0xff, 0x0b]);
    out.bytes([...Buffer.from("NETSCAPE2.0", "latin1")]);
    out.bytes([3, 1, 0, 0, 0]);
  }
  for (const f of frames) {
    // bounding box of opaque (non-transparent) pixels; full frame when opaque
    let x0 = 0;
    let y0 = 0;
    let x1 = w - 1;
    let y1 = h - 1;
    if (o.transparent) {
      x0 = w;
      y0 = h;
      x1 = -1;
      y1 = -1;
      for (let y = 0; y < h; y++)
        for (let x = 0; x < w; x++)
          if (f.idx[y * w + x] !== 0) {
            if (x < x0) x0 = x;
            if (x > x1) x1 = x;
            if (y < y0) y0 = y;
            if (y > y1) y1 = y;
          }
      if (x1 < 0) x0 = y0 = x1 = y1 = 0;
    }
    const bw = (x1 - x0 + 1) * scale;
    const bh = (y1 - y0 + 1) * scale;
    const big = new Uint8Array(bw * bh);
    for (let y = y0; y <= y1; y++) {
      const row = (y - y0) * scale * bw;
      for (let x = x0; x <= x1; x++) {
        const s = row + (x - x0) * scale;
        big.fill(f.idx[y * w + x]!, s, s + scale);
      }
      for (let k = 1; k < scale; k++) big.copyWithin(row + k * bw, row, row + bw);
    }
    // graphic control extension: disposal 2 (restore to background) when transparent
    out.bytes([0x21, 0xf9, 4]);
    out.byte(((o.transparent ? 2 : 1) << 2) | (o.transparent ? 1 : 0));
    out.u16(Math.round(f.delayMs / 10));
    out.byte(0);
    out.byte(0);
    out.byte(0x2c);
    out.u16(x0 * scale);
    out.u16(y0 * scale);
    out.u16(bw);
    out.u16(bh);
    out.byte(0);
    lzw(out, big, Math.max(2, bits));
  }
  out.byte(0x3b);
  return Buffer.from(out.buf.buffer, 0, out.n);
}
