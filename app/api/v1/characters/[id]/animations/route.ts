import { parseJsonBody, qtHandler } from "@/lib/api/handler";
import { json } from "@/lib/api/respond";
import {
  animateCharacterBody,
  animationList,
  characterParams,
} from "@/lib/api/schemas/character-fields";
import { requireCaller } from "@/lib/auth/caller";
import { animateCharacter, listAnimations } from "@/lib/characters/characters";

export const dynamic = "force-dynamic";

/** Extension (#19): one action in some or all of the character's directions. */
export const POST = qtHandler<{ id: string }>(async (req, { params }) => {
  const caller = await requireCaller(req);
  const { id } = characterParams.parse(params);
  const body = await parseJsonBody(req, animateCharacterBody);
  return json(animationList, await animateCharacter(caller, id, body), { status: 202 });
});

/** Extension (#19): the character's animations with each frame's status and identity score. */
export const GET = qtHandler<{ id: string }>(async (req, { params }) => {
  const { user } = await requireCaller(req);
  const { id } = characterParams.parse(params);
  return json(animationList, await listAnimations(id, user.id));
});
