"use client";

import { useEffect, useId, useState } from "react";
import { randomSeed } from "@/lib/client/api";
import { markField, useComposer } from "@/lib/client/composer-store";
import { parseSeed, seedProblem } from "@/lib/client/field-checks";
import { useT } from "../i18n-provider";
import { Button, inputClass } from "../ui";
import { fieldLabel } from "./field-label";
import { FieldMessage, invalidRing } from "./field-message";

/**
 * A fixed seed (empty = random each time), a dice button and a clear button. The text stays as
 * typed; a seed the API would refuse (−1, 20 digits) is said so here, never turned into another.
 */
export function SeedField({ disabled }: { disabled: boolean }) {
  const t = useT();
  const s = useComposer();
  const id = useId();
  const [text, setText] = useState(s.seed === null ? "" : String(s.seed));
  const problem = seedProblem(text);
  // the dice, Reset or "reuse settings" set the seed from outside: show it
  useEffect(() => {
    if (s.invalid.seed) return;
    setText((cur) =>
      !seedProblem(cur) && parseSeed(cur) === s.seed ? cur : s.seed === null ? "" : String(s.seed),
    );
  }, [s.seed, s.invalid.seed]);
  return (
    <div>
      <label htmlFor={id} className={fieldLabel}>
        {t("studio.seed")}
      </label>
      <div className="flex gap-2">
        <input
          id={id}
          type="text"
          inputMode="numeric"
          name="seed"
          value={text}
          disabled={disabled}
          placeholder={t("studio.seedRandom")}
          aria-invalid={problem ? true : undefined}
          aria-describedby={problem ? `${id}-problem` : undefined}
          onChange={(e) => {
            const next = e.target.value;
            setText(next);
            const bad = seedProblem(next);
            useComposer.getState().set(bad ? markInvalid() : { seed: parseSeed(next), ...valid() });
          }}
          className={`${inputClass} ${invalidRing(problem)}`}
        />
        <Button
          aria-label={t("studio.dice")}
          title={t("studio.dice")}
          onClick={() => s.set({ seed: randomSeed(), ...valid() })}
          disabled={disabled}
        >
          <svg viewBox="0 0 16 16" className="size-4" aria-hidden="true" fill="currentColor">
            <path d="M3 1h10a2 2 0 0 1 2 2v10a2 2 0 0 1-2 2H3a2 2 0 0 1-2-2V3a2 2 0 0 1 2-2Zm0 1.5a.5.5 0 0 0-.5.5v10a.5.5 0 0 0 .5.5h10a.5.5 0 0 0 .5-.5V3a.5.5 0 0 0-.5-.5H3Z" />
            <circle cx="5" cy="5" r="1.25" />
            <circle cx="11" cy="5" r="1.25" />
            <circle cx="8" cy="8" r="1.25" />
            <circle cx="5" cy="11" r="1.25" />
            <circle cx="11" cy="11" r="1.25" />
          </svg>
        </Button>
        {(s.seed !== null || text !== "") && (
          <Button
            aria-label={t("studio.clearSeed")}
            title={t("studio.clearSeed")}
            onClick={() => {
              setText("");
              s.set({ seed: null, ...valid() });
            }}
          >
            <span aria-hidden="true">✕</span>
          </Button>
        )}
      </div>
      <FieldMessage id={`${id}-problem`} problem={problem} />
    </div>
  );
}

const valid = () => markField("seed", true);
const markInvalid = () => markField("seed", false);
