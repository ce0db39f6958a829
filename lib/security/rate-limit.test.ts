import { describe, expect, it } from "vitest";
import { createRateLimiter } from "./rate-limit";

const T0 = 1_700_000_000_000;

describe("createRateLimiter", () => {
  it("allows `limit` units, then refuses with a Retry-After", () => {
    const rl = createRateLimiter({ limit: 3, windowMs: 60_000 });
    expect(rl.consume("k", 1, T0)).toEqual({ ok: true, remaining: 2 });
    expect(rl.consume("k", 1, T0)).toEqual({ ok: true, remaining: 1 });
    expect(rl.consume("k", 1, T0)).toEqual({ ok: true, remaining: 0 });
    // One unit refills every 20 s.
    expect(rl.consume("k", 1, T0)).toEqual({ ok: false, retryAfterSeconds: 20 });
    expect(rl.consume("k", 1, T0 + 5_000)).toEqual({ ok: false, retryAfterSeconds: 15 });
  });

  it("a batch of 4 consumes 4, all or nothing", () => {
    const rl = createRateLimiter({ limit: 10, windowMs: 60_000 });
    expect(rl.consume("u", 4, T0)).toEqual({ ok: true, remaining: 6 });
    expect(rl.consume("u", 4, T0)).toEqual({ ok: true, remaining: 2 });
    const refused = rl.consume("u", 4, T0);
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.retryAfterSeconds).toBe(12); // 2 missing units × 6 s
    // The refused batch took nothing: 2 singles still fit.
    expect(rl.consume("u", 2, T0)).toEqual({ ok: true, remaining: 0 });
  });

  it("refills over time up to the limit, not beyond", () => {
    const rl = createRateLimiter({ limit: 60, windowMs: 60_000 });
    expect(rl.consume("k", 60, T0).ok).toBe(true);
    expect(rl.consume("k", 1, T0).ok).toBe(false);
    expect(rl.consume("k", 1, T0 + 1_000)).toEqual({ ok: true, remaining: 0 });
    expect(rl.consume("k", 1, T0 + 10 * 60_000)).toEqual({ ok: true, remaining: 59 });
  });

  it("keeps keys independent", () => {
    const rl = createRateLimiter({ limit: 1, windowMs: 60_000 });
    expect(rl.consume("a", 1, T0).ok).toBe(true);
    expect(rl.consume("a", 1, T0).ok).toBe(false);
    expect(rl.consume("b", 1, T0).ok).toBe(true);
  });

  it("refuses a request bigger than the bucket with the full window", () => {
    const rl = createRateLimiter({ limit: 5, windowMs: 90_000 });
    expect(rl.consume("k", 6, T0)).toEqual({ ok: false, retryAfterSeconds: 90 });
    expect(rl.consume("k", 5, T0).ok).toBe(true);
  });

  it("survives a clock going backwards", () => {
    const rl = createRateLimiter({ limit: 2, windowMs: 60_000 });
    expect(rl.consume("k", 2, T0).ok).toBe(true);
    expect(rl.consume("k", 1, T0 - 30_000).ok).toBe(false);
    expect(rl.consume("k", 1, T0 + 30_000).ok).toBe(true);
  });

  it("reset forgets a key", () => {
    const rl = createRateLimiter({ limit: 1, windowMs: 60_000 });
    rl.consume("k", 1, T0);
    rl.reset("k");
    expect(rl.consume("k", 1, T0).ok).toBe(true);
  });

  it("evicts idle keys so memory stays bounded", () => {
    const rl = createRateLimiter({ limit: 5, windowMs: 1_000 });
    for (let i = 0; i < 999; i++) rl.consume(`ip-${i}`, 1, T0);
    expect(rl.size()).toBe(999);
    // The 1000th call sweeps; every earlier key has been idle for a full window.
    rl.consume("late", 1, T0 + 2_000);
    expect(rl.size()).toBe(1);
  });

  it("never tracks more than maxKeys, dropping the least recently used", () => {
    const rl = createRateLimiter({ limit: 1, windowMs: 60_000, maxKeys: 100 });
    rl.consume("hot", 1, T0);
    for (let i = 0; i < 500; i++) {
      rl.consume(`flood-${i}`, 1, T0);
      rl.consume("hot", 1, T0); // keeps "hot" recent, and it stays limited
      expect(rl.size()).toBeLessThanOrEqual(100);
    }
    expect(rl.consume("hot", 1, T0).ok).toBe(false);
  });

  it("validates its options", () => {
    expect(() => createRateLimiter({ limit: 0, windowMs: 1000 })).toThrow();
    expect(() => createRateLimiter({ limit: 1, windowMs: 0 })).toThrow();
    expect(() => createRateLimiter({ limit: 1, windowMs: 1000, maxKeys: 0 })).toThrow();
    expect(() => createRateLimiter({ limit: 1, windowMs: 1000 }).consume("k", 0)).toThrow();
  });
});
