import { describe, expect, it } from "vitest";
import { MODEL_TYPES } from "@/lib/vocabulary";
import {
  adapters,
  defaultModel,
  defaultModelProblem,
  findModel,
  getAdapter,
  listModels,
  listProviders,
  ModelIdError,
  modelNotFoundMessage,
  parseModelId,
  providerConfig,
} from "./registry";
import type { EnvLike } from "./types";

const ALL_KEYS: EnvLike = {
  DASHSCOPE_API_KEY: "k",
  QWEN2512_API_KEY: "k",
  MODELSCOPE_API_KEY: "k",
  OPENAI_API_KEY: "k",
  TENCENTVOD_API_KEY: "k",
  HDREDRAW_BASE_URL: "http://hd.example",
  HDREDRAW_USER_KEY: "k",
  VOLCENGINE_APP_ID: "a",
  VOLCENGINE_ACCESS_TOKEN: "t",
};

const defaults = (env: EnvLike) =>
  Object.fromEntries(
    listModels(env)
      .filter((m) => m.is_default)
      .map((m) => [m.type, m.id]),
  );

describe("parseModelId", () => {
  it("accepts provider/model_key", () => {
    expect(parseModelId("dashscope/qwen-image")).toEqual({
      provider: "dashscope",
      modelKey: "qwen-image",
    });
    expect(parseModelId("dashscope/wan2.6-video")).toEqual({
      provider: "dashscope",
      modelKey: "wan2.6-video",
    });
  });

  it.each(["qwen-image", "a/b/c", "/x", "x/", "/", "", "dashscope//qwen-image"])(
    "rejects %j",
    (id) => {
      expect(() => parseModelId(id)).toThrow(ModelIdError);
    },
  );

  it("uses the documented error text", () => {
    expect(() => parseModelId("qwen-image")).toThrow(
      "Model must be in format 'provider/model_key', got: 'qwen-image'. Example: 'dashscope/qwen-image'",
    );
    expect(modelNotFoundMessage("invalid/model")).toBe(
      "Model 'invalid/model' not found. Available models can be fetched from /api/v1/models",
    );
  });
});

describe("listModels", () => {
  it("every model id is provider/model_key of its adapter, and unique", () => {
    const ids = new Set<string>();
    for (const a of Object.values(adapters)) {
      for (const m of a.models) {
        expect(m.id).toBe(`${a.id}/${m.model_key}`);
        expect(m.provider).toBe(a.id);
        expect(ids.has(m.id)).toBe(false);
        ids.add(m.id);
      }
    }
    for (const id of [
      "dashscope/qwen-image",
      "dashscope/wan2.6-video",
      "dashscope/qwen-plus",
      "modelscope/qwen-image",
      "volcengine/doubao-tts",
      "qwen2512/qwen-image-2512",
      "tencentvod/gem-2.5",
      "tencentvod/gem-3.0",
      "tencentvod/qwen-0925",
      "tencentvod/hunyuan-3.0",
      "hdredraw/upscale",
      "hdredraw/vectorize",
      "hdredraw/face-enhance",
      "hdredraw/seamless",
      "openai/gpt-image-1",
      "openai/dall-e-3",
      "local/pixel-sprite",
      "local/sfx",
      "local/upscale",
      "local/seamless",
      "local/vectorize",
      "local/pixelize",
    ]) {
      expect(ids.has(id), id).toBe(true);
    }
  });

  it("with no keys only local/* is enabled and local/pixel-sprite is the image default", () => {
    const models = listModels({});
    for (const m of models) expect([m.id, m.enabled]).toEqual([m.id, m.provider === "local"]);
    expect(defaults({}).image).toBe("local/pixel-sprite");
    // with no provider configured, audio still has an offline answer
    expect(defaults({}).audio).toBe("local/sfx");
    expect(findModel("dashscope/qwen-image", {})?.missing_env).toEqual(["DASHSCOPE_API_KEY"]);
    expect(findModel("local/pixel-sprite", {})?.missing_env).toEqual([]);
  });

  it("has exactly one default per type, whatever is configured", () => {
    const envs: EnvLike[] = [{}, ALL_KEYS, { OPENAI_API_KEY: "k" }, { VOLCENGINE_APP_ID: "a" }];
    for (const env of envs) {
      const models = listModels(env);
      for (const type of MODEL_TYPES) {
        const ofType = models.filter((m) => m.type === type);
        if (ofType.length)
          expect(
            ofType.filter((m) => m.is_default),
            `${type}`,
          ).toHaveLength(1);
      }
    }
  });

  it("keeps the offline engine the default when paid providers are configured (docs/qt-pixel-api.md)", () => {
    expect(defaults(ALL_KEYS)).toEqual({
      image: "local/pixel-sprite",
      video: "dashscope/wan2.6-video",
      audio: "local/sfx",
      llm: "dashscope/qwen-plus",
      operation: "local/pixelize",
    });
    expect(defaults({ OPENAI_API_KEY: "k" }).image).toBe("local/pixel-sprite");
    expect(defaultModel("image", { MODELSCOPE_API_KEY: "k" })?.id).toBe("local/pixel-sprite");
    expect(
      defaultModel("audio", { VOLCENGINE_APP_ID: "a", VOLCENGINE_ACCESS_TOKEN: "t" })?.id,
    ).toBe("local/sfx");
  });

  it("an admin's DEFAULT_MODEL picks the default of each type it names", () => {
    const env = {
      ...ALL_KEYS,
      DEFAULT_MODEL: "qwen2512/qwen-image-2512, volcengine/doubao-tts",
    };
    expect(defaults(env)).toMatchObject({
      image: "qwen2512/qwen-image-2512",
      audio: "volcengine/doubao-tts",
      operation: "local/pixelize",
    });
    expect(defaultModelProblem(env)).toBeUndefined();
    // a model that is not configured, unknown, or two of one type: start-up names the variable
    expect(defaultModelProblem({ DEFAULT_MODEL: "dashscope/qwen-image" })).toMatch(
      /^DEFAULT_MODEL: 'dashscope\/qwen-image' is disabled.*DASHSCOPE_API_KEY/,
    );
    expect(defaults({ DEFAULT_MODEL: "dashscope/qwen-image" }).image).toBe("local/pixel-sprite");
    expect(defaultModelProblem({ DEFAULT_MODEL: "nope/nothing" })).toMatch(/not a model/);
    expect(
      defaultModelProblem({ ...ALL_KEYS, DEFAULT_MODEL: "openai/dall-e-3,dashscope/qwen-image" }),
    ).toMatch(/more than one image model/);
  });

  it("enabled follows env: every required var, non-blank", () => {
    expect(findModel("volcengine/doubao-tts", { VOLCENGINE_APP_ID: "a" })?.enabled).toBe(false);
    expect(findModel("volcengine/doubao-tts", { VOLCENGINE_APP_ID: "a" })?.missing_env).toEqual([
      "VOLCENGINE_ACCESS_TOKEN",
    ]);
    expect(
      findModel("volcengine/doubao-tts", { VOLCENGINE_APP_ID: "a", VOLCENGINE_ACCESS_TOKEN: "t" })
        ?.enabled,
    ).toBe(true);
    expect(findModel("openai/dall-e-3", { OPENAI_API_KEY: "   " })?.enabled).toBe(false);
    expect(findModel("hdredraw/upscale", { HDREDRAW_USER_KEY: "k" })?.missing_env).toEqual([
      "HDREDRAW_BASE_URL",
    ]);
  });
});

