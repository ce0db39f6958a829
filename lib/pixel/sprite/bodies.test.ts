import { describe, expect, it } from "vitest";
import { material, SpriteCanvas } from "./canvas";
import { HUMANOID_PARTS } from "./costume-parts";
import type { Design, Pose } from "./design";
import { renderSpriteGrid } from "./engine";
import { interpretPrompt } from "./interpretation";
import { applyMaterials, drawMaterialFx } from "./modifiers";
import { parsePrompt } from "./prompt";
import { drawTake, idleStill, partMap, pixelsNear } from "./test-helpers";

// animal.ts P
const BODY = 3;

/** One take's profile frame (as the engine draws a quadruped at rest), part ids, 0 = empty. */
function sideParts(prompt: string, take = 1): Uint8Array {
  const c = drawTake(prompt, take, "idle", 0, (pose) => {
    pose.pitch = 0;
    pose.rest = true;
  });
  for (let i = 0; i < c.part.length; i++) if (c.mat[i]! < 0) c.part[i] = 0;
  return c.part;
}

/** Rows and columns a part covers: [height, width]. */
function extent(map: Uint8Array, parts: number[]): [number, number] {
  let y0 = 99;
  let y1 = -1;
  let x0 = 99;
  let x1 = -1;
  for (let i = 0; i < map.length; i++)
    if (parts.includes(map[i]!)) {
      const x = i % 32;
      const y = Math.floor(i / 32);
      y0 = Math.min(y0, y);
      y1 = Math.max(y1, y);
      x0 = Math.min(x0, x);
      x1 = Math.max(x1, x);
    }
  return [y1 - y0 + 1, x1 - x0 + 1];
}

/** Cells of any drawn part in the rows from y0 down (a person's trunk and legs), per row widest. */
function widest(map: Uint8Array, y0: number, y1: number): number {
  let w = 0;
  for (let y = y0; y <= y1; y++) {
    let n = 0;
    for (let x = 0; x < 32; x++) if (map[y * 32 + x]) n++;
    w = Math.max(w, n);
  }
  return w;
}

describe("fat (#20: 'fat', 'chubby', 'with a big belly' were not understood)", () => {
  it("is read in English and Chinese, said in both lines, and not left unknown", () => {
    for (const p of [
      "a fat cat",
      "a chubby dog",
      "a plump pig",
      "an ogre with a big belly",
      "胖猫",
    ]) {
      const info = parsePrompt(p);
      expect(info.fat, p).toBe(true);
      expect(info.unknown, p).toEqual([]);
      const line = interpretPrompt(p, { seed: 1 });
      expect(line.summary, p).toMatch(/\bfat\b/);
      expect(line.summary, p).not.toMatch(/not understood/);
      expect(line.summary_zh, p).toContain("胖");
    }
    // "big belly" is the body, not the sprite's size
    expect(parsePrompt("a goblin with a big belly").sizeWord).toBeUndefined();
  });

  it("a thing has no body to widen: said not drawn", () => {
    const info = parsePrompt("a fat sword");
    expect(info.fat).toBeUndefined();
    expect(interpretPrompt("a fat sword", { seed: 1 }).summary).toMatch(/not drawn: fat/);
  });

  it("the four-legged rig draws a deeper body", () => {
    for (const a of ["cat", "dog", "pig", "wolf"]) {
      const [plainH] = extent(sideParts(`a ${a}`), [BODY]);
      const [fatH] = extent(sideParts(`a fat ${a}`), [BODY]);
      expect(fatH, a).toBeGreaterThanOrEqual(plainH + 2);
    }
  });

  it("a person's trunk is wider", () => {
    for (const p of ["knight", "villager", "wizard"]) {
      const plain = drawTake(`a ${p}`, 1).part;
      const fat = drawTake(`a fat ${p}`, 1).part;
      expect(widest(fat, 14, 24), p).toBeGreaterThan(widest(plain, 14, 24) + 2);
    }
  });
});

// animal.ts P
const HEAD = 4;
const EAR = 5;
const TAIL = 6;
const FX = 9;
const SNOUT = 11;

