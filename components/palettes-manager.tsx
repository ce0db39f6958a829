"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useId, useState } from "react";
import { keys, useCreatePalette, usePaletteName, usePalettes } from "@/hooks/use-api";
import { api } from "@/lib/client/api";
import { useT } from "./i18n-provider";
import { Button, cardClass, ErrorText, inputBase } from "./ui";

/** A palette's first 64 colours as a strip of squares. */
export function Swatches({ colors }: { colors: string[] }) {
  return (
    <span className="flex flex-wrap gap-0.5" aria-hidden="true">
      {colors.slice(0, 64).map((c, i) => (
        <span
          key={`${c}${i}`}
          className="inline-block size-4 rounded-sm border border-black/10"
          style={{ background: c }}
        />
      ))}
    </span>
  );
}

/** Import (a palette file or a picture's colours), list and delete saved palettes. */
export function PalettesManager() {
  const t = useT();
  const qc = useQueryClient();
  const palettes = usePalettes();
  const nameOf = usePaletteName();
  const [name, setName] = useState("");
  const [message, setMessage] = useState<string | null>(null);
  const fileId = useId();
  const imageId = useId();
  const nameId = useId();

  const create = useCreatePalette((p) => {
    setMessage(t("palettes.saved", { name: nameOf(p) }));
    setName("");
  });
  const remove = useMutation({
    mutationFn: (id: string) => api.deletePalette(id),
    onSuccess: () => qc.invalidateQueries({ queryKey: keys.palettes }),
  });

  async function importFile(file: File | undefined) {
    if (!file) return;
    setMessage(null);
    create.mutate({ name: name.trim() || undefined, file: await file.text(), filename: file.name });
  }
  function importImage(file: File | undefined) {
    if (!file) return;
    setMessage(null);
    const reader = new FileReader();
    reader.onload = () =>
      create.mutate({ name: name.trim() || file.name, image: String(reader.result) });
    reader.readAsDataURL(file);
  }

  const all = palettes.data?.palettes ?? [];
  const mine = all.filter((p) => !p.built_in);
  const builtIn = all.filter((p) => p.built_in);
  return (
    <div className="space-y-6" data-testid="palettes-manager">
      <p className="text-sm text-zinc-600 dark:text-zinc-300">{t("palettes.intro")}</p>
      <section className={`${cardClass} space-y-3 p-4`}>
        <label htmlFor={nameId} className="block text-sm font-medium">
          {t("palettes.name")}
        </label>
        <input
          id={nameId}
          value={name}
          maxLength={100}
          onChange={(e) => setName(e.target.value)}
          className={inputBase}
        />
        <div className="flex flex-wrap gap-6 text-sm">
          <label htmlFor={fileId} className="space-y-1">
            <span className="block font-medium">{t("palettes.import")}</span>
            <span className="block text-xs text-zinc-500">{t("palettes.importHint")}</span>
            <input
              id={fileId}
              type="file"
              accept=".hex,.gpl,.pal,.json,.txt"
              data-testid="palette-file"
              onChange={(e) => importFile(e.target.files?.[0])}
            />
          </label>
          <label htmlFor={imageId} className="space-y-1">
            <span className="block font-medium">{t("palettes.fromImage")}</span>
            <span className="block text-xs text-zinc-500">PNG, JPEG, WebP, GIF</span>
            <input
              id={imageId}
              type="file"
              accept="image/png,image/jpeg,image/webp,image/gif"
              data-testid="palette-image"
              onChange={(e) => importImage(e.target.files?.[0])}
            />
          </label>
        </div>
        {message && (
          <p role="status" className="text-sm text-green-700 dark:text-green-300">
            {message}
          </p>
        )}
        {create.error && <ErrorText error={create.error} />}
      </section>

      <section>
        <h2 className="mb-2 text-lg font-semibold">{t("palettes.yours")}</h2>
        {palettes.error && <ErrorText error={palettes.error} onRetry={() => palettes.refetch()} />}
        {palettes.data && mine.length === 0 && (
          <p className="text-sm text-zinc-500">{t("palettes.empty")}</p>
        )}
        <ul className="space-y-2">
          {mine.map((p) => (
            <li
              key={p.id}
              data-palette-id={p.id}
              className={`${cardClass} flex flex-wrap items-center gap-3 p-3`}
            >
              <span className="font-medium">{nameOf(p)}</span>
              <code className="text-xs text-zinc-500">{p.id}</code>
              <Swatches colors={p.colors} />
              <span className="ml-auto flex gap-2 text-sm">
                {(["hex", "gpl", "pal"] as const).map((f) => (
                  <a
                    key={f}
                    href={`/api/v1/palettes/${p.id}/export?format=${f}`}
                    className="text-indigo-700 underline dark:text-indigo-300"
                  >
                    .{f}
                  </a>
                ))}
                <Button
                  variant="ghost"
                  onClick={() => remove.mutate(p.id)}
                  disabled={remove.isPending}
                >
                  {t("palettes.delete")}
                </Button>
              </span>
            </li>
          ))}
        </ul>
        {remove.error && <ErrorText error={remove.error} />}
      </section>

      <section>
        <h2 className="mb-2 text-lg font-semibold">{t("palettes.builtIn")}</h2>
        <ul className="space-y-2">
          {builtIn.map((p) => (
            <li key={p.id} className="flex flex-wrap items-center gap-3 text-sm">
              <span className="w-28 font-medium">{p.name}</span>
              <Swatches colors={p.colors} />
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
