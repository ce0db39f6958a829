import { describe, expect, it } from "vitest";
import { hexToRgb, rgbToHsv } from "../color";
import { renderSprite } from "./engine";
import { GAME_MATERIALS } from "./game-icons";
import { parsePrompt } from "./prompt";

/** Pixels of the backpack's green canvas (any tone of its ramp keeps the green hue). */
function packPixels(g: { data: Uint8ClampedArray }): number {
  let n = 0;
  for (let i = 0; i < g.data.length; i += 4) {
    const [r, gg, b, a] = [g.data[i]!, g.data[i + 1]!, g.data[i + 2]!, g.data[i + 3]!];
    if (a > 128 && gg > 60 && gg > r * 1.3 && gg > b * 1.2) n++;
  }
  return n;
}

const base = { seed: 1, mode: "idle" as const, index: 0, count: 1 };

/** Pixels of a colour close to the cape's red (any tone of its ramp keeps the red hue). */
function capePixels(g: { data: Uint8ClampedArray }): number {
  const [r0] = hexToRgb(GAME_MATERIALS.cape.base);
  let n = 0;
  for (let i = 0; i < g.data.length; i += 4) {
    const [r, gg, b, a] = [g.data[i]!, g.data[i + 1]!, g.data[i + 2]!, g.data[i + 3]!];
    if (a > 128 && r > 90 && r > gg * 2 && r > b * 1.6 && Math.abs(r - r0) < 120) n++;
  }
  return n;
}

describe("wearables on any subject", () => {
  it("a dog wearing a cape is a dog with a cape over its back, not a cape", async () => {
    const info = parsePrompt("a dog wearing a cape");
    expect(info.subject).toBe("dog");
    expect(info.worn?.id).toBe("cape");
    const dog = await renderSprite({ ...base, prompt: "a dog" });
    const caped = await renderSprite({ ...base, prompt: "a dog wearing a cape" });
    expect(caped.interpretation.summary).toMatch(/dog wearing cape/);
    // no borrowed art is credited for a drape the engine drew
    expect(caped.interpretation.art.some((a) => a.use === "worn")).toBe(false);
    expect(capePixels(caped.grid)).toBeGreaterThan(capePixels(dog.grid) + 25);
  });

  it("the cape stays on in every view of a walking animal", async () => {
    for (const [mode, index] of [
      ["walk", 1],
      ["directions", 0],
      ["directions", 1],
    ] as const) {
      const r = await renderSprite({ ...base, mode, index, count: 4, prompt: "a wolf in a cape" });
      expect(capePixels(r.grid), `${mode} ${index}`).toBeGreaterThan(4);
    }
  });

  it("a character wearing a cape draws its own", () => {
    expect(parsePrompt("a knight with a cape").worn?.id).toBe("cape");
    expect(parsePrompt("a knight with a cape").subject).toBe("knight");
  });
});

describe("X wearing Y, when Y is no headwear of the vocabulary", () => {
  it("a word that names a game icon (bandana, sombrero) is worn on any subject's top, in red cloth", async () => {
    for (const [prompt, bare, worn] of [
      ["an alpaca wearing a sombrero", "an alpaca", "sombrero"],
      ["a pangolin wearing a bandana", "a pangolin", "bandana"],
      ["a robot in a sombrero", "a robot", "sombrero"],
    ] as const) {
      const info = parsePrompt(prompt);
      expect(info.worn?.id, prompt).toBe(worn);
      expect(info.unknown, prompt).not.toContain(worn);
      const on = await renderSprite({ prompt, ...base });
      const off = await renderSprite({ prompt: bare, ...base });
      expect(capePixels(on.grid) - capePixels(off.grid), prompt).toBeGreaterThan(8);
      expect(on.interpretation.art.some((a) => a.use === "worn" && a.icon === worn)).toBe(true);
    }
  });

  it("goggles go on a subject only the long tail knows, which stays the subject", () => {
    const info = parsePrompt("a mole wearing goggles");
    expect([info.subject, info.worn?.id]).toEqual(["mole", "goggles"]);
    // armour is not headwear: a goblin in armour is not given a breastplate for a hat
    expect(parsePrompt("a goblin in armor").worn).toBeUndefined();
  });
});

