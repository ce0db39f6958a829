// Prompt screening before a task is dispatched. A hit fails the task locally with the same
// message an upstream refusal produces, so users see one behaviour whoever refused.
//
// Matching strategy (see blocked-terms.ts for list policy):
// - Everything is NFKC-folded, lowercased, stripped of zero-width/format characters and of
//   diacritics, so "ｎｕｄｅ", "nu\u200bde" and "nüde" are all "nude".
// - English terms match on word boundaries in a Latin-only view of the text, once as written and
//   once with modest l33t folding (p0rn, s3x, $ex) applied to tokens that contain a letter — the
//   letter condition keeps "4 directions" or "16x16" from being rewritten.
// - Chinese terms match as substrings of a view with all spaces and punctuation removed, so
//   "色 情" and "色-情" are still caught.

import { readFileSync, statSync } from "node:fs";
import { type Env, getEnv } from "@/lib/config/env";
import { CONTENT_REFUSAL_MESSAGE } from "@/lib/providers/errors";
import { BLOCKED_TERMS, type BlockedCategory } from "./blocked-terms";

export { CONTENT_REFUSAL_MESSAGE };

export type ScreenResult =
  | { allowed: true }
  | { allowed: false; term: string; category: BlockedCategory | "custom" };

interface CompiledTerm {
  term: string;
  category: BlockedCategory | "custom";
  /** Word-boundary regex over the Latin view; undefined for substring (CJK) terms. */
  re?: RegExp;
  /** Needle for the CJK view; undefined for English terms. */
  needle?: string;
}

const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;

// Cyrillic and Greek letters that render identically to Latin ones; cheap to fold and a common
// way around naive filters ("рorn" with a Cyrillic р).
const HOMOGLYPHS: Record<string, string> = {
  а: "a",
  е: "e",
  о: "o",
  р: "p",
  с: "c",
  х: "x",
  у: "y",
  і: "i",
  ѕ: "s",
  ο: "o",
  α: "a",
  ν: "v",
};
const LEET: Record<string, string> = {
  "0": "o",
  "1": "i",
  "3": "e",
  "4": "a",
  "5": "s",
  "7": "t",
  "@": "a",
  $: "s",
};

/** NFKC + lowercase + no invisible characters + no diacritics + Latin homoglyphs. */
export function foldText(input: string): string {
  return input
    .normalize("NFKC")
    .toLowerCase()
    .replace(/\p{Cf}/gu, "") // zero-width space/joiner, soft hyphen, BOM, bidi marks
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .normalize("NFC")
    .replace(/[аеорсхуіѕοαν]/g, (c) => HOMOGLYPHS[c] ?? c);
}

function latinView(folded: string): string {
  return ` ${folded.replace(/[^a-z0-9]+/g, " ").trim()} `;
}

function leetView(folded: string): string {
  const mapped = folded
    .split(/\s+/)
    .map((tok) => (/[a-z]/.test(tok) ? tok.replace(/[013457@$]/g, (c) => LEET[c] ?? c) : tok))
    .join(" ");
  return latinView(mapped);
}

function cjkView(folded: string): string {
  return folded.replace(/[^\p{L}\p{N}]+/gu, "");
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

function compileTerm(raw: string, category: CompiledTerm["category"]): CompiledTerm | null {
  const term = raw.trim();
  if (!term) return null;
  const folded = foldText(term);
  if (CJK.test(folded)) {
    const needle = cjkView(folded);
    return needle ? { term, category, needle } : null;
  }
  const prefix = folded.endsWith("*");
  const body = latinView(prefix ? folded.slice(0, -1) : folded).trim();
  if (!body) return null;
  const tail = prefix ? "[a-z0-9]*" : "(?:s|es)?";
  const re = new RegExp(`(?<![a-z0-9])${escapeRe(body)}${tail}(?![a-z0-9])`);
  return { term: prefix ? term.slice(0, -1) : term, category, re };
}

function splitTerms(text: string): string[] {
  return text
    .split(/[,，\n\r]/)
    .map((t) => t.trim())
    .filter((t) => t && !t.startsWith("#"));
}

const warnedFiles = new Set<string>();

function readTermFile(path: string): { key: string; terms: string[] } {
  try {
    const st = statSync(path);
    return { key: `${st.mtimeMs}:${st.size}`, terms: splitTerms(readFileSync(path, "utf8")) };
  } catch (err) {
    // The built-in list still applies; refusing every prompt over a typo in a path would be a
    // worse outage than running without the operator's extra terms.
    if (!warnedFiles.has(path)) {
      warnedFiles.add(path);
      console.warn(`[content-filter] cannot read CONTENT_FILTER_FILE ${path}: ${String(err)}`);
    }
    return { key: "missing", terms: [] };
  }
}

let builtIn: CompiledTerm[] | undefined;
let cache: { key: string; terms: CompiledTerm[] } | undefined;

function compiledTerms(env: Env): CompiledTerm[] {
  builtIn ??= Object.entries(BLOCKED_TERMS).flatMap(([category, list]) =>
    [...list.en, ...list.zh]
      .map((t) => compileTerm(t, category as BlockedCategory))
      .filter((t): t is CompiledTerm => t !== null),
  );
  const extra = env.CONTENT_FILTER_EXTRA_TERMS ?? "";
  const filePath = env.CONTENT_FILTER_FILE ?? "";
  const file = filePath ? readTermFile(filePath) : { key: "", terms: [] };
  const key = `${extra}\0${filePath}\0${file.key}`;
  if (cache?.key !== key) {
    const custom = [...splitTerms(extra), ...file.terms]
      .map((t) => compileTerm(t, "custom"))
      .filter((t): t is CompiledTerm => t !== null);
    cache = { key, terms: [...builtIn, ...custom] };
  }
  return cache.terms;
}

export function isContentFilterEnabled(env: Env = getEnv()): boolean {
  return env.CONTENT_FILTER ?? true;
}

/**
 * Screens a prompt against the built-in list plus CONTENT_FILTER_EXTRA_TERMS and
 * CONTENT_FILTER_FILE. On a hit the caller fails the task with CONTENT_REFUSAL_MESSAGE; `term`
 * is for logs, not for the user (echoing it teaches people how to get around the list).
 */
export function screenPrompt(prompt: string, env: Env = getEnv()): ScreenResult {
  if (!isContentFilterEnabled(env)) return { allowed: true };
  const folded = foldText(prompt);
  const latin = latinView(folded);
  const leet = leetView(folded);
  const cjk = cjkView(folded);
  for (const t of compiledTerms(env)) {
    const hit = t.re ? t.re.test(latin) || t.re.test(leet) : cjk.includes(t.needle as string);
    if (hit) return { allowed: false, term: t.term, category: t.category };
  }
  return { allowed: true };
}
