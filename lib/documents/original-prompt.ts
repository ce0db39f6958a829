// An image saved from the editor is titled after what it was opened from ("a goblin archer
// (walk)", or whatever the user renamed it to); the words that designed it are the prompt of
// that source. Following the editor's lineage (params.editor) back to it gives those words.
import type { Task } from "@/lib/db/schema";
import { getBatchForUser, getTaskForUser } from "@/lib/db/tasks";
import { EDITOR_MODEL } from "@/lib/vocabulary";

interface EditorLineage {
  source_task_id?: number | null;
  source_batch_id?: number | null;
  source_tileset_id?: number | null;
}

/** Whether the task is an image saved from the editor (an edit, not a generated picture). */
export function isEditedImage(task: Task): boolean {
  return task.model === EDITOR_MODEL;
}

/**
 * The prompt a task's picture was designed from: its own prompt, or for an edit, the prompt of
 * the artwork, batch or tileset it was opened from (edits of edits followed back; a few hops at
 * most). An edit of an upload or a blank canvas has no other words than its title.
 */
export async function originalPrompt(task: Task, userId: number): Promise<string> {
  let current = task;
  for (let hop = 0; hop < 8 && isEditedImage(current); hop++) {
    const lineage = (current.params as { editor?: EditorLineage }).editor ?? {};
    if (lineage.source_batch_id) {
      const batch = await getBatchForUser(lineage.source_batch_id, userId);
      return batch?.prompt ?? current.prompt;
    }
    const sourceId = lineage.source_task_id ?? lineage.source_tileset_id;
    const source = sourceId ? await getTaskForUser(sourceId, userId) : undefined;
    if (!source) return current.prompt;
    current = source;
  }
  return current.prompt;
}
