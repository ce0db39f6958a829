import { describe, expect, it } from "vitest";
import { timedCheck } from "./health";

const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe("timedCheck", () => {
  it("reports a check that answers in time as ok", async () => {
    const r = await timedCheck("t-fast", async () => undefined, 200);
    expect(r.ok).toBe(true);
    expect(r.slow).toBeUndefined();
  });

  it("fails a check that never answered within its deadline", async () => {
    const r = await timedCheck("t-hung", () => new Promise(() => undefined), 30);
    expect(r).toMatchObject({ ok: false, error: "no answer within 30 ms" });
  });

  it("keeps a slow backend that answered recently in rotation, as slow", async () => {
    await timedCheck("t-slow", async () => undefined, 200);
    const r = await timedCheck("t-slow", () => wait(100), 20, 5_000);
    expect(r).toMatchObject({ ok: true, slow: true });
  });

  it("counts a late answer, so the next slow check stays ok", async () => {
    const first = await timedCheck("t-late", () => wait(60), 20, 5_000);
    expect(first.ok).toBe(false);
    await wait(80);
    const second = await timedCheck("t-late", () => wait(60), 20, 5_000);
    expect(second).toMatchObject({ ok: true, slow: true });
  });

  it("fails a slow backend once its last answer is older than the stale limit", async () => {
    await timedCheck("t-stale", async () => undefined, 200);
    await wait(60);
    const r = await timedCheck("t-stale", () => new Promise(() => undefined), 20, 50);
    expect(r.ok).toBe(false);
  });

  it("fails at once on an error, however recently the backend answered", async () => {
    await timedCheck("t-err", async () => undefined, 200);
    const r = await timedCheck(
      "t-err",
      async () => {
        throw new Error("connection refused");
      },
      200,
    );
    expect(r).toMatchObject({ ok: false, error: "connection refused" });
  });
});
