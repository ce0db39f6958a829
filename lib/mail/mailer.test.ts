import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EnvError, parseEnv } from "@/lib/config/env";
import {
  composeTaskCompleted,
  DEFAULT_MAIL_FROM,
  MailError,
  mailerFromEnv,
  smtpOptionsFromEnv,
} from "./mailer";

interface Received {
  from: string;
  to: string[];
  raw: string;
  user?: string;
}

// A 1×1 red PNG: real bytes, so the attachment round-trip compares something meaningful.
const PNG = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==",
  "base64",
);

function decodeQuotedPrintable(s: string): Buffer {
  const bytes: number[] = [];
  const text = s.replace(/=\r?\n/g, "");
  for (let i = 0; i < text.length; i++) {
    if (text[i] === "=" && /^[0-9A-F]{2}$/i.test(text.slice(i + 1, i + 3))) {
      bytes.push(Number.parseInt(text.slice(i + 1, i + 3), 16));
      i += 2;
    } else {
      bytes.push(...Buffer.from(text[i], "utf8"));
    }
  }
  return Buffer.from(bytes);
}

/** Decoded body and headers of the first MIME part with the given content type. */
function extractPart(raw: string, contentType: string): { headers: string; body: Buffer } | null {
  for (const part of raw.split(/\r?\n--[^\r\n]+\r?\n/)) {
    const [headers, ...rest] = part.split(/\r?\n\r?\n/);
    if (!new RegExp(`^content-type:\\s*${contentType}`, "im").test(headers)) continue;
    const encoded = rest.join("\r\n\r\n").split(/\r?\n--/)[0];
    const cte = headers.match(/^content-transfer-encoding:\s*(\S+)/im)?.[1].toLowerCase();
    if (cte === "base64")
      return { headers, body: Buffer.from(encoded.replace(/\s+/g, ""), "base64") };
    if (cte === "quoted-printable") return { headers, body: decodeQuotedPrintable(encoded) };
    return { headers, body: Buffer.from(encoded, "utf8") };
  }
  return null;
}

/** The Subject header with RFC 2047 encoded words decoded. */
function subjectOf(raw: string): string {
  const folded = raw.match(/^Subject: (.+(?:\r?\n[ \t].+)*)/m)?.[1] ?? "";
  const bytes: Buffer[] = [];
  // Whitespace between adjacent encoded words is not part of the text (RFC 2047 §6.2).
  const words = folded.replace(/\?=\s+=\?/g, "?==?").split(/(=\?[^?]+\?[BQbq]\?[^?]*\?=)/);
  for (const w of words) {
    const m = w.match(/^=\?[^?]+\?([BQbq])\?([^?]*)\?=$/);
    if (!m) bytes.push(Buffer.from(w, "utf8"));
    else if (m[1].toUpperCase() === "B") bytes.push(Buffer.from(m[2], "base64"));
    else bytes.push(decodeQuotedPrintable(m[2].replace(/_/g, " ")));
  }
  return Buffer.concat(bytes).toString("utf8");
}

