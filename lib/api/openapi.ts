// Builds the OpenAPI 3.1 document from the same zod schemas that validate requests, so the
// documentation cannot drift from what the handlers accept. OpenAPI 3.1 uses JSON Schema
// 2020-12, which is what zod emits.
import { z } from "zod";
import type { ModelType } from "@/lib/vocabulary";

export type ApiFamilyTag = "QT Pixel API" | "Pixel backend API" | "Studio extensions" | "Account";

export interface OperationSpec {
  method: "get" | "post" | "put" | "patch" | "delete";
  path: string; // OpenAPI style: /api/v1/task/{id}
  tag: ApiFamilyTag;
  summary: string;
  description?: string;
  params?: z.ZodType; // path parameters (object schema)
  query?: z.ZodType; // query parameters (object schema)
  /** request headers the operation reads (If-Match, …) */
  headers?: { name: string; required: boolean; description: string }[];
  body?: z.ZodType;
  /**
   * A request body that succeeds as pasted (a test sends every one to the real server; ids of
   * your own tasks are the only thing a reader changes). Required with `body`.
   */
  bodyExample?: Record<string, unknown>;
  /**
   * The success answer: the zod schema its handler builds the body with (JSON), or a content
   * type for binary answers; an example either way when it helps.
   */
  response: {
    status?: number;
    schema?: z.ZodType;
    example?: unknown;
    /** one media type, or several when the path decides (a file route) */
    contentType?: string | string[];
    description?: string;
  };
  /**
   * Statuses this operation answers besides the ones every operation can (400, 500, 503; 401
   * when authenticated; 404 when the path has a parameter), each with why.
   */
  errors?: Partial<Record<ErrorStatus, string>>;
  /** The `model` field must name a known model of these types (enum in the document). */
  modelTypes?: ModelType[];
  errorShape: "qt" | "pixel";
  auth?: boolean; // default true
  extension?: boolean;
}

export type ErrorStatus = 304 | 403 | 404 | 409 | 429;

function jsonSchema(schema: z.ZodType, io: "input" | "output" = "input"): Record<string, unknown> {
  const { $schema: _ignored, ...rest } = z.toJSONSchema(schema, {
    io,
    unrepresentable: "any",
  }) as Record<string, unknown>;
  return rest;
}

/** The known models, so a `model` field can list them. */
export interface DocumentModels {
  /** acceptsUpload: an operation model the image routes also take (local/pixelize) */
  models: { id: string; type: ModelType; acceptsUpload?: boolean }[];
}

function withModelEnum(
  schema: Record<string, unknown>,
  types: ModelType[] | undefined,
  known: DocumentModels["models"],
): Record<string, unknown> {
  const props = schema.properties as Record<string, Record<string, unknown>> | undefined;
  if (!types || !props?.model) return schema;
  const ids = known
    .filter((m) => types.includes(m.type) || (types.includes("image") && m.acceptsUpload))
    .map((m) => m.id);
  return {
    ...schema,
    properties: {
      ...props,
      model: {
        ...props.model,
        enum: ids,
        description:
          "A model id `provider/model_key` from GET /api/v1/models. A malformed id answers 400, an unknown one 404, a disabled one 400.",
      },
    },
  };
}

function parameters(schema: z.ZodType | undefined, where: "path" | "query") {
  if (!schema) return [];
  const s = jsonSchema(schema) as { properties?: Record<string, unknown>; required?: string[] };
  return Object.entries(s.properties ?? {}).map(([name, prop]) => ({
    name,
    in: where,
    required: where === "path" || (s.required ?? []).includes(name),
    // the zod .describe() text, where OpenAPI readers look for a parameter's meaning
    description: (prop as { description?: string }).description,
    schema: prop,
  }));
}

const RETRY_AFTER = {
  "Retry-After": { description: "Seconds to wait before retrying", schema: { type: "integer" } },
};

const ERROR_SCHEMAS = {
  QtError: {
    type: "object",
    required: ["error"],
    properties: { error: { type: "string" }, details: { type: "string" } },
    example: {
      error: "Invalid request: prompt must not be empty",
      details: "prompt must not be empty",
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

export function buildOpenApiDocument(
  operations: OperationSpec[],
  serverUrl?: string,
  known: DocumentModels = { models: [] },
) {
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
    const success = op.response.schema
      ? {
          schema: jsonSchema(op.response.schema, "output"),
          ...(op.response.example !== undefined ? { example: op.response.example } : {}),
        }
      : op.response.example !== undefined
        ? { example: op.response.example }
        : { schema: { type: "string", format: "binary" } };
    const types = [op.response.contentType ?? "application/json"].flat();
    const responses: Record<string, unknown> = {
      [status]: {
        description: op.response.description ?? "Success",
        content: Object.fromEntries(types.map((t) => [t, success])),
      },
      "400": errorResponse("Invalid parameters (the message names the field)"),
      "500": errorResponse("Server error (with a request id; never a stack trace)"),
      "503": {
        ...errorResponse("A backend (database, queue, storage) cannot be reached; retry shortly"),
        headers: RETRY_AFTER,
      },
    };
    if (op.auth !== false) {
      responses["401"] = errorResponse(
        "Missing, invalid or revoked API key (checked before anything else in the request)",
      );
    }
    if (op.path.includes("{")) responses["404"] = errorResponse("Not found, or not yours");
    for (const [code, why] of Object.entries(op.errors ?? {})) {
      if (code === "304") {
        responses[code] = { description: why };
        continue;
      }
      responses[code] =
        code === "429" ? { ...errorResponse(why), headers: RETRY_AFTER } : errorResponse(why);
    }
    const operation: Record<string, unknown> = {
      tags: [op.tag],
      summary: op.summary,
      description:
        [op.description, op.extension ? "_Studio extension to the contract._" : undefined]
          .filter(Boolean)
          .join("\n\n") || undefined,
      operationId: `${op.method}${op.path.replace(/[^a-zA-Z0-9]+(.)?/g, (_, c: string | undefined) => (c ? c.toUpperCase() : ""))}`,
      parameters: [
        ...parameters(op.params, "path"),
        ...parameters(op.query, "query"),
        ...(op.headers ?? []).map((h) => ({
          name: h.name,
          in: "header",
          required: h.required,
          description: h.description,
          schema: { type: "string" },
        })),
      ],
      responses,
    };
    if (op.body) {
      operation.requestBody = {
        required: true,
        content: {
          "application/json": {
            schema: withModelEnum(jsonSchema(op.body), op.modelTypes, known.models),
            ...(op.bodyExample ? { example: op.bodyExample } : {}),
          },
        },
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
      {
        name: "QT Pixel API",
        description: "Pixel-art generation, batches and sprite modes (docs/qt-pixel-api.md)",
      },
      {
        name: "Pixel backend API",
        description: "Models, generations and tasks (docs/generations-api.md)",
      },
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
