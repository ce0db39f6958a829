// Checks a Godot 4 SpriteFrames resource on top of the strict text-resource reader
// (godot-text-resource.ts): the sheet as one Texture2D ext_resource, AtlasTexture sub_resources
// with a Rect2 region, and an `animations` array of dictionaries with frames/loop/name/speed —
// the shape Godot's SpriteFrames._set_animations reads. Godot cannot run here; this stands in.
import { type GodotValue, parseGodotResource } from "./godot-text-resource";

export interface SpriteFramesCheck {
  texturePath: string;
  animations: {
    name: string;
    loop: boolean;
    speed: number;
    regions: number[][];
    durations: number[];
  }[];
}

function dictOf(v: GodotValue, what: string): Map<string, GodotValue> {
  if (!v || typeof v !== "object" || !("dict" in v))
    throw new Error(`${what} must be a dictionary`);
  return new Map(v.dict.map(([k, x]) => [String(k), x]));
}

export function checkSpriteFrames(text: string): SpriteFramesCheck {
  const file = parseGodotResource(text);
  if (file.descriptor.attrs.type !== "SpriteFrames") throw new Error("type must be SpriteFrames");
  if (file.extResources.length !== 1 || file.extResources[0]!.attrs.type !== "Texture2D")
    throw new Error("expected one Texture2D ext_resource (the sheet)");
  const regionOf = new Map<string, number[]>();
  for (const s of file.subResources) {
    if (s.attrs.type !== "AtlasTexture") throw new Error("sub_resources must be AtlasTextures");
    const atlas = s.props.get("atlas") as { ctor?: string } | undefined;
    if (atlas?.ctor !== "ExtResource") throw new Error("AtlasTexture.atlas = ExtResource(…)");
    const region = s.props.get("region") as { ctor?: string; args?: GodotValue[] } | undefined;
    if (
      region?.ctor !== "Rect2" ||
      region.args?.length !== 4 ||
      !region.args.every((a) => typeof a === "number")
    )
      throw new Error("AtlasTexture.region = Rect2(x, y, w, h)");
    regionOf.set(String(s.attrs.id), region.args as number[]);
  }
  const anims = file.resource.props.get("animations");
  if (!Array.isArray(anims)) throw new Error("animations must be an array");
  return {
    texturePath: String(file.extResources[0]!.attrs.path),
    animations: anims.map((a, i) => {
      const d = dictOf(a, `animations[${i}]`);
      const name = d.get("name");
      const loop = d.get("loop");
      const speed = d.get("speed");
      const frames = d.get("frames");
      if (typeof name !== "string" || !name) throw new Error(`animations[${i}].name`);
      if (typeof loop !== "boolean" || typeof speed !== "number" || !(speed > 0))
        throw new Error(`animations[${i}] needs loop (bool) and speed (> 0)`);
      if (!Array.isArray(frames) || frames.length === 0) throw new Error(`animations[${i}].frames`);
      const fs = frames.map((f, k) => dictOf(f, `animations[${i}].frames[${k}]`));
      return {
        name,
        loop,
        speed,
        durations: fs.map((f) => {
          const v = f.get("duration");
          if (typeof v !== "number" || !(v > 0)) throw new Error("frame duration must be > 0");
          return v;
        }),
        regions: fs.map((f) => {
          const tex = f.get("texture") as { ctor?: string; args?: GodotValue[] } | undefined;
          if (tex?.ctor !== "SubResource") throw new Error("frame texture = SubResource(…)");
          return regionOf.get(String(tex.args![0]))!;
        }),
      };
    }),
  };
}
