"use client";

import { useId } from "react";
import { randomSeed } from "@/lib/client/api";
import { useComposer } from "@/lib/client/composer-store";
import { useT } from "../i18n-provider";
import { Button, inputClass } from "../ui";
import { fieldLabel } from "./field-label";

/** A fixed seed (empty = random each time), a dice button and a clear button. */
export function SeedField({ disabled }: { disabled: boolean }) {
  const t = useT();
  const s = useComposer();
  const id = useId();
  return (
    <div>
      <label htmlFor={id} className={fieldLabel}>
        {t("studio.seed")}
      </label>
      <div className="flex gap-2">
        <input
          id={id}
          type="number"
          name="seed"
          min={0}
          value={s.seed ?? ""}
          disabled={disabled}
          placeholder={t("studio.seedRandom")}
          onChange={(e) =>
            s.set({
              seed: e.target.value === "" ? null : Math.max(0, Math.floor(Number(e.target.value))),
            })
          }
          className={inputClass}
        />
        <Button
          aria-label={t("studio.dice")}
          title={t("studio.dice")}
          onClick={() => s.set({ seed: randomSeed() })}
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
        {s.seed !== null && (
          <Button
            aria-label={t("studio.clearSeed")}
            title={t("studio.clearSeed")}
            onClick={() => s.set({ seed: null })}
          >
            <span aria-hidden="true">✕</span>
          </Button>
        )}
      </div>
    </div>
  );
}
