// Fake Volcengine TTS HTTP API: POST /api/v1/tts, `Authorization: Bearer;<token>`, answers
// `{reqid, code: 3000, message: "Success", data: <base64 audio>}`. A prompt containing
// `[code:NNNN]` answers that TTS status code instead.

import {
  ALL_FAIL_MODES,
  type FakeOptions,
  type FakeServer,
  HTTP_FAIL_MODES,
  type Reply,
  startFakeServer,
} from "./fake-server";

export interface VolcengineFakeOptions extends FakeOptions {
  appId?: string;
  token?: string;
}

/** A few bytes that start like an MP3 frame; enough for "we got audio bytes". */
const FAKE_MP3 = Buffer.from([0xff, 0xfb, 0x90, 0x64, ...Array.from({ length: 60 }, (_, i) => i)]);

const MESSAGES: Record<number, string> = {
  3001: "invalid request",
  3003: "concurrency exceeded",
  3005: "server busy",
  3010: "text too long",
  3011: "invalid text",
  3030: "processing timeout",
  3031: "processing error",
  3050: "voice type not exist",
};

export async function startVolcengineFake(opts: VolcengineFakeOptions = {}): Promise<FakeServer> {
  const appId = opts.appId ?? "test-app";
  const token = opts.token ?? "test-volc-token";
  const err = (status: number, code: number, message: string, reqid = ""): Reply => ({
    status,
    json: { reqid, code, message, operation: "query", sequence: 0 },
  });
  return startFakeServer(
    {
      name: "volcengine",
      errorReply: (status, _c, message) =>
        err(status, status === 429 ? 3003 : status >= 500 ? 3005 : 3001, message),
      handle(call, t) {
        if (call.method !== "POST" || call.path !== "/api/v1/tts")
          return err(404, 3001, "not found");
        const b = (call.json ?? {}) as {
          app?: { appid?: string; token?: string; cluster?: string };
          audio?: { voice_type?: string; encoding?: string };
          request?: { reqid?: string; text?: string; operation?: string };
        };
        const reqid = b.request?.reqid ?? "";
        if (call.headers.authorization !== `Bearer;${token}` || b.app?.appid !== appId) {
          return err(
            401,
            3001,
            "authenticate request: load grant: requested grant not found",
            reqid,
          );
        }
        if (!b.app?.cluster || b.request?.operation !== "query" || !reqid) {
          return err(400, 3001, "invalid request: missing cluster, reqid or operation", reqid);
        }
        const text = b.request?.text ?? "";
        if (!text) return err(400, 3011, "invalid text", reqid);
        const forced = /\[code:(\d{4})\]/.exec(text);
        if (forced) {
          const c = Number(forced[1]);
          return err(200, c, MESSAGES[c] ?? "error", reqid);
        }
        const f = t.takeFailure("submit", ALL_FAIL_MODES, text);
        if (f && HTTP_FAIL_MODES.includes(f)) return t.httpFailure(f);
        if (f === "job_failed") return err(500, 3031, "processing error", reqid);
        return {
          json: {
            reqid,
            code: 3000,
            operation: "query",
            message: "Success",
            sequence: -1,
            data: FAKE_MP3.toString("base64"),
            addition: { duration: "1960" },
          },
        };
      },
    },
    opts,
  );
}
