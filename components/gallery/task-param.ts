import type { Task } from "@/lib/client/types";

/** The first of `names` set in the task's stored request (older rows used camelCase). */
export function taskParam(task: Task, ...names: string[]): unknown {
  const p = task.params ?? {};
  for (const n of names) if (p[n] !== undefined && p[n] !== null) return p[n];
  return undefined;
}

export function taskParamString(task: Task, ...names: string[]): string | undefined {
  const v = taskParam(task, ...names);
  return typeof v === "string" ? v : undefined;
}
