// One conformance suite for both BlobStore implementations: local disk, and S3 through the real
// @aws-sdk/client-s3 against an S3-compatible server on loopback (s3rver).
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { text } from "node:stream/consumers";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseEnv } from "@/lib/config/env";
import { startS3, type TestS3 } from "@/test/helpers/s3";
import { BlobNotFoundError, type BlobStore, createBlobStore } from "./blob-store";
import { storageConfig as fromEnv } from "./storage-config";

/** the storage config of a raw set of variables, validated like process.env at start-up */
const storageConfig = (raw: Record<string, string>) => fromEnv(parseEnv(raw));

let s3: TestS3;
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "pixel-blobs-"));

beforeAll(async () => {
  s3 = await startS3("pixel-blob-test");
});
afterAll(async () => {
  await s3?.close();
  fs.rmSync(tmp, { recursive: true, force: true });
});

const stores: [string, () => BlobStore][] = [
  ["file", () => createBlobStore(storageConfig({ STORAGE_URL: `file:${tmp}` }))],
  ["s3", () => createBlobStore(storageConfig(s3.env("studio/v1")))],
];

describe.each(stores)("%s BlobStore", (kind, make) => {
  it("puts, gets, streams and checks existence", async () => {
    const store = make();
    expect(store.kind).toBe(kind);
    await store.check();
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 1, 2, 3, 255]);
    await store.put("tasks/1/image-0.png", png, "image/png");
    expect(await store.get("tasks/1/image-0.png")).toEqual(png);
    expect(await store.exists("tasks/1/image-0.png")).toBe(true);
    expect(await store.exists("tasks/1/image-9.png")).toBe(false);
    await store.put("tasks/1/meta.json", Buffer.from('{"a":1}'), "application/json");
    expect(await text(await store.stream("tasks/1/meta.json"))).toBe('{"a":1}');
    // overwrite replaces the bytes
    await store.put("tasks/1/meta.json", Buffer.from('{"a":2}'));
    expect((await store.get("tasks/1/meta.json")).toString()).toBe('{"a":2}');
  });

  it("throws BlobNotFoundError for a missing key from get and stream", async () => {
    const store = make();
    await expect(store.get("tasks/404/image-0.png")).rejects.toBeInstanceOf(BlobNotFoundError);
    await expect(store.stream("tasks/404/image-0.png")).rejects.toBeInstanceOf(BlobNotFoundError);
  });

  it("deletes a prefix and nothing else (not tasks/20 for tasks/2)", async () => {
    const store = make();
    for (const key of ["tasks/2/a.png", "tasks/2/b.png", "tasks/20/a.png"]) {
      await store.put(key, Buffer.from(key));
    }
    await store.deletePrefix("tasks/2");
    expect(await store.exists("tasks/2/a.png")).toBe(false);
    expect(await store.exists("tasks/2/b.png")).toBe(false);
    expect((await store.get("tasks/20/a.png")).toString()).toBe("tasks/20/a.png");
    await store.deletePrefix("tasks/999"); // nothing there: no error
  });

  it("deletes one key and nothing beside it", async () => {
    const store = make();
    for (const key of ["uploads/u1/a.png", "uploads/u1/a.png.bak"]) {
      await store.put(key, Buffer.from(key));
    }
    await store.delete("uploads/u1/a.png");
    expect(await store.exists("uploads/u1/a.png")).toBe(false);
    expect(await store.exists("uploads/u1/a.png.bak")).toBe(true);
    await store.delete("uploads/u1/a.png"); // nothing there: no error
    await expect(store.delete("../x")).rejects.toThrow(/unsafe storage key/);
  });

  it("refuses keys that would escape the root or prefix", async () => {
    const store = make();
    for (const key of ["../x", "/etc/passwd", "tasks/../../x", "a\\b", ""]) {
      await expect(store.put(key, Buffer.from("x"))).rejects.toThrow(/unsafe storage key/);
    }
  });
});

