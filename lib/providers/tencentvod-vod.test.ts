// Tencent through the shared conformance suite with the status URL answering in the
// vod shape (see tencentvod.ts for the three documented shapes we accept).
import { adapterConformance } from "@/test/fakes/adapter-conformance";
import { startTencentvodFake } from "@/test/fakes/tencentvod-fake";
import { tencentvodAdapter as adapter } from "./tencentvod";

const KEY = "test-tencentvod-key";
const env = (b: string) => ({ TENCENTVOD_API_KEY: KEY, TENCENTVOD_BASE_URL: b });

adapterConformance({
  adapter,
  start: () => startTencentvodFake({ apiKey: KEY, shape: "vod" }),
  env,
  badEnv: (b) => ({ ...env(b), TENCENTVOD_API_KEY: "wrong" }),
  request: { type: "image", modelKey: "gem-3.0", prompt: "pixel castle" },
  outputKinds: ["image"],
  urlOutputs: true,
  baseUrlVar: "TENCENTVOD_BASE_URL",
  failures: [
    ["401", "auth"],
    ["429", "rate_limit"],
    ["500", "server"],
    ["hang", "timeout"],
    ["trickle", "timeout"],
    ["malformed", "malformed"],
    ["refuse", "content_refused"],
    ["job_failed", "failed"],
    ["expired", "expired"],
    ["quota", "quota"],
  ],
});
