// Prompt → sprite parameters. Plain keyword tables (English + Chinese); Chinese is matched by
// substring because it has no word boundaries.
import { hexToRgb } from "../color";
import type { Rgb } from "../types";

export type SubjectKind =
  | "humanoid"
  | "animal"
  | "dragon"
  | "slime"
  | "spirit"
  | "item"
  | "vehicle"
  | "building"
  | "tile"
  | "plant"
  | "monster";

interface Entry {
  kind: SubjectKind;
  variant: string;
  en: string[];
  zh: string[];
}

// Order matters only for ties at the same position: compound words first.
const SUBJECTS: Entry[] = [
  {
    kind: "vehicle",
    variant: "spaceship",
    en: ["spaceship", "space ship", "starship", "rocket", "ufo", "spacecraft", "fighter jet"],
    zh: ["飞船", "宇宙飞船", "火箭", "飞碟", "战机"],
  },
  {
    kind: "item",
    variant: "chest",
    en: ["treasure chest", "chest", "treasure", "mimic"],
    zh: ["宝箱", "箱子", "宝藏"],
  },
  {
    kind: "spirit",
    variant: "elemental",
    en: ["elemental", "spirit", "wisp", "ghost", "phantom", "flame", "fire"],
    zh: ["元素", "精灵", "幽灵", "鬼", "火焰"],
  },
  {
    kind: "dragon",
    variant: "dragon",
    en: ["dragon", "wyvern", "drake", "dinosaur", "dino", "lizard"],
    zh: ["龙", "恐龙", "蜥蜴"],
  },
  {
    kind: "slime",
    variant: "slime",
    en: ["slime", "blob", "jelly", "goo", "ooze"],
    zh: ["史莱姆", "果冻", "粘液"],
  },
  {
    kind: "humanoid",
    variant: "knight",
    en: ["knight", "paladin", "soldier", "guard", "warrior", "armor", "armour", "templar"],
    zh: ["骑士", "战士", "士兵", "卫兵", "勇者"],
  },
  {
    kind: "humanoid",
    variant: "mage",
    en: [
      "mage",
      "wizard",
      "witch",
      "sorcerer",
      "sorceress",
      "warlock",
      "magician",
      "necromancer",
      "priest",
    ],
    zh: ["法师", "巫师", "女巫", "魔法师", "术士", "牧师"],
  },
  {
    kind: "humanoid",
    variant: "robot",
    en: ["robot", "android", "mech", "cyborg", "droid"],
    zh: ["机器人", "机甲"],
  },
  {
    kind: "humanoid",
    variant: "skeleton",
    en: ["skeleton", "zombie", "undead", "lich"],
    zh: ["骷髅", "僵尸", "亡灵"],
  },
  {
    kind: "humanoid",
    variant: "ninja",
    en: ["ninja", "assassin", "thief", "rogue", "samurai"],
    zh: ["忍者", "刺客", "盗贼", "武士"],
  },
  {
    kind: "humanoid",
    variant: "archer",
    en: ["archer", "ranger", "hunter", "elf"],
    zh: ["弓箭手", "猎人", "游侠"],
  },
  {
    kind: "humanoid",
    variant: "royal",
    en: ["king", "queen", "princess", "prince", "royal"],
    zh: ["国王", "女王", "公主", "王子"],
  },
  {
    kind: "humanoid",
    variant: "pirate",
    en: ["pirate", "captain", "sailor"],
    zh: ["海盗", "船长"],
  },
  {
    kind: "humanoid",
    variant: "person",
    en: [
      "person",
      "man",
      "woman",
      "boy",
      "girl",
      "hero",
      "villager",
      "farmer",
      "adventurer",
      "character",
      "human",
      "player",
      "npc",
      "kid",
      "child",
      "orc",
      "goblin",
      "dwarf",
    ],
    zh: ["人", "男孩", "女孩", "英雄", "村民", "农民", "冒险者", "角色", "兽人", "哥布林", "矮人"],
  },
  {
    kind: "animal",
    variant: "cat",
    en: ["cat", "kitten", "kitty", "lion", "tiger", "leopard", "panther"],
    zh: ["猫", "狮", "虎", "豹"],
  },
  {
    kind: "animal",
    variant: "dog",
    en: ["dog", "puppy", "wolf", "hound", "doggo", "pup"],
    zh: ["狗", "犬", "狼"],
  },
  { kind: "animal", variant: "fox", en: ["fox", "kitsune"], zh: ["狐"] },
  { kind: "animal", variant: "rabbit", en: ["rabbit", "bunny", "hare"], zh: ["兔"] },
  { kind: "animal", variant: "bear", en: ["bear", "panda"], zh: ["熊"] },
  {
    kind: "animal",
    variant: "horse",
    en: ["horse", "pony", "unicorn", "deer"],
    zh: ["马", "鹿", "独角兽"],
  },
  {
    kind: "animal",
    variant: "pig",
    en: ["pig", "boar", "piglet", "cow", "sheep"],
    zh: ["猪", "牛", "羊"],
  },
  { kind: "animal", variant: "mouse", en: ["mouse", "rat", "hamster"], zh: ["鼠"] },
  {
    kind: "item",
    variant: "sword",
    en: ["sword", "blade", "katana", "dagger", "saber", "sabre", "knife", "weapon"],
    zh: ["剑", "刀", "匕首", "武器"],
  },
  { kind: "item", variant: "axe", en: ["axe", "hammer", "mace", "pickaxe"], zh: ["斧", "锤"] },
  {
    kind: "item",
    variant: "staff",
    en: ["staff", "wand", "scepter", "sceptre", "rod"],
    zh: ["法杖", "魔杖", "权杖"],
  },
  {
    kind: "item",
    variant: "potion",
    en: ["potion", "bottle", "flask", "elixir", "vial"],
    zh: ["药水", "药瓶", "瓶"],
  },
  {
    kind: "item",
    variant: "gem",
    en: ["gem", "crystal", "diamond", "jewel", "ruby", "emerald", "sapphire"],
    zh: ["宝石", "水晶", "钻石"],
  },
  { kind: "item", variant: "shield", en: ["shield"], zh: ["盾"] },
  { kind: "item", variant: "key", en: ["key"], zh: ["钥匙"] },
  { kind: "item", variant: "coin", en: ["coin", "gold coin", "money"], zh: ["金币", "硬币"] },
  {
    kind: "vehicle",
    variant: "car",
    en: ["car", "truck", "van", "bus", "tank", "jeep", "kart"],
    zh: ["车", "汽车", "卡车", "坦克"],
  },
  {
    kind: "vehicle",
    variant: "boat",
    en: ["ship", "boat", "sailboat", "galleon", "yacht", "canoe", "submarine"],
    zh: ["船", "帆船", "潜艇"],
  },
  {
    kind: "building",
    variant: "castle",
    en: ["castle", "tower", "fortress", "keep", "lighthouse"],
    zh: ["城堡", "塔", "要塞"],
  },
  {
    kind: "building",
    variant: "house",
    en: ["house", "home", "cottage", "hut", "cabin", "building", "shop", "inn", "church", "barn"],
    zh: ["房子", "房屋", "小屋", "建筑", "商店", "旅馆", "家"],
  },
  {
    kind: "tile",
    variant: "tile",
    en: ["tile", "ground", "floor", "terrain", "wall", "brick", "grass tile", "texture"],
    zh: ["地砖", "地面", "地形", "墙", "砖", "纹理"],
  },
  {
    kind: "plant",
    variant: "pine",
    en: ["pine", "fir", "spruce", "christmas tree", "conifer"],
    zh: ["松", "杉", "圣诞树"],
  },
  {
    kind: "plant",
    variant: "tree",
    en: ["tree", "oak", "forest", "palm", "willow", "sakura", "cherry blossom"],
    zh: ["树", "橡树", "樱花"],
  },
  {
    kind: "plant",
    variant: "flower",
    en: ["flower", "rose", "tulip", "sunflower", "daisy", "plant", "lily"],
    zh: ["花", "玫瑰", "郁金香", "向日葵", "植物"],
  },
  {
    kind: "plant",
    variant: "mushroom",
    en: ["mushroom", "toadstool", "fungus", "shroom"],
    zh: ["蘑菇", "菌"],
  },
  { kind: "plant", variant: "cactus", en: ["cactus", "bush", "shrub"], zh: ["仙人掌", "灌木"] },
  {
    kind: "monster",
    variant: "monster",
    en: [
      "monster",
      "beast",
      "creature",
      "demon",
      "alien",
      "bug",
      "insect",
      "spider",
      "beetle",
      "crab",
      "golem",
      "imp",
      "bat",
      "bird",
      "owl",
      "eagle",
      "fish",
    ],
    zh: ["怪物", "怪兽", "恶魔", "外星人", "虫", "蜘蛛", "螃蟹", "魔像", "蝙蝠", "鸟", "鱼"],
  },
];

