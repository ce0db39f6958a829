// Model lookups as the two public APIs phrase their errors. The registry never guesses (an id is
// exact or it is an error) and owns the contracts' wording; this turns its answers into domain
// errors (lib/api maps them to 400/404/503).
import { InvalidInputError, NotFoundError, UnavailableError } from "@/lib/errors";
import {
  findModel,
  type ModelEntry,
  ModelIdError,
  modelNotFoundMessage,
  defaultModel as registryDefault,
} from "@/lib/providers/registry";
import type { ModelType } from "@/lib/providers/types";

export type ResolvedModel = ModelEntry;

/** Resolves a composite id to an enabled model of one of `types`, or throws a 400/404. */
export function resolveModel(
  id: string,
  types: ModelType[],
  opts: { uploads?: boolean } = {},
): ResolvedModel {
  let model: ResolvedModel | undefined;
  try {
    model = findModel(id);
  } catch (error) {
    if (error instanceof ModelIdError) throw new InvalidInputError(error.message);
    throw error;
  }
  if (!model) throw new NotFoundError(modelNotFoundMessage(id));
  // local/pixelize is an operation that also takes an upload on the image routes
  const asUpload = opts.uploads && types.includes("image") && model.capabilities?.acceptsUpload;
  if (!types.includes(model.type) && !asUpload) {
    const where =
      model.type === "operation"
        ? "POST /api/v1/task/:id/operations"
        : model.type === "llm"
          ? "a chat endpoint (not served here)"
          : `POST /api/v1/generations/${model.type}`;
    throw new InvalidInputError(
      `Model '${id}' is ${/^[aeiou]/.test(model.type) ? "an" : "a"} ${model.type} model, not ${types.join("/")}; use it with ${where}`,
    );
  }
  if (!model.enabled) {
    throw new InvalidInputError(
      `Model '${id}' is disabled: its provider is not configured on this server (missing ${model.missing_env.join(", ")}). Pick an enabled model from /api/v1/models`,
    );
  }
  return model;
}

/** The default model of a type (the local engine when no provider is configured). */
export function defaultModel(type: ModelType): ResolvedModel {
  const model = registryDefault(type);
  if (!model) throw new UnavailableError(`No ${type} model is available on this server`);
  return model;
}
