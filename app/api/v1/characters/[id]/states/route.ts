import { parseJsonBody, qtHandler } from "@/lib/api/handler";
import { json } from "@/lib/api/respond";
import {
  characterParams,
  createStateBody,
  stateList,
  stateSchema,
} from "@/lib/api/schemas/character-fields";
import { requireCaller } from "@/lib/auth/caller";
import { createState, listStates } from "@/lib/characters/characters";

export const dynamic = "force-dynamic";

/** Extension (#19): a variant of the character ("with a blue cape") with its own facings. */
export const POST = qtHandler<{ id: string }>(async (req, { params }) => {
  const caller = await requireCaller(req);
  const { id } = characterParams.parse(params);
  const body = await parseJsonBody(req, createStateBody);
  const state = await createState(caller, id, body);
  return json(stateSchema, state, { status: 201 });
});

/** Extension (#19): the character's states. */
export const GET = qtHandler<{ id: string }>(async (req, { params }) => {
  const { user } = await requireCaller(req);
  const { id } = characterParams.parse(params);
  return json(stateList, await listStates(id, user.id));
});
