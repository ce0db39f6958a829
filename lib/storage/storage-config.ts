// What STORAGE_URL and the S3_* variables (declared in lib/config/env.ts) mean: which store,
// which bucket and prefix. Checked at start-up; every message names the variable to fix.
import path from "node:path";
import { type Env, getEnv } from "@/lib/config/env";
import { dataDir } from "@/lib/config/paths";

/** A start-up configuration mistake; the message names the variable to fix. */
export class StorageConfigError extends Error {
  constructor(
    readonly variable: string,
    message: string,
  ) {
    super(`${variable}: ${message}`);
    this.name = "StorageConfigError";
  }
}

export type StorageConfig =
  | { kind: "file"; root: string }
  | {
      kind: "s3";
      bucket: string;
      /** key prefix without leading/trailing slash; "" for the bucket root */
      prefix: string;
      endpoint?: string;
      region: string;
      forcePathStyle: boolean;
      credentials?: { accessKeyId: string; secretAccessKey: string };
    };

// AWS bucket naming rules (3–63 characters of lowercase letters, digits, dots and hyphens,
// starting and ending with a letter or digit), which MinIO and R2 share.
const BUCKET = /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;
const PREFIX_SEGMENT = /^[A-Za-z0-9._-]+$/;

type StorageEnv = Pick<
  Env,
  | "DATA_DIR"
  | "STORAGE_URL"
  | "S3_ENDPOINT"
  | "S3_REGION"
  | "S3_ACCESS_KEY_ID"
  | "S3_SECRET_ACCESS_KEY"
  | "S3_FORCE_PATH_STYLE"
>;

export function storageConfig(env: StorageEnv = getEnv()): StorageConfig {
  const url = env.STORAGE_URL;
  // Unset: today's behaviour, files under the data directory (DATA_DIR, default data/).
  if (!url) return { kind: "file", root: path.join(dataDir(env as Env), "files") };

  if (url.startsWith("file:")) {
    const rest = url.slice("file:".length).replace(/^\/\/(?=\/)/, "");
    if (!rest || rest.includes("\0")) {
      throw new StorageConfigError("STORAGE_URL", `expected file:<directory>, got "${url}"`);
    }
    return { kind: "file", root: path.resolve(/*turbopackIgnore: true*/ process.cwd(), rest) };
  }

  if (url.startsWith("s3://")) {
    const [bucket = "", ...segments] = url.slice("s3://".length).split("/");
    if (!BUCKET.test(bucket) || bucket.includes("..")) {
      throw new StorageConfigError(
        "STORAGE_URL",
        `"${bucket}" is not a valid bucket name (3–63 lowercase letters, digits, dots, hyphens); expected s3://bucket/prefix`,
      );
    }
    const parts = segments.filter((s) => s !== "");
    for (const p of parts) {
      if (!PREFIX_SEGMENT.test(p) || p === "." || p === "..") {
        throw new StorageConfigError(
          "STORAGE_URL",
          `prefix segment "${p}" may only hold letters, digits, ".", "_" and "-"`,
        );
      }
    }
    const endpoint = env.S3_ENDPOINT;
    if (endpoint) {
      let parsed: URL | undefined;
      try {
        parsed = new URL(endpoint);
      } catch {
        parsed = undefined;
      }
      if (!parsed || !/^https?:$/.test(parsed.protocol)) {
        throw new StorageConfigError(
          "S3_ENDPOINT",
          `must be an http(s) URL such as https://s3.example.com, got "${endpoint}"`,
        );
      }
    }
    const accessKeyId = env.S3_ACCESS_KEY_ID;
    const secretAccessKey = env.S3_SECRET_ACCESS_KEY;
    if (Boolean(accessKeyId) !== Boolean(secretAccessKey)) {
      throw new StorageConfigError(
        accessKeyId ? "S3_SECRET_ACCESS_KEY" : "S3_ACCESS_KEY_ID",
        "set both S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY, or neither (then the AWS default credential chain applies)",
      );
    }
    return {
      kind: "s3",
      bucket,
      prefix: parts.join("/"),
      endpoint,
      // R2 documents region "auto"; MinIO and most others accept us-east-1.
      region: env.S3_REGION ?? "us-east-1",
      // MinIO and s3rver need path-style (http://host/bucket/key); AWS prefers virtual-hosted.
      forcePathStyle: env.S3_FORCE_PATH_STYLE ?? false,
      credentials: accessKeyId && secretAccessKey ? { accessKeyId, secretAccessKey } : undefined,
    };
  }

  throw new StorageConfigError(
    "STORAGE_URL",
    `expected file:<directory> or s3://bucket/prefix, got "${url}"`,
  );
}
