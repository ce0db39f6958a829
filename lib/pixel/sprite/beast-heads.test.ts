import { describe, expect, it } from "vitest";
import { rgbToHsv } from "../color";
import type { SpriteMode } from "../types";
import { BEAST_HEADS, beastHead } from "./beast-heads";
import { HUMANOID_PARTS as P } from "./costume-parts";
import { renderSpriteGrid } from "./engine";
import { FOLK_PART } from "./folk-parts";
import { parsePrompt } from "./prompt";
import { alikePairs, drawTake, partDifference, partMap } from "./test-helpers";
import { SUBJECT_BY_ID } from "./vocabulary";

type Map = ReturnType<typeof partMap>;
const cells = ({ c }: Map, part: number) => {
  const out: number[] = [];
  for (let i = 0; i < c.w * c.h; i++) if (c.mat[i]! >= 0 && c.part[i] === part) out.push(i);
  return out;
};
const box = (m: Map, list: number[]) => {
  const xs = list.map((i) => i % m.c.w);
  const ys = list.map((i) => (i / m.c.w) | 0);
  return { x0: Math.min(...xs), x1: Math.max(...xs), y0: Math.min(...ys), y1: Math.max(...ys) };
};
/** [hue, saturation, value] of a cell's material */
const hsv = (m: Map, i: number) => rgbToHsv(...m.design.materials[m.c.mat[i]!]!.ramp[2]);
const isGold = ([h, s, v]: number[]) => h! >= 35 && h! <= 55 && s! > 0.5 && v! > 0.7;
const isRed = ([h, s]: number[]) => (h! < 15 || h! > 345) && s! > 0.5;

