// Builds the OpenAPI 3.1 document from the same zod schemas that validate requests, so the
// documentation cannot drift from what the handlers accept. OpenAPI 3.1 uses JSON Schema
// 2020-12, which is what zod emits.
import { z } from "zod";

export type ApiFamilyTag = "QT Pixel API" | "Pixel backend API" | "Studio extensions" | "Account";

export interface OperationSpec {
  method: "get" | "post" | "patch" | "delete";
  path: string; // OpenAPI style: /api/v1/task/{id}
  tag: ApiFamilyTag;
  summary: string;
  description?: string;
  params?: z.ZodType; // path parameters (object schema)
  query?: z.ZodType; // query parameters (object schema)
  body?: z.ZodType;
  /** example JSON of the success answer, or a content type for binary answers */
  response: { status?: number; example?: unknown; contentType?: string; description?: string };
  errorShape: "qt" | "pixel";
  auth?: boolean; // default true
  extension?: boolean;
}

function jsonSchema(schema: z.ZodType): Record<string, unknown> {
  const { $schema: _ignored, ...rest } = z.toJSONSchema(schema, {
    io: "input",
    unrepresentable: "any",
  }) as Record<string, unknown>;
  return rest;
}

function parameters(schema: z.ZodType | undefined, where: "path" | "query") {
  if (!schema) return [];
  const s = jsonSchema(schema) as { properties?: Record<string, unknown>; required?: string[] };
  return Object.entries(s.properties ?? {}).map(([name, prop]) => ({
    name,
    in: where,
    required: where === "path" || (s.required ?? []).includes(name),
    schema: prop,
  }));
}

const ERROR_SCHEMAS = {
  QtError: {
    type: "object",
    required: ["error"],
    properties: { error: { type: "string" }, details: { type: "string" } },
    example: {
      error: "Invalid request: prompt: prompt must not be empty",
      details: "prompt: prompt must not be empty",
    },
  },
  PixelError: {
    type: "object",
    required: ["code", "message", "request_id"],
    properties: {
      code: { type: "string" },
      message: { type: "string" },
      request_id: { type: "string" },
    },
    example: {
      code: "400",
      message:
        "Model must be in format 'provider/model_key', got: 'qwen-image'. Example: 'dashscope/qwen-image'",
      request_id: "req_3kTq9",
    },
  },
};

export function buildOpenApiDocument(operations: OperationSpec[], serverUrl?: string) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const op of operations) {
    const errorRef = {
      $ref: `#/components/schemas/${op.errorShape === "qt" ? "QtError" : "PixelError"}`,
    };
    const errorResponse = (description: string) => ({
      description,
      content: { "application/json": { schema: errorRef } },
    });
    const status = String(op.response.status ?? 200);
    const responses: Record<string, unknown> = {
      [status]: {
        description: op.response.description ?? "Success",
        content: {
          [op.response.contentType ?? "application/json"]:
            op.response.example !== undefined
              ? { example: op.response.example }
              : { schema: { type: "string", format: "binary" } },
        },
      },
      "400": errorResponse("Invalid parameters (the message names the field)"),
      "500": errorResponse("Server error (with a request id; never a stack trace)"),
    };
    if (op.auth !== false) responses["401"] = errorResponse("Missing, invalid or revoked API key");
    if (op.path.includes("{")) responses["404"] = errorResponse("Not found, or not yours");
    const operation: Record<string, unknown> = {
      tags: [op.tag],
      summary: op.summary,
      description:
        [op.description, op.extension ? "_Studio extension to the contract._" : undefined]
          .filter(Boolean)
          .join("\n\n") || undefined,
      operationId: `${op.method}${op.path.replace(/[^a-zA-Z0-9]+(.)?/g, (_, c: string | undefined) => (c ? c.toUpperCase() : ""))}`,
      parameters: [...parameters(op.params, "path"), ...parameters(op.query, "query")],
      responses,
    };
    if (op.body) {
      operation.requestBody = {
        required: true,
        content: { "application/json": { schema: jsonSchema(op.body) } },
      };
    }
    if (op.auth === false) operation.security = [];
    paths[op.path] ??= {};
    paths[op.path][op.method] = operation;
  }
  return {
    openapi: "3.1.0",
    info: {
      title: "Pixel Studio API",
      version: "1.0.0",
      description:
        "Two API families on one tasks table: the QT Pixel API (pixel-art generation, batches, sprite modes, downloads) and the Pixel backend API (model catalogue with composite ids `provider/model_key`, generations, task status). Authenticate with `Authorization: Bearer gpa_…` or a browser session.",
    },
    servers: serverUrl ? [{ url: serverUrl }] : undefined,
    security: [{ bearerAuth: [] }, { sessionCookie: [] }],
    tags: [
      { name: "QT Pixel API", description: "Seed 000: pixel-art generation, to the letter" },
      { name: "Pixel backend API", description: "Seed 001: models, generations, tasks" },
      {
        name: "Studio extensions",
        description: "What the studio UI needs beyond the contracts; usable by scripts",
      },
      { name: "Account", description: "API keys and identity" },
    ],
    paths,
    components: {
      securitySchemes: {
        bearerAuth: { type: "http", scheme: "bearer", bearerFormat: "gpa_ + 46 base62 characters" },
        sessionCookie: { type: "apiKey", in: "cookie", name: "next-auth.session-token" },
      },
      schemas: ERROR_SCHEMAS,
    },
  };
}
