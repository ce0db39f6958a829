// BlobStore on an S3-compatible bucket (STORAGE_URL=s3://bucket/prefix): AWS S3, MinIO,
// Cloudflare R2, … through the official @aws-sdk/client-s3.
import type { Readable } from "node:stream";
import {
  DeleteObjectCommand,
  DeleteObjectsCommand,
  GetObjectCommand,
  HeadBucketCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  S3Client,
  S3ServiceException,
} from "@aws-sdk/client-s3";
import { BlobNotFoundError, type BlobStore, safeKey } from "./blob";
import { type StorageConfig, StorageConfigError } from "./storage-config";

type S3Config = Extract<StorageConfig, { kind: "s3" }>;

function statusOf(error: unknown): number | undefined {
  return error instanceof S3ServiceException
    ? error.$metadata?.httpStatusCode
    : (error as { $metadata?: { httpStatusCode?: number } })?.$metadata?.httpStatusCode;
}

function isNotFound(error: unknown): boolean {
  const name = (error as { name?: string })?.name;
  return name === "NoSuchKey" || name === "NotFound" || statusOf(error) === 404;
}

export class S3Store implements BlobStore {
  readonly kind = "s3" as const;
  private readonly client: S3Client;
  private readonly bucket: string;
  private readonly prefix: string;

  constructor(
    private readonly config: S3Config,
    client?: S3Client,
  ) {
    this.bucket = config.bucket;
    this.prefix = config.prefix ? `${config.prefix}/` : "";
    this.client =
      client ??
      new S3Client({
        endpoint: config.endpoint,
        region: config.region,
        forcePathStyle: config.forcePathStyle,
        credentials: config.credentials,
        // Since 3.729 the SDK adds CRC32 checksums to every upload by default; several
        // S3-compatible servers reject or mishandle them. "WHEN_REQUIRED" sends checksums only
        // where the S3 API demands one (DeleteObjects), as the SDK did before.
        requestChecksumCalculation: "WHEN_REQUIRED",
        responseChecksumValidation: "WHEN_REQUIRED",
        // Fail fast when the endpoint is down (health checks, requests) instead of hanging.
        requestHandler: { connectionTimeout: 3_000, requestTimeout: 30_000 },
      });
  }

  private objectKey(key: string): string {
    return `${this.prefix}${safeKey(key)}`;
  }

  async put(key: string, data: Buffer, contentType?: string): Promise<void> {
    // A PUT replaces the object atomically: readers see the old or the new bytes, never half.
    await this.client.send(
      new PutObjectCommand({
        Bucket: this.bucket,
        Key: this.objectKey(key),
        Body: data,
        ContentLength: data.length,
        ContentType: contentType ?? "application/octet-stream",
      }),
    );
  }

  private async getObject(key: string) {
    try {
      return await this.client.send(
        new GetObjectCommand({ Bucket: this.bucket, Key: this.objectKey(key) }),
      );
    } catch (error) {
      if (isNotFound(error)) throw new BlobNotFoundError(key);
      throw error;
    }
  }

  async get(key: string): Promise<Buffer> {
    const res = await this.getObject(key);
    if (!res.Body) throw new BlobNotFoundError(key);
    return Buffer.from(await res.Body.transformToByteArray());
  }

  async stream(key: string): Promise<Readable> {
    const res = await this.getObject(key);
    if (!res.Body) throw new BlobNotFoundError(key);
    // In Node the SDK's body is the http.IncomingMessage itself, a Readable.
    return res.Body as Readable;
  }

  async exists(key: string): Promise<boolean> {
    try {
      await this.client.send(
        new HeadObjectCommand({ Bucket: this.bucket, Key: this.objectKey(key) }),
      );
      return true;
    } catch (error) {
      if (isNotFound(error)) return false;
      throw error;
    }
  }

  async delete(key: string): Promise<void> {
    // DeleteObject succeeds on a key that does not exist (S3 API Reference: "If there isn't a
    // null version, Amazon S3 does not remove any objects but will still respond that the
    // command was successful").
    await this.client.send(
      new DeleteObjectCommand({ Bucket: this.bucket, Key: this.objectKey(key) }),
    );
  }

  async deletePrefix(prefix: string): Promise<void> {
    const listPrefix = `${this.objectKey(prefix)}/`;
    let token: string | undefined;
    do {
      // ListObjectsV2 "returns some or all (up to 1,000) of the objects in a bucket" per call,
      // and DeleteObjects takes "up to 1,000 keys" (AWS S3 API Reference): one delete per page.
      const page = await this.client.send(
        new ListObjectsV2Command({
          Bucket: this.bucket,
          Prefix: listPrefix,
          ContinuationToken: token,
        }),
      );
      const keys = (page.Contents ?? []).flatMap((o) => (o.Key ? [{ Key: o.Key }] : []));
      if (keys.length) {
        const res = await this.client.send(
          new DeleteObjectsCommand({
            Bucket: this.bucket,
            Delete: { Objects: keys, Quiet: true },
          }),
        );
        const failed = res.Errors?.filter((e) => e.Code !== "NoSuchKey") ?? [];
        if (failed.length) {
          throw new Error(
            `S3 delete under ${listPrefix} failed for ${failed.length} objects: ${failed[0].Code} ${failed[0].Message ?? ""}`,
          );
        }
      }
      token = page.IsTruncated ? page.NextContinuationToken : undefined;
    } while (token);
  }

  async check(): Promise<void> {
    const where = `${this.config.endpoint ?? "AWS S3"} (region ${this.config.region})`;
    try {
      await this.client.send(new HeadBucketCommand({ Bucket: this.bucket }));
    } catch (error) {
      const status = statusOf(error);
      if (status === 404) {
        throw new StorageConfigError(
          "STORAGE_URL",
          `bucket "${this.bucket}" does not exist at ${where}; create it first`,
        );
      }
      if (status === 403) {
        throw new StorageConfigError(
          "S3_ACCESS_KEY_ID",
          `access to bucket "${this.bucket}" at ${where} was denied; check S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY`,
        );
      }
      if (status === 301) {
        throw new StorageConfigError(
          "S3_REGION",
          `bucket "${this.bucket}" lives in another region than ${this.config.region}`,
        );
      }
      const reason = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
      throw new Error(`Storage at ${where} is unreachable (S3_ENDPOINT): ${reason}`);
    }
  }
}