describe("a being in body clothes is the being (eval-c: a knight in armor drew a chest plate)", () => {
  it("draws the knight, the soldier, the dog, and the line gives the clothes as the reason", () => {
    for (const [p, subject, garment] of [
      ["a knight in armor", "knight", "armor"],
      ["a knight wearing plate armour", "knight", "plate armour"],
      ["a soldier in leather armor", "soldier", "leather armor"],
      ["a dog in a coat", "dog", "coat"],
    ] as const) {
      const info = parsePrompt(p);
      expect(info.subject, p).toBe(subject);
      expect(info.lent, p).toEqual([]);
      expect(info.guesses.join(" "), p).toContain(`"${subject} in ${garment}"`);
      expect(info.guessesZh.length, p).toBe(info.guesses.length);
    }
  });

  it("armour alone, or held by a knight, is still the armour", () => {
    expect(parsePrompt("plate armor").subject).toBe("armour-plate");
    expect(parsePrompt("a knight with armor").held?.id).toBe("armour-plate");
  });

  it("a hedgehog wearing a tiny backpack carries a pack on its back, in every walk frame", async () => {
    const prompt = "a hedgehog wearing a tiny backpack";
    const info = parsePrompt(prompt);
    expect(info.subject).toBe("hedgehog");
    expect(info.worn?.id).toBe("backpack");
    // "tiny" sizes the backpack (and is said with it), not the hedgehog; before the wearer it sizes the wearer
    expect(info.sizeWord).toBeUndefined();
    expect(info.worn?.size).toBe("tiny");
    expect(parsePrompt("a tiny hedgehog wearing a backpack").sizeWord).toBe("tiny");
    const plain = await renderSprite({ ...base, prompt: "a hedgehog" });
    const packed = await renderSprite({ ...base, prompt });
    expect(packed.interpretation.summary).toMatch(/hedgehog wearing tiny backpack/);
    expect(packed.interpretation.summary).not.toMatch(/not drawn/);
    // drawn by the engine: no borrowed knapsack is credited
    expect(packed.interpretation.art).toEqual([]);
    expect(packPixels(packed.grid)).toBeGreaterThan(packPixels(plain.grid) + 6);
    for (const index of [0, 1, 2, 3]) {
      const r = await renderSprite({ ...base, mode: "walk", index, count: 4, prompt });
      expect(packPixels(r.grid), `walk ${index}`).toBeGreaterThan(6);
    }
    for (const index of [0, 1, 2, 3]) {
      const r = await renderSprite({
        ...base,
        mode: "directions",
        index,
        count: 4,
        prompt: "a fox with a backpack",
      });
      expect(packPixels(r.grid), `directions ${index}`).toBeGreaterThan(1);
    }
  });

  it("a person's backpack and a borrowed drawing's stay as they were", () => {
    expect(parsePrompt("a knight with a backpack").worn).toBeUndefined();
    // a front-facing frog face has no back to put it on
    expect(parsePrompt("a frog with a backpack").worn).toBeUndefined();
    // a raccoon walks on the rig now (it was a borrowed face): it wears the pack
    expect(parsePrompt("a raccoon with a backpack").worn?.id).toBe("backpack");
  });
});

describe("a colour said of the worn thing colours it, not the wearer (eval-f: a gold frog under its crown)", () => {
  const hueCount = async (prompt: string, lo: number, hi: number) => {
    const { grid } = await renderSprite({ prompt, seed: 1, mode: "idle", index: 0, count: 1 });
    let n = 0;
    for (let i = 0; i < grid.data.length; i += 4) {
      if (grid.data[i + 3]! === 0) continue;
      const [r, g, b] = [grid.data[i]!, grid.data[i + 1]!, grid.data[i + 2]!];
      if (Math.max(r, g, b) - Math.min(r, g, b) < 40) continue;
      const [hue] = rgbToHsv(r, g, b);
      if (hue >= lo && hue <= hi) n++;
    }
    return n;
  };

  it("reads the colour or surface word before the worn thing as the worn thing's, in both orders", () => {
    const frog = parsePrompt("a frog wearing a tiny gold crown");
    expect(frog.worn?.tint?.word).toBe("gold");
    expect(frog.materials).not.toContain("gold");
    const cat = parsePrompt("a cat wearing a red hat");
    expect(cat.worn?.tint?.word).toBe("red");
    expect(cat.colors).toEqual([]);
    expect(parsePrompt("一只戴着红帽子的猫").worn?.tint?.word).toBe("红");
    // the colour before the wearer is still the wearer's
    const red = parsePrompt("a red cat wearing a hat");
    expect(red.worn?.tint).toBeUndefined();
    expect(red.colors.length).toBe(1);
  });

  it("draws the worn thing in that colour and says so", async () => {
    expect(await hueCount("a dog wearing a blue cape", 200, 250)).toBeGreaterThan(15);
    expect(await hueCount("a dog wearing a cape", 200, 250)).toBeLessThan(3);
    const { interpretation } = await renderSprite({
      prompt: "a dog wearing a blue cape",
      seed: 1,
      mode: "idle",
      index: 0,
      count: 1,
    });
    expect(interpretation.summary).toContain("wearing blue cape");
    expect(interpretation.summary_zh).toContain("蓝色的披风");
  });
});
