// Whole answers about one user's tasks (a page of the task list, one task with its files), kept in
// this process and answered again while the user's tasks version (lib/db/tasks.ts:
// userTasksVersion) is the one they were made under. A client polling its list or a task reads
// the same answer again and again; reading its rows out of the database was the largest part of
// the list's own CPU. The version is one indexed read of a counter that triggers bump in the
// transaction of every change to the user's tasks or files, in any process (the worker's progress
// included), so an answer is never given after a change to what it shows has been committed.
import type { JsonText } from "@/lib/api/respond";
import { userTasksVersion } from "@/lib/db/tasks";

interface Kept {
  version: string;
  text: JsonText<unknown>;
}

// Past this many characters of kept text (about 500 pages of 20 tasks) everything is dropped
// and rebuilt from the next requests.
const KEPT_CHARS_MAX = 16_000_000;
const kept = new Map<string, Kept>();
let keptChars = 0;

/**
 * The answer `make` gives for this user and key (the key names everything else the answer depends
 * on: the page and filters, the task, the origin), kept while the user's tasks are unchanged.
 * `make` must read only the user's tasks and files.
 */
export async function keptAnswer<T>(
  userId: number,
  key: string,
  make: () => Promise<JsonText<T>>,
): Promise<JsonText<T>> {
  // Read before `make`: the answer then shows at least what this version counts.
  const version = await userTasksVersion(userId);
  if (version === undefined) return make();
  const at = `${userId}\u0000${key}`;
  const hit = kept.get(at);
  if (hit?.version === version) return hit.text as JsonText<T>;
  const text = await make();
  if (hit) keptChars -= hit.text.text.length;
  if (keptChars + text.text.length > KEPT_CHARS_MAX) {
    kept.clear();
    keptChars = 0;
  }
  kept.set(at, { version, text });
  keptChars += text.text.length;
  return text;
}
