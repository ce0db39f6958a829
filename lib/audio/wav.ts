// 16-bit PCM WAV (RIFF): the one audio container every browser and engine plays without a codec.

export interface PcmAudio {
  sampleRate: number;
  /** mono samples in [-1, 1] */
  samples: Float32Array;
}

/** RIFF/WAVE with one `fmt ` chunk (PCM, format tag 1) and one `data` chunk, little-endian. */
export function encodeWav({ sampleRate, samples }: PcmAudio): Buffer {
  const dataBytes = samples.length * 2;
  const out = Buffer.alloc(44 + dataBytes);
  out.write("RIFF", 0, "ascii");
  out.writeUInt32LE(36 + dataBytes, 4);
  out.write("WAVE", 8, "ascii");
  out.write("fmt ", 12, "ascii");
  out.writeUInt32LE(16, 16); // PCM fmt chunk size
  out.writeUInt16LE(1, 20); // format tag: PCM
  out.writeUInt16LE(1, 22); // channels
  out.writeUInt32LE(sampleRate, 24);
  out.writeUInt32LE(sampleRate * 2, 28); // byte rate
  out.writeUInt16LE(2, 32); // block align
  out.writeUInt16LE(16, 34); // bits per sample
  out.write("data", 36, "ascii");
  out.writeUInt32LE(dataBytes, 40);
  for (let i = 0; i < samples.length; i++) {
    const s = Math.max(-1, Math.min(1, samples[i]!));
    out.writeInt16LE(Math.round(s < 0 ? s * 0x8000 : s * 0x7fff), 44 + i * 2);
  }
  return out;
}

/** Reads back a 16-bit mono/stereo PCM WAV (first channel); throws on anything else. */
export function decodeWav(buf: Buffer): PcmAudio & { channels: number } {
  if (buf.toString("ascii", 0, 4) !== "RIFF" || buf.toString("ascii", 8, 12) !== "WAVE")
    throw new Error("not a RIFF/WAVE file");
  let offset = 12;
  let fmt: { channels: number; sampleRate: number; bits: number } | undefined;
  while (offset + 8 <= buf.length) {
    const id = buf.toString("ascii", offset, offset + 4);
    const size = buf.readUInt32LE(offset + 4);
    const body = offset + 8;
    if (id === "fmt ") {
      if (buf.readUInt16LE(body) !== 1) throw new Error("not PCM");
      fmt = {
        channels: buf.readUInt16LE(body + 2),
        sampleRate: buf.readUInt32LE(body + 4),
        bits: buf.readUInt16LE(body + 14),
      };
    } else if (id === "data") {
      if (fmt?.bits !== 16) throw new Error("expected 16-bit PCM before data");
      if (body + size > buf.length) throw new Error("data chunk runs past the end");
      const frames = size / 2 / fmt.channels;
      const samples = new Float32Array(frames);
      for (let i = 0; i < frames; i++)
        samples[i] = buf.readInt16LE(body + i * 2 * fmt.channels) / 0x8000;
      return { sampleRate: fmt.sampleRate, samples, channels: fmt.channels };
    }
    offset = body + size + (size % 2);
  }
  throw new Error("no data chunk");
}
