import { parseJsonBody, qtHandler } from "@/lib/api/handler";
import { json } from "@/lib/api/respond";
import {
  characterAnswer,
  characterDeleted,
  characterParams,
  patchCharacterBody,
} from "@/lib/api/schemas/character-fields";
import { requireCaller } from "@/lib/auth/caller";
import { deleteCharacter, getCharacter, patchCharacter } from "@/lib/characters/characters";

export const dynamic = "force-dynamic";

/** Extension (#19): a character with its facings, states and animations. */
export const GET = qtHandler<{ id: string }>(async (req, { params }) => {
  const { user } = await requireCaller(req);
  const { id } = characterParams.parse(params);
  return json(characterAnswer, await getCharacter(id, user.id));
});

/** Extension (#19): rename, or replace the locked palette. */
export const PATCH = qtHandler<{ id: string }>(async (req, { params }) => {
  const { user } = await requireCaller(req);
  const { id } = characterParams.parse(params);
  const body = await parseJsonBody(req, patchCharacterBody);
  return json(characterAnswer, await patchCharacter(id, user.id, body));
});

/** Extension (#19): delete the character; the gallery images it produced stay. */
export const DELETE = qtHandler<{ id: string }>(async (req, { params }) => {
  const { user } = await requireCaller(req);
  const { id } = characterParams.parse(params);
  await deleteCharacter(id, user.id);
  return json(characterDeleted, { id, deleted: true });
});
