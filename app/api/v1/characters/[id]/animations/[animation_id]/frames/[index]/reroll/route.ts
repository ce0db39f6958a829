import { qtHandler } from "@/lib/api/handler";
import { json } from "@/lib/api/respond";
import { animationSchema, frameParams } from "@/lib/api/schemas/character-fields";
import { requireCaller } from "@/lib/auth/caller";
import { rerollFrame } from "@/lib/characters/characters";

export const dynamic = "force-dynamic";

/** Extension (#19): another take of one frame (same pose, same character); fills a failed one. */
export const POST = qtHandler<{ id: string; animation_id: string; index: string }>(
  async (req, { params }) => {
    const caller = await requireCaller(req);
    const { id, animation_id, index } = frameParams.parse(params);
    return json(animationSchema, await rerollFrame(caller, id, animation_id, index), {
      status: 202,
    });
  },
);
