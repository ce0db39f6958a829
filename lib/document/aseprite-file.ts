// A real `.aseprite` file from a document, following Aseprite's published format
// (docs/ase-file-specs.md in aseprite/aseprite): 128-byte header, one frame header per frame,
// then chunks — in the first frame the palette (0x2019), one layer chunk (0x2004) per layer and
// the tags (0x2018) with one user-data chunk (0x2020) each, a "pivot" slice (0x2022); in every frame one zlib-compressed cel (0x2005, type 2) per non-empty cel.
// RGBA documents are written at 32 bpp; indexed ones at 8 bpp with one extra, fully transparent
// palette entry as the transparent index (falling back to RGBA when the palette is full).
// Deflate is passed in (node:zlib on the server, CompressionStream or fflate in a browser), so this
// file stays browser-safe.
import { celRgba, hexToRgba, type SpriteDocument } from "./model";

export type Deflate = (raw: Uint8Array) => Uint8Array;

class Writer {
  private buf = new Uint8Array(1024);
  private view = new DataView(this.buf.buffer);
  length = 0;

  private ensure(n: number) {
    if (this.length + n <= this.buf.length) return;
    let size = this.buf.length * 2;
    while (size < this.length + n) size *= 2;
    const next = new Uint8Array(size);
    next.set(this.buf.subarray(0, this.length));
    this.buf = next;
    this.view = new DataView(next.buffer);
  }
  byte(v: number) {
    this.ensure(1);
    this.view.setUint8(this.length, v);
    this.length += 1;
  }
  word(v: number) {
    this.ensure(2);
    this.view.setUint16(this.length, v, true);
    this.length += 2;
  }
  long(v: number) {
    this.ensure(4);
    this.view.setInt32(this.length, v, true);
    this.length += 4;
  }
  short(v: number) {
    this.ensure(2);
    this.view.setInt16(this.length, v, true);
    this.length += 2;
  }
  dword(v: number) {
    this.ensure(4);
    this.view.setUint32(this.length, v, true);
    this.length += 4;
  }
  zeros(n: number) {
    this.ensure(n);
    this.buf.fill(0, this.length, this.length + n);
    this.length += n;
  }
  bytes(b: Uint8Array) {
    this.ensure(b.length);
    this.buf.set(b, this.length);
    this.length += b.length;
  }
  string(s: string) {
    const b = new TextEncoder().encode(s);
    this.word(b.length);
    this.bytes(b);
  }
  patchDword(at: number, v: number) {
    this.view.setUint32(at, v, true);
  }
  patchWord(at: number, v: number) {
    this.view.setUint16(at, v, true);
  }
  result(): Uint8Array {
    return this.buf.slice(0, this.length);
  }
}

const CHUNK_LAYER = 0x2004;
const CHUNK_CEL = 0x2005;
const CHUNK_TAGS = 0x2018;
const CHUNK_PALETTE = 0x2019;
const CHUNK_USER_DATA = 0x2020;
const CHUNK_SLICE = 0x2022;

/** Tag colours Aseprite shows on the timeline (cycled). */
const TAG_COLORS = [
  [0, 0, 0],
  [0xb2, 0x3a, 0x48],
  [0x2b, 0x6e, 0xc8],
  [0x3d, 0x9b, 0x4f],
];

function chunk(w: Writer, type: number, body: (w: Writer) => void) {
  const start = w.length;
  w.dword(0);
  w.word(type);
  body(w);
  w.patchDword(start, w.length - start);
}

