// The gallery's bulk ZIP: one folder per selected item, named from its prompt; a batch folder has
// its frames, sheet, atlases, Godot SpriteFrames and GIF (the batch ZIP's contents); every
// picture at one chosen scale; manifest.json at the root says what each folder holds.
import type { Task } from "@/lib/db/schema";
import { assetsOfTasks, getBatchForUser, tasksOfUserByIds } from "@/lib/db/tasks";
import { InvalidInputError } from "@/lib/errors";
import { decodeLogical, encodeGridPng } from "@/lib/pixel";
import { getBlobStore } from "@/lib/storage/blob-store";
import { batchZipEntries, completedFrames, type ZipEntry } from "./batch-exports";
import { taskInterpretation } from "./serialize";

export interface ArchiveManifestItem {
  folder: string;
  kind: "image" | "batch" | "audio" | "file";
  task_ids: number[];
  batch_id: number | null;
  prompt: string;
  model: string;
  mode: string | null;
  seed: number | null;
  palette: string | null;
  background: string;
  files: string[];
  credits: { set_name: string; icon: string; license: string; author: string; url: string }[];
}

export interface Archive {
  fileName: string;
  manifest: {
    generator: "Pixel Studio";
    scale: number;
    items: ArchiveManifestItem[];
    /** ids asked for but left out (missing, not the caller's, or not finished), in asked order */
    skipped: number[];
  };
  entries: ZipEntry[];
}

/** A folder or file name from a prompt: letters and digits of any script, dashes between words. */
export function slugFromPrompt(prompt: string, maxChars = 48): string {
  const words = prompt
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, "-")
    .replace(/^-+|-+$/g, "");
  const cut = [...words].slice(0, maxChars).join("").replace(/-+$/, "");
  return cut || "untitled";
}

const EXTENSIONS: Record<string, string> = {
  "audio/wav": "wav",
  "audio/mpeg": "mp3",
  "video/mp4": "mp4",
  "image/svg+xml": "svg",
  "image/png": "png",
  "text/plain": "txt",
};

/**
 * Builds the archive of these tasks of the user at `scale`. A frame of a batch brings its whole
 * batch (a sheet needs every frame); tasks that are not finished, or not the user's, are left out.
 */
export async function buildArchive(
  userId: number,
  taskIds: number[],
  scale: number,
): Promise<Archive> {
  const found = new Map(
    (await tasksOfUserByIds(taskIds, userId))
      .filter((t) => t.status === "completed")
      .map((t) => [t.id, t]),
  );
  // items in the order they were picked; a batch once, however many of its frames were picked
  const order: ({ batchId: number } | { task: Task })[] = [];
  const seenBatches = new Set<number>();
  for (const id of taskIds) {
    const task = found.get(id);
    if (!task) continue;
    if (task.batchId) {
      if (seenBatches.has(task.batchId)) continue;
      seenBatches.add(task.batchId);
      order.push({ batchId: task.batchId });
    } else order.push({ task });
    found.delete(id);
  }

  const assets = await assetsOfTasks(order.flatMap((o) => ("task" in o ? [o.task.id] : [])));
  const store = getBlobStore();
  const items: ArchiveManifestItem[] = [];
  const entries: ZipEntry[] = [];
  const width = String(order.length).length;
  for (const [i, o] of order.entries()) {
    const number = String(i + 1).padStart(Math.max(2, width), "0");
    if ("batchId" in o) {
      const batch = await getBatchForUser(o.batchId, userId);
      if (!batch) continue;
      const frames = await completedFrames(batch);
      if (!frames.length) continue;
      const folder = `${number}-${slugFromPrompt(batch.prompt)}/`;
      const batchEntries = batchZipEntries(batch, frames, { scale }, folder);
      entries.push(...batchEntries);
      const first = frames[0].task;
      items.push({
        folder,
        kind: "batch",
        task_ids: frames.map((f) => f.task.id),
        batch_id: batch.id,
        prompt: batch.prompt,
        model: first.model,
        mode: batch.mode,
        seed: first.seed,
        palette: first.palette,
        background: batch.background,
        files: batchEntries.map((e) => e.name.slice(folder.length)),
        credits: creditsOf(frames.map((f) => f.task)),
      });
      continue;
    }
    const task = o.task;
    const pick = (kind: string) =>
      assets.find((a) => a.taskId === task.id && a.kind === kind && a.position === 0);
    const slug = slugFromPrompt(task.prompt);
    const folder = `${number}-${slug}/`;
    const picture = pick("logical") ?? pick("image");
    const other = pick("audio") ?? pick("video") ?? pick("vector");
    let file: string;
    let kind: ArchiveManifestItem["kind"];
    if (picture && !other) {
      file = `${slug}.png`;
      kind = "image";
      const background = task.background === "white" ? "white" : "transparent";
      entries.push({
        name: folder + file,
        data: async () =>
          encodeGridPng(
            (await decodeLogical(await store.get(picture.storageKey))).grid,
            scale,
            background,
          ),
      });
    } else if (other) {
      // sounds and videos are not pixel grids: they go in as they are
      file = `${slug}.${EXTENSIONS[other.contentType] ?? "bin"}`;
      kind = other.kind === "audio" ? "audio" : "file";
      entries.push({ name: folder + file, data: async () => store.stream(other.storageKey) });
    } else continue;
    items.push({
      folder,
      kind,
      task_ids: [task.id],
      batch_id: null,
      prompt: task.prompt,
      model: task.model,
      mode: task.mode,
      seed: task.seed,
      palette: task.palette,
      background: task.background,
      files: [file],
      credits: creditsOf([task]),
    });
  }
  if (!items.length) throw new InvalidInputError("None of the given tasks has a finished result");
  // a script archiving a list must be able to tell that one was left out; missing and another
  // user's ids look alike here, as they do on every other route
  const included = new Set(items.flatMap((item) => item.task_ids));
  const skipped = [...new Set(taskIds)].filter((id) => !included.has(id));
  const manifest = {
    generator: "Pixel Studio" as const,
    scale,
    items,
    skipped,
  };
  return {
    fileName: `pixel_studio_${items.length}_items_${scale}x.zip`,
    manifest,
    entries: [
      {
        name: "manifest.json",
        data: async () => Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`),
      },
      ...entries,
    ],
  };
}

function creditsOf(tasks: Task[]): ArchiveManifestItem["credits"] {
  const seen = new Map<string, ArchiveManifestItem["credits"][number]>();
  for (const t of tasks)
    for (const a of taskInterpretation(t)?.art ?? [])
      seen.set(`${a.set}:${a.icon}`, {
        set_name: a.set_name,
        icon: a.icon,
        license: a.license,
        author: a.author,
        url: a.url,
      });
  return [...seen.values()];
}
