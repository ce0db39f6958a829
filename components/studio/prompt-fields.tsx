"use client";

import { useId } from "react";
import { useComposer } from "@/lib/client/composer-store";
import { promptProblem } from "@/lib/client/field-checks";
import { codePointLength, PROMPT_MAX_CHARS } from "@/lib/vocabulary";
import { useT } from "../i18n-provider";
import { inputClass } from "../ui";
import { fieldLabel } from "./field-label";
import { FieldMessage, invalidRing } from "./field-message";

export const MAX_PROMPT = PROMPT_MAX_CHARS;

/**
 * Prompt and negative prompt, with counters in characters as a person counts them ("🐉🔥" is 2,
 * as the server counts). A longer paste is kept whole and said to be too long, not cut. The
 * negative prompt shows only for a model that uses it. Ctrl/⌘+Enter submits.
 */
export function PromptFields({
  disabled,
  negativeSupported,
}: {
  disabled: boolean;
  /** the selected model reads a negative prompt (GET /api/v1/models supports_negative_prompt) */
  negativeSupported: boolean;
}) {
  const t = useT();
  const s = useComposer();
  const promptId = useId();
  const negId = useId();
  const promptCount = codePointLength(s.prompt);
  const negCount = codePointLength(s.negativePrompt);
  const tooLong = promptProblem(s.prompt);
  const negTooLong = promptProblem(s.negativePrompt);
  return (
    <>
      <div>
        <div className="flex items-baseline justify-between">
          <label htmlFor={promptId} className={fieldLabel}>
            {t("studio.prompt")}
          </label>
          <span
            className={`text-xs ${tooLong ? "text-red-600" : "text-zinc-500"}`}
            aria-live="polite"
            data-testid="prompt-count"
          >
            {t("studio.chars", { n: promptCount, max: MAX_PROMPT })}
          </span>
        </div>
        <textarea
          id={promptId}
          name="prompt"
          rows={3}
          value={s.prompt}
          disabled={disabled}
          aria-invalid={tooLong ? true : undefined}
          aria-describedby={tooLong ? `${promptId}-problem` : undefined}
          onChange={(e) => s.set({ prompt: e.target.value })}
          onKeyDown={(e) => {
            if (e.key === "Enter" && (e.metaKey || e.ctrlKey)) {
              e.preventDefault();
              e.currentTarget.form?.requestSubmit();
            }
          }}
          placeholder={t("studio.promptPlaceholder")}
          className={`${inputClass} resize-y ${invalidRing(tooLong)}`}
        />
        <FieldMessage id={`${promptId}-problem`} problem={tooLong} />
      </div>
      {negativeSupported ? (
        <div>
          <div className="flex items-baseline justify-between">
            <label htmlFor={negId} className={fieldLabel}>
              {t("studio.negative")}
            </label>
            <span className={`text-xs ${negTooLong ? "text-red-600" : "text-zinc-500"}`}>
              {t("studio.chars", { n: negCount, max: MAX_PROMPT })}
            </span>
          </div>
          <input
            id={negId}
            name="negative_prompt"
            value={s.negativePrompt}
            disabled={disabled}
            aria-invalid={negTooLong ? true : undefined}
            aria-describedby={negTooLong ? `${negId}-problem` : undefined}
            onChange={(e) => s.set({ negativePrompt: e.target.value })}
            placeholder={t("studio.negativePlaceholder")}
            className={`${inputClass} ${invalidRing(negTooLong)}`}
          />
          <FieldMessage id={`${negId}-problem`} problem={negTooLong} />
        </div>
      ) : (
        <p className="text-xs text-zinc-500" data-testid="negative-unsupported">
          {t("studio.negativeUnsupported")}
        </p>
      )}
    </>
  );
}
