import { describe, expect, it } from "vitest";
import { InvalidInputError } from "@/lib/errors";
import { resolveModel } from "./models";

describe("resolveModel", () => {
  it("names the route a model of another type belongs to, in plain English", () => {
    expect(() => resolveModel("local/sfx", ["video"])).toThrow(
      new InvalidInputError(
        "Model 'local/sfx' is an audio model, not video; use it with POST /api/v1/generations/audio",
      ),
    );
    expect(() => resolveModel("local/upscale", ["image"])).toThrow(
      /is an operation model, not image/,
    );
    expect(() => resolveModel("local/pixel-sprite", ["audio"])).toThrow(
      /is an image model, not audio; use it with POST \/api\/v1\/generations\/image/,
    );
  });
});
