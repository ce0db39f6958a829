// What the offline engine drew for a prompt, in words a user can check: the subject and the
// builder that drew it, the parts and modifiers it used, what it guessed, the words it did not
// understand, and the borrowed art (set, icon, licence). Deterministic for prompt + seed +
// options, so it can be recorded when the task is created and matches the worker's drawing.

import { Rng } from "../prng";
import { BEAST_HEADS } from "./beast-heads";
import type { OutlineStyle, ShadingStyle } from "./canvas";
import { withChineseDictionary } from "./chinese-dictionary";
import { rigDrawsHeadWear } from "./costumes";
import { ICON_SETS, type IconSet } from "./emoji-art";
import { drawnWearZh, isDrawnWear } from "./face-wear";
import { folkPartZh } from "./folk-parts";
import { type GameMaterial, isGameIconRef, materialForName, parseGameRef } from "./game-icons";
import { moodSaid, personWordsSaid } from "./person-words";
import { type PromptInfo, parsePrompt, zhName } from "./prompt";
import type { SizeWord } from "./scale-words";
import { takeIndex } from "./take-variety";
import { isShip, shipTheme } from "./vehicle-themes";
import { type Builder, COLORS, MATERIALS, SUBJECT_BY_ID } from "./vocabulary";
import { BODY_ARMOUR } from "./wearables";
import { chineseOnly, vocabularyZh } from "./zh-line";

export interface BorrowedArt {
  set: IconSet;
  set_name: string;
  icon: string;
  license: string;
  author: string;
  url: string;
  /** what the icon is used for: the subject itself, the held item or worn headwear */
  use: "subject" | "held" | "worn";
}

export interface SpriteInterpretation {
  subject: string;
  category: string | null;
  builder: Builder;
  parts: string[];
  modifiers: string[];
  not_understood: string[];
  ignored: string[];
  guesses: string[];
  nothing_matched: boolean;
  art: BorrowedArt[];
  size: number;
  outline: OutlineStyle;
  shading: ShadingStyle;
  /** one line for people: "Drawn as: goblin archer + bow · green · not understood: haunted" */
  summary: string;
  /** the same line in Chinese, for the Chinese studio ("画成:哥布林 弓箭手 + 弓 · …") */
  summary_zh: string;
}

export interface InterpretOptions {
  seed: number;
  /** logical grid; overrides a size word in the prompt */
  size?: number;
  outline?: OutlineStyle;
  shading?: ShadingStyle;
  /** variation index of a variations/random batch (a different take of the subject) */
  take?: number;
}

// Noto lacks a few of the curated icons; those always come from Fluent.
const FLUENT_ONLY = new Set(["phoenix-bird"]);

/** Which icon set draws a subject for this seed: seeds alternate between the two styles. */
export function iconSetFor(
  prompt: string,
  seed: number,
  icon: string,
  take = 0,
  curated = true,
): IconSet {
  if (!curated || FLUENT_ONLY.has(icon)) return "fluent-emoji-flat";
  return Rng.from("icon-set", prompt, seed, take).chance(0.35) ? "noto" : "fluent-emoji-flat";
}

/** A borrowed drawing: its set, its name there, and a silhouette's material. */
export interface IconSource {
  set: IconSet;
  name: string;
  material?: GameMaterial;
}

/**
 * Where a subject's icon comes from for this seed. Game-icons refs (`gi/a|b@material`) pick one
 * of their alternatives per seed (another drawing of the same thing), emoji icons one of the two
 * emoji styles.
 */
export function iconSourceFor(
  prompt: string,
  seed: number,
  icon: string,
  take = 0,
  curated = true,
): IconSource {
  if (isGameIconRef(icon)) {
    const { names, material } = parseGameRef(icon);
    const r = Rng.from("icon-pick", prompt, seed, take);
    // a curated ref's alternatives are drawn in turn, so n seeds are n drawings (a random pick
    // gave "castle tower" one icon in four seeds); long-tail finds put the exact name first: it
    // wins half the seeds
    const name = curated
      ? names[takeIndex(seed + take, names.length)]!
      : r.chance(0.5)
        ? names[0]!
        : names[r.int(0, names.length - 1)]!;
    return { set: "game-icons", name, material: material ?? materialForName(name) };
  }
  return { set: iconSetFor(prompt, seed, icon, take, curated), name: icon };
}

