import { describe, expect, it } from "vitest";
import { ApiRequestError } from "./api";
import { characterBusy, retryAfterSeconds } from "./characters";

describe("retryAfterSeconds", () => {
  it("reads the wait from the rate limit's message", () => {
    const e = new ApiRequestError(
      429,
      "Rate limit exceeded: too many generation tasks: Limit is 60 tasks per minute; retry after 17 s",
    );
    expect(retryAfterSeconds(e)).toBe(17);
  });
  it("waits 10 s on a 429 that does not say, and never retries other errors", () => {
    expect(retryAfterSeconds(new ApiRequestError(429, "Too many requests"))).toBe(10);
    expect(retryAfterSeconds(new ApiRequestError(400, "retry after 3 s"))).toBeNull();
    expect(retryAfterSeconds(new Error("retry after 3 s"))).toBeNull();
  });
});

describe("characterBusy", () => {
  const facing = (status: "pending" | "completed") => ({
    url: null,
    status,
    task_id: null,
    edited: false,
  });
  it("polls while a facing, a state's facing or an animation frame is still drawn", () => {
    const done = { status: "completed" as const, facings: { down: facing("completed") } };
    expect(characterBusy(done, [])).toBe(false);
    expect(characterBusy({ ...done, facings: { down: facing("pending") } }, [])).toBe(true);
    expect(
      characterBusy(
        {
          ...done,
          states: [
            {
              id: 1,
              name: "blue",
              prompt: "blue",
              status: "completed",
              facings: { down: facing("pending") },
              created_at: "",
            },
          ],
        },
        [],
      ),
    ).toBe(true);
  });
});