describe("S3 layout and start-up checks", () => {
  it("stores objects under the URL's prefix in the bucket", async () => {
    const store = createBlobStore(storageConfig(s3.env("team-a/pixels")));
    await store.put("tasks/7/image-0.png", Buffer.from("seven"));
    const res = await fetch(`${s3.endpoint}/${s3.bucket}/team-a/pixels/tasks/7/image-0.png`);
    // s3rver answers unsigned reads of existing objects; a wrong layout would be a 404
    expect(res.status).not.toBe(404);
  });

  it("names STORAGE_URL when the bucket does not exist", async () => {
    const store = createBlobStore(
      storageConfig({ ...s3.env(), STORAGE_URL: "s3://no-such-bucket/x" }),
    );
    await expect(store.check()).rejects.toThrow(
      /^STORAGE_URL: bucket "no-such-bucket" does not exist/,
    );
  });

  it("names S3_ENDPOINT when nothing answers there", async () => {
    const store = createBlobStore(
      storageConfig({ ...s3.env(), S3_ENDPOINT: "http://127.0.0.1:9" }),
    );
    await expect(store.check()).rejects.toThrow(/S3_ENDPOINT/);
  });
});

describe("storageConfig", () => {
  it("defaults to files under DATA_DIR, as before STORAGE_URL existed", () => {
    expect(storageConfig({ DATA_DIR: "/srv/pixel" })).toEqual({
      kind: "file",
      root: "/srv/pixel/files",
    });
    expect(storageConfig({ STORAGE_URL: "file:/var/pixels" })).toEqual({
      kind: "file",
      root: "/var/pixels",
    });
  });

  it("parses s3://bucket/prefix and the S3_* variables", () => {
    expect(
      storageConfig({
        STORAGE_URL: "s3://my.bucket-1/a/b/",
        S3_ENDPOINT: "https://minio.internal:9000",
        S3_REGION: "auto",
        S3_ACCESS_KEY_ID: "id",
        S3_SECRET_ACCESS_KEY: "secret",
        S3_FORCE_PATH_STYLE: "true",
      }),
    ).toEqual({
      kind: "s3",
      bucket: "my.bucket-1",
      prefix: "a/b",
      endpoint: "https://minio.internal:9000",
      region: "auto",
      forcePathStyle: true,
      credentials: { accessKeyId: "id", secretAccessKey: "secret" },
    });
    expect(storageConfig({ STORAGE_URL: "s3://bucket" })).toMatchObject({
      prefix: "",
      region: "us-east-1",
      forcePathStyle: false,
      credentials: undefined,
    });
  });

  it.each([
    [
      { STORAGE_URL: "ftp://x/y" },
      /^STORAGE_URL: expected file:<directory> or s3:\/\/bucket\/prefix/,
    ],
    [{ STORAGE_URL: "s3://" }, /^STORAGE_URL: "" is not a valid bucket name/],
    [{ STORAGE_URL: "s3://Upper_Case/x" }, /^STORAGE_URL: "Upper_Case" is not a valid bucket/],
    [{ STORAGE_URL: "s3://bucket/a/../b" }, /^STORAGE_URL: prefix segment "\.\."/],
    [{ STORAGE_URL: "file:" }, /^STORAGE_URL: expected file:<directory>/],
    [
      { STORAGE_URL: "s3://bucket", S3_ENDPOINT: "minio:9000" },
      /^S3_ENDPOINT: must be an http\(s\) URL/,
    ],
    [{ STORAGE_URL: "s3://bucket", S3_ACCESS_KEY_ID: "id" }, /^S3_SECRET_ACCESS_KEY: set both/],
    [
      { STORAGE_URL: "s3://bucket", S3_FORCE_PATH_STYLE: "maybe" },
      /S3_FORCE_PATH_STYLE must be one of/,
    ],
  ])("rejects %o naming the variable", (env, message) => {
    expect(() => storageConfig(env)).toThrow(message);
  });
});
