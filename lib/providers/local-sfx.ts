// local/sfx: the offline audio model. 8-bit sound effects from lib/audio, chosen from the prompt's
// words (or the generations API (docs/generations-api.md) `voice` field naming a kind) and varied by seed; answered at submit.
import { generateSfx, SFX_KINDS, type SfxKind } from "@/lib/audio/sfx";
import type { GenerationRequest, ModelSpec, ProviderOutput } from "./types";

const KIND_NAMES: Record<SfxKind, string> = {
  jump: "Jump",
  coin: "Coin / pickup",
  laser: "Laser / shoot",
  explosion: "Explosion",
  hit: "Hit / hurt",
  powerup: "Power-up",
  blip: "Blip / select",
};

export const localSfxModel: ModelSpec = {
  id: "local/sfx",
  provider: "local",
  model_key: "sfx",
  name: "8-bit Sound Effects (offline)",
  type: "audio",
  is_default: false,
  capabilities: { supportsSeed: true, output: "audio/wav" },
  // generations API lists an audio model's voices; here each "voice" is a kind of effect, and leaving it
  // out lets the prompt's words choose
  voices: SFX_KINDS.map((k) => ({ id: k, name: KIND_NAMES[k], language: "en,zh" })),
};

export function renderLocalSfx(req: GenerationRequest): ProviderOutput[] {
  const voice = req.voice && (SFX_KINDS as readonly string[]).includes(req.voice) ? req.voice : "";
  // a named kind leads the prompt so it wins over any sound word in the text
  const prompt = String(req.params?.originalPrompt ?? req.prompt);
  const sfx = generateSfx(voice ? `${voice} ${prompt}` : prompt, req.seed ?? 1, req.speed ?? 1);
  const note =
    req.voice && !voice
      ? `${sfx.note}; voice '${req.voice}' is not one of ${SFX_KINDS.join(", ")}, so the prompt chose`
      : sfx.note;
  return [
    { kind: "audio", data: sfx.wav, contentType: "audio/wav" },
    { kind: "text", data: Buffer.from(note), contentType: "text/plain" },
  ];
}