describe("animal heads on a person (beast-heads.ts)", () => {
  it("an animal word before a person noun keeps its own row, and a colour before it is the fur", () => {
    expect(parsePrompt("a jackal warrior").race).toBe("beast:jackal");
    expect(parsePrompt("a fox knight").race).toBe("beast:fox");
    const anubis = parsePrompt("anubis");
    expect(anubis.race).toBe("beast:jackal");
    expect(rgbToHsv(...anubis.fur!)[2]).toBeLessThan(0.3);
    expect(anubis.features).toContain("gold collar");
    // a colour that is not right before the animal word is not the fur
    expect(parsePrompt("a fox knight with a blue cape").fur).toBeUndefined();
    expect(parsePrompt("a jackal-headed god").race).toBe("beast:jackal");
    expect(beastHead("nothing-like-it").ears).toBe("pointed");
    // every row has a Chinese name for the line: the vocabulary's, else its own
    for (const [id, row] of Object.entries(BEAST_HEADS))
      expect(SUBJECT_BY_ID.has(id) || !!row.zh, id).toBe(true);
  });

  it("a jackal's ears stand twice as tall as a cat's; a black head has gold eyes", () => {
    const earRise = (prompt: string) => {
      const m = partMap(prompt);
      return box(m, cells(m, P.head)).y0 - box(m, cells(m, P.hat)).y0;
    };
    expect(earRise("a jackal warrior")).toBeGreaterThanOrEqual(earRise("a cat warrior") + 2);
    const m = partMap("anubis");
    const face = cells(m, P.face).map((i) => hsv(m, i));
    expect(face.some(isGold)).toBe(true);
    // the broad collar: gold on the shoulders under the head
    const collar = cells(m, FOLK_PART.collar);
    expect(collar.length).toBeGreaterThan(6);
    expect(box(m, collar).y0).toBeGreaterThan(box(m, cells(m, P.head)).y1);
  });

  it("the monkey king: a monkey's pale face and curled tail, a gold headband, a red-and-gold pole", () => {
    const m = partMap("孙悟空");
    expect(m.info.race).toBe("beast:monkey");
    expect(m.info.held?.weapon).toBe("cudgel");
    expect(cells(m, P.tail).length).toBeGreaterThan(8);
    expect(cells(m, FOLK_PART.headband).length).toBeGreaterThan(5);
    const pale = cells(m, P.face).filter((i) => hsv(m, i)[2] > 0.8 && hsv(m, i)[1] < 0.4);
    expect(pale.length).toBeGreaterThan(10);
    const pole = cells(m, P.weapon).map((i) => hsv(m, i));
    expect(pole.some(isGold)).toBe(true);
    expect(pole.some(isRed)).toBe(true);
    // no mage's orb on it
    expect(cells(m, P.fx).length).toBe(0);
  });

  it("a tengu: a red face with a long nose out past the head, and dark crow wings", () => {
    for (const [mode, i] of [
      ["idle", 0],
      ["walk", 1],
    ] as [SpriteMode, number][]) {
      const m = partMap("tengu", 1, mode, i);
      const head = box(m, cells(m, P.head));
      const nose = cells(m, FOLK_PART.nose);
      expect(nose.length, mode).toBeGreaterThan(3);
      expect(box(m, nose).x1, mode).toBeGreaterThan(head.x1 + 1);
      expect(cells(m, P.head).filter((c) => isRed(hsv(m, c))).length, mode).toBeGreaterThan(10);
      const wings = cells(m, 236);
      expect(wings.length, mode).toBeGreaterThan(20);
      expect(Math.max(...wings.map((c) => hsv(m, c)[2])), mode).toBeLessThan(0.35);
    }
  });

  it("a crow's beak reaches past the chin; a cobra's hood is wider than its head", () => {
    const crow = partMap("a crow warrior");
    // the beak's grey (the eyes are dark, the feathers black)
    const beak = cells(crow, P.face).filter((i) => {
      const [, sat, v] = hsv(crow, i);
      return sat < 0.2 && v > 0.45 && v < 0.7;
    });
    expect(beak.length).toBeGreaterThan(4);
    expect(box(crow, beak).y1).toBeGreaterThan(box(crow, cells(crow, P.head)).y1);
    const naga = partMap("naga");
    expect(naga.info.features).toContain("snake body");
    const hood = box(naga, cells(naga, P.hat));
    const head = box(naga, cells(naga, P.head));
    expect(hood.x1 - hood.x0).toBeGreaterThan(head.x1 - head.x0 + 1);
    for (const id of Object.keys(BEAST_HEADS))
      expect(() => partMap(`a ${id} warrior`), id).not.toThrow();
  });

  it("four seeds of an animal warrior are four designs", () => {
    for (const prompt of ["anubis", "孙悟空", "a snake warrior"]) {
      const maps = [1, 2, 3, 4].map((t) => drawTake(prompt, t).part);
      expect(alikePairs(maps, 0.1, true), prompt).toEqual([]);
    }
  });
});

describe("a will-o'-the-wisp is a floating light", () => {
  it("reads every spelling as the wisp, not an elemental, and says so", () => {
    for (const p of ["will-o'-the-wisp", "a will o' the wisp", "will-o-wisp", "a wisp", "鬼火"]) {
      const info = parsePrompt(p);
      expect(info.subject, p).toBe("wisp");
      expect(info.unknown, p).toEqual([]);
    }
    const r = renderSpriteGrid({
      prompt: "will-o'-the-wisp",
      seed: 1,
      mode: "idle",
      index: 0,
      count: 1,
    });
    expect(r.interpretation.summary).toMatch(/Drawn as: wisp/);
    expect(r.interpretation.summary_zh).toMatch(/鬼火/);
  });

  it("floats off the ground, small, and flickers; four takes are four lights", () => {
    const c = drawTake("a wisp", 1);
    let low = 0;
    let any = 0;
    for (let i = 0; i < c.w * c.h; i++)
      if (c.mat[i]! >= 0) {
        any++;
        if (((i / c.w) | 0) > 26) low++;
      }
    expect(low).toBe(0);
    expect(any).toBeLessThan(32 * 32 * 0.3);
    const f0 = drawTake("a wisp", 1, "idle", 0).part;
    const f1 = drawTake("a wisp", 1, "idle", 1).part;
    expect(partDifference(f0, f1)).toBeGreaterThan(0.05);
    const takes = [1, 2, 3, 4].map((t) => drawTake("a wisp", t).part);
    expect(alikePairs(takes, 0.2, true)).toEqual([]);
  });
});

