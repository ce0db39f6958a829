"use client";

import { useId, useState } from "react";
import { DITHER_MODES } from "@/lib/vocabulary";
import { useT } from "../i18n-provider";
import { inputBase } from "../ui";
import { fieldLabel } from "./field-label";

/** What the composer sends for image → pixel art (model local/pixelize). */
export interface UploadChoice {
  name: string;
  /** the picture as a data: URL (the routes' `image`) */
  dataUrl: string;
  /** a GIF may be animated: it goes to batch-generate, one frame per GIF frame */
  gif: boolean;
  targetSize: number;
  dither: (typeof DITHER_MODES)[number];
  /** a 1-cell outline in the palette's darkest colour around the shape */
  outline: boolean;
}

// The limits of lib/pixel/image-input.ts, checked here too so a person hears at once, not after
// a 14 MB upload; the server checks again (pixel size, frames, a truncated file).
const MAX_BYTES = 10 * 1024 * 1024;
const TARGET_SIZES = [0, 16, 24, 32, 48, 64, 96, 128, 256];

export function UploadField({
  value,
  onChange,
  disabled,
}: {
  value: UploadChoice | null;
  onChange: (v: UploadChoice | null) => void;
  disabled: boolean;
}) {
  const t = useT();
  const fileId = useId();
  const sizeId = useId();
  const ditherId = useId();
  const [error, setError] = useState<string | null>(null);
  const settings = {
    targetSize: value?.targetSize ?? 0,
    dither: value?.dither ?? "none",
    outline: value?.outline ?? false,
  };

  function pick(file: File | undefined) {
    setError(null);
    if (!file) return onChange(null);
    if (file.size > MAX_BYTES) {
      setError(
        t("studio.uploadTooLarge", { name: file.name, mb: (file.size / 1048576).toFixed(1) }),
      );
      return onChange(null);
    }
    const reader = new FileReader();
    reader.onload = () =>
      onChange({
        ...settings,
        name: file.name,
        dataUrl: String(reader.result),
        gif: file.type === "image/gif" || /\.gif$/i.test(file.name),
      });
    reader.readAsDataURL(file);
  }

  return (
    <fieldset className="space-y-2" data-testid="upload-field">
      <label htmlFor={fileId} className={fieldLabel}>
        {t("studio.upload")}
      </label>
      <input
        id={fileId}
        type="file"
        accept="image/png,image/jpeg,image/webp,image/gif"
        disabled={disabled}
        onChange={(e) => pick(e.target.files?.[0])}
        className="block w-full text-sm"
        data-testid="upload-input"
        aria-describedby={`${fileId}-hint`}
        aria-invalid={error ? true : undefined}
      />
      <p id={`${fileId}-hint`} className="text-xs text-zinc-500">
        {t("studio.uploadHint")}
      </p>
      {error && (
        <p role="alert" className="text-sm text-red-700 dark:text-red-300">
          {error}
        </p>
      )}
      {value && (
        // biome-ignore lint/performance/noImgElement: a local preview of the chosen file
        <img
          src={value.dataUrl}
          alt={value.name}
          className="pixelated max-h-32 rounded border border-zinc-200 dark:border-zinc-700"
        />
      )}
      <div className="flex flex-wrap gap-3 text-sm">
        <label htmlFor={sizeId} className="flex items-center gap-1.5">
          {t("studio.targetSize")}
          <select
            id={sizeId}
            value={settings.targetSize}
            disabled={disabled}
            onChange={(e) => value && onChange({ ...value, targetSize: Number(e.target.value) })}
            className={`${inputBase} w-auto`}
          >
            {TARGET_SIZES.map((n) => (
              <option key={n} value={n}>
                {n === 0 ? t("studio.targetSizeAuto") : `${n} px`}
              </option>
            ))}
          </select>
        </label>
        <label htmlFor={ditherId} className="flex items-center gap-1.5">
          {t("studio.dither")}
          <select
            id={ditherId}
            value={settings.dither}
            disabled={disabled}
            onChange={(e) =>
              value && onChange({ ...value, dither: e.target.value as UploadChoice["dither"] })
            }
            className={`${inputBase} w-auto`}
          >
            {DITHER_MODES.map((d) => (
              <option key={d} value={d}>
                {d}
              </option>
            ))}
          </select>
        </label>
        <label className="flex items-center gap-1.5">
          <input
            type="checkbox"
            checked={settings.outline}
            disabled={disabled}
            onChange={(e) => value && onChange({ ...value, outline: e.target.checked })}
            className="size-4 accent-indigo-600"
            data-testid="upload-outline"
          />
          {t("studio.uploadOutline")}
        </label>
      </div>
    </fieldset>
  );
}
