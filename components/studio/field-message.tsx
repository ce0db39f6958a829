"use client";

import type { FieldProblem } from "@/lib/client/field-checks";
import { useT } from "../i18n-provider";

/** The one message of a field that cannot be used as typed, linked by id (aria-describedby). */
export function FieldMessage({ id, problem }: { id: string; problem: FieldProblem | null }) {
  const t = useT();
  if (!problem) return null;
  return (
    <p id={id} className="mt-1 text-xs text-red-700 dark:text-red-300" data-testid="field-message">
      {t(problem.key, problem.vars)}
    </p>
  );
}

/** Input classes with a red border while the field has a problem. */
export function invalidRing(problem: FieldProblem | null): string {
  return problem ? "border-red-500 dark:border-red-500" : "";
}
