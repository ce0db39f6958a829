// The completion e-mails are claimed with one conditional UPDATE each: however many workers (on
// PostgreSQL: pool connections racing for real) ask at once, exactly one may send.
import { beforeAll, describe, expect, it } from "vitest";
import { useFreshDataDir } from "@/test/helpers/server";

beforeAll(() => {
  useFreshDataDir("pixel-email-claim-");
});

async function seed(status: "completed" | "processing", sendEmail = true) {
  const { createUser } = await import("./users");
  const { insertTask } = await import("./tasks");
  const { getDb } = await import("./client");
  const { tasks } = await import("./schema");
  const { eq } = await import("drizzle-orm");
  const user = await createUser({ email: `e${Math.random()}@example.com`, passwordHash: "x" });
  const task = await insertTask({
    userId: user.id,
    type: "image",
    model: "local/m",
    provider: "local",
    prompt: "p",
    params: { prompt: "p" },
    sendEmail,
  });
  await (await getDb()).update(tasks).set({ status }).where(eq(tasks.id, task.id));
  return task.id;
}

describe("claimTaskEmail", () => {
  it("grants one of twenty concurrent claims, and none afterwards", async () => {
    const { claimTaskEmail, setEmailStatus } = await import("./queue");
    const id = await seed("completed");
    const claims = await Promise.all(Array.from({ length: 20 }, () => claimTaskEmail(id)));
    expect(claims.filter(Boolean)).toHaveLength(1);
    await setEmailStatus(id, "sent to a@example.com (<id>)");
    expect(await claimTaskEmail(id)).toBe(false);
  });

  it("grants nothing for a task that is not completed or asked for no e-mail", async () => {
    const { claimTaskEmail } = await import("./queue");
    expect(await claimTaskEmail(await seed("processing"))).toBe(false);
    expect(await claimTaskEmail(await seed("completed", false))).toBe(false);
  });
});
