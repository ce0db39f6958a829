import { describe, expect, it } from "vitest";
import { beingDescription } from "./being-descriptions";
import { renderSprite } from "./engine";
import { heldKind } from "./held-kinds";
import { interpretPrompt } from "./interpretation";
import { type LexiconEntry, personLook } from "./person-roles";
import { parsePrompt } from "./prompt";

/** Entries shaped as lexicon.ts gives them: chain specific → general, gloss traits. */
const person = (lemma: string, chain: string[], gloss = ""): LexiconEntry => ({
  lemma,
  chain,
  gloss,
  base: "person",
  category: "person",
});

describe("a person's look from their lexicon chain, name and gloss", () => {
  it("a health professional wears white with a red cross and carries nothing from the gloss", () => {
    const l = personLook(person("orderly", ["orderly", "health professional", "adult", "person"]))!;
    expect(l.spec.emblem).toBe("red-cross");
    expect(l.spec.cloth).toBe("#eeeef2");
    expect(l.held).toBeFalsy();
    expect(l.rule).toBe("health professional");
  });

  it("a worker takes the tool its gloss or its own name says it works with", () => {
    const felling = personLook(
      person("feller", ["feller", "laborer", "worker", "person"], "trees"),
    );
    expect(felling?.held).toBe("axe");
    expect(felling?.kind).toBe("a worker");
    const angler = personLook(
      person("eelfisher", ["eelfisher", "skilled worker", "worker", "person"]),
    );
    expect(angler?.spec.weapon).toBe("rod");
    const collier = personLook(person("coalminer", ["coalminer", "laborer", "worker", "person"]));
    expect(collier?.held).toBe("pickaxe");
    expect(collier?.spec.headgear).toBe("hard-hat");
    const plain = personLook(person("temp", ["temp", "employee", "worker", "person"]));
    expect(plain?.held).toBeUndefined();
    expect(plain?.spec.cloth).toBeDefined();
  });

  it("the most specific chain node decides: a wrestler is big and bare, not a generic fighter", () => {
    const w = personLook(person("grappler", ["grappler", "wrestler", "combatant"]))!;
    expect(w.spec).toMatchObject({ build: "big", bare: true });
    const f = personLook(person("pikeman", ["pikeman", "soldier", "person"]))!;
    expect(f.spec).toMatchObject({ headgear: "helmet", weapon: "sword" });
  });

  it("rulers, pilots, clerics, criminals and children each get a look of their kind", () => {
    expect(personLook(person("khan", ["khan", "ruler", "person"]))?.spec.base).toBe("royal");
    expect(personLook(person("copilot", ["copilot", "aviator", "person"]))?.spec.headgear).toBe(
      "flying-cap",
    );
    expect(personLook(person("vicar", ["vicar", "clergyman", "person"]))?.spec.robe).toBe(true);
    expect(
      personLook(person("footpad", ["footpad", "robber", "criminal", "person"]))?.spec,
    ).toMatchObject({ weapon: "dagger", headgear: "hood" });
    expect(personLook(person("tot", ["tot", "child", "person"]))?.spec.build).toBe("small");
  });

  it("where they are from dresses them when the prompt or gloss says so", () => {
    const e = person("warlord", ["warlord", "military leader", "person"]);
    expect(personLook(e)?.spec.cloth).toBe("#8c2c3c");
    const jp = personLook(e, "a japanese warlord")!;
    expect(jp.spec).toMatchObject({ cloth: "#a83c3c", weapon: "sword" });
    expect(jp.cultureWord).toBe("japanese");
    const cook = personLook(
      person("cook", ["cook", "skilled worker", "worker", "person"]),
      "a chinese cook",
    );
    expect(cook?.spec.cloth).toBe("#b8283c");
  });

  it("is only for people", () => {
    const jacket: LexiconEntry = {
      lemma: "lumberjack",
      chain: ["lumberjack", "jacket"],
      gloss: "",
      base: "coat",
      category: "artifact",
    };
    expect(personLook(jacket)).toBeUndefined();
    expect(personLook(person("nobody", ["person"]))?.rule).toBeUndefined();
  });
});

describe("held things by kind", () => {
  it("a chain node that names a kind of tool or instrument picks the drawing", () => {
    const banjo: LexiconEntry = {
      lemma: "banjo",
      chain: ["banjo", "stringed instrument", "musical instrument", "device"],
      gloss: "",
      category: "artifact",
    };
    expect(heldKind(banjo)).toEqual({ id: "guitar", via: "stringed instrument" });
    expect(heldKind({ ...banjo, chain: ["widget", "device"] })).toBeUndefined();
  });
});

