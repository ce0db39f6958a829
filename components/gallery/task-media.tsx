"use client";
// Detail-view previews for tasks that are not a single picture: a sound (player, waveform and
// the engine's note of what it made) and a terrain tileset (sample map, sheet, engine files).

import { useQuery } from "@tanstack/react-query";
import { api } from "@/lib/client/api";
import type { Task } from "@/lib/client/types";
import { AudioPlayer, taskAudioUrl } from "../audio-player";
import { TilesetView } from "../tileset/tileset-view";
import { ErrorText, Loading } from "../ui";

export function AudioPreview({ task }: { task: Task }) {
  const audio = task.files?.find((f) => f.kind === "audio");
  const note = task.files?.find((f) => f.kind === "text");
  const text = useQuery({
    queryKey: ["task-note", task.id, note?.url],
    queryFn: async () => (await fetch(note!.url, { credentials: "same-origin" })).text(),
    enabled: !!note,
    staleTime: Number.POSITIVE_INFINITY,
  });
  return (
    <div className="space-y-2" data-testid="audio-preview">
      <AudioPlayer src={audio?.url ?? taskAudioUrl(task.id)} label={task.prompt} />
      {text.data && (
        <p className="text-sm text-zinc-600 dark:text-zinc-300" data-testid="audio-note">
          {text.data}
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
