"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { keys } from "@/hooks/use-api";
import { api } from "@/lib/client/api";
import type { Task } from "@/lib/client/types";
import { versioned } from "../task-card";

export type RerollReport = {
  frameNo: number;
  taskId: number;
  /** The frame as it was, kept as a blob: URL so it can be shown next to the new one. */
  beforeUrl: string | null;
  before: Uint8Array | null;
  previousVersion: string | null;
} & (
  | { phase: "running" }
  | { phase: "changed" | "same"; afterUrl: string }
  | { phase: "failed"; error: string }
);

async function bytesOf(url: string): Promise<Uint8Array | null> {
  try {
    const res = await fetch(url);
    return res.ok ? new Uint8Array(await res.arrayBuffer()) : null;
  } catch {
    return null;
  }
}

function same(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/**
 * Re-rolls a frame and then says what happened: the old and new frame side by side, or that
 * it came out identical (a model can have nothing left to vary for that frame). Comparing the
 * PNG bytes is exact for our own files: the same pixels are always encoded the same way.
 */
export function useReroll(batchId: number, frames: Task[]) {
  const qc = useQueryClient();
  const [report, setReport] = useState<RerollReport | null>(null);

  const mutation = useMutation({
    mutationFn: async ({ frame, frameNo }: { frame: Task; frameNo: number }) => {
      const oldUrl = versioned(frame, frame.image_path);
      const before = oldUrl ? await bytesOf(oldUrl) : null;
      const answer = await api.regenerateFrame(batchId, frameNo);
      return { frame, frameNo, before, answer };
    },
    onSuccess: ({ frame, frameNo, before, answer }) => {
      setReport((old) => {
        if (old?.beforeUrl) URL.revokeObjectURL(old.beforeUrl);
        return {
          frameNo,
          taskId: answer.task_id,
          before,
          beforeUrl: before
            ? URL.createObjectURL(new Blob([before as BlobPart], { type: "image/png" }))
            : null,
          previousVersion: frame.completed_at ?? frame.updated_at,
          phase: "running",
        };
      });
      return qc.invalidateQueries({ queryKey: keys.batch(batchId) });
    },
  });

  // When the re-rolled frame is done (a new completion time), fetch it and compare.
  const watched = report?.phase === "running" ? report : null;
  const frame = watched ? frames.find((f) => f.id === watched.taskId) : undefined;
  const version = frame ? (frame.completed_at ?? frame.updated_at) : null;
  useEffect(() => {
    if (!watched || !frame) return;
    if (frame.status === "failed") {
      setReport({ ...watched, phase: "failed", error: frame.error_msg || "failed" });
      return;
    }
    if (frame.status !== "completed" || version === watched.previousVersion) return;
    const afterUrl = versioned(frame, frame.image_path);
    if (!afterUrl) return;
    let cancelled = false;
    bytesOf(afterUrl).then((after) => {
      if (cancelled) return;
      const unchanged = !!(after && watched.before && same(after, watched.before));
      setReport({ ...watched, phase: unchanged ? "same" : "changed", afterUrl });
    });
    return () => {
      cancelled = true;
    };
  }, [watched, frame, version]);

  useEffect(
    () => () => {
      if (report?.beforeUrl) URL.revokeObjectURL(report.beforeUrl);
    },
    [report?.beforeUrl],
  );

  return { mutation, report, dismiss: () => setReport(null) };
}