const base = { seed: 1, mode: "idle" as const, index: 0, count: 1 };

/** Red pixels (the cross) next to near-white ones (the coat). */
function redOnWhite(g: { data: Uint8ClampedArray; width: number }): number {
  const w = g.width;
  const px = (i: number) => [
    g.data[i * 4]!,
    g.data[i * 4 + 1]!,
    g.data[i * 4 + 2]!,
    g.data[i * 4 + 3]!,
  ];
  const red = (i: number) => {
    const [r, gg, b, a] = px(i);
    return a! > 128 && r! > 150 && gg! < 90 && b! < 100;
  };
  const white = (i: number) => {
    const [r, gg, b, a] = px(i);
    return (
      a! > 128 && Math.min(r!, gg!, b!) > 170 && Math.max(r!, gg!, b!) - Math.min(r!, gg!, b!) < 60
    );
  };
  let n = 0;
  for (let i = 0; i < g.data.length / 4; i++)
    if (red(i) && [i - 1, i + 1, i - w, i + w].some((j) => j >= 0 && white(j))) n++;
  return n;
}

describe("people the vocabulary lacks, drawn as what they are", () => {
  it("a medic wears a red cross on white, and the interpretation says why in both languages", async () => {
    const info = parsePrompt("a medic");
    expect(info.kind).toBe("humanoid");
    expect(info.look?.emblem).toBe("red-cross");
    const medic = await renderSprite({ ...base, prompt: "a medic" });
    const plain = await renderSprite({ ...base, prompt: "a person" });
    expect(redOnWhite(medic.grid)).toBeGreaterThanOrEqual(4);
    expect(redOnWhite(plain.grid)).toBe(0);
    const it = interpretPrompt("a medic", { seed: 1 });
    expect(it.summary).toMatch(/health professional/);
    expect(it.summary_zh).toMatch(/医护人员/);
  });

  it("a medic with a syringe is the medic holding it, not a syringe", () => {
    const info = parsePrompt("a medic with a syringe");
    expect(info.kind).toBe("humanoid");
    expect(info.held?.id).toBe("syringe");
  });

  it("a woodcutter holds an axe; a fisherman a rod and line; a firefighter a red helmet and an axe", async () => {
    expect(parsePrompt("a woodcutter").held).toMatchObject({ id: "axe", weapon: "axe" });
    expect(parsePrompt("a fisherman").look?.weapon).toBe("rod");
    const ff = parsePrompt("a firefighter");
    expect(ff.look).toMatchObject({ headgear: "hard-hat", hat: "#d8283c" });
    expect(ff.held?.weapon).toBe("axe");
    // the axe is drawn: the firefighter has more pixels than the same look empty-handed
    const armed = await renderSprite({ ...base, prompt: "a firefighter" });
    const opaque = (g: { data: Uint8ClampedArray }) => {
      let n = 0;
      for (let i = 3; i < g.data.length; i += 4) if (g.data[i]! > 128) n++;
      return n;
    };
    const unarmed = await renderSprite({ ...base, prompt: "a medic" });
    expect(opaque(armed.grid)).toBeGreaterThan(opaque(unarmed.grid));
  });

  it("a sumo wrestler is drawn bigger than a plain person", async () => {
    // the widest row of the body (arms hang at the torso's sides, so this is the trunk's width)
    const widest = (g: { data: Uint8ClampedArray; width: number; height: number }) => {
      let best = 0;
      for (let y = 0; y < g.height; y++) {
        let n = 0;
        for (let x = 0; x < g.width; x++) if (g.data[(y * g.width + x) * 4 + 3]! > 128) n++;
        best = Math.max(best, n);
      }
      return best;
    };
    expect(parsePrompt("a sumo wrestler").look).toMatchObject({ build: "big", bare: true });
    // a medic: the same plain person rig, empty-handed like the wrestler, over 4 seeds
    for (const seed of [1, 2, 3, 4]) {
      const sumo = await renderSprite({ ...base, seed, prompt: "a sumo wrestler" });
      const medic = await renderSprite({ ...base, seed, prompt: "a medic" });
      expect(widest(sumo.grid), `seed ${seed}`).toBeGreaterThan(widest(medic.grid) + 3);
    }
  });

  it("a held thing with no icon of its name goes in the hand as what the lexicon says it is", () => {
    // WordNet: a ukulele (uke) is a guitar
    const info = parsePrompt("a medic with a ukulele");
    expect(info.held).toMatchObject({ id: "guitar" });
    expect(info.unknown).not.toContain("ukulele");
    expect(info.guesses.join(" ")).toMatch(/ukulele.*WordNet.*guitar/);
    expect(info.guessesZh.join(" ")).toMatch(/ukulele.*WordNet/);
  });

  it("a lamia has a snake's body: scales down to the ground where legs would be", async () => {
    const info = parsePrompt("a lamia");
    expect(info.kind).toBe("humanoid");
    expect(info.features).toContain("snake body");
    const lamia = await renderSprite({ ...base, prompt: "a lamia" });
    const medic = await renderSprite({ ...base, prompt: "a medic" });
    // the lowest rows: a coil lying on the ground is one long run, two feet are two short ones
    const bottomRun = (g: { data: Uint8ClampedArray; width: number; height: number }) => {
      let best = 0;
      for (let y = g.height - 5; y < g.height; y++) {
        let n = 0;
        for (let x = 0; x < g.width; x++) {
          n = g.data[(y * g.width + x) * 4 + 3]! > 128 ? n + 1 : 0;
          best = Math.max(best, n);
        }
      }
      return best;
    };
    expect(bottomRun(lamia.grid)).toBeGreaterThanOrEqual(12);
    expect(bottomRun(medic.grid)).toBeLessThan(12);
  });
});

