import { describe, expect, it } from "vitest";
import { hexToRgb } from "../color";
import type { SpriteCanvas } from "./canvas";
import { HUMANOID_PARTS as P } from "./costume-parts";
import type { Design } from "./design";
import { interpretPrompt } from "./interpretation";
import { parsePrompt } from "./prompt";
import { drawTakeWithDesign } from "./test-helpers";

/** One idle frame at 32 cells, square on, with the design it was drawn from. */
function draw(prompt: string, take = 1): { c: SpriteCanvas; d: Design } {
  const { canvas, design } = drawTakeWithDesign(prompt, take, "idle", 0, (pose) => {
    pose.view = "front";
  });
  return { c: canvas, d: design };
}

/** humanoid.ts's material order: skin, hair, cloth, pants, boots, metal, accent, eye, hollow */
const HAIR = 1;
const HOLLOW = 8;

/** The material indices whose base colour is `hex`. */
function matsOf(d: Design, hex: string): number[] {
  const [r, g, b] = hexToRgb(hex);
  return d.materials.flatMap((m, i) =>
    m.ramp[2][0] === r && m.ramp[2][1] === g && m.ramp[2][2] === b ? [i] : [],
  );
}

/** Cells drawn with one of `mats` (and, when given, on one of `parts`). */
function cells(c: SpriteCanvas, mats: number[], parts?: number[]): [number, number][] {
  const out: [number, number][] = [];
  for (let y = 0; y < c.h; y++)
    for (let x = 0; x < c.w; x++) {
      const i = y * c.w + x;
      if (mats.includes(c.mat[i]!) && (!parts || parts.includes(c.part[i]!))) out.push([x, y]);
    }
  return out;
}

/** Rows the given parts cover: [top, bottom] (undefined when absent). */
function rows(c: SpriteCanvas, parts: number[]): [number, number] | undefined {
  let top = Infinity;
  let bot = -Infinity;
  for (let y = 0; y < c.h; y++)
    for (let x = 0; x < c.w; x++) {
      const i = y * c.w + x;
      if (c.mat[i]! >= 0 && parts.includes(c.part[i]!)) {
        top = Math.min(top, y);
        bot = Math.max(bot, y);
      }
    }
  return top <= bot ? [top, bot] : undefined;
}

