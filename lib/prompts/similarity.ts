// Duplicate-prompt detection for `force=false` generations: a similar earlier prompt of the same
// user answers `duplicates_found` instead of spending another generation.
//
// Two scripts, two measures. Latin text has spaces, so words are the unit and token-set Jaccard
// ignores word order. Chinese has no spaces and word segmentation is a dictionary problem we do
// not want, so character bigrams (Dice coefficient) stand in for words. Both scores are
// combined weighted by how much text each script contributes.

/**
 * Pairs scoring at or above this are duplicates. 0.85 sits between what must match and what
 * must not (similarity.test.ts holds the defending pairs):
 * - case, punctuation, emoji, full-width forms, plurals and stop words normalise away → 1.0;
 * - word order does not count: "dragon breathing fire" ≈ "fire breathing dragon" → 1.0;
 * - one substituted word is a different picture: "a red knight"/"a blue knight" → 0.33. With n
 *   words one substitution scores (n−1)/(n+1), under 0.85 up to n = 12, so colour or subject
 *   swaps in ordinary prompts stay distinct;
 * - one extra word on n words scores n/(n+1): ≥ 0.85 from n = 6 ("… idle animation" vs
 *   "… idle animation loop" is the same request);
 * - Chinese: one substituted character in m characters gives Dice (m−3)/(m−1): 可爱猫/可爱狗
 *   → 0.5, and under the line up to 14 characters (≈ 7 words, so Chinese flags a little
 *   earlier than English — a side effect of Dice on bigrams).
 * A false positive costs the user one click (`force=true`); a false negative costs a paid
 * generation, so the line leans towards flagging long near-identical prompts.
 */
export const DUPLICATE_THRESHOLD = 0.85;

const CJK_CHAR = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;
const CJK_RUN = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]+/gu;
const EN_STOP_WORDS = new Set(["a", "an", "the", "of"]);
// Longest first, so "一只" goes before a lone "的" could split anything.
const ZH_STOP_WORDS = ["一只", "一个", "一位", "一张", "一幅", "的"];
// Words the suffix rules would mangle; only their consistency matters, not linguistics.
const STEM_EXCEPTIONS = new Set([
  "thing",
  "string",
  "spring",
  "king",
  "ring",
  "wing",
  "swing",
  "sling",
  "ceiling",
  "viking",
  "pudding",
  "nothing",
  "something",
  "everything",
  "red",
  "bed",
  "sled",
  "shed",
  "seed",
  "speed",
  "steed",
  "need",
  "feed",
]);

function stem(word: string): string {
  if (word.length <= 3 || STEM_EXCEPTIONS.has(word) || /\d/.test(word)) return word;
  let w = word;
  if (w.endsWith("ies") && w.length > 4) w = `${w.slice(0, -3)}y`;
  else if (/(?:s|x|z|ch|sh)es$/.test(w)) w = w.slice(0, -2);
  else if (w.endsWith("s") && !/(?:ss|us|is)$/.test(w)) w = w.slice(0, -1);
  if (STEM_EXCEPTIONS.has(w)) return w;
  if (w.endsWith("ing") && w.length > 5) w = w.slice(0, -3);
  else if (w.endsWith("ed") && w.length > 4) w = w.slice(0, -2);
  else return w;
  // running → runn → run; hopped → hopp → hop
  if (/([b-df-hj-np-tv-z])\1$/.test(w) && !/(?:ll|ss|zz)$/.test(w)) w = w.slice(0, -1);
  return w;
}

/**
 * Canonical form of a prompt: NFKC (full-width → half-width), lowercase, punctuation, symbols
 * and emoji removed, whitespace collapsed, English words stemmed and stop words dropped,
 * Chinese filler (一只, 一个, 的 …) removed. CJK runs stay unspaced.
 */
export function normalizePrompt(s: string): string {
  const hit = normalizedPrompts.get(s);
  if (hit !== undefined) return hit;
  const normalized = normalizePromptUncached(s);
  if (normalizedPrompts.size >= NORMALIZED_MAX) normalizedPrompts.clear();
  normalizedPrompts.set(s, normalized);
  return normalized;
}

// Every POST normalises its prompt (a dozen Unicode-class expressions), and a client sends the
// same prompt again (re-rolls, batches, retries); the answer depends on the prompt alone. Cleared
// whole when full, as the prompt parse's cache is.
const normalizedPrompts = new Map<string, string>();
const NORMALIZED_MAX = 500;

