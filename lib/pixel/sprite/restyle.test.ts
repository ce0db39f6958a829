import { describe, expect, it } from "vitest";
import { material, SpriteCanvas } from "./canvas";
import type { Design } from "./design";
import { poseFor, prepareSprite, renderSpriteGrid } from "./engine";
import { MONO, silhouetteCells } from "./game-icons";
import { applyMaterials, drawMaterialFx } from "./modifiers";
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

  /**
   * A 32-cell fence wider than tall: four upright 5-cell boards joined by thin cut lines
   * (coverage 0.5).
   */
  function boards() {
    const n = 32;
    const cov = new Float32Array(n * n);
    for (let y = 8; y < 25; y++)
      for (let x = 5; x < 28; x++) cov[y * n + x] = (x - 5) % 6 === 5 && y > 9 && y < 23 ? 0.5 : 1;
    return silhouetteCells(cov, n);
  }

  it("the cut lines inside a silhouette are the drawing's own lines: no rim of light or shadow along them", () => {
    const r = boards();
    const n = 32;
    // the seams are detail; the cells either side of a seam are flat unless the outline is near
    for (const sx of [10, 16, 22]) {
      expect(r.idx[15 * n + sx]).toBe(MONO.detail);
      for (const x of [sx - 1, sx + 1]) expect(r.shade[15 * n + x], `x ${x}`).toBe(0);
    }
    // the outline still has its bevel: lit top-left, shadowed bottom-right
    expect(r.shade[8 * n + 12]).toBe(1);
    expect(r.shade[24 * n + 12]).toBe(-1);
  });

  it("drops a lone grazed cell of a cut line, keeps a cell that is mostly hole", () => {
    const n = 32;
    const cov = new Float32Array(n * n);
    for (let y = 6; y < 26; y++) for (let x = 6; x < 26; x++) cov[y * n + x] = 1;
    cov[12 * n + 12] = 0.56;
    cov[18 * n + 18] = 0.42;
    const r = silhouetteCells(cov, n);
    expect(r.idx[12 * n + 12]).toBe(MONO.body);
    expect(r.idx[18 * n + 18]).toBe(MONO.detail);
  });

  it("wood grain runs along each board, not across the boards", () => {
    const r = boards();
    const s = restyleSilhouette(r, "wood", false);
    const n = 32;
    // grain: a shadow tone on a cell the bevel left flat
    const grain = (i: number) => r.shade[i] === 0 && r.idx[i] === MONO.body && s.tone[i] === 1;
    let along = 0;
    let across = 0;
    for (let y = 8; y < 25; y++)
      for (let x = 5; x < 27; x++) {
        if (!grain(y * n + x)) continue;
        if (grain((y + 1) * n + x)) along++;
        if (grain(y * n + x + 1)) across++;
      }
    expect(along).toBeGreaterThan(0);
    expect(across).toBe(0);
  });

  it("a material word recolours a restyled silhouette and draws no second grain or specks on it", () => {
    const tones = (textured: boolean) => {
      const design: Design = {
        size: 32,
        materials: [material([160, 104, 58])],
        restView: "front",
        draw: () => {},
        textured,
      };
      const fx = applyMaterials(design, ["wooden", "stone"], true)!;
      const c = new SpriteCanvas(32, 32);
      c.rect(4, 4, 27, 27, 0, 1);
      drawMaterialFx(c, design, ["wooden", "stone"], fx, poseFor("idle", 0, "front"), 7);
      return [...c.tone].filter((t) => t === 1).length;
    };
    expect(tones(false)).toBeGreaterThan(50);
    expect(tones(true)).toBe(0);
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
