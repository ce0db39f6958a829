// Characters (#19) through the API path on the real server (production build): POST
// /api/v1/characters with 8 directions (facings drawn on the worker pool, stored as gallery
// tasks with their files) and POST …/animations for a walk in 8 directions (32 frames drawn,
// identity-scored, stored), each a fresh design (new seed). Ratios are to the same drawing done
// in-process in the same run (what the API path adds: pool hand-off, PNG encoding, identity,
// database and storage writes) and to a GET /api/v1/characters/:id round trip.
import {
  drawCharacterAnimation,
  drawCharacterFacings,
  prepareCharacter,
} from "@/lib/pixel/sprite/character";
import { DIRECTIONS8 } from "@/lib/vocabulary";
import { seedUserWithKey } from "@/test/helpers/accounts";
import { startServer, useFreshDataDir } from "@/test/helpers/server";

const median = (xs: number[]) => xs.slice().sort((a, b) => a - b)[xs.length >> 1]!;
const round = (n: number, d = 2) => Math.round(n * 10 ** d) / 10 ** d;

export async function benchCharacterApi(): Promise<Record<string, unknown>> {
  useFreshDataDir("pixel-bench-character-");
  const user = await seedUserWithKey("bench-character@example.com");
  const server = await startServer({ GENERATION_RATE_LIMIT_PER_MIN: "100000" });
  const api = (p: string, body?: unknown) =>
    fetch(`${server.baseUrl}${p}`, {
      method: body === undefined ? "GET" : "POST",
      headers: { "Content-Type": "application/json", ...user.auth },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  const runs = 7;
  const prompt = "a knight with a red cape";
  try {
    const create: number[] = [];
    const walk: number[] = [];
    const get: number[] = [];
    const local: { facings: number[]; walk: number[] } = { facings: [], walk: [] };
    await prepareCharacter({ prompt, seed: 1, size: 48, view: "low_top_down" });
    for (let i = 0; i <= runs; i++) {
      const seed = 1000 + i;
      let t = performance.now();
      const res = await api("/api/v1/characters", { prompt, seed, directions: 8, size: 48 });
      const c = (await res.json()) as { id: number; status: string };
      const createMs = performance.now() - t;
      if (res.status !== 201 || c.status !== "completed")
        throw new Error(`create answered ${res.status} ${JSON.stringify(c).slice(0, 200)}`);
      t = performance.now();
      const a = await api(`/api/v1/characters/${c.id}/animations`, { action: "walk" });
      const body = (await a.json()) as { animations: { status: string; frames: unknown[] }[] };
      const walkMs = performance.now() - t;
      if (a.status !== 202 || body.animations.some((x) => x.status !== "completed"))
        throw new Error(`animate answered ${a.status}`);
      t = performance.now();
      await (await api(`/api/v1/characters/${c.id}`)).json();
      const getMs = performance.now() - t;
      // the same drawing in this process, without the API path
      const spec = { prompt, seed, size: 48, view: "low_top_down" as const };
      t = performance.now();
      drawCharacterFacings(spec, DIRECTIONS8);
      const localFacings = performance.now() - t;
      t = performance.now();
      for (const d of DIRECTIONS8) drawCharacterAnimation(spec, "walk", d);
      const localWalk = performance.now() - t;
      if (i === 0) continue; // warm-up
      create.push(createMs);
      walk.push(walkMs);
      get.push(getMs);
      local.facings.push(localFacings);
      local.walk.push(localWalk);
    }
    const m = {
      create8: median(create),
      walk8x4: median(walk),
      get: median(get),
      localFacings: median(local.facings),
      localWalk: median(local.walk),
    };
    return {
      runs,
      create_8_facings_ms: round(m.create8, 1),
      create_8_facings_goal_ms: "<= 100 (engine drawing); the API path adds encoding and storage",
      create_vs_in_process_drawing: round(m.create8 / m.localFacings),
      create_vs_get_round_trip: round(m.create8 / m.get),
      walk_8_directions_32_frames_ms: round(m.walk8x4, 1),
      walk_goal_ms: "<= 500 (engine drawing), drawn off the request path on the worker pool",
      walk_vs_in_process_drawing: round(m.walk8x4 / m.localWalk),
      walk_vs_get_round_trip: round(m.walk8x4 / m.get),
      in_process_facings_ms: round(m.localFacings, 1),
      in_process_walk_ms: round(m.localWalk, 1),
      get_character_ms: round(m.get, 1),
    };
  } finally {
    await server.stop();
  }
}