/**
 * Emoji subjects that game-icons.net also draws, in other shapes: the subject's seeds take the
 * emoji and these silhouettes in turn (a key: the Fluent emoji, an old key, the Noto emoji, a
 * skeleton key), so four seeds are four keys and not one key in four colours.
 */
const EMOJI_ALTERNATIVES: Readonly<Record<string, string>> = {
  key: "gi/key|skeleton-key@gold",
  "bow-and-arrow": "gi/pocket-bow|bow-arrow@wood",
  // animals and a ghost whose game-icons silhouette reads at 32 px (out/ sheets, by eye)
  frog: "gi/frog@slime",
  turtle: "gi/turtle@plant",
  snail: "gi/snail@leather",
  honeybee: "gi/bee@gold",
  // a food the silhouette draws in its own colours (subject-palette.ts; bone: a plain surface)
  "cheese-wedge": "gi/cheese-wedge@bone",
  // floating-ghost is a white smear at 32 px: left out
  ghost: "gi/ghost@ghost",
};

/** Every drawing of an emoji subject, in turn: Fluent, a silhouette, Noto, the next silhouette… */
function emojiSources(icon: string, alt: string): IconSource[] {
  const { names, material } = parseGameRef(alt);
  const sets: IconSet[] = FLUENT_ONLY.has(icon)
    ? ["fluent-emoji-flat"]
    : ["fluent-emoji-flat", "noto"];
  const sources: IconSource[] = [];
  for (let i = 0; i < Math.max(sets.length, names.length); i++) {
    if (i < sets.length) sources.push({ set: sets[i]!, name: icon });
    if (i < names.length) sources.push({ set: "game-icons", name: names[i]!, material });
  }
  return sources;
}

/** The source of a subject's own drawing: iconSourceFor, or an emoji's game-icons alternatives. */
export function subjectIconSource(...args: Parameters<typeof iconSourceFor>): IconSource {
  const [, seed, icon, take = 0, curated = true] = args;
  const alt = curated ? EMOJI_ALTERNATIVES[icon] : undefined;
  if (!alt) return iconSourceFor(...args);
  const sources = emojiSources(icon, alt);
  return sources[takeIndex(seed + take, sources.length)]!;
}

/** How many drawings subjectIconSource takes in turn for an icon (1: one, or a seeded pick). */
export function subjectIconDrawings(icon: string, curated = true): number {
  const alt = curated ? EMOJI_ALTERNATIVES[icon] : undefined;
  if (alt) return emojiSources(icon, alt).length;
  return curated && isGameIconRef(icon) ? parseGameRef(icon).names.length : 1;
}

export function resolveSize(info: PromptInfo, size?: number): number {
  if (size && [16, 24, 32, 48, 64].includes(size)) return size;
  return info.size;
}

const COLOR_NAME = new Map(COLORS.map((c) => [c.hex, c.id]));

function art(set: IconSet, icon: string, use: BorrowedArt["use"]): BorrowedArt {
  const s = ICON_SETS[set];
  return { set, set_name: s.name, icon, license: s.license, author: s.author, url: s.url, use };
}

/**
 * A long-tail word may match several game icons ("doll": voodoo doll, matryoshka dolls); the seed
 * picks the one drawn, so the line names that one, not the first (eval-g: "voodoo doll" was said
 * over matryoshkas).
 */
function namedAsDrawn(prompt: string, info: PromptInfo, o: InterpretOptions): PromptInfo {
  if (SUBJECT_BY_ID.has(info.subject) || info.builder !== "icon" || !info.icon) return info;
  if (!isGameIconRef(info.icon)) return info;
  const { names } = parseGameRef(info.icon);
  if (names.length < 2 || names[0] !== info.subject) return info;
  const drawn = subjectIconSource(prompt, o.seed, info.icon, o.take, false).name;
  if (drawn === info.subject) return info;
  const said = (id: string) => id.replace(/-/g, " ");
  return {
    ...info,
    subject: drawn,
    guesses: info.guesses.map((g) =>
      g.replace(`game icon named ${said(info.subject)}`, `game icon named ${said(drawn)}`),
    ),
    guessesZh: info.guessesZh.map((g) =>
      g.replace(`游戏图标 ${info.subject}`, `游戏图标 ${drawn}`),
    ),
  };
}

