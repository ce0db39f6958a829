// Prompt budgets: each upstream documents how long a prompt may be (ModelSpec.max_prompt_chars).
// The user's words are never cut; our own style/frame suffix is shortened, clause by clause, to
// whatever room the user's prompt leaves. Only a user prompt that alone exceeds the budget is an
// error, and that is refused at submission (400), not discovered by the worker.

/** Characters as the upstream documents count them: one per code point (汉字 and letters alike). */
export function promptLength(text: string): number {
  return [...text].length;
}

export class PromptTooLongError extends Error {
  constructor(
    readonly limit: number,
    readonly length: number,
    readonly modelId: string,
  ) {
    super(`prompt is ${length} characters; model '${modelId}' accepts at most ${limit} characters`);
    this.name = "PromptTooLongError";
  }
}

/** Throws PromptTooLongError when the user's own prompt is over the model's budget. */
export function assertPromptFits(
  model: { id: string; max_prompt_chars?: number },
  prompt: string,
): void {
  const limit = model.max_prompt_chars;
  if (limit === undefined) return;
  const length = promptLength(prompt);
  if (length > limit) throw new PromptTooLongError(limit, length, model.id);
}

const SEPARATOR = ", ";

/**
 * `user, suffix` within `limit`: whole leading clauses of the suffix are kept while they fit
 * (frame instructions come first in our suffixes, the generic style words last, so the style
 * goes first when room is short). With no room at all the user's prompt goes alone.
 */
export function composePrompt(user: string, suffix: string | undefined, limit?: number): string {
  if (!suffix) return user;
  const full = `${user}${SEPARATOR}${suffix}`;
  if (limit === undefined || promptLength(full) <= limit) return full;
  const room = limit - promptLength(user) - promptLength(SEPARATOR);
  if (room <= 0) return user;
  const kept: string[] = [];
  let used = 0;
  for (const clause of suffix.split(SEPARATOR)) {
    const cost = promptLength(clause) + (kept.length ? promptLength(SEPARATOR) : 0);
    if (used + cost > room) break;
    kept.push(clause);
    used += cost;
  }
  return kept.length ? `${user}${SEPARATOR}${kept.join(SEPARATOR)}` : user;
}
