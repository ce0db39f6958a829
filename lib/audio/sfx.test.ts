import { describe, expect, it } from "vitest";
import { chooseSfx, generateSfx, SFX_KINDS } from "./sfx";
import { decodeWav } from "./wav";

/** zero crossings per second over a stretch of samples: a rough pitch for a tonal sound */
function crossingRate(s: Float32Array, from: number, to: number, rate: number): number {
  let n = 0;
  for (let i = from + 1; i < to; i++) if (s[i - 1]! < 0 !== s[i]! < 0) n++;
  return n / ((to - from) / rate);
}

const rms = (s: Float32Array) => Math.sqrt(s.reduce((a, v) => a + v * v, 0) / s.length);

describe("sound effects", () => {
  it.each(SFX_KINDS)("%s renders a playable 16-bit WAV that is not silent", (kind) => {
    const sfx = generateSfx(kind, 7);
    expect(sfx.kind).toBe(kind);
    const pcm = decodeWav(sfx.wav);
    expect(pcm.sampleRate).toBe(44_100);
    expect(pcm.channels).toBe(1);
    expect(sfx.durationMs).toBeGreaterThan(30);
    expect(sfx.durationMs).toBeLessThan(2000);
    expect(rms(pcm.samples)).toBeGreaterThan(0.02);
    expect(Math.max(...pcm.samples.map(Math.abs))).toBeLessThanOrEqual(1);
    // ends quietly (no click)
    expect(Math.abs(pcm.samples[pcm.samples.length - 1]!)).toBeLessThan(0.01);
  });

  it("is the same for the same seed and differs between seeds", () => {
    for (const kind of SFX_KINDS) {
      expect(generateSfx(kind, 3).wav.equals(generateSfx(kind, 3).wav)).toBe(true);
      expect(generateSfx(kind, 3).wav.equals(generateSfx(kind, 4).wav)).toBe(false);
    }
  });

  it("moves pitch the way each kind should: jump and coin rise, laser falls", () => {
    for (const seed of [1, 2, 3, 4, 5]) {
      const rate = 44_100;
      const pitch = (kind: string) => {
        const s = decodeWav(generateSfx(kind, seed).wav).samples;
        const q = Math.floor(s.length / 4);
        return [crossingRate(s, 0, q, rate), crossingRate(s, 2 * q, 3 * q, rate)] as const;
      };
      const [jumpA, jumpB] = pitch("jump");
      expect(jumpB).toBeGreaterThan(jumpA * 1.2);
      const [laserA, laserB] = pitch("laser");
      expect(laserB).toBeLessThan(laserA);
      const coin = decodeWav(generateSfx("coin", seed).wav).samples;
      expect(crossingRate(coin, 0, 1500, rate)).toBeLessThan(
        crossingRate(coin, coin.length - 3000, coin.length - 1500, rate),
      );
    }
  });

  it("picks the sound from English and Chinese prompt words", () => {
    expect(chooseSfx("8-bit jump for a platformer", 1)).toEqual({ kind: "jump", matched: "jump" });
    expect(chooseSfx("Collect a COIN!", 1).kind).toBe("coin");
    expect(chooseSfx("sci-fi laser blast", 1).kind).toBe("laser");
    expect(chooseSfx("big explosion", 1).kind).toBe("explosion");
    expect(chooseSfx("player gets hurt", 1).kind).toBe("hit");
    expect(chooseSfx("power-up sparkle", 1).kind).toBe("powerup");
    expect(chooseSfx("menu select", 1).kind).toBe("blip");
    expect(chooseSfx("角色跳跃音效", 1)).toEqual({ kind: "jump", matched: "跳跃" });
    expect(chooseSfx("吃到金币", 1).kind).toBe("coin");
    expect(chooseSfx("激光枪", 1).kind).toBe("laser");
    expect(chooseSfx("巨大的爆炸", 1).kind).toBe("explosion");
    expect(chooseSfx("受伤", 1).kind).toBe("hit");
    expect(chooseSfx("升级", 1).kind).toBe("powerup");
    expect(chooseSfx("菜单选择", 1).kind).toBe("blip");
    // whole words only: "string" is not a ring
    expect(chooseSfx("string theory", 1).matched).toBeUndefined();
  });

  it("says so when it understood no sound word, and picks by seed", () => {
    const sfx = generateSfx("a quiet afternoon", 11);
    expect(sfx.matched).toBeUndefined();
    expect(sfx.note).toMatch(/no sound word understood/);
    expect(
      new Set([1, 2, 3, 4, 5, 6, 7, 8].map((s) => generateSfx("xyz", s).kind)).size,
    ).toBeGreaterThan(1);
  });

  it("speed makes the sound shorter", () => {
    expect(generateSfx("coin", 5, 2).durationMs).toBeLessThan(
      generateSfx("coin", 5, 1).durationMs * 0.6,
    );
  });
});
