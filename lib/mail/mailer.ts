// Completion e-mail (`send_email` / `email` on a task). SMTP only, configured by the admin
// through the environment; without SMTP_HOST the feature is off and callers say so instead of
// failing the task.

import nodemailer from "nodemailer";
import type SMTPTransport from "nodemailer/lib/smtp-transport";
import { type Env, getEnv } from "@/lib/config/env";

export const DEFAULT_MAIL_FROM = "Pixel Studio <no-reply@localhost>";
const PROMPT_PREVIEW_CHARS = 500;

export interface TaskCompletedMail {
  to: string;
  taskId: number | string;
  prompt: string;
  /** Inlined into the HTML body via cid and attached. */
  png?: Buffer;
  /** Signed download link (lib/security/signed-url). */
  downloadUrl?: string;
  /** Link to the task in the studio. */
  viewUrl?: string;
}

export interface Mailer {
  readonly from: string;
  sendTaskCompleted(mail: TaskCompletedMail): Promise<{ messageId: string }>;
  /** Releases pooled connections; call on shutdown. */
  close(): void;
}

export class MailError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "MailError";
  }
}

/** SMTP transport options from the environment, or undefined when SMTP_HOST is unset. */
export function smtpOptionsFromEnv(env: Env = getEnv()): SMTPTransport.Options | undefined {
  const host = env.SMTP_HOST;
  if (!host) return undefined;
  const secure = env.SMTP_SECURE ?? false;
  // 465 is implicit TLS; pairing SMTP_SECURE=true with 587 would hang on the greeting.
  const port = env.SMTP_PORT ?? (secure ? 465 : 587);
  const user = env.SMTP_USER;
  // Without TLS and without credentials (a loopback relay, a dev server) STARTTLS only adds a
  // failure mode — self-signed certificates — and protects nothing. With credentials we keep
  // opportunistic STARTTLS so a password never crosses the wire in clear by default.
  const ignoreTLS = env.SMTP_IGNORE_TLS ?? (!secure && !user);
  return {
    host,
    port,
    secure,
    ignoreTLS,
    auth: user ? { user, pass: env.SMTP_PASSWORD ?? "" } : undefined,
    // Bounded so a dead SMTP server delays a notification, never a worker.
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 30_000,
  };
}

// A single mailbox, no display-name tricks: the address comes from API input, and a comma or
// angle bracket would let one request mail a list of strangers.
const SINGLE_ADDRESS = /^[^\s@,;<>"'()[\]\\]+@[^\s@,;<>"'()[\]\\]+$/;

function escapeHtml(s: string): string {
  return s
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&#39;");
}

function httpUrl(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const u = new URL(url);
    return u.protocol === "http:" || u.protocol === "https:" ? u.href : undefined;
  } catch {
    return undefined;
  }
}

function preview(prompt: string): string {
  const oneLine = prompt.replace(/\s+/g, " ").trim();
  return oneLine.length > PROMPT_PREVIEW_CHARS
    ? `${oneLine.slice(0, PROMPT_PREVIEW_CHARS)}…`
    : oneLine;
}

export interface ComposedMail {
  subject: string;
  text: string;
  html: string;
  attachments: { filename: string; content: Buffer; contentType: string; cid: string }[];
}

/** Builds the message without sending it (pure; exported for tests and previews). */
export function composeTaskCompleted(mail: TaskCompletedMail): ComposedMail {
  const id = String(mail.taskId);
  const prompt = preview(mail.prompt);
  const download = httpUrl(mail.downloadUrl);
  const view = httpUrl(mail.viewUrl);
  const cid = `task-${id.replace(/[^A-Za-z0-9_-]/g, "")}@pixel-studio`;

  const text = [
    `您的像素画任务 #${id} 已完成。`,
    `Your pixel-art task #${id} is complete.`,
    "",
    `提示词 / Prompt: ${prompt}`,
    "",
    ...(view ? [`查看 / View: ${view}`] : []),
    ...(download ? [`下载（限时链接）/ Download (time-limited link): ${download}`] : []),
    ...(mail.png ? ["图片已附在邮件中。/ The image is attached."] : []),
    "",
    "— Pixel Studio",
  ].join("\n");

  const link = (href: string, label: string) =>
    `<p><a href="${escapeHtml(href)}">${escapeHtml(label)}</a></p>`;
  const html = [
    '<!doctype html><html><body style="font-family:sans-serif">',
    `<p>您的像素画任务 <b>#${escapeHtml(id)}</b> 已完成。<br>`,
    `Your pixel-art task <b>#${escapeHtml(id)}</b> is complete.</p>`,
    `<p>提示词 / Prompt: <i>${escapeHtml(prompt)}</i></p>`,
    mail.png
      ? `<p><img src="cid:${cid}" alt="task ${escapeHtml(id)}" style="image-rendering:pixelated;max-width:512px"></p>`
      : "",
    view ? link(view, "查看 / View") : "",
    download ? link(download, "下载（限时链接）/ Download (time-limited link)") : "",
    '<p style="color:#888">— Pixel Studio</p></body></html>',
  ].join("");

  return {
    subject: `Pixel Studio: 任务 #${id} 已完成 / Task #${id} completed`,
    text,
    html,
    attachments: mail.png
      ? [{ filename: `pixel-studio-${id}.png`, content: mail.png, contentType: "image/png", cid }]
      : [],
  };
}

export function mailerFromEnv(env: Env = getEnv()): Mailer | undefined {
  const options = smtpOptionsFromEnv(env);
  if (!options) return undefined;
  const from = env.MAIL_FROM ?? DEFAULT_MAIL_FROM;
  const transport = nodemailer.createTransport(options);

  return {
    from,
    async sendTaskCompleted(mail) {
      const to = mail.to.trim();
      if (!SINGLE_ADDRESS.test(to)) {
        throw new MailError(`not a single e-mail address: ${JSON.stringify(mail.to)}`);
      }
      const composed = composeTaskCompleted(mail);
      const info = await transport.sendMail({ from, to, ...composed });
      return { messageId: info.messageId };
    },
    close() {
      transport.close();
    },
  };
}