export function interpretInfo(
  prompt: string,
  asParsed: PromptInfo,
  o: InterpretOptions,
): SpriteInterpretation {
  const info = namedAsDrawn(prompt, asParsed, o);
  const subj = SUBJECT_BY_ID.get(info.subject);
  const parts: string[] = [];
  const name = (id: string) => id.replace(/-tile$/, "").replace(/-/g, " ");
  let what = info.subject === "boat" && isShip(info.text) ? "ship" : name(info.subject);
  if (info.builder === "humanoid") {
    const race = info.race?.replace(/^beast:/, "");
    what = [race, info.role && info.role !== "person" ? info.role : race ? undefined : "person"]
      .filter(Boolean)
      .join(" ");
    if (info.race) parts.push(`race: ${race}`);
    if (info.role) parts.push(`class: ${info.role}`);
  }
  if (info.form) parts.push(`form: ${info.form}`);
  if (info.held) parts.push(`holding: ${name(info.held.id)}`);
  if (info.worn) parts.push(`wearing: ${wornName(info.worn, name)}`);
  if (info.contents) parts.push(`full of: ${info.contents}`);
  for (const f of info.features) parts.push(`with: ${f}`);
  if (info.tile && info.tile !== info.variant) parts.push(`top: ${info.tile}`);
  if (info.lent.length) parts.push(`colours from: ${[...new Set(info.lent)].join(", ")}`);
  const modifiers: string[] = [];
  for (const c of info.colors) {
    const hex = `#${c.map((v) => v.toString(16).padStart(2, "0")).join("")}`;
    const n = COLOR_NAME.get(hex);
    if (n && !info.lent.length) modifiers.push(n);
  }
  for (const m of info.materials) modifiers.push(m);
  if (info.sizeWord) modifiers.push(info.sizeWord);
  if (info.snowCap) modifiers.push("snow on top");
  if (info.cute && !info.notDrawn?.includes("cute")) modifiers.push("cute");
  if (info.shape) modifiers.push(info.shape);
  if (info.young) modifiers.push("young");
  if (info.fat) modifiers.push("fat");
  // the animal rig lies down and shuts its eyes; any other drawing only has the z over it
  if (info.asleep) modifiers.push(info.builder === "animal" ? "asleep" : "asleep (a z over it)");
  if (info.headless) modifiers.push("headless");
  if (info.mood) modifiers.push(moodSaid(info.mood, info.builder === "animal").en);
  const size = resolveSize(info, o.size);
  const arts: BorrowedArt[] = [];
  if (info.builder === "icon" && info.icon) {
    const src = subjectIconSource(prompt, o.seed, info.icon, o.take, !!subj);
    arts.push(art(src.set, src.name, "subject"));
  }
  if (info.held?.icon) {
    const src = iconSourceFor(prompt, o.seed, info.held.icon, 0, true);
    arts.push(art(src.set === "noto" ? "fluent-emoji-flat" : src.set, src.name, "held"));
  }
  // a cape is drawn by the engine (wearables.ts, humanoid.ts), not borrowed
  if (
    info.worn &&
    info.worn.id !== "cape" &&
    info.worn.id !== "backpack" &&
    !BODY_ARMOUR.has(info.worn.id) &&
    !isDrawnWear(info.worn.icon) &&
    !rigDrawsHeadWear(info)
  ) {
    const src = iconSourceFor(prompt, o.seed, info.worn.icon, 0, true);
    arts.push(art(src.set === "noto" ? "fluent-emoji-flat" : src.set, src.name, "worn"));
  }
  const segs: string[] = [];
  const HEADS_EN: Record<number, string> = { 2: "two", 3: "three" };
  if (info.nothingMatched)
    segs.push("Nothing in the prompt names a subject the engine knows; drew a random creature");
  else {
    let d = `Drawn as: ${what}`;
    if (info.form) d = `Drawn as: ${info.form} ${what}`;
    if (info.aged)
      d = d.replace(
        "Drawn as: ",
        `Drawn as: old (grey hair${info.aged === "beard" && info.person?.sex !== "female" ? ", beard" : ""}, stooped) `,
      );
    if (info.person) d = d.replace("Drawn as: ", `Drawn as: ${personWordsSaid(info.person).en}`);
    if (info.heads)
      d = d.replace("Drawn as: ", `Drawn as: ${HEADS_EN[info.heads] ?? "many"}-headed `);
    // a magic book (magic-books.ts): its sigil, runes and clasp are part of what was drawn
    if (info.bookMeaning)
      d +=
        info.bookMeaning === "dark"
          ? " (cursed: red sigil, clasp)"
          : " (magic: sigil, runes, clasp)";
    if (info.count) d += info.count === 2 ? " (two of them)" : " (a group of three)";
    const ship = info.subject === "boat" ? shipTheme(info.text) : undefined;
    if (ship)
      d +=
        ship === "pirate"
          ? " (pirate: black sails, skull flag)"
          : " (viking: striped sail, shields)";
    if (info.held && info.builder !== "humanoid") d += ` with a ${name(info.held.id)} in its mouth`;
    else if (info.held)
      d += info.held.count === 2 ? ` + two ${name(info.held.id)}s` : ` + ${name(info.held.id)}`;
    if (info.worn) d += ` wearing ${wornName(info.worn, name)}`;
    if (info.rider)
      // a headless rider is the identity ("Headless Horseman"): said with its name
      d += ` ridden by ${info.rider.headless ? "headless " : ""}${
        interpretInfo(info.rider.text, info.rider, o)
          .summary.replace(/^Drawn as: /, "")
          .split(" · ")[0]
      }`;
    for (const f of info.features) if (!info.ignored.includes(`with ${f}`)) d += ` with ${f}`;
    if (info.contents && !info.ignored.includes(`full of ${info.contents}`))
      d += ` full of ${info.contents}`;
    if (info.tile && info.tile !== info.variant) d += ` (${info.tile} top)`;
    segs.push(d);
  }
  if (modifiers.length) segs.push([...new Set(modifiers)].join(", "));
  if (info.lent.length) segs.push(`colours from ${[...new Set(info.lent)].join(", ")}`);
  for (const g of info.guesses) segs.push(`guessed: ${g}`);
  if (info.ignored.length) segs.push(`also named, not drawn: ${info.ignored.join(", ")}`);
  if (info.notDrawn?.length) segs.push(`not drawn: ${info.notDrawn.join(", ")}`);
  if (info.unknown.length) {
    const shown = info.unknown.slice(0, 8);
    segs.push(
      `not understood: ${shown.join(", ")}${info.unknown.length > shown.length ? ` (+${info.unknown.length - shown.length} more)` : ""}`,
    );
  }
  if (arts[0]) segs.push(`art: ${arts[0].set_name} “${arts[0].icon}” (${arts[0].license})`);
  return {
    subject: info.nothingMatched ? "unknown" : info.subject,
    category: subj?.category ?? (info.builder === "icon" ? "object" : null),
    builder: info.builder,
    parts,
    modifiers,
    not_understood: info.unknown,
    ignored: info.ignored,
    guesses: info.guesses,
    nothing_matched: info.nothingMatched,
    art: arts,
    size,
    outline: o.outline ?? "coloured",
    shading: o.shading ?? "soft",
    summary: segs.join(" · "),
    summary_zh: chineseOnly(summaryZh(info, arts), prompt, info.typedAs, what),
  };
}

