import { afterEach, describe, expect, it } from "vitest";
import { EnvError, getEnv, parseEnv, resetEnvCache } from "./env";

describe("parseEnv", () => {
  it("types values and treats blank as unset", () => {
    const env = parseEnv({
      PORT: "3001",
      ALLOW_SIGNUP: "FALSE",
      PUBLIC_BASE_URL: "https://pixel.example.com//",
      SMTP_HOST: "   ",
      OPENAI_CONCURRENCY: "3",
    });
    expect(env).toMatchObject({
      PORT: 3001,
      ALLOW_SIGNUP: false,
      PUBLIC_BASE_URL: "https://pixel.example.com",
      OPENAI_CONCURRENCY: 3,
    });
    expect(env.SMTP_HOST).toBeUndefined();
    expect(parseEnv({}).RUN_WORKER).toBeUndefined();
  });

  it("names every bad variable and its value", () => {
    let error: unknown;
    try {
      parseEnv({
        SMTP_PORT: "smtp",
        RUN_WORKER: "maybe",
        PUBLIC_BASE_URL: "ftp://x",
        PASSWORD_HASH_COST: "4",
      });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(EnvError);
    const message = (error as EnvError).message;
    for (const name of ["SMTP_PORT", "RUN_WORKER", "PUBLIC_BASE_URL", "PASSWORD_HASH_COST"]) {
      expect(message).toContain(name);
    }
    expect(message).toContain('"smtp"');
    expect((error as EnvError).issues).toHaveLength(4);
  });
});

describe("getEnv", () => {
  const saved = process.env.TASK_MAX_ATTEMPTS;
  afterEach(() => {
    if (saved === undefined) delete process.env.TASK_MAX_ATTEMPTS;
    else process.env.TASK_MAX_ATTEMPTS = saved;
    resetEnvCache();
  });

  it("reads process.env once and again after a reset", () => {
    process.env.TASK_MAX_ATTEMPTS = "7";
    resetEnvCache();
    expect(getEnv().TASK_MAX_ATTEMPTS).toBe(7);
    process.env.TASK_MAX_ATTEMPTS = "9";
    expect(getEnv().TASK_MAX_ATTEMPTS).toBe(7);
    resetEnvCache();
    expect(getEnv().TASK_MAX_ATTEMPTS).toBe(9);
  });
});