describe("person words: read and said", () => {
  it("reads sex, age and mood in English and Chinese, and no longer calls them unknown", () => {
    const cases: [string, Record<string, string | undefined>][] = [
      ["a female knight", { sex: "female" }],
      ["a woman knight", { sex: "female" }],
      ["a girl wizard", { sex: "female", age: "child" }],
      ["an angry old dwarf", { mood: "angry" }],
      ["a sleepy guard", { mood: "sleepy" }],
      ["a happy farmer", { mood: "happy" }],
      ["a scared villager", { mood: "scared" }],
      ["a sad princess", { mood: "sad" }],
      ["女战士", { sex: "female" }],
      ["生气的矮人", { mood: "angry" }],
    ];
    for (const [prompt, want] of cases) {
      const info = parsePrompt(prompt);
      expect(info.builder, prompt).toBe("humanoid");
      for (const [k, v] of Object.entries(want))
        expect(info.person?.[k as "sex" | "age" | "mood"], `${prompt} ${k}`).toBe(v);
      for (const w of info.person?.words ?? []) {
        expect(info.unknown, prompt).not.toContain(w);
        expect(info.ignored, prompt).not.toContain(w);
      }
    }
  });

  it("says what it drew for each word, in both languages", () => {
    const i = interpretPrompt("an angry female knight", { seed: 1 });
    expect(i.summary).toMatch(/angry \(scowl/);
    expect(i.summary).toMatch(/female \(long hair/);
    expect(i.summary).not.toMatch(/not understood/);
    expect(i.summary_zh).toMatch(/生气的/);
    expect(i.summary_zh).toMatch(/女性/);
  });

  it("leaves a queen and a witch their own look (no second 'female')", () => {
    expect(parsePrompt("a queen").person?.sex).toBeUndefined();
    expect(parsePrompt("a witch").person).toBeUndefined();
  });
});

describe("person words: drawn", () => {
  it("a female knight shows her face, lips and long hair, and no beard", () => {
    const { c, d } = draw("a female knight");
    expect(cells(c, matsOf(d, "#c04858"), [P.face]).length).toBeGreaterThan(0);
    // long hair below the helmet's rim, on both sides of the head
    const head = rows(c, [P.head, P.face])!;
    const below = cells(c, [HAIR], [P.hat]).filter(([, y]) => y > head[1] - 3);
    const { c: plain } = draw("a knight");
    const plainBelow = cells(plain, [HAIR], [P.hat]).filter(([, y]) => y > head[1] - 3);
    expect(below.length).toBeGreaterThan(plainBelow.length);
  });

  it("an old woman wears a shawl, stoops and leans on a cane; an old man too, with a beard", () => {
    const { c: old } = draw("an old man");
    const { c: young } = draw("a man");
    // the cane is a weapon part that reaches the ground
    const w = rows(old, [P.weapon])!;
    expect(w[1]).toBeGreaterThanOrEqual(26);
    // stooped: the head sits lower than the upright man's
    expect(rows(old, [P.head])![0]).toBeGreaterThan(rows(young, [P.head])![0]);
  });

  it("a child is smaller with a bigger head for its height", () => {
    const ratio = (p: string) => {
      const { c } = draw(p);
      const h = rows(c, [P.head])!;
      const all = rows(c, [P.head, P.torso, P.legN, P.legF, P.hat])!;
      return (h[1] - h[0] + 1) / (all[1] - all[0] + 1);
    };
    expect(ratio("a child")).toBeGreaterThan(ratio("a man") * 1.1);
  });

  it("each mood draws its mark or face", () => {
    const angry = draw("an angry old dwarf");
    expect(cells(angry.c, matsOf(angry.d, "#e8283c"), [P.fx]).length).toBeGreaterThan(4);
    const sleepy = draw("a sleepy wizard");
    const z = cells(sleepy.c, matsOf(sleepy.d, "#e8f0ff"), [P.fx]);
    expect(z.length).toBeGreaterThan(6);
    const scared = draw("a scared villager");
    expect(cells(scared.c, matsOf(scared.d, "#58b8f0")).length).toBeGreaterThan(0);
    const evil = draw("an evil king");
    expect(cells(evil.c, matsOf(evil.d, "#e8283c"), [P.face]).length).toBeGreaterThan(0);
    // a smile and a frown are mouths of dark pixels under the eyes
    for (const p of ["a happy farmer", "a sad farmer"]) {
      const { c } = draw(p);
      const head = rows(c, [P.head])!;
      const mouth = cells(c, [HOLLOW], [P.face]).filter(([, y]) => y >= head[1] - 2);
      expect(mouth.length, p).toBeGreaterThanOrEqual(3);
    }
  });
});

describe("orders and trades: the part that says who they are", () => {
  /** Cells of a part whose base colour is `hex`. */
  const coloured = (prompt: string, hex: string, parts: number[], take = 1) => {
    const { c, d } = draw(prompt, take);
    return cells(c, matsOf(d, hex), parts);
  };

  it("a paladin wears a white tabard with a gold cross and carries a shield with one", () => {
    for (let take = 1; take <= 4; take++) {
      expect(
        coloured("a paladin", "#f0f0f4", [P.robe], take).length,
        `take ${take}`,
      ).toBeGreaterThan(6);
      expect(
        coloured("a paladin", "#e8c040", [P.torso], take).length,
        `take ${take}`,
      ).toBeGreaterThan(2);
    }
    expect(coloured("a paladin", "#e8c040", [P.weapon]).length).toBeGreaterThan(2);
    // a crusader's cross is red on the same white
    expect(coloured("a templar", "#d8283c", [P.torso]).length).toBeGreaterThan(2);
    expect(parsePrompt("圣骑士").role).toBe("paladin");
  });

  it("a monk's bo is a long plain pole with no orb; a fisherman's rod has a line to a float", () => {
    const { c } = draw("a shaolin monk");
    const bo = rows(c, [P.weapon])!;
    expect(bo[1] - bo[0]).toBeGreaterThanOrEqual(14);
    expect(rows(c, [P.fx])).toBeUndefined();
    expect(parsePrompt("少林武僧").role).toBe("monk");
    const rod = draw("a fisherman");
    const line = cells(rod.c, matsOf(rod.d, "#46464f"), [P.fx]);
    expect(line.length).toBeGreaterThanOrEqual(6);
    expect(cells(rod.c, matsOf(rod.d, "#d8283c"), [P.fx]).length).toBeGreaterThan(0);
  });

  it("a viking warrior is a viking: horns on an open helm, a beard, a round shield", () => {
    const info = parsePrompt("Viking warrior");
    expect(info.role).toBe("viking");
    expect(info.ignored).toEqual([]);
    const { c, d } = draw("Viking warrior");
    const horn = cells(c, matsOf(d, "#f4f0e0"), [P.hat]);
    expect(horn.length).toBeGreaterThan(3);
    // the beard: hair-coloured face cells below the eyes
    const head = rows(c, [P.head])!;
    expect(cells(c, [HAIR], [P.face]).filter(([, y]) => y > head[0] + 4).length).toBeGreaterThan(4);
    // round: on the free arm (screen left), the shield's top row is narrower than its middle
    // (a kite's top is its widest row)
    const width = (prompt: string) => {
      const { c: s } = draw(prompt);
      const sh = cells(
        s,
        d.materials.map((_, i) => i),
        [P.weapon],
      ).filter(([x]) => x < 13);
      const ys = sh.map(([, y]) => y);
      const w = (y: number) => sh.filter(([, yy]) => yy === y).length;
      const top = Math.min(...ys);
      const mid = Math.round((top + Math.max(...ys)) / 2);
      return { top: w(top), mid: w(mid), n: sh.length };
    };
    const round = width("Viking warrior");
    expect(round.n).toBeGreaterThan(12);
    expect(round.top).toBeLessThan(round.mid);
  });

  it("a spartan's and a legionary's helm carries a red crest; a pharaoh wears the striped nemes", () => {
    for (const p of ["a spartan", "a roman legionary", "a gladiator"]) {
      const { c, d } = draw(p);
      const head = rows(c, [P.head])!;
      const crest = cells(c, matsOf(d, "#c8283c"), [P.hat]).filter(([, y]) => y < head[0]);
      expect(crest.length, p).toBeGreaterThan(3);
    }
    const nemes = draw("a pharaoh");
    expect(cells(nemes.c, matsOf(nemes.d, "#2c4ca8"), [P.hat]).length).toBeGreaterThan(6);
    expect(cells(nemes.c, matsOf(nemes.d, "#e8b830"), [P.hat]).length).toBeGreaterThan(6);
  });

  it("a musketeer's hat has a plume; a sheriff wears a star", () => {
    const m = draw("a musketeer");
    const head = rows(m.c, [P.head])!;
    expect(
      cells(m.c, matsOf(m.d, "#f4f0e0"), [P.hat]).filter(([, y]) => y < head[0]).length,
    ).toBeGreaterThan(2);
    expect(coloured("a sheriff", "#e8c040", [P.torso]).length).toBe(5);
    // a geisha: a white face under black hair in a bun
    expect(parsePrompt("艺伎").role).toBe("geisha");
    expect(coloured("a geisha", "#f6ece8", [P.head]).length).toBeGreaterThan(30);
    expect(coloured("a geisha", "#1c1828", [P.hat]).length).toBeGreaterThan(10);
  });
});
