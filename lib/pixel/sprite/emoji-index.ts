// The long tail of nouns: CLDR annotations from emojibase-data (MIT; en + zh labels and tags)
// mapped to icon names of the Fluent Emoji Flat set. Used only when a prompt names nothing in
// our own vocabulary, so the engine draws the closest illustrated concept instead of a monster.
// Loaded lazily once per process (≈2 MB of JSON, ~30 ms).
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";

interface EmojibaseEntry {
  label: string;
  hexcode: string;
  tags?: string[];
  group?: number;
  subgroup?: number;
}

interface Concept {
  icon: string;
  label: string;
  /** 0 = the whole label, 1 = a word of the label, 2 = a tag */
  rank: number;
}

let index: { en: Map<string, Concept>; zh: Map<string, Concept>; zhKeys: string[] } | undefined;

/** Resolves a file inside an installed package without letting a bundler inline it. */
export function packageFile(pkg: string, file: string): string {
  const local = path.join(process.cwd(), "node_modules", pkg, file);
  if (fs.existsSync(local)) return local;
  const req = createRequire(path.join(process.cwd(), "package.json"));
  return req.resolve(`${pkg}/${file}`);
}

function readJson<T>(pkg: string, file: string): T {
  return JSON.parse(fs.readFileSync(packageFile(pkg, file), "utf8")) as T;
}

// Emoji groups (emojibase): 3 animals & nature, 4 food & drink, 5 travel & places, 6 activities,
// 7 objects. Faces, people, symbols and flags are not things a sprite prompt means.
const GROUPS = new Set([3, 4, 5, 6, 7]);
// …except the fantasy people (people & body, subgroup "person-fantasy": genie, fairy, mermaid,
// vampire, mage), which are game subjects
const FANTASY = { group: 1, subgroup: 26 };

function build() {
  const chars = readJson<Record<string, string>>("@iconify-json/fluent-emoji-flat", "chars.json");
  const byHex = new Map<string, string>();
  for (const [hex, name] of Object.entries(chars)) byHex.set(hex.toLowerCase(), name);
  const en = new Map<string, Concept>();
  const zh = new Map<string, Concept>();
  const put = (m: Map<string, Concept>, key: string, c: Concept) => {
    const k = key.toLowerCase().trim();
    if (!k) return;
    const old = m.get(k);
    if (!old || c.rank < old.rank || (c.rank === old.rank && c.label.length < old.label.length))
      m.set(k, c);
  };
  const enData = readJson<EmojibaseEntry[]>("emojibase-data", "en/data.json");
  const zhData = readJson<EmojibaseEntry[]>("emojibase-data", "zh/data.json");
  const enLabel = new Map<string, string>();
  for (const e of enData) {
    const fantasy = e.group === FANTASY.group && e.subgroup === FANTASY.subgroup;
    if (e.group === undefined || (!GROUPS.has(e.group) && !fantasy)) continue;
    const icon =
      byHex.get(e.hexcode.toLowerCase()) ??
      byHex.get(e.hexcode.toLowerCase().replace(/-fe0f/g, ""));
    if (!icon) continue;
    enLabel.set(e.hexcode, e.label);
    put(en, e.label, { icon, label: e.label, rank: 0 });
    for (const w of e.label.split(/[\s:,-]+/))
      if (w.length >= 3) put(en, w, { icon, label: e.label, rank: 1 });
    for (const t of e.tags ?? []) put(en, t, { icon, label: e.label, rank: 2 });
  }
  for (const e of zhData) {
    const label = enLabel.get(e.hexcode);
    if (!label) continue;
    const icon = byHex.get(e.hexcode.toLowerCase())!;
    put(zh, e.label, { icon, label, rank: 0 });
    for (const t of e.tags ?? []) if (t.length >= 2) put(zh, t, { icon, label, rank: 2 });
  }
  const zhKeys = [...zh.keys()].sort((a, b) => b.length - a.length);
  return { en, zh, zhKeys };
}

/** The best icon concept for any of the given unknown words (English words or Chinese runs). */
export function findIconConcept(
  words: string[],
): { icon: string; label: string; word: string; rank: number } | undefined {
  if (!words.length) return undefined;
  index ??= build();
  let best: { icon: string; label: string; word: string; rank: number } | undefined;
  for (const w of words.slice(0, 40)) {
    if (/[\u3400-\u9fff]/.test(w)) {
      const c =
        index.zh.get(w) ??
        index.zhKeys.map((k) => (w.includes(k) ? index!.zh.get(k) : undefined)).find(Boolean);
      if (c && (!best || c.rank < best.rank)) best = { ...c, word: w };
      continue;
    }
    if (w.length < 3) continue;
    const c = index.en.get(w) ?? (w.endsWith("s") ? index.en.get(w.slice(0, -1)) : undefined);
    if (c && (!best || c.rank < best.rank)) best = { ...c, word: w };
  }
  return best;
}

let emojiLabels: Map<string, string> | undefined;

/**
 * An emoji typed in a prompt (🐉, 🧙) stands for the thing it depicts: its CLDR label ("dragon",
 * "mage"), matched without variation selectors and skin tones.
 */
export function emojiLabel(emoji: string): string | undefined {
  if (!emojiLabels) {
    emojiLabels = new Map();
    for (const e of readJson<(EmojibaseEntry & { emoji: string })[]>(
      "emojibase-data",
      "en/data.json",
    ))
      emojiLabels.set(stripEmoji(e.emoji), e.label);
  }
  return emojiLabels.get(stripEmoji(emoji));
}

function stripEmoji(e: string): string {
  return e.replace(/[\ufe0f\u{1f3fb}-\u{1f3ff}]/gu, "");
}
