"use client";
// Detail-view previews for tasks that are not a single picture: a sound (player, waveform and
// the engine's note of what it made) and a terrain tileset (sample map, sheet, engine files).

import { useQuery } from "@tanstack/react-query";
import { api } from "@/lib/client/api";
import type { Task } from "@/lib/client/types";
import { AudioPlayer, taskAudioUrl } from "../audio-player";
import { useT } from "../i18n-provider";
import { TilesetView } from "../tileset/tileset-view";
import { ErrorText, Loading } from "../ui";

/** A sound with its player, a Download button and the engine's note of what it made. */
export function AudioPreview({ task }: { task: Task }) {
  const t = useT();
  const audio = task.files?.find((f) => f.kind === "audio");
  const src = audio?.url ?? taskAudioUrl(task.id);
  const extension = audio?.content_type === "audio/mpeg" ? "mp3" : "wav";
  const note = task.files?.find((f) => f.kind === "text");
  const text = useQuery({
    queryKey: ["task-note", task.id, note?.url],
    queryFn: async () => (await fetch(note!.url, { credentials: "same-origin" })).text(),
    enabled: !!note,
    staleTime: Number.POSITIVE_INFINITY,
  });
  return (
    <div className="space-y-2" data-testid="audio-preview">
      <AudioPlayer src={src} label={task.prompt} />
      <a
        href={src}
        download={`sound-${task.id}.${extension}`}
        data-testid="audio-download"
        className="inline-flex min-h-9 items-center rounded-md bg-indigo-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-indigo-500"
      >
        {t("common.download")}
      </a>
      {text.data && (
        <p className="text-sm text-zinc-600 dark:text-zinc-300" data-testid="audio-note">
          <span className="font-semibold text-zinc-500">{t("sfx.madeAs")}:</span> {text.data}
        </p>
      )}
    </div>
  );
}

export function TilesetPreview({ task }: { task: Task }) {
  const ts = useQuery({ queryKey: ["tileset", task.id], queryFn: () => api.tileset(task.id) });
  if (ts.isPending) return <Loading />;
  if (ts.error) return <ErrorText error={ts.error} />;
  return <TilesetView tileset={ts.data} />;
}