function normalizePromptUncached(s: string): string {
  const cleaned = s
    .normalize("NFKC")
    .toLowerCase()
    // \p{P}/\p{S} cover ASCII and CJK punctuation (。，！？、「」) and most emoji; marks,
    // format characters and variation selectors cover ZWJ sequences and skin tones.
    .replace(/[\p{P}\p{S}\p{M}\p{Cf}\p{Extended_Pictographic}\p{Emoji_Modifier}]/gu, " ")
    // Split CJK from adjacent Latin ("pixel猫" → "pixel 猫") so each is measured its own way.
    .replace(CJK_RUN, (run) => ` ${run} `);
  const out: string[] = [];
  for (const tok of cleaned.split(/\s+/)) {
    if (!tok) continue;
    if (CJK_CHAR.test(tok)) {
      let t = tok;
      for (const stop of ZH_STOP_WORDS) t = t.split(stop).join("");
      if (t) out.push(t);
    } else if (!EN_STOP_WORDS.has(tok)) {
      out.push(stem(tok));
    }
  }
  return out.join(" ");
}

interface Features {
  words: Set<string>;
  bigrams: Set<string>;
}

function features(normalized: string): Features {
  const words = new Set<string>();
  const bigrams = new Set<string>();
  for (const tok of normalized.split(" ")) {
    if (!tok) continue;
    if (CJK_CHAR.test(tok)) {
      const chars = Array.from(tok);
      // A lone character is its own "bigram" so 猫 vs 狗 still compares.
      if (chars.length === 1) bigrams.add(chars[0]);
      for (let i = 0; i + 1 < chars.length; i++) bigrams.add(chars[i] + chars[i + 1]);
    } else {
      words.add(tok);
    }
  }
  return { words, bigrams };
}

function overlap(a: Set<string>, b: Set<string>): number {
  let n = 0;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  for (const x of small) if (large.has(x)) n++;
  return n;
}

function scoreFeatures(a: Features, b: Features): number {
  const wordShared = overlap(a.words, b.words);
  const wordUnion = a.words.size + b.words.size - wordShared;
  const gramShared = overlap(a.bigrams, b.bigrams);
  const gramTotal = a.bigrams.size + b.bigrams.size;
  const gramUnion = gramTotal - gramShared;
  if (wordUnion === 0 && gramUnion === 0) return -1; // nothing measurable
  const jaccard = wordUnion === 0 ? 0 : wordShared / wordUnion;
  const dice = gramTotal === 0 ? 0 : (2 * gramShared) / gramTotal;
  return (jaccard * wordUnion + dice * gramUnion) / (wordUnion + gramUnion);
}

/** 0 (nothing in common) … 1 (same prompt after normalisation). Symmetric. */
export function promptSimilarity(a: string, b: string): number {
  const score = scoreFeatures(features(normalizePrompt(a)), features(normalizePrompt(b)));
  // Prompts with no words at all (only emoji, say) can only be compared literally.
  if (score < 0) return a.trim() === b.trim() ? 1 : 0;
  return score;
}

export interface DuplicateMatch<Id> {
  id: Id;
  prompt: string;
  score: number;
}

/** Candidates scoring ≥ threshold, best first; ties keep the candidates' order. */
export function findDuplicates<Id extends number | string>(
  prompt: string,
  candidates: readonly { id: Id; prompt: string }[],
  threshold: number = DUPLICATE_THRESHOLD,
): DuplicateMatch<Id>[] {
  const query = features(normalizePrompt(prompt));
  const matches: DuplicateMatch<Id>[] = [];
  for (const c of candidates) {
    let score = scoreFeatures(query, features(normalizePrompt(c.prompt)));
    if (score < 0) score = prompt.trim() === c.prompt.trim() ? 1 : 0;
    if (score >= threshold) matches.push({ id: c.id, prompt: c.prompt, score });
  }
  // Array.prototype.sort is stable, so equal scores stay in candidate (e.g. newest-first) order.
  return matches.sort((x, y) => y.score - x.score);
}

/**
 * Like findDuplicates, for candidates whose normalized form is already stored (tasks keep
 * `prompt_norm`): skips re-normalizing hundreds of earlier prompts on every request.
 */
export function findDuplicatesNormalized<Id extends number | string>(
  prompt: string,
  candidates: readonly { id: Id; prompt: string; normalized: string }[],
  threshold: number = DUPLICATE_THRESHOLD,
): DuplicateMatch<Id>[] {
  const query = features(normalizePrompt(prompt));
  const matches: DuplicateMatch<Id>[] = [];
  for (const c of candidates) {
    let score = scoreFeatures(query, features(c.normalized));
    if (score < 0) score = prompt.trim() === c.prompt.trim() ? 1 : 0;
    if (score >= threshold) matches.push({ id: c.id, prompt: c.prompt, score });
  }
  return matches.sort((x, y) => y.score - x.score);
}

/**
 * The words of a gallery search, normalized like prompt_norm (so "Knights" finds "a knight"):
 * Latin words are matched as word prefixes, CJK runs as substrings.
 */
export function searchWords(q: string): { word: string; cjk: boolean }[] {
  return normalizePrompt(q)
    .split(" ")
    .filter(Boolean)
    .map((word) => ({ word, cjk: CJK_CHAR.test(word) }));
}