/** The `.aseprite` bytes of a document. */
export function writeAsepriteFile(doc: SpriteDocument, deflate: Deflate): Uint8Array {
  const indexed = doc.colorMode === "indexed" && doc.palette.length < 256;
  const transparentIndex = indexed ? doc.palette.length : 0;
  const palette = indexed ? [...doc.palette, null] : doc.palette;
  const n = doc.width * doc.height;
  const w = new Writer();

  // Header (128 bytes).
  w.dword(0); // file size, patched at the end
  w.word(0xa5e0);
  w.word(doc.frames.length);
  w.word(doc.width);
  w.word(doc.height);
  w.word(indexed ? 8 : 32);
  w.dword(1); // layer opacity is valid
  w.word(doc.frames[0]?.durationMs ?? 100); // deprecated speed
  w.dword(0);
  w.dword(0);
  w.byte(transparentIndex);
  w.zeros(3);
  w.word(palette.length >= 256 ? 0 : palette.length);
  w.byte(1); // pixel ratio 1:1
  w.byte(1);
  w.zeros(128 - w.length);

  for (let f = 0; f < doc.frames.length; f++) {
    const frameStart = w.length;
    w.dword(0); // bytes in frame
    w.word(0xf1fa);
    const chunkCountAt = w.length;
    w.word(0); // old chunk count
    w.word(doc.frames[f]!.durationMs);
    w.zeros(2);
    w.dword(0); // new chunk count
    let chunks = 0;

    if (f === 0) {
      if (palette.length > 0) {
        chunk(w, CHUNK_PALETTE, (c) => {
          c.dword(palette.length);
          c.dword(0);
          c.dword(palette.length - 1);
          c.zeros(8);
          for (const hex of palette) {
            c.word(0);
            const rgba = hex === null ? 0 : hexToRgba(hex);
            c.byte(rgba >>> 24);
            c.byte((rgba >>> 16) & 255);
            c.byte((rgba >>> 8) & 255);
            c.byte(hex === null ? 0 : 255);
          }
        });
        chunks++;
      }
      for (const layer of doc.layers) {
        chunk(w, CHUNK_LAYER, (c) => {
          c.word((layer.visible ? 1 : 0) | (layer.locked ? 0 : 2));
          c.word(0); // normal layer
          c.word(0); // child level
          c.word(0);
          c.word(0);
          c.word(0); // blend mode normal
          c.byte(Math.round(layer.opacity * 255));
          c.zeros(3);
          c.string(layer.name);
        });
        chunks++;
      }
      if (doc.tags.length > 0) {
        chunk(w, CHUNK_TAGS, (c) => {
          c.word(doc.tags.length);
          c.zeros(8);
          doc.tags.forEach((t, i) => {
            c.word(t.from);
            c.word(t.to);
            c.byte(0); // forward
            c.word(0); // repeat: forever
            c.zeros(6);
            for (const v of TAG_COLORS[i % TAG_COLORS.length]!) c.byte(v);
            c.byte(0);
            c.string(t.name);
          });
        });
        chunks++;
        // "After a Tags chunk, there will be several user data chunks, one for each tag […] in
        // the same order as the tags" (ase-file-specs.md): the facing a tag was made for
        // (walk_down → direction=down) travels as the tag's user-data text, which Aseprite
        // shows in the tag's properties and scripts read as tag.data.
        for (const t of doc.tags) {
          chunk(w, CHUNK_USER_DATA, (c) => {
            if (!t.direction) {
              c.dword(0); // no text, no colour
              return;
            }
            c.dword(1); // has text
            c.string(`direction=${t.direction}`);
          });
          chunks++;
        }
      }
      // The pivot as Aseprite keeps one: a slice over the whole canvas with flag 2 "has pivot"
      // (pivot relative to the slice origin), which its sheet export writes as slices[].pivot.
      chunk(w, CHUNK_SLICE, (c) => {
        c.dword(1); // one key
        c.dword(2); // has pivot
        c.dword(0);
        c.string("pivot");
        c.dword(0); // from frame 0
        c.long(0);
        c.long(0);
        c.dword(doc.width);
        c.dword(doc.height);
        c.long(doc.pivot.x);
        c.long(doc.pivot.y);
      });
      chunks++;
    }

    for (let l = 0; l < doc.layers.length; l++) {
      let raw: Uint8Array;
      let empty = true;
      if (indexed) {
        const cel = doc.cels[l]![f] as Int16Array;
        raw = new Uint8Array(n);
        for (let i = 0; i < n; i++) {
          const v = cel[i]!;
          raw[i] = v < 0 ? transparentIndex : v;
          if (v >= 0) empty = false;
        }
      } else {
        const rgba = celRgba(doc, l, f);
        raw = new Uint8Array(rgba.buffer, rgba.byteOffset, rgba.length);
        for (let i = 3; i < raw.length; i += 4) {
          if (raw[i] !== 0) {
            empty = false;
            break;
          }
        }
      }
      // Aseprite leaves empty cels out; readers treat a missing cel as transparent.
      if (empty) continue;
      const packed = deflate(raw);
      chunk(w, CHUNK_CEL, (c) => {
        c.word(l);
        c.short(0);
        c.short(0);
        c.byte(255);
        c.word(2); // compressed image
        c.short(0); // z-index
        c.zeros(5);
        c.word(doc.width);
        c.word(doc.height);
        c.bytes(packed);
      });
      chunks++;
    }
    w.patchDword(frameStart, w.length - frameStart);
    // Both counts: the old WORD (0xFFFF when it does not fit) and the new DWORD.
    w.patchWord(chunkCountAt, Math.min(chunks, 0xffff));
    w.patchDword(chunkCountAt + 6, chunks);
  }
  w.patchDword(0, w.length);
  return w.result();
}
