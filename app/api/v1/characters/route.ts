import { parseJsonBody, parseQuery, qtHandler } from "@/lib/api/handler";
import { json } from "@/lib/api/respond";
import {
  characterAnswer,
  characterList,
  createCharacterBody,
  listCharactersQuery,
} from "@/lib/api/schemas/character-fields";
import { requireCaller } from "@/lib/auth/caller";
import { createCharacter, getCharacter, listCharacters } from "@/lib/characters/characters";

export const dynamic = "force-dynamic";

/** Extension (#19): create a character; its facings are drawn now (offline) or queued (remote). */
export const POST = qtHandler(async (req) => {
  const { user, ...rest } = await requireCaller(req);
  const body = await parseJsonBody(req, createCharacterBody);
  const row = await createCharacter({ user, ...rest }, body);
  const answer = await getCharacter(row.id, user.id);
  // 201 either way: the character exists; `status` says whether its facings are drawn yet
  return json(characterAnswer, answer, { status: 201 });
});

/** Extension (#19): the caller's characters, newest first. */
export const GET = qtHandler(async (req) => {
  const { user } = await requireCaller(req);
  const q = parseQuery(req, listCharactersQuery);
  return json(characterList, await listCharacters(user.id, q.page ?? 1, q.page_size ?? 20));
});