const rows = (map: Uint8Array, part: number) => {
  const ys: number[] = [];
  for (let i = 0; i < map.length; i++) if (map[i] === part) ys.push(Math.floor(i / 32));
  return { top: Math.min(...ys), bottom: Math.max(...ys), n: ys.length };
};
const cols = (map: Uint8Array, part: number) => {
  const xs: number[] = [];
  for (let i = 0; i < map.length; i++) if (map[i] === part) xs.push(i % 32);
  return { left: Math.min(...xs), right: Math.max(...xs) };
};

/** Pixels of a still (32 px) near a colour. */
function near(prompt: string, rgb: [number, number, number], seed = 1, tol = 40): number {
  const { grid } = renderSpriteGrid({ prompt, seed, mode: "idle", index: 0, count: 1, size: 32 });
  return pixelsNear(grid, rgb, tol);
}

describe("crude animal bodies (#20, eval-f: a pink cat for a pig, a white pig for a polar bear)", () => {
  it("a pig's ears flop forward (no pricked cat ears over the crown) and its snout disc shows", () => {
    for (const take of [1, 2, 3, 4]) {
      const m = sideParts("a pig", take);
      expect(rows(m, EAR).top, `take ${take}`).toBeGreaterThanOrEqual(rows(m, HEAD).top - 2);
      expect(rows(m, SNOUT).n, `take ${take}`).toBeGreaterThanOrEqual(9);
    }
    // a corkscrew tail: it rises off the rump and comes back down (a loop, not a stub)
    const tail = rows(sideParts("a pig"), TAIL);
    expect(tail.bottom - tail.top).toBeGreaterThanOrEqual(2);
  });

  it("a bear's nose is black, not a cat's (or a pig's) pink", () => {
    for (const p of ["Polar Bear", "a brown bear", "a bear"])
      expect(near(p, [0xe0, 0x78, 0x88], 1, 30), p).toBe(0);
    // a cat keeps its pink nose
    expect(near("a white cat", [0xe0, 0x78, 0x88], 1, 30)).toBeGreaterThan(0);
  });

  it("a rat is drawn on the rig, grey-brown with a long bare tail, not the pet-mouse emoji", () => {
    for (const p of ["a giant sewer rat", "a rat", "rats"]) {
      const info = parsePrompt(p);
      expect(info.builder, p).toBe("animal");
      expect(info.breed, p).toBe("rat");
      expect(interpretPrompt(p, { seed: 1 }).summary, p).toMatch(/rat's look: grey-brown/);
    }
    const tail = cols(sideParts("a rat"), TAIL);
    expect(tail.right - tail.left).toBeGreaterThanOrEqual(5);
    // the plain mouse is still the mouse
    expect(parsePrompt("a mouse").builder).toBe("icon");
  });

  it("a mountain goat is white with dark horns rooted on the head, not over the shoulders", () => {
    expect(parsePrompt("mountain goat").breed).toBe("mountain goat");
    for (const take of [1, 2, 3, 4]) {
      const m = sideParts("mountain goat", take);
      const head = cols(m, HEAD);
      const horn = cols(m, FX);
      expect(horn.right, `take ${take}`).toBeGreaterThanOrEqual(head.left + 2);
    }
    expect(near("mountain goat", [0xee, 0xee, 0xf2], 1, 40)).toBeGreaterThan(60);
    expect(rows(sideParts("mountain goat"), FX).n).toBeGreaterThanOrEqual(5);
  });

  it("a bull is on the rig, so an angry one scowls with red eyes", () => {
    for (const p of ["an angry bull", "公牛", "an ox"])
      expect(parsePrompt(p).builder, p).toBe("animal");
    expect(near("an angry bull", [0xe0, 0x28, 0x28], 1, 30)).toBeGreaterThan(0);
    expect(interpretPrompt("an angry bull", { seed: 1 }).summary).toMatch(/red eyes/);
  });
});

const HAT = HUMANOID_PARTS.hat;

describe("a troll's (an ogre's) eyes show (#20, eval-f: a teal box head with tusks and no eyes)", () => {
  it("its eyes are a bright colour on the teal face, in every take", async () => {
    for (const p of ["a troll", "an ogre with a big belly"])
      for (const seed of [1, 2, 3]) {
        const d = (await idleStill(p, seed)).data;
        let n = 0;
        for (let i = 0; i < d.length; i += 4)
          if (
            d[i + 3]! > 0 &&
            Math.abs(d[i]! - 0xf0) + Math.abs(d[i + 1]! - 0xd8) + Math.abs(d[i + 2]! - 0x48) < 30
          )
            n++;
        expect(n, `${p} ${seed}`).toBeGreaterThanOrEqual(2);
      }
  });
});

describe("a demon's horns (#20, eval-f: antler-like horns on 'a horned red demon')", () => {
  it("'horned' names the demon's own pair: no second pair is drawn over it", () => {
    for (const seed of [1, 2, 3]) {
      const { c } = partMap("a horned red demon", seed);
      // creature-parts' horn part id: the feature's pair
      expect(c.part.filter((p, i) => p === 234 && c.mat[i]! >= 0).length, `seed ${seed}`).toBe(0);
    }
    // a being without horns of its own still takes them
    const { c } = partMap("a horned wolf", 1);
    expect(c.part.filter((p, i) => p === 234 && c.mat[i]! >= 0).length).toBeGreaterThan(2);
  });

  it("each horn curves: its tip turns back in over the head", () => {
    const c = drawTake("a demon", 1);
    // the hat part (the horns on a bare head): per row, the outermost cell on the left
    const left: number[] = [];
    for (let y = 0; y < 32; y++) {
      let x0 = 99;
      for (let x = 0; x < 16; x++)
        if (c.part[y * 32 + x] === HAT && c.mat[y * 32 + x]! >= 0) x0 = Math.min(x0, x);
      if (x0 < 99) left.push(x0);
    }
    // the top row of the horn is further in than its widest row
    expect(left[0]!).toBeGreaterThan(Math.min(...left));
  });
});

describe("crystal is cut, not only coloured (#20, eval-f: 'a dragon made of blue crystal' was pale blue)", () => {
  it("a crystal surface is a harlequin of lit and shaded facets with bright edges", () => {
    const c = new SpriteCanvas(32, 32);
    c.rect(4, 4, 27, 27, 0, 1);
    const design = { materials: [material([120, 160, 220])], surface: [0] } as unknown as Design;
    const fx = applyMaterials(design, ["crystal"])!;
    drawMaterialFx(c, design, ["crystal"], fx, { t: 0 } as Pose, 1);
    const share = (t: number) => c.tone.filter((v, i) => v === t && c.mat[i] === 0).length / 576;
    expect(share(2)).toBeGreaterThan(0.3);
    expect(share(1)).toBeGreaterThan(0.3);
    expect(share(3)).toBeGreaterThan(0.04);
  });
});

describe("an oak is the spreading oak (#20, eval-f: 'a big oak tree' was a lollipop on a pole)", () => {
  /** Widest row of the crown (scenery parts 2–4) and of the trunk (part 1) low on it. */
  const tree = (prompt: string, take: number) => {
    const c = drawTake(prompt, take);
    const width = (y: number, parts: number[]) => {
      let n = 0;
      for (let x = 0; x < 32; x++)
        if (c.mat[y * 32 + x]! >= 0 && parts.includes(c.part[y * 32 + x]!)) n++;
      return n;
    };
    let crown = 0;
    for (let y = 0; y < 32; y++) crown = Math.max(crown, width(y, [2, 3, 4]));
    return { crown, trunk: width(27, [1]) };
  };

  it("in every take: a broad crown on a thick trunk, in English and Chinese", () => {
    for (const p of ["a big oak tree", "an oak", "橡树"])
      for (const take of [1, 2, 3, 4]) {
        const t = tree(p, take);
        expect(t.crown, `${p} take ${take}`).toBeGreaterThanOrEqual(26);
        expect(t.trunk, `${p} take ${take}`).toBeGreaterThanOrEqual(4);
      }
    // a plain tree keeps its other crowns (a round ball in one take)
    expect(Math.min(...[1, 2, 3, 4].map((t) => tree("a tree", t).crown))).toBeLessThan(26);
  });
});

describe("hoofed kinds do not sit up like a dog (#20: a sitting cow, hippo and rhino read as dogs)", () => {
  it("their sitting take lowers the head to charge instead; a bear still sits up", () => {
    const headTop = (p: string, take: number) => rows(sideParts(p, take), HEAD).top;
    for (const p of ["a cow", "a hippo", "a rhino", "a pig", "a bull"])
      expect(headTop(p, 2), p).toBeGreaterThanOrEqual(headTop(p, 1));
    expect(headTop("a bear", 2)).toBeLessThan(headTop("a bear", 1));
  });
});

describe("stone is hewn, not flecked (#20: 'a stone wolf' read as a plain grey wolf)", () => {
  it("a stone surface is laid in blocks: a shaded joint row under each course, blocks lit or mid", () => {
    const c = new SpriteCanvas(32, 32);
    c.rect(4, 4, 27, 27, 0, 1);
    const design = { materials: [material([140, 140, 140])], surface: [0] } as unknown as Design;
    const fx = applyMaterials(design, ["stone"])!;
    drawMaterialFx(c, design, ["stone"], fx, { t: 0 } as Pose, 1);
    const at = (x: number, y: number) => c.tone[y * 32 + x]!;
    let joints = 0;
    let jointCells = 0;
    let lit = 0;
    for (let y = 4; y <= 27; y++)
      for (let x = 4; x <= 27; x++) {
        if (y % 3 === 2) {
          jointCells++;
          if (at(x, y) === 1) joints++;
        } else if (at(x, y) === 3) lit++;
        else expect(at(x, y), `${x},${y}`).toBe(2);
      }
    expect(joints / jointCells).toBeGreaterThan(0.4);
    expect(lit).toBeGreaterThan(20);
  });
});

describe("a metal creature is polished (#20: 'a metal wolf' was plain grey fur)", () => {
  const streaked = (polish: boolean) => {
    const c = new SpriteCanvas(32, 32);
    c.rect(4, 4, 27, 27, 0, 1);
    const design = { materials: [material([150, 150, 160])], surface: [0] } as unknown as Design;
    const fx = applyMaterials(design, ["iron"], !polish, polish)!;
    drawMaterialFx(c, design, ["iron"], fx, { t: 0 } as Pose, 1);
    return c;
  };

  it("a creature's iron or silver takes diagonal glints with a dark edge; a thing keeps its own shine", () => {
    const c = streaked(true);
    const lit = [...c.tone.keys()].filter((i) => c.tone[i] === 3);
    expect(lit.length).toBeGreaterThan(40);
    // a glint runs down-right: the cell below and right of a lit cell is lit too
    const along = lit.filter((i) => i % 32 < 27 && i < 27 * 32 && c.tone[i + 33] === 3).length;
    expect(along / lit.length).toBeGreaterThan(0.6);
    expect([...c.tone].filter((t) => t === 1).length).toBeGreaterThan(15);
    expect([...streaked(false).tone].filter((t) => t === 3).length).toBe(0);
  });

  it("as the engine draws it: a metal wolf is polished, not grey fur", () => {
    // the glints: bright cells whose down-right neighbour is bright too
    const pairs = (p: string) => {
      const g = renderSpriteGrid({ prompt: p, seed: 1, mode: "idle", index: 0, count: 1 }).grid;
      const v = (i: number) => g.data[i * 4]! + g.data[i * 4 + 1]! + g.data[i * 4 + 2]!;
      let n = 0;
      for (let y = 0; y < 31; y++)
        for (let x = 0; x < 31; x++) {
          const i = y * 32 + x;
          if (g.data[i * 4 + 3]! > 0 && v(i) > 600 && v(i + 33) > 600) n++;
        }
      return n;
    };
    expect(pairs("a metal wolf")).toBeGreaterThan(pairs("a grey wolf") + 4);
    expect(interpretPrompt("a metal wolf", { seed: 1 }).summary).toMatch(/iron/);
  });
});