describe("a baby dragon and a rider on a pale mount", () => {
  it("a baby dragon has a bigger head against its body than a grown one, on 24 cells at least", () => {
    const ratio = (prompt: string) => {
      const m = partMap(prompt);
      const head = box(m, cells(m, 9));
      const body = box(m, cells(m, 5));
      return (head.y1 - head.y0 + 1) / (body.y1 - body.y0 + 1);
    };
    expect(ratio("a baby dragon")).toBeGreaterThan(ratio("a dragon") * 1.2);
    expect(parsePrompt("tiny baby dragon").size).toBeGreaterThanOrEqual(24);
    const m = partMap("tiny baby dragon");
    for (const part of [9, 4, 16]) expect(cells(m, part).length, `part ${part}`).toBeGreaterThan(2);
  });

  it("a grey knight on a white horse is drawn darker than the horse", () => {
    const prompt = "a knight riding a white horse";
    const r = renderSpriteGrid({ prompt, seed: 1, mode: "idle", index: 0, count: 1 });
    const horse = renderSpriteGrid({
      prompt: "a white horse",
      seed: 1,
      mode: "idle",
      index: 0,
      count: 1,
    });
    const dark = (g: typeof r.grid) => {
      let n = 0;
      for (let i = 0; i < g.width * g.height; i++)
        if (
          g.data[i * 4 + 3]! > 0 &&
          rgbToHsv(g.data[i * 4]!, g.data[i * 4 + 1]!, g.data[i * 4 + 2]!)[2] < 0.5
        )
          n++;
      return n;
    };
    expect(dark(r.grid)).toBeGreaterThan(dark(horse.grid) + 40);
  });

  it("a side-on skeleton's ribs hang from its spine: the gaps run down, not across", () => {
    const m = partMap("a skeletal wolf");
    const { c } = m;
    const body = box(
      m,
      [...c.mat.keys()].filter((i) => c.mat[i]! >= 0),
    );
    let down = 0;
    let across = 0;
    for (let y = body.y0 + 1; y < body.y1; y++)
      for (let x = body.x0 + 1; x < body.x1; x++) {
        const i = y * c.w + x;
        if (c.mat[i]! >= 0) continue;
        // a hole with bone on both sides, left and right (a rib gap) or above and below
        if (c.mat[i - 1]! >= 0 && c.mat[i + 1]! >= 0) down++;
        if (c.mat[i - c.w]! >= 0 && c.mat[i + c.w]! >= 0) across++;
      }
    // bars across (the front view's ribs) leave holes with bone above and below them instead
    expect(down).toBeGreaterThan(5);
    expect(across).toBeLessThan(down * 2);
  });

  it("a mermaid has a teal fish tail with a fin instead of legs, in both languages", () => {
    for (const p of ["a mermaid", "美人鱼", "a woman with a fish tail"]) {
      const m = partMap(p);
      expect(m.info.features, p).toContain("fish body");
      const tail = [...cells(m, P.legN), ...cells(m, P.legF)].filter((i) => {
        const [h, sat] = hsv(m, i);
        return h > 150 && h < 200 && sat > 0.4;
      });
      expect(tail.length, p).toBeGreaterThan(20);
      // the fin spreads wider than the tail's root at the hips
      const b = box(m, tail);
      expect(b.x1 - b.x0, p).toBeGreaterThan(8);
    }
  });

  it("a kappa's dish sits on its crown, narrower than the head", () => {
    const m = partMap("a kappa");
    const dish = box(m, cells(m, FOLK_PART.dish));
    const head = box(m, cells(m, P.head));
    expect(dish.y0).toBeLessThan(head.y0);
    expect(dish.x1 - dish.x0).toBeLessThanOrEqual(head.x1 - head.x0 + 2);
  });
});
