// What the composers say about a field the person typed, checked as they type: one message per
// field, in their language, and the value left exactly as typed (never clamped or cut behind
// their back). The limits are the API's own (lib/vocabulary), so the browser and the server agree.
import type { MessageKey } from "@/lib/i18n";
import {
  codePointLength,
  PROMPT_MAX_CHARS,
  SCALE_MAX,
  SCALE_MIN,
  SEED_MAX,
} from "@/lib/vocabulary";

export interface FieldProblem {
  key: MessageKey;
  vars?: Record<string, string | number>;
}

const WHOLE = /^\d+$/;

/** A seed as typed: empty is fine (a random one), else a whole number 0 – SEED_MAX. */
export function seedProblem(text: string): FieldProblem | null {
  const v = text.trim();
  if (v === "") return null;
  if (!WHOLE.test(v) || v.length > 10 || Number(v) > SEED_MAX)
    return { key: "field.seed", vars: { max: SEED_MAX } };
  return null;
}

export function parseSeed(text: string): number | null {
  return text.trim() === "" ? null : Number(text.trim());
}

/** A scale as typed: required, a whole number SCALE_MIN – SCALE_MAX. */
export function scaleProblem(text: string): FieldProblem | null {
  const v = text.trim();
  if (!WHOLE.test(v) || v.length > 3 || Number(v) < SCALE_MIN || Number(v) > SCALE_MAX)
    return { key: "field.scale", vars: { min: SCALE_MIN, max: SCALE_MAX } };
  return null;
}

/** A prompt over the limit (counted in code points, as the server counts). */
export function promptProblem(text: string, max = PROMPT_MAX_CHARS): FieldProblem | null {
  const n = codePointLength(text.trim());
  return n > max ? { key: "field.promptTooLong", vars: { n: n - max, max } } : null;
}
