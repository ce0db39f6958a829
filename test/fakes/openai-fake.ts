// Fake OpenAI Images API: /v1/images/generations (JSON), /v1/images/edits (multipart),
// /v1/models; errors as `{error:{message,type,param,code}}`.

import {
  ALL_FAIL_MODES,
  bearerOf,
  type FakeOptions,
  type FakeServer,
  HTTP_FAIL_MODES,
  type Reply,
  startFakeServer,
} from "./fake-server";

export interface OpenaiFakeOptions extends FakeOptions {
  apiKey?: string;
}

const err = (
  status: number,
  code: string | null,
  message: string,
  type = "invalid_request_error",
): Reply => ({
  status,
  json: { error: { message, type, param: null, code } },
});

const SIZES: Record<string, string[]> = {
  "gpt-image-1": ["1024x1024", "1536x1024", "1024x1536", "auto"],
  "dall-e-3": ["1024x1024", "1792x1024", "1024x1792"],
};

export async function startOpenaiFake(opts: OpenaiFakeOptions = {}): Promise<FakeServer> {
  const apiKey = opts.apiKey ?? "test-openai-key";
  return startFakeServer(
    {
      name: "openai",
      errorReply: (status, _code, message) =>
        status === 401
          ? err(401, "invalid_api_key", "Incorrect API key provided.")
          : status === 429
            ? err(
                429,
                "rate_limit_exceeded",
                "Rate limit reached for images per minute.",
                "requests",
              )
            : err(status, null, message, status >= 500 ? "server_error" : "invalid_request_error"),
      handle(call, t) {
        if (bearerOf(call) !== apiKey)
          return err(401, "invalid_api_key", "Incorrect API key provided.");
        if (call.method === "GET" && call.path === "/v1/models") {
          return {
            json: {
              object: "list",
              data: [
                { id: "gpt-image-1", object: "model" },
                { id: "dall-e-3", object: "model" },
              ],
            },
          };
        }
        const isEdit = call.path === "/v1/images/edits";
        if (call.method === "POST" && (call.path === "/v1/images/generations" || isEdit)) {
          const b = (isEdit ? call.form : call.json) as Record<string, unknown> | undefined;
          const model = String(b?.model ?? "");
          const prompt = String(b?.prompt ?? "");
          if (!SIZES[model]) return err(400, "invalid_value", `Invalid model '${model}'.`);
          if (!prompt) return err(400, null, "Missing required parameter: 'prompt'.");
          if (b?.size && !SIZES[model].includes(String(b.size)))
            return err(400, "invalid_value", `Invalid size '${b.size}'.`);
          if (model === "gpt-image-1" && b?.response_format) {
            return err(400, "unknown_parameter", "Unknown parameter: 'response_format'.");
          }
          if (isEdit && !Object.keys(call.form ?? {}).some((k) => k.startsWith("image"))) {
            return err(400, null, "Missing required parameter: 'image'.");
          }
          const n = Number(b?.n ?? 1);
          if (model === "dall-e-3" && n !== 1)
            return err(400, "invalid_value", "dall-e-3 supports n=1 only.");
          const f = t.takeFailure("submit", ALL_FAIL_MODES, prompt);
          if (f === "refuse") {
            return err(
              400,
              "content_policy_violation",
              "Your request was rejected as a result of our safety system.",
            );
          }
          if (f === "quota") {
            return err(
              429,
              "insufficient_quota",
              "You exceeded your current quota, please check your plan and billing details.",
              "insufficient_quota",
            );
          }
          if (f && HTTP_FAIL_MODES.includes(f)) return t.httpFailure(f);
          const useUrl = model === "dall-e-3" && b?.response_format === "url";
          const data = Array.from({ length: n }, () =>
            useUrl
              ? { url: t.addFile("png", { expired: f === "expired" }), revised_prompt: prompt }
              : { b64_json: t.png().toString("base64") },
          );
          return { json: { created: Math.floor(Date.now() / 1000), data } };
        }
        return err(404, null, `Invalid URL (${call.method} ${call.path})`);
      },
    },
    opts,
  );
}
