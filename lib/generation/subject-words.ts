import type { SpriteInterpretation } from "@/lib/pixel/sprite/interpretation";
import { zhName } from "@/lib/pixel/sprite/prompt";
import { SUBJECT_BY_ID } from "@/lib/pixel/sprite/vocabulary";
import { normalizePrompt } from "@/lib/prompts/similarity";

/**
 * What a task's `subject_words` column holds: the subject the offline engine drew, named in
 * English and in Chinese and normalized like prompt_norm, so the gallery search finds
 * "一只喷火的红龙" with "dragon" and "a red dragon" with "龙". Only the subject's first name in
 * each language: every synonym would make "space" find soldiers ("space marine").
 */
export function subjectWords(interpretation: SpriteInterpretation | undefined): string {
  if (!interpretation || interpretation.nothing_matched) return "";
  const id = interpretation.subject.replace(/^beast:/, "");
  const subject = SUBJECT_BY_ID.get(id);
  const names = subject ? [id, subject.en[0] ?? "", zhName(subject)] : [id];
  return [...new Set(normalizePrompt(names.join(" ").replace(/-/g, " ")).split(" "))].join(" ");
}