const MATERIAL_ZH = new Map(MATERIALS.map((m) => [m.id as string, m.zh[0]!]));
const COLOR_ZH = new Map(COLORS.map((c) => [c.hex, c.zh[0]!]));

/** The worn thing's name with the colour or surface word said of it ("red hat"). */
function wornName(worn: NonNullable<PromptInfo["worn"]>, name: (id: string) => string): string {
  const w = worn.tint?.word;
  // 红帽子: the English line says "red", not the Chinese typed
  const en =
    w && /\p{Script=Han}/u.test(w)
      ? (COLORS.find((c) => c.zh.includes(w)) ?? MATERIALS.find((m) => m.zh.includes(w)))?.en[0]
      : w;
  return [worn.size, en, name(worn.id)].filter(Boolean).join(" ");
}

/** 迷你, 红色的: the worn thing's size and colour in Chinese (a word typed in Chinese stays as typed). */
function wornTintZh(worn: NonNullable<PromptInfo["worn"]>): string {
  const size = worn.size ? SIZE_ZH[worn.size] : "";
  const w = worn.tint?.word;
  if (!w) return size;
  if (/\p{Script=Han}/u.test(w)) return `${size}${w}的`;
  const lower = w.toLowerCase();
  const zh =
    COLORS.find((c) => c.en.includes(lower))?.zh[0] ??
    MATERIALS.find((m) => m.en.includes(lower))?.zh[0];
  return zh ? `${size}${zh}的` : size;
}
const SIZE_ZH: Record<SizeWord, string> = {
  tiny: "迷你",
  small: "小型",
  big: "大型",
  giant: "巨大",
};
const NOT_DRAWN_ZH: Record<string, string> = {
  cute: "可爱",
  two: "两个",
  several: "多个",
  young: "幼崽",
  asleep: "睡着",
  headless: "无头",
};
/** Shape words in the Chinese line (vocabulary.ts SHAPE_WORDS ids, and the typed words). */
const SHAPE_ZH: Record<string, string> = {
  round: "圆形",
  circular: "圆形",
  rounded: "圆形",
  square: "方形",
  rectangular: "方形",
  boxy: "方形",
  curved: "弯曲",
  bent: "弯曲",
  hooked: "弯钩",
  straight: "笔直",
  pointed: "尖头",
  wavy: "波浪形",
  broad: "宽",
  wide: "宽",
  double: "双刃",
  "double-bladed": "双刃",
  "double-bit": "双刃",
  long: "长",
  short: "短",
  stubby: "短",
};
const CONTENTS_ZH: Record<string, string> = {
  gold: "金币",
  gems: "宝石",
  potions: "药水",
  // heaps a word-by-word reading gets wrong (a seed is no sprout, chocolate no colour)
  seed: "种子",
  flour: "面粉",
  chocolate: "巧克力",
  grain: "谷物",
  rice: "大米",
  sugar: "糖",
  salt: "盐",
  bean: "豆子",
  nut: "坚果",
  acorn: "橡子",
  cookie: "饼干",
  honey: "蜂蜜",
};
const FEATURE_ZH: Record<string, string> = {
  "fire breath": "喷火",
  teeth: "牙齿",
  eyes: "眼睛",
  wings: "翅膀",
  horns: "角",
  tentacles: "触手",
  "scorpion tail": "蝎尾",
  "eagle wings": "鹰翅",
  "bat wings": "蝙蝠翅膀",
  "crow wings": "乌鸦翅膀",
  "snake body": "蛇身",
  "fish body": "鱼尾",
};

