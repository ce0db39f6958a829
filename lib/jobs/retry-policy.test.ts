import { describe, expect, it } from "vitest";
import { backoffDelayMs } from "./retry-policy";

describe("backoffDelayMs", () => {
  it("grows exponentially with full jitter and a cap", () => {
    expect(backoffDelayMs(1, undefined, () => 1)).toBe(2000);
    expect(backoffDelayMs(3, undefined, () => 1)).toBe(8000);
    expect(backoffDelayMs(20, undefined, () => 1)).toBe(60_000);
    expect(backoffDelayMs(3, undefined, () => 0)).toBe(0);
  });

  it("never retries before the upstream's Retry-After", () => {
    expect(backoffDelayMs(1, 30_000, () => 0.5)).toBe(30_000);
  });
});
