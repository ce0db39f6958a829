import { describe, expect, it } from "vitest";
import { isoSeconds } from "./time";

describe("isoSeconds", () => {
  it("answers whole seconds in UTC, the same for every millisecond of a second, and null for none", () => {
    expect(isoSeconds(new Date("2026-01-27T12:00:00.000Z"))).toBe("2026-01-27T12:00:00Z");
    expect(isoSeconds(new Date("2026-01-27T12:00:00.999Z"))).toBe("2026-01-27T12:00:00Z");
    expect(isoSeconds(new Date("2026-01-27T12:00:01.001Z"))).toBe("2026-01-27T12:00:01Z");
    expect(isoSeconds(new Date("1969-12-31T23:59:59.500Z"))).toBe("1969-12-31T23:59:59Z");
    expect(isoSeconds(null)).toBeNull();
    expect(isoSeconds(undefined)).toBeNull();
  });

  it("stays right past the many seconds it keeps", () => {
    const start = Date.UTC(2026, 0, 1);
    for (let i = 0; i < 10_000; i += 7) {
      const d = new Date(start + i * 1000 + (i % 1000));
      expect(isoSeconds(d)).toBe(`${d.toISOString().slice(0, 19)}Z`);
    }
  });
});
