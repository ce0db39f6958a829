import { describe, expect, it } from "vitest";
import { newRequestId } from "./errors";

describe("newRequestId", () => {
  it("answers req_ and 12 base64url characters, a different one each time past many refills", () => {
    const ids = Array.from({ length: 2_000 }, () => newRequestId());
    for (const id of ids) expect(id).toMatch(/^req_[A-Za-z0-9_-]{12}$/);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
