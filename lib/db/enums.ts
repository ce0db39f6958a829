// Value sets shared by both dialects' schemas (the domain's words come from lib/vocabulary).

export { MODEL_TYPES, TASK_STATUSES, type TaskStatus } from "@/lib/vocabulary";

export const ASSET_KINDS = [
  "image", // the main result (pixel art at `scale`), served at /static/gallery/<task id>.png
  "original", // what a general model produced before pixelize
  "thumb", // small preview for the gallery grid
  "logical", // the main image at 1× (its logical pixel grid): exports and local operations start here
  "video",
  "audio",
  "vector", // SVG from a vectorize operation
  "grid", // 3×3 preview of a seamless tile
  "text",
] as const;
export type AssetKind = (typeof ASSET_KINDS)[number];