const COLORS: { en: string[]; zh: string[]; hex: string; metal?: boolean }[] = [
  { en: ["gold", "golden"], zh: ["金"], hex: "#e8b52e", metal: true },
  { en: ["silver", "steel", "iron"], zh: ["银", "钢", "铁"], hex: "#b8c2cc", metal: true },
  { en: ["red", "crimson", "scarlet", "ruby"], zh: ["红", "赤"], hex: "#d8383c" },
  { en: ["orange", "amber"], zh: ["橙", "橘"], hex: "#f0862a" },
  { en: ["yellow"], zh: ["黄"], hex: "#f2d23c" },
  { en: ["lime"], zh: ["黄绿"], hex: "#a4dc3a" },
  { en: ["green", "emerald", "jade"], zh: ["绿"], hex: "#44b04e" },
  { en: ["teal", "cyan", "turquoise", "aqua"], zh: ["青", "蓝绿"], hex: "#2cb8b0" },
  { en: ["blue", "azure", "sapphire"], zh: ["蓝"], hex: "#3c6ee6" },
  { en: ["navy"], zh: ["藏青"], hex: "#2c3c8c" },
  { en: ["purple", "violet", "lavender", "indigo"], zh: ["紫"], hex: "#8c48cc" },
  { en: ["pink", "rose", "magenta"], zh: ["粉"], hex: "#f078b4" },
  { en: ["brown", "wooden", "chocolate"], zh: ["棕", "褐", "咖啡"], hex: "#8c5a30" },
  { en: ["black", "dark", "shadow"], zh: ["黑", "暗"], hex: "#34303e" },
  { en: ["white", "snow", "pale"], zh: ["白", "雪"], hex: "#eeeef2" },
  { en: ["grey", "gray"], zh: ["灰"], hex: "#8a8c98" },
  { en: ["fire", "flame", "lava", "flaming", "burning"], zh: ["火", "焰", "熔岩"], hex: "#f06424" },
  { en: ["ice", "frost", "frozen", "icy"], zh: ["冰", "霜"], hex: "#8cdcf4" },
];

