import { describe, expect, it } from "vitest";
import { HUMANOID_PARTS as P } from "./costume-parts";
import { iconNeeds } from "./engine";
import { interpretPrompt } from "./interpretation";
import { parsePrompt } from "./prompt";
import { cellsWhere, drawTakeWithDesign } from "./test-helpers";

/** Cells of the given parts, square on, whose colour passes `test` (hue 0..360, s, v 0..1). */
function where(
  prompt: string,
  take: number,
  parts: number[],
  test: (h: number, s: number, v: number) => boolean,
): number {
  const { canvas: c, design: d } = drawTakeWithDesign(prompt, take, "idle", 0, (pose) => {
    pose.view = "front";
  });
  return cellsWhere(c, d, parts, test);
}

const red = (h: number, s: number) => (h < 12 || h > 345) && s > 0.5;
const blue = (h: number, s: number) => h > 200 && h < 250 && s > 0.4;
const CLOTHES = [P.torso, P.robe, P.armN, P.armF];

describe("a colour said of a hat colours the hat, not the clothes (#20)", () => {
  it("a wizard in a red hat: a red wizard's hat over clothes that are not red", () => {
    for (let take = 1; take <= 4; take++) {
      expect(where("a wizard in a red hat", take, [P.hat], red), `take ${take}`).toBeGreaterThan(
        15,
      );
      expect(where("a wizard in a red hat", take, CLOTHES, red), `take ${take}`).toBeLessThan(4);
    }
    // the colour alone is the robe's
    expect(where("a wizard in red", 1, CLOTHES, red)).toBeGreaterThan(30);
  });

  it("a knight's blue helmet is his own helm in blue; a farmer's green hat his own hat", () => {
    expect(where("a knight with a blue helmet", 1, [P.hat], blue)).toBeGreaterThan(20);
    expect(where("a knight with a blue helmet", 1, CLOTHES, blue)).toBeLessThan(6);
    const green = (h: number, s: number) => h > 90 && h < 150 && s > 0.4;
    for (let take = 1; take <= 4; take++)
      expect(
        where("a farmer in a green hat", take, [P.hat], green),
        `take ${take}`,
      ).toBeGreaterThan(6);
  });

  it("the rig draws the hat: no emoji top hat is borrowed or credited, and the line says it", () => {
    const info = parsePrompt("a wizard in a red hat");
    expect(info.worn?.tint?.word).toBe("red");
    expect(iconNeeds(info, "a wizard in a red hat", 1, 32, 0).some((n) => n.use === "worn")).toBe(
      false,
    );
    const line = interpretPrompt("a wizard in a red hat", { seed: 1 }).summary;
    expect(line).toContain("red hat");
    expect(line).not.toContain("top-hat");
    // a cat has no hat of its own: it still wears the icon
    const cat = parsePrompt("a cat wearing a red hat");
    expect(iconNeeds(cat, "a cat wearing a red hat", 1, 32, 0).some((n) => n.use === "worn")).toBe(
      true,
    );
  });
});