/** The interpretation line in Chinese: vocabulary names in Chinese, the rest translated. */
function summaryZh(info: PromptInfo, arts: BorrowedArt[]): string {
  const zh = (id: string | undefined) => {
    if (!id) return "";
    const s = SUBJECT_BY_ID.get(id.replace(/^beast:/, ""));
    // an animal head with a row of its own (a jackal) has its own Chinese name there
    return s ? zhName(s) : (BEAST_HEADS[id.replace(/^beast:/, "")]?.zh ?? id.replace(/-/g, " "));
  };
  const segs: string[] = [];
  if (info.nothingMatched) segs.push("提示词中没有引擎认识的主体;画了一个随机生物");
  else {
    let what = info.subject === "boat" && isShip(info.text) ? "大船" : zh(info.subject);
    if (info.builder === "humanoid")
      what =
        [info.race ? zh(info.race) : "", info.role && info.role !== "person" ? zh(info.role) : ""]
          .filter(Boolean)
          .join("") || zh("person");
    let d = `画成:${info.heads ? `${info.heads === 2 ? "双" : "三"}头` : ""}${info.form ? zh(info.form) : ""}${what}`;
    if (info.aged)
      d = d.replace(
        "画成:",
        `画成:年老的(白发${info.aged === "beard" && info.person?.sex !== "female" ? "、胡子" : ""}、驼背)`,
      );
    if (info.person) d = d.replace("画成:", `画成:${personWordsSaid(info.person).zh}`);
    if (info.bookMeaning)
      d += info.bookMeaning === "dark" ? "(诅咒之书:红色符印、书扣)" : "(魔法书:符印、符文、书扣)";
    if (info.count) d += info.count === 2 ? "(两个)" : "(三个一组)";
    const ship = info.subject === "boat" ? shipTheme(info.text) : undefined;
    if (ship) d += ship === "pirate" ? "(海盗:黑帆、骷髅旗)" : "(维京:条纹帆、盾牌)";
    if (info.held && info.builder !== "humanoid") d += `,嘴里叼着${zh(info.held.id)}`;
    else if (info.held) d += ` + ${info.held.count === 2 ? "两把" : ""}${zh(info.held.id)}`;
    if (info.worn)
      d +=
        info.worn.id === "backpack"
          ? `,背着${wornTintZh(info.worn)}${zh(info.worn.id)}`
          : BODY_ARMOUR.has(info.worn.id)
            ? `,穿着${wornTintZh(info.worn)}${zh(info.worn.id)}`
            : `,戴着${wornTintZh(info.worn)}${drawnWearZh(info.worn.id) ?? zh(info.worn.id)}`;
    if (info.rider)
      d += `,骑手:${info.rider.headless ? "无头" : ""}${
        summaryZh(info.rider, [])
          .replace(/^画成:/, "")
          .split(" · ")[0]
      }`;
    for (const f of info.features)
      if (!info.ignored.includes(`with ${f}`)) d += `,带${FEATURE_ZH[f] ?? folkPartZh(f) ?? f}`;
    if (info.contents && !info.ignored.includes(`full of ${info.contents}`))
      d += `,装满${CONTENTS_ZH[info.contents] ?? info.contents}`;
    segs.push(d);
  }
  const mods: string[] = [];
  if (!info.lent.length)
    for (const c of info.colors) {
      const n = COLOR_ZH.get(`#${c.map((v) => v.toString(16).padStart(2, "0")).join("")}`);
      if (n) mods.push(n);
    }
  for (const m of info.materials) mods.push(MATERIAL_ZH.get(m) ?? m);
  if (info.sizeWord) mods.push(SIZE_ZH[info.sizeWord]);
  if (info.snowCap) mods.push("积雪");
  if (info.cute && !info.notDrawn?.includes("cute")) mods.push("可爱");
  if (info.shape) mods.push(SHAPE_ZH[info.shape] ?? info.shape);
  if (info.young) mods.push("幼崽");
  if (info.fat) mods.push("胖");
  if (info.asleep) mods.push(info.builder === "animal" ? "睡着" : "睡着(头上画了 z)");
  if (info.headless) mods.push("无头");
  if (info.mood) mods.push(moodSaid(info.mood, info.builder === "animal").zh);
  if (mods.length) segs.push([...new Set(mods)].join("、"));
  if (info.lent.length) segs.push(`颜色取自${[...new Set(info.lent)].join("、")}`);
  for (const g of info.guessesZh) segs.push(`猜测:${g}`);
  if (info.ignored.length)
    segs.push(
      `也提到但没有画:${info.ignored.map((w) => w.replace(/^with (.+)$/, (_, f: string) => `带${FEATURE_ZH[f] ?? f}`)).join("、")}`,
    );
  if (info.notDrawn?.length)
    segs.push(
      `没有画出:${info.notDrawn.map((w) => NOT_DRAWN_ZH[w] ?? SHAPE_ZH[w] ?? w).join("、")}`,
    );
  if (info.unknown.length) {
    // as the user typed them: 碗, not the dictionary's "bowl"
    const typed = [...new Set(info.unknown.map((w) => info.typedAs?.[w] ?? w))];
    const shown = typed.slice(0, 8);
    segs.push(
      `未理解:${shown.join("、")}${typed.length > shown.length ? `(另有 ${typed.length - shown.length} 个)` : ""}`,
    );
  }
  if (arts[0]) {
    // an icon's file name is English: its vocabulary name, else the name of what it draws
    const a = arts[0];
    const what = a.use === "held" ? info.held?.id : a.use === "worn" ? info.worn?.id : info.subject;
    const name = vocabularyZh(a.icon) ?? (what ? SUBJECT_BY_ID.get(what)?.zh[0] : undefined);
    segs.push(`素材:${a.set_name}${name ? `“${name}”` : ""}(${a.license})`);
  }
  return segs.join(" · ");
}

/**
 * interpretPrompt for a thread that answers requests: the same interpretation, but a prompt that
 * needs the Chinese dictionary before it is in memory waits for its sliced load
 * (withChineseDictionary) instead of holding the event loop for the whole load.
 */
export function interpretPromptWithoutBlocking(
  prompt: string,
  o: InterpretOptions,
): Promise<SpriteInterpretation> {
  return withChineseDictionary(() => interpretPrompt(prompt, o));
}

/** The interpretation of a prompt for the given seed and options (cheap: the parse is cached). */
export function interpretPrompt(prompt: string, o: InterpretOptions): SpriteInterpretation {
  return interpretInfo(prompt, parsePrompt(prompt), o);
}
