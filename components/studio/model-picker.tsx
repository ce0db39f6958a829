"use client";

import { useEffect, useId, useRef, useState } from "react";
import type { Model, ModelsByType } from "@/lib/client/types";
import type { Locale, MessageKey, Translate } from "@/lib/i18n";
import { MODEL_TYPES, type ModelType } from "@/lib/vocabulary";
import { useI18n } from "../i18n-provider";
import { useModelAvailability } from "./model-availability";

/** The model's display name in the interface language (GET /api/v1/models `names`). */
export function modelName(model: Pick<Model, "name" | "names">, locale: Locale): string {
  return model.names?.[locale] ?? model.name;
}

const CAPABILITY_KEYS: Record<string, MessageKey> = {
  supportsSeed: "cap.seed",
  supportsNegativePrompt: "cap.negativePrompt",
  supportsRefImage: "cap.refImage",
  supportsLora: "cap.lora",
  acceptsUpload: "cap.acceptsUpload",
};

/** The model's capabilities as short chips, in the interface language. */
export function capabilityBadges(model: Model, t: Translate): string[] {
  const caps = model.capabilities ?? {};
  const out: string[] = [];
  for (const [key, value] of Object.entries(caps)) {
    if (value === false || value === null || value === undefined) continue;
    if (key === "operation" && typeof value === "string") {
      out.push(translated(t, `op.${value}`, value));
      continue;
    }
    if (key === "output" && typeof value === "string") {
      // a media type: "audio/wav" → "WAV"
      out.push(value.split("/").pop()?.toUpperCase() ?? value);
      continue;
    }
    if (typeof value === "string" || typeof value === "number") {
      out.push(String(value));
      continue;
    }
    if (Array.isArray(value)) {
      if (value.length)
        out.push(`${translated(t, `cap.${key}`, humanize(key))}: ${value.join(", ")}`);
      continue;
    }
    out.push(CAPABILITY_KEYS[key] ? t(CAPABILITY_KEYS[key]) : humanize(key));
  }
  if (model.resolutions) out.push(Object.keys(model.resolutions).join("/"));
  return out;
}

function translated(t: Translate, key: string, fallback: string): string {
  const text = t(key as MessageKey);
  return text === key ? fallback : text;
}

function humanize(key: string): string {
  return key
    .replace(/^supports_?/i, "")
    .replace(/_/g, " ")
    .replace(/([a-z])([A-Z])/g, "$1 $2")
    .replace(/^./, (c) => c.toUpperCase());
}

/** Whether a model can be picked here (the words for why not: useModelAvailability). */
export function isUsable(model: Model, usable: ModelType[]): boolean {
  return (
    model.enabled &&
    (usable.includes(model.type) || (usable.includes("image") && takesUpload(model)))
  );
}

/** A model that turns an uploaded picture into pixel art (local/pixelize) instead of words. */
export function takesUpload(model: Pick<Model, "capabilities"> | undefined): boolean {
  return model?.capabilities?.acceptsUpload === true;
}