describe("mailer against a real SMTP server on loopback", () => {
  const received: Received[] = [];
  let server: SMTPServer;
  let port: number;

  beforeAll(async () => {
    server = new SMTPServer({
      authOptional: true,
      allowInsecureAuth: true, // loopback only; lets the auth test run without certificates
      logger: false,
      onAuth(auth, _session, cb) {
        if (auth.username === "studio" && auth.password === "s3cret") cb(null, { user: "studio" });
        else cb(new Error("invalid credentials"));
      },
      onData(stream, session, cb) {
        const chunks: Buffer[] = [];
        stream.on("data", (c: Buffer) => chunks.push(c));
        stream.on("end", () => {
          received.push({
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : "",
            to: session.envelope.rcptTo.map((r) => r.address),
            raw: Buffer.concat(chunks).toString("utf8"),
            user: session.user as string | undefined,
          });
          cb();
        });
      },
    });
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    port = (server.server.address() as AddressInfo).port;
  });

  afterAll(async () => {
    await new Promise<void>((r) => server.close(() => r()));
  });

  it("delivers a bilingual message with the PNG inline and the signed link", async () => {
    received.length = 0;
    const mailer = mailerFromEnv(parseEnv({ SMTP_HOST: "127.0.0.1", SMTP_PORT: String(port) }));
    expect(mailer).toBeDefined();
    const downloadUrl = "https://studio.example.com/api/download/42?sig=abc_-&exp=1767272400";
    const { messageId } = await mailer!.sendTaskCompleted({
      to: "player@example.com",
      taskId: 42,
      prompt: "一只可爱的猫 <script>alert(1)</script>",
      png: PNG,
      downloadUrl,
      viewUrl: "https://studio.example.com/tasks/42",
    });
    mailer!.close();

    expect(messageId).toMatch(/^<.+>$/);
    expect(received).toHaveLength(1);
    const msg = received[0];
    expect(msg.to).toEqual(["player@example.com"]);
    expect(msg.from).toBe("no-reply@localhost");
    expect(msg.raw).toMatch(/^From: Pixel Studio <no-reply@localhost>/m);
    expect(msg.raw).toMatch(/^To: player@example\.com/m);
    const subject = subjectOf(msg.raw);
    expect(subject).toContain("Task #42 completed");
    expect(subject).toContain("任务 #42 已完成");

    const png = extractPart(msg.raw, "image/png");
    expect(png).not.toBeNull();
    expect(png!.body.equals(PNG)).toBe(true);
    expect(png!.headers).toMatch(/content-id:\s*<task-42@pixel-studio>/i);

    const html = extractPart(msg.raw, "text/html");
    expect(html).not.toBeNull();
    const htmlBody = html!.body.toString("utf8");
    expect(htmlBody).toContain("cid:task-42@pixel-studio");
    expect(htmlBody).toContain("一只可爱的猫 &lt;script&gt;");
    expect(htmlBody).not.toContain("<script>");
    expect(htmlBody).toContain(downloadUrl.replace(/&/g, "&amp;"));
    const text = extractPart(msg.raw, "text/plain")!.body.toString("utf8");
    expect(text).toContain("已完成");
    expect(text).toContain("is complete");
    expect(text).toContain(downloadUrl);
    expect(msg.raw).toContain("multipart/related");
  });

  it("authenticates when SMTP_USER is set (STARTTLS skipped via SMTP_IGNORE_TLS)", async () => {
    received.length = 0;
    const mailer = mailerFromEnv(
      parseEnv({
        SMTP_HOST: "127.0.0.1",
        SMTP_PORT: String(port),
        SMTP_USER: "studio",
        SMTP_PASSWORD: "s3cret",
        SMTP_IGNORE_TLS: "true",
        MAIL_FROM: "Studio <studio@example.com>",
      }),
    );
    await mailer!.sendTaskCompleted({ to: "a@example.com", taskId: "7", prompt: "fire dragon" });
    mailer!.close();
    expect(received).toHaveLength(1);
    expect(received[0].user).toBe("studio");
    expect(received[0].from).toBe("studio@example.com");
    expect(extractPart(received[0].raw, "image/png")).toBeNull();
  });

  it("surfaces a wrong password as an error", async () => {
    const mailer = mailerFromEnv(
      parseEnv({
        SMTP_HOST: "127.0.0.1",
        SMTP_PORT: String(port),
        SMTP_USER: "studio",
        SMTP_PASSWORD: "wrong",
        SMTP_IGNORE_TLS: "true",
      }),
    );
    await expect(
      mailer!.sendTaskCompleted({ to: "a@example.com", taskId: 1, prompt: "x" }),
    ).rejects.toThrow();
    mailer!.close();
  });

  it("refuses anything but a single recipient before touching SMTP", async () => {
    received.length = 0;
    const mailer = mailerFromEnv(parseEnv({ SMTP_HOST: "127.0.0.1", SMTP_PORT: String(port) }))!;
    for (const to of ["a@example.com, b@example.com", "Eve <e@example.com>", "nobody", "a@b;c@d"]) {
      await expect(mailer.sendTaskCompleted({ to, taskId: 1, prompt: "x" })).rejects.toBeInstanceOf(
        MailError,
      );
    }
    mailer.close();
    expect(received).toHaveLength(0);
  });
});

describe("configuration", () => {
  it("is off without SMTP_HOST", () => {
    expect(mailerFromEnv(parseEnv({}))).toBeUndefined();
    expect(mailerFromEnv(parseEnv({ SMTP_HOST: "  " }))).toBeUndefined();
  });

  it("applies the documented defaults", () => {
    expect(smtpOptionsFromEnv(parseEnv({ SMTP_HOST: "mail.example.com" }))).toMatchObject({
      host: "mail.example.com",
      port: 587,
      secure: false,
      ignoreTLS: true,
      auth: undefined,
    });
    expect(mailerFromEnv(parseEnv({ SMTP_HOST: "mail.example.com" }))?.from).toBe(
      DEFAULT_MAIL_FROM,
    );
  });

  it("keeps STARTTLS when credentials are set, and uses 465 for implicit TLS", () => {
    expect(
      smtpOptionsFromEnv(parseEnv({ SMTP_HOST: "h", SMTP_USER: "u", SMTP_PASSWORD: "p" })),
    ).toMatchObject({ port: 587, secure: false, ignoreTLS: false, auth: { user: "u", pass: "p" } });
    expect(smtpOptionsFromEnv(parseEnv({ SMTP_HOST: "h", SMTP_SECURE: "true" }))).toMatchObject({
      port: 465,
      secure: true,
    });
    expect(
      smtpOptionsFromEnv(parseEnv({ SMTP_HOST: "h", SMTP_SECURE: "true", SMTP_PORT: "2465" })),
    ).toMatchObject({ port: 2465 });
  });

  it("rejects a malformed port", () => {
    expect(() => smtpOptionsFromEnv(parseEnv({ SMTP_HOST: "h", SMTP_PORT: "smtp" }))).toThrow(
      EnvError,
    );
    expect(() => parseEnv({ SMTP_PORT: "smtp" })).toThrow(/SMTP_PORT/);
  });
});

describe("composeTaskCompleted", () => {
  it("escapes the prompt, drops non-http links and truncates long prompts", () => {
    const m = composeTaskCompleted({
      to: "x@example.com",
      taskId: 9,
      prompt: `<img src=x onerror=alert(1)> ${"a".repeat(2000)}`,
      downloadUrl: "javascript:alert(1)",
      viewUrl: "https://studio.example.com/tasks/9?a=1&b=2",
    });
    expect(m.html).not.toContain("<img src=x");
    expect(m.html).toContain("&lt;img src=x onerror=alert(1)&gt;");
    expect(m.html).not.toContain("javascript:");
    expect(m.text).not.toContain("javascript:");
    expect(m.html).toContain('href="https://studio.example.com/tasks/9?a=1&amp;b=2"');
    expect(m.text.length).toBeLessThan(1000);
    expect(m.attachments).toEqual([]);
    expect(m.text).toContain("已完成");
    expect(m.text).toContain("is complete");
  });
});
