import { describe, expect, it } from "vitest";
import { Rng } from "../prng";
import { SpriteCanvas } from "./canvas";
import type { Pose } from "./design";
import { buildDesign, renderSprite } from "./engine";
import { wearDrawn } from "./face-wear";
import { parsePrompt } from "./prompt";

const base = { seed: 1, mode: "idle" as const, index: 0, count: 1 };

describe("eyewear and neckwear drawn on any being", () => {
  it("reads the wearable off the prompt and keeps the wearer as the subject", () => {
    for (const [prompt, subject, id] of [
      ["a dog wearing sunglasses", "dog", "sunglasses"],
      ["a wolf with an eyepatch", "wolf", "eyepatch"],
      ["a fox wearing a red scarf", "fox", "scarf"],
      ["a cat in a bow tie", "cat", "bow tie"],
      ["an owl wearing a monocle", "owl", "monocle"],
      ["戴着墨镜的狗", "dog", "sunglasses"],
    ] as const) {
      const info = parsePrompt(prompt);
      expect(info.subject, prompt).toBe(subject);
      expect(info.worn?.id, prompt).toBe(id);
    }
    // a thing with a collar is not dressed: the ordinary reading stays
    expect(parsePrompt("a shirt with a collar").worn?.id).not.toBe("collar");
  });

  it("sunglasses go over the eyes (below the top of the head), on every rig", async () => {
    for (const being of [
      "a dog",
      "a cat",
      "a slime",
      "a goblin",
      "a dragon",
      "a bear",
      "a horse",
    ]) {
      const worn = await renderSprite({ ...base, prompt: `${being} wearing sunglasses` });
      expect(worn.interpretation.summary, being).toMatch(/wearing sunglasses/);
      // drawn by the engine: no borrowed art credited for it
      expect(worn.interpretation.art.some((a) => a.use === "worn")).toBe(false);
      const d = wearOn(being, "sunglasses");
      expect(d.cells.length, being).toBeGreaterThanOrEqual(4);
      // not a hat: nothing above the head's top row, and on the upper part of the figure
      expect(Math.min(...d.cells.map((p) => p.y)), being).toBeGreaterThan(d.top);
      // (a slime's eyes sit at its middle)
      expect(mean(d.cells), being).toBeLessThan(d.top + (d.bottom - d.top) * 0.6);
    }
  });

  // dark lenses on a dark face (a pug's mask, a black cat) had no edge and vanished at 3×
  it("sunglasses on a dark face get a light frame; on a light face they stay all dark", async () => {
    const frameCells = async (prompt: string) => {
      const { grid } = await renderSprite({ ...base, prompt });
      let n = 0;
      for (let i = 0; i < grid.data.length; i += 4) {
        const [r, g, b, a] = [
          grid.data[i]!,
          grid.data[i + 1]!,
          grid.data[i + 2]!,
          grid.data[i + 3]!,
        ];
        // the sunglasses' light accent (#8fd3ff): a pale cyan no fur here has
        if (a > 128 && b > 200 && g > 150 && r < 190 && b > r + 50) n++;
      }
      return n;
    };
    for (const dark of ["a black cat", "a gorilla", "a black bear"])
      expect(await frameCells(`${dark} wearing sunglasses`), dark).toBeGreaterThanOrEqual(3);
    for (const light of ["a dog", "a white cat"])
      expect(await frameCells(`${light} wearing sunglasses`), light).toBeLessThanOrEqual(2);
  });

  it("neckwear sits lower than eyewear (on the neck), on every rig", () => {
    for (const being of ["a fox", "a goblin", "a dog", "a dragon"]) {
      const eyes = wearOn(being, "glasses");
      for (const neck of ["scarf", "bow tie", "collar"]) {
        const d = wearOn(being, neck);
        expect(d.cells.length, `${being} ${neck}`).toBeGreaterThanOrEqual(3);
        expect(mean(d.cells), `${being} ${neck}`).toBeGreaterThan(mean(eyes.cells));
      }
    }
  });
});

const mean = (cs: { y: number }[]) => cs.reduce((s, p) => s + p.y, 0) / cs.length;

/** The cells a wearable changes on a being's idle frame, and the figure's top and bottom rows. */
function wearOn(being: string, id: string) {
  const info = parsePrompt(being);
  const design = buildDesign(info, Rng.from("shape", being, 1), Rng.from("color", being, 1));
  const pose: Pose = {
    mode: "idle",
    view: design.restView,
    flip: false,
    bob: 0,
    stride: 0,
    lift: 0,
    attack: 0,
    t: 0,
  };
  const c = new SpriteCanvas(design.size, design.size);
  design.draw(c, pose);
  const before = c.mat.slice();
  const mats = [design.materials.length, design.materials.length + 1] as [number, number];
  wearDrawn(c, id, pose, design.materials, design.headParts, mats);
  const cells: { x: number; y: number }[] = [];
  let top = c.h;
  let bottom = -1;
  for (let i = 0; i < c.mat.length; i++) {
    const y = Math.floor(i / c.w);
    if (before[i]! >= 0) {
      top = Math.min(top, y);
      bottom = Math.max(bottom, y);
    }
    if (c.mat[i] !== before[i]) cells.push({ x: i % c.w, y });
  }
  return { cells, top, bottom };
}
