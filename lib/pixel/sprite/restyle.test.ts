import { describe, expect, it } from "vitest";
import { prepareSprite, renderSpriteGrid } from "./engine";
import { silhouetteCells } from "./game-icons";
import { restyleSilhouette, SLOT } from "./restyle";

/** A 32-cell silhouette: a thick 10×8 head at the top right and a 2-cell haft down to the left. */
function axeLike() {
  const n = 32;
  const cov = new Float32Array(n * n);
  for (let y = 3; y < 11; y++) for (let x = 18; x < 28; x++) cov[y * n + x] = 1;
  for (let k = 0; k < 20; k++) {
    const x = 20 - k;
    const y = 10 + k;
    if (y < n && x >= 0) {
      cov[y * n + x] = 1;
      if (x + 1 < n) cov[y * n + x + 1] = 1;
    }
  }
  return silhouetteCells(cov, n);
}

describe("restyle of borrowed silhouettes", () => {
  it("gives a hafted tool a wooden handle along its thin stroke, and only there", () => {
    const r = axeLike();
    const s = restyleSilhouette(r, "metal", true);
    const handle: number[] = [];
    for (let i = 0; i < s.slot.length; i++) if (s.slot[i] === SLOT.handle) handle.push(i);
    expect(handle.length).toBeGreaterThan(12);
    // every handle cell lies below the head
    for (const i of handle) expect(Math.floor(i / 32)).toBeGreaterThanOrEqual(10);
    // the head stays metal
    expect(s.slot[5 * 32 + 22]).toBe(SLOT.body);
    // a tool that is not hafted keeps one material
    const plain = restyleSilhouette(r, "metal", false);
    expect([...plain.slot].includes(SLOT.handle)).toBe(false);
  });

  it("textures the flat interior by surface: grain on wood, a glint on metal, none on plain", () => {
    const r = axeLike();
    const count = (t: Int8Array, v: number) => [...t].filter((x) => x === v).length;
    const wood = restyleSilhouette(r, "wood", false);
    const plain = restyleSilhouette(r, "plain", false);
    const metal = restyleSilhouette(r, "metal", false);
    expect(count(wood.tone, 1)).toBeGreaterThan(count(plain.tone, 1));
    expect(count(metal.tone, 4)).toBe(1);
    expect(count(plain.tone, 4)).toBe(0);
  });

  it("draws a borrowed iron anvil with a white glint where the light meets it", async () => {
    for (const seed of [1, 2, 3]) {
      const o = { prompt: "an anvil", seed, mode: "idle" as const, index: 0, count: 1 };
      await prepareSprite(o);
      const r = renderSpriteGrid(o);
      expect(r.interpretation.summary).toMatch(/game-icons/);
      const { data, width } = r.grid;
      let white = -1;
      let top = -1;
      for (let i = 0; i < data.length; i += 4) {
        if (data[i + 3]! < 128) continue;
        if (top < 0) top = Math.floor(i / 4 / width);
        if (data[i]! === 255 && data[i + 1]! === 255 && data[i + 2]! === 255) white = i / 4;
      }
      expect(white).toBeGreaterThanOrEqual(0);
      // on the upper half of the drawing, the side the light comes from
      expect(Math.floor(white / width)).toBeLessThan(top + (width - top) / 2);
    }
  });

  it("leaves emoji art's own colour clusters alone (only silhouettes get dark cut-out lines)", async () => {
    const o = { prompt: "a heart", seed: 4, mode: "idle" as const, index: 0, count: 1 };
    await prepareSprite(o);
    const { data } = renderSpriteGrid(o).grid;
    let opaque = 0;
    let red = 0;
    for (let i = 0; i < data.length; i += 4) {
      if (data[i + 3]! < 128) continue;
      opaque++;
      if (data[i]! > 180) red++;
    }
    expect(red).toBeGreaterThan(opaque * 0.5);
  });

  it("grows a drawing of thin strokes into the partly covered cells beside them at 32 cells", () => {
    const n = 32;
    const cov = new Float32Array(n * n);
    // an X of 1-cell strokes, each with a partly covered cell on its right
    for (let k = 2; k < 30; k++) {
      cov[k * n + k] = 0.9;
      cov[k * n + k + 1] = 0.3;
      cov[k * n + (n - 1 - k)] = 0.9;
      cov[k * n + (n - k)] = 0.3;
    }
    const r = silhouetteCells(cov, n);
    const drawn = [...r.idx].filter((q) => q >= 0).length;
    expect(drawn).toBeGreaterThan(28 * 2 * 1.6);
    // a solid shape keeps its outline where it was
    const block = new Float32Array(n * n);
    for (let y = 8; y < 24; y++) for (let x = 8; x < 24; x++) block[y * n + x] = 1;
    block[8 * n + 7] = 0.3;
    expect(silhouetteCells(block, n).idx[8 * n + 7]).toBe(-1);
  });
});
