import { UPLOAD_JSON_MAX_BYTES } from "@/lib/api/common-schemas";
import { badRequest, notFound } from "@/lib/api/errors";
import { parseJsonBody, pixelHandler } from "@/lib/api/handler";
import { json } from "@/lib/api/respond";
import {
  audioGenerationBody,
  generationType,
  imageGenerationBody,
  videoGenerationBody,
} from "@/lib/api/schemas/generations";
import { generationCreated } from "@/lib/api/schemas/responses";
import { requireCaller } from "@/lib/auth/caller";
import { createGeneration } from "@/lib/generation/create-tasks";
import { toPublicTaskId } from "@/lib/tasks/serialize";

export const dynamic = "force-dynamic";

const BODIES = {
  image: imageGenerationBody,
  video: videoGenerationBody,
  audio: audioGenerationBody,
};

/** Generations API (docs/generations-api.md): POST /api/v1/generations/image|video|audio → { task_id }. */
export const POST = pixelHandler<{ type: string }>(async (req, { params }) => {
  const caller = await requireCaller(req);
  const parsedType = generationType.safeParse(params.type);
  if (!parsedType.success) throw notFound(`Generation type '${params.type}'`);
  const type = parsedType.data;
  const body = await parseJsonBody(req, BODIES[type], { maxBytes: UPLOAD_JSON_MAX_BYTES });
  if (body.provider !== undefined) {
    throw badRequest(
      `The 'provider' field is no longer supported: put the provider in the model id instead, e.g. "model": "dashscope/qwen-image" (format 'provider/model_key')`,
    );
  }
  const { provider: _provider, ...input } = body;
  const taskId = await createGeneration(caller, type, input);
  return json(generationCreated, {
    code: "200",
    message: "success",
    data: { task_id: toPublicTaskId(taskId) },
  });
});
