"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useId, useState } from "react";
import { DOCUMENT_MAX_SIDE } from "@/lib/vocabulary";
import { useI18n } from "../i18n-provider";
import { Button, cardClass, ErrorText, inputClass, Spinner } from "../ui";
import { documentsApi } from "./document-io";

/** A file as a base64 data URL (what POST /api/v1/documents takes for an upload). */
function dataUrlOf(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(file);
  });
}

/** "New": a blank canvas, or an upload (PNG, every frame of a GIF, a sheet with its Aseprite JSON). */
export function NewDocument() {
  const { t } = useI18n();
  const router = useRouter();
  const ids = { w: useId(), h: useId(), file: useId(), json: useId() };
  const [size, setSize] = useState({ w: 32, h: 32 });
  const [files, setFiles] = useState<{ image: File | null; json: File | null }>({
    image: null,
    json: null,
  });

  const blank = useMutation({
    mutationFn: () => documentsApi.create({ width: size.w, height: size.h }),
    onSuccess: (d) => router.push(`/editor/${d.id}`),
  });
  const upload = useMutation({
    mutationFn: async () =>
      documentsApi.create({
        upload: {
          image: await dataUrlOf(files.image!),
          ...(files.json ? { aseprite_json: await files.json.text() } : {}),
        },
      }),
    onSuccess: (d) => router.push(`/editor/${d.id}`),
  });

  return (
    <div className="space-y-6" data-testid="new-document">
      <h1 className="text-2xl font-bold">{t("editor.title")}</h1>
      <p className="text-sm text-zinc-600 dark:text-zinc-300">{t("editor.intro")}</p>
      <form
        className={`${cardClass} space-y-3 p-4`}
        onSubmit={(e) => {
          e.preventDefault();
          blank.mutate();
        }}
      >
        <h2 className="font-semibold">{t("editor.blank")}</h2>
        <div className="flex flex-wrap items-end gap-3">
          <label htmlFor={ids.w} className="text-sm">
            {t("editor.width")}
            <input
              id={ids.w}
              type="number"
              min={1}
              max={DOCUMENT_MAX_SIDE}
              value={size.w}
              onChange={(e) => setSize({ ...size, w: Number(e.target.value) })}
              className={`${inputClass} w-24`}
            />
          </label>
          <label htmlFor={ids.h} className="text-sm">
            {t("editor.height")}
            <input
              id={ids.h}
              type="number"
              min={1}
              max={DOCUMENT_MAX_SIDE}
              value={size.h}
              onChange={(e) => setSize({ ...size, h: Number(e.target.value) })}
              className={`${inputClass} w-24`}
            />
          </label>
          <Button type="submit" variant="primary" disabled={blank.isPending}>
            {blank.isPending && <Spinner />}
            {t("editor.create")}
          </Button>
        </div>
        {blank.error && <ErrorText error={blank.error} />}
      </form>
      <form
        className={`${cardClass} space-y-3 p-4`}
        onSubmit={(e) => {
          e.preventDefault();
          upload.mutate();
        }}
      >
        <h2 className="font-semibold">{t("editor.upload")}</h2>
        <p className="text-xs text-zinc-500">{t("editor.uploadHint")}</p>
        <label htmlFor={ids.file} className="block text-sm">
          {t("editor.uploadImage")}
          <input
            id={ids.file}
            type="file"
            accept="image/png,image/gif"
            onChange={(e) => setFiles({ ...files, image: e.target.files?.[0] ?? null })}
            className="block text-sm"
          />
        </label>
        <label htmlFor={ids.json} className="block text-sm">
          {t("editor.uploadJson")}
          <input
            id={ids.json}
            type="file"
            accept=".json,application/json"
            onChange={(e) => setFiles({ ...files, json: e.target.files?.[0] ?? null })}
            className="block text-sm"
          />
        </label>
        <Button type="submit" variant="primary" disabled={!files.image || upload.isPending}>
          {upload.isPending && <Spinner />}
          {t("editor.open")}
        </Button>
        {upload.error && <ErrorText error={upload.error} />}
      </form>
    </div>
  );
}
