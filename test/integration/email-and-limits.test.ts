// Completion e-mail through a real SMTP server on loopback, and the per-key generation rate limit.
import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedUserWithKey } from "../helpers/accounts";
import { startServer, type TestServer, useFreshDataDir, waitFor } from "../helpers/server";

/** Mail bodies are quoted-printable: undo soft line breaks and =XX escapes. */
function decodeQp(raw: string): string {
  return raw
    .replace(/=\r?\n/g, "")
    .replace(/=([0-9A-F]{2})/g, (_, h) => String.fromCharCode(Number.parseInt(h, 16)));
}

interface Received {
  from: string;
  to: string[];
  raw: string;
}

let smtp: SMTPServer;
let smtpPort: number;
const inbox: Received[] = [];
let server: TestServer;
let user: Awaited<ReturnType<typeof seedUserWithKey>>;

beforeAll(async () => {
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    onData(stream, session, callback) {
      let raw = "";
      stream.on("data", (chunk) => {
        raw += chunk.toString("latin1");
      });
      stream.on("end", () => {
        inbox.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : "",
          to: session.envelope.rcptTo.map((r) => r.address),
          raw,
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, "127.0.0.1", resolve));
  smtpPort = (smtp.server.address() as AddressInfo).port;

  useFreshDataDir("pixel-mail-");
  user = await seedUserWithKey("mail-owner@example.com");
  server = await startServer({
    SMTP_HOST: "127.0.0.1",
    SMTP_PORT: String(smtpPort),
    SMTP_IGNORE_TLS: "true",
    MAIL_FROM: "Pixel Studio <studio@example.test>",
    GENERATION_RATE_LIMIT_PER_MIN: "12",
  });
});
afterAll(async () => {
  await server?.stop();
  await new Promise<void>((resolve) => smtp?.close(() => resolve()));
});

const post = (p: string, body: unknown) =>
  fetch(`${server.baseUrl}${p}`, {
    method: "POST",
    headers: { "Content-Type": "application/json", ...user.auth },
    body: JSON.stringify(body),
  });

describe("completion e-mail", () => {
  it("sends the image to the given address by default for single tasks", async () => {
    const { task_id } = await (
      await post("/api/v1/generate", {
        prompt: "a mailed dragon",
        email: "friend@example.com",
        scale: 4,
      })
    ).json();
    const mail = await waitFor(
      async () => inbox.find((m) => m.to.includes("friend@example.com")),
      20_000,
    );
    expect(mail.from).toBe("studio@example.test");
    expect(mail.raw).toMatch(/Content-Type: image\/png/i);
    // bodies are quoted-printable: undo soft line breaks and =XX escapes before reading the link
    const text = mail.raw
      .replace(/=\r?\n/g, "")
      .replace(/=([0-9A-F]{2})/g, (_, h) => String.fromCharCode(Number.parseInt(h, 16)));
    expect(text).toContain(`/api/download/${task_id}?sig=`);
    const task = await (
      await fetch(`${server.baseUrl}/api/v1/task/${task_id}`, { headers: user.auth })
    ).json();
    expect(task.email_status).toMatch(/^sent to friend@example.com/);
  });

  it("falls back to the account address, and sends nothing for batches by default", async () => {
    await post("/api/v1/generate", { prompt: "an owl for the owner", scale: 4 });
    await waitFor(async () => inbox.find((m) => m.to.includes("mail-owner@example.com")), 20_000);
    const before = inbox.length;
    const { batch_id } = await (
      await post("/api/v1/batch-generate", { prompt: "quiet bats", count: 2, scale: 2 })
    ).json();
    await waitFor(async () => {
      const b = await (
        await fetch(`${server.baseUrl}/api/v1/batch/${batch_id}`, { headers: user.auth })
      ).json();
      return b.completed_count === 2 ? true : undefined;
    });
    await new Promise((r) => setTimeout(r, 500));
    expect(inbox.length).toBe(before);
  });

  it("sends one e-mail for a batch with send_email, when its last frame is done", async () => {
    const before = inbox.length;
    const { batch_id } = await (
      await post("/api/v1/batch-generate", {
        prompt: "a mailed walk",
        mode: "walk",
        scale: 2,
        send_email: true,
        email: "batch@example.com",
      })
    ).json();
    const mail = await waitFor(
      async () => inbox.find((m) => m.to.includes("batch@example.com")),
      30_000,
    );
    expect(decodeQp(mail.raw)).toContain(`batches/${batch_id}`);
    await new Promise((r) => setTimeout(r, 800));
    expect(inbox.length).toBe(before + 1);
  });
});

describe("rate limit", () => {
  it("answers 429 with Retry-After once the key's tasks per minute are used up", async () => {
    let limited: Response | undefined;
    for (let i = 0; i < 16 && !limited; i++) {
      const res = await post("/api/v1/generate", {
        prompt: `rate limited prompt number ${i} ${"x".repeat(i)}`,
        force: true,
        send_email: false,
      });
      if (res.status === 429) limited = res;
      else expect(res.status).toBe(200);
    }
    expect(limited).toBeDefined();
    expect(Number(limited!.headers.get("retry-after"))).toBeGreaterThan(0);
    const body = await limited!.json();
    expect(body.error).toMatch(/Rate limit/);
  });

  it("creates no task for a refused generation", async () => {
    const total = async () =>
      (await (await fetch(`${server.baseUrl}/api/v1/tasks?page=1`, { headers: user.auth })).json())
        .total;
    const before = await total();
    const res = await post("/api/v1/generations/image", {
      prompt: "one too many",
      model: "local/pixel-sprite",
    });
    expect(res.status).toBe(429);
    expect(Number(res.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(await total()).toBe(before);
  });
});
