"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useId, useMemo, useState } from "react";
import { flattenModels, invalidateTasks, useModels } from "@/hooks/use-api";
import { api } from "@/lib/client/api";
import type { Model, Task } from "@/lib/client/types";
import { useI18n } from "../i18n-provider";
import { useModelAvailability } from "../studio/model-availability";
import { Button, cardClass, ErrorText, Loading, Spinner } from "../ui";
import { ParamField } from "./param-field";

/** Starting values for an operation's form: the spec's default, else its first choice or minimum. */
function defaults(model: Model): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, spec] of Object.entries(model.params ?? {})) {
    if (spec.default !== undefined) out[name] = spec.default;
    else if (spec.enum?.length) out[name] = spec.enum[0];
    else if (spec.min !== undefined) out[name] = spec.min;
  }
  return out;
}

/** Operations (upscale, vectorize …) that can run on a completed task, one form each. */
export function TaskOperations({
  task,
  onStarted,
}: {
  task: Task;
  onStarted: (id: number, label: string) => void;
}) {
  const { t } = useI18n();
  const models = useModels();
  const unavailable = useModelAvailability(["operation"]);
  const ops = useMemo(
    () => flattenModels(models.data).filter((m) => m.type === "operation"),
    [models.data],
  );
  return (
    <section className={`${cardClass} p-4`} aria-labelledby="ops-title">
      <h2 id="ops-title" className="mb-2 text-sm font-semibold text-zinc-500">
        {t("detail.operations")}
      </h2>
      {models.isPending ? (
        <Loading />
      ) : ops.length === 0 ? (
        <p className="text-sm text-zinc-500">{t("detail.noOps")}</p>
      ) : (
        <>
          <ul className="space-y-3">
            {ops
              .filter((m) => m.enabled)
              .map((m) => (
                <li key={m.id}>
                  <OperationForm task={task} model={m} onStarted={onStarted} />
                </li>
              ))}
          </ul>
          {ops.some((m) => !m.enabled) && (
            <details className="mt-3 text-sm">
              <summary className="cursor-pointer text-zinc-500">
                {t("detail.opsUnavailable", { n: ops.filter((m) => !m.enabled).length })}
              </summary>
              <ul className="mt-2 space-y-1 text-xs">
                {ops
                  .filter((m) => !m.enabled)
                  .map((m) => (
                    <li key={m.id}>
                      <span className="font-medium">{m.name}</span>{" "}
                      <span className="text-zinc-500">{m.id}</span> —{" "}
                      <span className="text-red-700 dark:text-red-400">{unavailable(m)}</span>
                    </li>
                  ))}
              </ul>
            </details>
          )}
        </>
      )}
    </section>
  );
}

function OperationForm({
  task,
  model,
  onStarted,
}: {
  task: Task;
  model: Model;
  onStarted: (id: number, label: string) => void;
}) {
  const { t } = useI18n();
  const qc = useQueryClient();
  const [values, setValues] = useState<Record<string, unknown>>(() => defaults(model));
  const baseId = useId();
  const op = String(model.capabilities?.operation ?? model.model_key);
  const opLabel = ["upscale", "vectorize", "seamless", "face-enhance", "pixelize"].includes(op)
    ? t(`op.${op}` as "op.upscale")
    : model.name;
  const run = useMutation({
    mutationFn: () => api.operation(task.id, model.id, values),
    onSuccess: async (r) => {
      onStarted(r.task_id, t("detail.opStarted", { id: r.task_id }));
      await invalidateTasks(qc);
    },
  });
  const reason = useModelAvailability(["operation"])(model);
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        run.mutate();
      }}
      className={`rounded-md border border-zinc-200 p-2 dark:border-zinc-800 ${reason !== null ? "opacity-60" : ""}`}
      data-operation={model.id}
    >
      <div className="mb-1 flex flex-wrap items-center justify-between gap-2">
        <span className="text-sm font-medium">
          {opLabel} <span className="text-xs font-normal text-zinc-500">{model.id}</span>
        </span>
        <Button
          type="submit"
          variant="primary"
          disabled={run.isPending || reason !== null}
          aria-label={`${opLabel} (${model.id})`}
        >
          {run.isPending && <Spinner />}
          {t("detail.run")}
        </Button>
      </div>
      {reason !== null && <p className="text-xs text-red-700 dark:text-red-400">{reason}</p>}
      <div className="flex flex-wrap gap-2">
        {Object.entries(model.params ?? {}).map(([name, spec]) => (
          <ParamField
            key={name}
            id={`${baseId}-${name}`}
            name={name}
            spec={spec}
            value={values[name]}
            onChange={(v) => setValues((prev) => ({ ...prev, [name]: v }))}
          />
        ))}
      </div>
      {run.error && <ErrorText error={run.error} />}
    </form>
  );
}