describe("findModel / getAdapter / providerConfig / listProviders", () => {
  it("finds exact ids only — no fuzzy matching", () => {
    expect(findModel("dashscope/qwen-image", {})?.name).toBe("Qwen Image");
    expect(findModel("dashscope/Qwen-Image", {})).toBeUndefined();
    expect(findModel("dashscope/qwen", {})).toBeUndefined();
    expect(findModel("invalid/model", {})).toBeUndefined();
    expect(() => findModel("qwen-image", {})).toThrow(ModelIdError);
  });

  it("getAdapter throws on unknown providers", () => {
    expect(getAdapter("dashscope").id).toBe("dashscope");
    expect(() => getAdapter("nope")).toThrow(/Unknown provider 'nope'/);
    expect(() => getAdapter("__proto__")).toThrow();
  });

  it("providerConfig reads base URL, timeout and concurrency from env", () => {
    expect(providerConfig("dashscope", {})).toBeUndefined();
    const c = providerConfig("dashscope", {
      DASHSCOPE_API_KEY: "k",
      PROVIDER_TIMEOUT_MS: "1500",
      DASHSCOPE_CONCURRENCY: "7",
    });
    expect(c).toMatchObject({
      baseUrl: "https://dashscope.aliyuncs.com",
      apiKey: "k",
      timeoutMs: 1500,
      concurrency: 7,
    });
    const d = providerConfig("openai", {
      OPENAI_API_KEY: "k",
      OPENAI_BASE_URL: "http://127.0.0.1:1234/",
    });
    expect(d).toMatchObject({
      baseUrl: "http://127.0.0.1:1234",
      timeoutMs: 60_000,
      concurrency: 2,
    });
    expect(providerConfig("local", {})).toBeDefined();
  });

  it("listProviders summarises configuration without leaking secrets", () => {
    const list = listProviders({ OPENAI_API_KEY: "sk-secret-value" });
    expect(list.map((p) => p.id)).toEqual(Object.keys(adapters));
    const openai = list.find((p) => p.id === "openai")!;
    expect(openai).toMatchObject({
      configured: true,
      missing_env: [],
      base_url: "https://api.openai.com",
    });
    expect(openai.models.find((m) => m.id === "openai/gpt-image-1")?.is_default).toBe(false);
    expect(list.find((p) => p.id === "dashscope")).toMatchObject({
      configured: false,
      missing_env: ["DASHSCOPE_API_KEY"],
    });
    expect(list.find((p) => p.id === "local")?.configured).toBe(true);
    expect(JSON.stringify(list)).not.toContain("sk-secret-value");
  });
});

describe("the registry's reading of an env object", () => {
  it("reads an env object's variables once, and another object's again", () => {
    let reads = 0;
    const counted = (vars: EnvLike) =>
      new Proxy(vars, {
        get(target, name) {
          reads++;
          return target[name as string];
        },
      });
    const env = counted({ OPENAI_API_KEY: "k" });
    expect(findModel("openai/dall-e-3", env)?.enabled).toBe(true);
    expect(reads).toBeGreaterThan(0);
    reads = 0;
    expect(findModel("openai/dall-e-3", env)?.enabled).toBe(true);
    expect(findModel("local/pixel-sprite", env)?.enabled).toBe(true);
    expect(reads).toBe(0);
    // another object, another configuration
    expect(findModel("openai/dall-e-3", counted({}))?.enabled).toBe(false);
    expect(reads).toBeGreaterThan(0);
    expect(findModel("openai/dall-e-3", env)?.enabled).toBe(true);
  });
});