export interface PromptInfo {
  kind: SubjectKind;
  variant: string;
  /** colours named in the prompt, in prompt order */
  colors: Rgb[];
  metal: boolean;
  size: number;
  cute: boolean;
  element?: "fire" | "ice";
  text: string;
}

const reCache = new Map<string, RegExp>();
function findWord(text: string, w: string): number {
  // English: whole word, optional plural s/es
  let re = reCache.get(w);
  if (!re) {
    re = new RegExp(`(^|[^a-z])${w.replace(/ /g, "\\s*")}(e?s)?($|[^a-z])`);
    reCache.set(w, re);
  }
  const m = re.exec(text);
  return m ? m.index + m[1]!.length : -1;
}

function earliest(text: string, en: string[], zh: string[]): number {
  let best = -1;
  for (const w of en) {
    const p = findWord(text, w);
    if (p >= 0 && (best < 0 || p < best)) best = p;
  }
  for (const w of zh) {
    const p = text.indexOf(w);
    if (p >= 0 && (best < 0 || p < best)) best = p;
  }
  return best;
}

const parseCache = new Map<string, PromptInfo>();

export function parsePrompt(prompt: string): PromptInfo {
  const hit = parseCache.get(prompt);
  if (hit) return { ...hit, colors: hit.colors.slice() };
  const info = parsePromptUncached(prompt);
  if (parseCache.size > 500) parseCache.clear();
  parseCache.set(prompt, info);
  return { ...info, colors: info.colors.slice() };
}

function parsePromptUncached(prompt: string): PromptInfo {
  const text = prompt.toLowerCase();
  let kind: SubjectKind = "monster";
  let variant = "monster";
  let pos = Number.POSITIVE_INFINITY;
  for (const e of SUBJECTS) {
    // "fire" alone is a colour/element, it only names a spirit when nothing else is named
    const p = earliest(text, e.en, e.zh);
    if (p >= 0 && p < pos) {
      pos = p;
      kind = e.kind;
      variant = e.variant;
    }
  }
  if (variant === "elemental" && /fire|flame|火/.test(text)) {
    // "fire knight", "flame sword" → the noun wins over the element word
    for (const e of SUBJECTS) {
      if (e.kind === "spirit") continue;
      if (earliest(text, e.en, e.zh) >= 0) {
        kind = e.kind;
        variant = e.variant;
        break;
      }
    }
    if (/elemental|spirit|wisp|ghost|元素|精灵|幽灵/.test(text)) {
      kind = "spirit";
      variant = "elemental";
    }
  }
  const found: { p: number; c: Rgb; metal: boolean }[] = [];
  for (const c of COLORS) {
    const p = earliest(text, c.en, c.zh);
    if (p >= 0) found.push({ p, c: hexToRgb(c.hex), metal: !!c.metal });
  }
  found.sort((a, b) => a.p - b.p);
  let size = 32;
  const px = /(\d{2})\s*(?:px|x\s*\d{2}|×\s*\d{2}|像素|-bit)?/.exec(text);
  if (px && /px|x\s*\d|×|像素/.test(px[0])) size = Number(px[1]);
  else if (/\b(tiny|mini|micro)\b|迷你|微型/.test(text)) size = 16;
  else if (/\b(small|little)\b/.test(text)) size = 24;
  else if (/\b(giant|huge|massive|colossal)\b|巨/.test(text)) size = 64;
  else if (/\b(big|large)\b|大/.test(text)) size = 48;
  size = Math.max(16, Math.min(64, Math.round(size / 8) * 8));
  return {
    kind,
    variant,
    colors: found.map((f) => f.c),
    metal: found.length > 0 && found[0]!.metal,
    size,
    cute: /cute|kawaii|chibi|adorable|baby|可爱|萌|小/.test(text),
    element: /fire|flame|lava|burn|火|焰/.test(text)
      ? "fire"
      : /\bice\b|frost|frozen|冰|霜/.test(text)
        ? "ice"
        : undefined,
    text,
  };
}
