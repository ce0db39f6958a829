import { describe, expect, it } from "vitest";
import { drawFacingsJob } from "./render";

describe("the facings job", () => {
  it("passes on which subject a person stands in for, so the character's notes can say it", async () => {
    // a new user's "a slime" came out as a person with a sword and nothing said why
    const slime = await drawFacingsJob(
      { prompt: "a slime", seed: 7, size: 48, view: "low_top_down" },
      ["down"],
    );
    expect(slime.body).toBe("humanoid");
    expect(slime.standIn).toBe("slime");
    const knight = await drawFacingsJob(
      { prompt: "a knight", seed: 7, size: 48, view: "low_top_down" },
      ["down"],
    );
    expect(knight.standIn).toBeUndefined();
  });
});