export function ModelPicker({
  models,
  value,
  onChange,
  usable = ["image"],
  loading,
}: {
  models: ModelsByType | undefined;
  value: string;
  onChange: (id: string) => void;
  usable?: ModelType[];
  loading?: boolean;
}) {
  const { t, locale } = useI18n();
  const unavailable = useModelAvailability(usable);
  const [open, setOpen] = useState(false);
  const ref = useRef<HTMLDivElement>(null);
  const listId = useId();
  const labelId = useId();
  const current = models
    ? MODEL_TYPES.map((type) => models[type]?.[value]).find(Boolean)
    : undefined;

  useEffect(() => {
    if (!open) return;
    const onDoc = (e: MouseEvent) => {
      if (ref.current && !ref.current.contains(e.target as Node)) setOpen(false);
    };
    const onKey = (e: KeyboardEvent) => e.key === "Escape" && setOpen(false);
    document.addEventListener("mousedown", onDoc);
    document.addEventListener("keydown", onKey);
    return () => {
      document.removeEventListener("mousedown", onDoc);
      document.removeEventListener("keydown", onKey);
    };
  }, [open]);

  return (
    <div ref={ref} className="relative">
      <span id={labelId} className="mb-1 block text-sm font-medium">
        {t("studio.model")}
      </span>
      <button
        type="button"
        data-testid="model-picker"
        aria-haspopup="true"
        aria-expanded={open}
        aria-controls={listId}
        aria-labelledby={labelId}
        aria-describedby={`${labelId}-value`}
        onClick={() => setOpen((v) => !v)}
        className="flex min-h-10 w-full items-center justify-between gap-2 rounded-md border border-zinc-300 bg-white px-3 py-2 text-left text-sm dark:border-zinc-700 dark:bg-zinc-900"
      >
        <span id={`${labelId}-value`} className="min-w-0 truncate">
          {loading ? (
            t("studio.modelsLoading")
          ) : current ? (
            <>
              <span className="font-medium">{modelName(current, locale)}</span>{" "}
              <span className="text-zinc-500">{current.id}</span>
            </>
          ) : (
            value || "—"
          )}
        </span>
        <span aria-hidden="true" className="text-zinc-400">
          ▾
        </span>
      </button>
      {open && models && (
        <div
          id={listId}
          role="radiogroup"
          aria-labelledby={labelId}
          className="absolute z-20 mt-1 max-h-96 w-full overflow-y-auto rounded-md border border-zinc-200 bg-white p-1 shadow-lg dark:border-zinc-700 dark:bg-zinc-900"
        >
          {MODEL_TYPES.filter((type) => Object.keys(models[type] ?? {}).length > 0).map((type) => (
            <fieldset key={type} className="mb-1">
              <legend className="px-2 pt-2 pb-1 text-xs font-semibold tracking-wide text-zinc-500 uppercase">
                {t(`type.${type}` as "type.image")}
              </legend>
              {Object.values(models[type] ?? {}).map((m) => {
                const reason = unavailable(m);
                const badges = capabilityBadges(m, t);
                return (
                  <label
                    key={m.id}
                    data-model-id={m.id}
                    className={`flex cursor-pointer items-start gap-2 rounded px-2 py-1.5 text-sm ${reason ? "cursor-not-allowed opacity-50" : "hover:bg-zinc-100 dark:hover:bg-zinc-800"} ${m.id === value ? "bg-indigo-50 dark:bg-indigo-950" : ""}`}
                  >
                    <input
                      type="radio"
                      name={`${listId}-model`}
                      value={m.id}
                      checked={m.id === value}
                      disabled={!!reason}
                      onChange={() => {
                        onChange(m.id);
                        setOpen(false);
                      }}
                      className="mt-1 accent-indigo-600"
                    />
                    <span className="min-w-0 flex-1">
                      <span className="flex flex-wrap items-center gap-1">
                        <span className="font-medium">{modelName(m, locale)}</span>
                        {m.is_default && (
                          <span className="rounded bg-indigo-100 px-1 text-[10px] text-indigo-800 dark:bg-indigo-900 dark:text-indigo-200">
                            {t("models.default")}
                          </span>
                        )}
                        {badges.map((b) => (
                          <span
                            key={b}
                            className="rounded bg-zinc-100 px-1 text-[10px] text-zinc-600 dark:bg-zinc-800 dark:text-zinc-300"
                          >
                            {b}
                          </span>
                        ))}
                      </span>
                      <span className="block truncate text-xs text-zinc-500">{m.id}</span>
                      {reason && (
                        <span className="block text-xs text-red-700 dark:text-red-400">
                          {reason}
                        </span>
                      )}
                    </span>
                  </label>
                );
              })}
            </fieldset>
          ))}
        </div>
      )}
      {current && capabilityBadges(current, t).length > 0 && (
        <p className="mt-1 flex flex-wrap gap-1 text-[11px] text-zinc-500">
          <span className="sr-only">{t("studio.capabilities")}:</span>
          {capabilityBadges(current, t).map((b) => (
            <span key={b} className="rounded bg-zinc-100 px-1 dark:bg-zinc-800">
              {b}
            </span>
          ))}
        </p>
      )}
    </div>
  );
}
