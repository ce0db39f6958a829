import { describe, expect, it } from "vitest";
import { dressForRace } from "./costumes";
import { ROLES } from "./humanoid";

describe("a class over a race body", () => {
  // "a goblin archer" drew the goblin's dagger and no bow while its line said archer
  it("keeps the tool the class is named for over the race's weapon", () => {
    for (const race of ["goblin", "orc", "troll", "skeleton"]) {
      expect(dressForRace(ROLES.archer!, race, false).weapon, race).toBe("bow");
      expect(dressForRace(ROLES.mage!, race, false).weapon, race).toBe("staff");
    }
    // a class with no tool of its own still takes the race's weapon (an orc's axe)
    expect(dressForRace(ROLES.person!, "orc", false).weapon).toBe("axe");
  });
});
