// One fixture for the tests and benchmarks of grid recovery on uploads: the project's own 32×32
// knight as a generic model returns "pixel art" (a fractional upscale, smoothed, shifted, on a flat
// backdrop; one of the fake-pixel-art corpus's recipes). Recipes override the defaults.
import { type FakeRecipe, fakePixelArt } from "./fake-pixel-art";
import { generateSpriteFrame } from "./sprite-frame";

export async function aiLikeKnight(recipe: Partial<FakeRecipe> = {}): Promise<Buffer> {
  const knight = await generateSpriteFrame({
    prompt: "a red knight",
    seed: 3,
    mode: "idle",
    index: 0,
    count: 1,
    background: "transparent",
    scale: 1,
    size: 32,
  });
  return fakePixelArt(knight.grid, {
    scale: 15.5,
    kernel: "bilinear",
    shift: [3, 2],
    backdrop: [240, 236, 226],
    shadow: false,
    noise: 0,
    ...recipe,
  });
}