describe("imaginary beings from what the lexicon says of them", () => {
  const being = (lemma: string, chain: string[], gloss: string, base?: string): LexiconEntry => ({
    lemma,
    chain,
    gloss,
    base,
    category: "imaginary being",
  });

  it("reads the gloss's body words into composition words the engine draws", () => {
    const monster = ["mythical monster", "monster", "imaginary being"];
    expect(beingDescription(being("x", ["x", ...monster], "winged eagle lion", "beast"))).toBe(
      "a lion with eagle wings",
    );
    expect(beingDescription(being("x", ["x", ...monster], "head woman serpent", "beast"))).toBe(
      "a woman with a snake body",
    );
    expect(beingDescription(being("x", ["x", ...monster], "horns goat man", "beast"))).toBe(
      "a goat warrior with horns",
    );
    expect(beingDescription(being("x", ["x", ...monster], "bird", "beast"))).toBe("an eagle");
  });

  it("falls back on the kind its chain names, and says nothing when WordNet says only 'monster'", () => {
    expect(beingDescription(being("x", ["x", "goddess", "deity"], ""))).toBe("a holy queen");
    expect(beingDescription(being("x", ["x", "monster", "imaginary being"], "", "beast"))).toBe(
      undefined,
    );
    // a being whose chain already reaches a drawing keeps it
    expect(beingDescription(being("x", ["x", "vampire"], "corpse", "vampire"))).toBeUndefined();
  });

  it("a prompt naming such a being draws the description and says so", () => {
    const info = parsePrompt("a goddess");
    expect(info.kind).toBe("humanoid");
    expect(info.materials).toContain("holy");
    expect(info.guesses[0]).toMatch(/goddess.*WordNet.*holy queen/);
    expect(info.guessesZh[0]).toMatch(/goddess.*读作/);
  });
});

describe("names and languages", () => {
  it("a trade's stem is matched at the start or end of the name, not inside another word", () => {
    const worker = (lemma: string) =>
      personLook(person(lemma, [lemma, "craftsman", "worker", "person"]));
    expect(worker("woodcutter")?.held).toBe("axe");
    expect(worker("plumber")?.held).toBeUndefined();
    expect(worker("goatherd")?.spec).toMatchObject({ weapon: "staff", crook: true });
  });

  it("a Chinese word for a kind of person is read through its English noun, even when split", () => {
    const doctor = parsePrompt("一个医生");
    expect(doctor.kind).toBe("humanoid");
    expect(doctor.look?.emblem).toBe("red-cross");
    expect(doctor.guessesZh.join(" ")).toMatch(/医生.*医护人员/);
    const sumo = parsePrompt("一个相扑手");
    expect(sumo.look).toMatchObject({ build: "big" });
    expect(sumo.unknown).toEqual([]);
    // Chinese order: the held thing first
    expect(parsePrompt("拿着斧头的樵夫").held?.weapon).toBe("axe");
  });
});

describe("where a lexicon person is not the subject", () => {
  it("a person word that names something else with the next noun is left to it (nurse shark)", () => {
    const info = parsePrompt("a nurse shark");
    expect(info.subject).toBe("shark");
    expect(info.guesses.join(" ")).not.toMatch(/health professional/);
  });

  it("a lexicon person rides like any character", () => {
    const info = parsePrompt("a medic riding a horse");
    expect(info.rider?.look?.emblem).toBe("red-cross");
  });
});
