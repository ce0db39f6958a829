import { describe, expect, it } from "vitest";
import { parsePrompt } from "./prompt";

describe("English compounds of things put the head last", () => {
  it("draws the unknown head noun's icon, as a guess, not the modifier noun", () => {
    const launcher = parsePrompt("a rocket launcher");
    expect(launcher.icon).toBe("gi/missile-launcher");
    expect(launcher.unknown).toEqual([]);
    expect(launcher.guesses.join(" ")).toMatch(/rocket launcher.*missile launcher/);
    expect(parsePrompt("a satellite dish").icon).toBe("gi/radar-dish");
  });

  it("reads an unknown word beside a thing as the other half of an icon's name", () => {
    expect(parsePrompt("a half heart").icon).toBe("gi/half-heart");
    expect(parsePrompt("a rune sword").icon).toBe("gi/rune-sword");
    // "round" is a shape word the shield rig draws (item.ts itemShape), no icon's half
    expect(parsePrompt("a round shield").shape).toBe("round");
  });

  it("keeps the thing when the head word is vague, and leaves beings alone", () => {
    // "wheel" names car, ship and spinning wheels: the cheese stays, "wheel" is reported
    const cheese = parsePrompt("a cheese wheel");
    expect(cheese.subject).toBe("cheese");
    // the wheel is a form of the cheese, named and not drawn (its drawing is a wedge)
    expect(cheese.ignored).toContain("wheel");
    const goblin = parsePrompt("a goblin chieftain");
    expect(goblin.builder).toBe("humanoid");
  });
});

describe("an emoji's label", () => {
  it("names the picture: its material word is not a modifier (💎 is a gem, not a stone gem)", () => {
    const gem = parsePrompt("💎");
    expect(gem.subject).toBe("gem");
    expect(gem.materials).toEqual([]);
  });
});

describe("towers", () => {
  it("a lighthouse and a tower are their own drawings, not the castle", () => {
    // drawn by its own scenery rig in four designs (was the one game-icons lighthouse)
    expect(parsePrompt("a lighthouse")).toMatchObject({
      subject: "lighthouse",
      variant: "lighthouse",
    });
    expect(parsePrompt("a watchtower").icon).toMatch(/tower/);
    expect(parsePrompt("a haunted mansion").subject).toBe("house");
  });
});
