import { describe, expect, it } from "vitest";
import { renderSprite } from "./engine";
import { shipTheme } from "./vehicle-themes";

const base = { seed: 1, mode: "idle" as const, index: 0, count: 1 };

function darkShare(d: Uint8ClampedArray): number {
  let n = 0;
  let dark = 0;
  for (let i = 0; i < d.length; i += 4) {
    if (d[i + 3]! < 128) continue;
    n++;
    if (d[i]! + d[i + 1]! + d[i + 2]! < 200) dark++;
  }
  return dark / Math.max(1, n);
}

describe("a theme word on a ship dresses it", () => {
  it("reads pirate, galleon, 海盗 and viking; a plain ship has no theme", () => {
    expect(shipTheme("a pirate ship")).toBe("pirate");
    expect(shipTheme("a galleon")).toBe("pirate");
    expect(shipTheme("海盗船")).toBe("pirate");
    expect(shipTheme("a viking ship")).toBe("viking");
    expect(shipTheme("a ship")).toBeUndefined();
  });

  it("a pirate ship's sails are black, a plain boat's are not", async () => {
    const pirate = await renderSprite({ ...base, prompt: "a pirate ship" });
    const plain = await renderSprite({ ...base, prompt: "a boat" });
    expect(darkShare(pirate.grid.data)).toBeGreaterThan(darkShare(plain.grid.data) + 0.1);
  });
});
