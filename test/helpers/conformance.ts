// Response conformance: every answer the integration suite receives from a test server is checked
// against the OpenAPI document (app/api/v1/openapi.json): the operation must be documented, the
// status listed for it, and a JSON body must match that status's schema. Bodies are validated
// with zod's own JSON Schema interop (z.fromJSONSchema), so no validator dependency is needed.
//
// test/helpers/conformance-setup.ts wraps fetch in every test file; startServer() registers the
// servers whose answers count. Violations fail the test file in an afterAll.
import { z } from "zod";

export interface Violation {
  request: string;
  status: number;
  problem: string;
}

type JsonObject = Record<string, unknown>;

interface Operation {
  path: string;
  matcher: RegExp;
  literal: boolean;
  responses: Record<string, { content?: Record<string, { schema?: unknown }> }>;
}

export interface Checker {
  check(method: string, url: string, status: number, contentType: string, body: string): void;
  violations: Violation[];
  checked: number;
}

/** Inlines `#/components/schemas/...` references so each schema stands alone. */
function deref(schema: unknown, doc: JsonObject, seen = new Set<string>()): unknown {
  if (Array.isArray(schema)) return schema.map((s) => deref(s, doc, seen));
  if (!schema || typeof schema !== "object") return schema;
  const ref = (schema as JsonObject).$ref;
  if (typeof ref === "string" && ref.startsWith("#/")) {
    if (seen.has(ref)) return {};
    const target = ref
      .slice(2)
      .split("/")
      .reduce<unknown>((node, key) => (node as JsonObject | undefined)?.[key], doc);
    return deref(target, doc, new Set([...seen, ref]));
  }
  return Object.fromEntries(
    Object.entries(schema as JsonObject).map(([k, v]) => [k, deref(v, doc, seen)]),
  );
}

export function createChecker(doc: JsonObject): Checker {
  const operations = new Map<string, Operation[]>();
  for (const [path, item] of Object.entries(doc.paths as Record<string, JsonObject>)) {
    for (const [method, op] of Object.entries(item)) {
      const list = operations.get(method) ?? [];
      list.push({
        path,
        matcher: new RegExp(`^${path.replace(/[.]/g, "\\.").replace(/\{[^}]+\}/g, "[^/]+")}$`),
        literal: !path.includes("{"),
        responses: (op as JsonObject).responses as Operation["responses"],
      });
      operations.set(method, list);
    }
  }
  const validators = new Map<string, z.ZodType>();
  const checker: Checker = {
    violations: [],
    checked: 0,
    check(method, url, status, contentType, body) {
      const { pathname } = new URL(url);
      const request = `${method} ${pathname}`;
      const candidates = (operations.get(method.toLowerCase()) ?? []).filter((o) =>
        o.matcher.test(pathname),
      );
      // A literal path (/api/v1/tasks/archive) wins over a template (/api/v1/tasks/{task_id}).
      const op = candidates.find((o) => o.literal) ?? candidates[0];
      checker.checked++;
      const fail = (problem: string) => checker.violations.push({ request, status, problem });
      if (!op) return fail("operation not in the document");
      const response = op.responses[String(status)];
      if (!response) {
        return fail(`status ${status} not listed (has ${Object.keys(op.responses).join(", ")})`);
      }
      if (status === 304 || !response.content) return;
      const type = contentType.split(";")[0].trim();
      const media =
        response.content[type] ??
        response.content[`${type.split("/")[0]}/*`] ??
        response.content["*/*"];
      if (!media) {
        return fail(
          `content type ${type} not listed (has ${Object.keys(response.content).join(", ")})`,
        );
      }
      const binary = (media.schema as JsonObject | undefined)?.format === "binary";
      if (type !== "application/json" || !media.schema || binary) return;
      const key = `${method} ${op.path} ${status}`;
      let validator = validators.get(key);
      if (!validator) {
        validator = z.fromJSONSchema(
          deref(media.schema, doc) as Parameters<typeof z.fromJSONSchema>[0],
        );
        validators.set(key, validator);
      }
      let parsed: unknown;
      try {
        parsed = JSON.parse(body);
      } catch {
        return fail("body is not JSON");
      }
      const result = validator.safeParse(parsed);
      if (!result.success) {
        const issues = result.error.issues
          .slice(0, 3)
          .map((i) => `${i.path.join(".") || "(body)"}: ${i.message}`);
        fail(`body does not match the schema of ${op.path} ${status}: ${issues.join("; ")}`);
      }
    },
  };
  return checker;
}

// ---------------------------------------------------------------------------------------------
// Wiring: which servers count, and the checker built once per test file from the document.

const watched = new Set<string>();
let current: Promise<Checker> | undefined;

/** startServer() calls this: answers from this origin are checked against the document. */
export function watchServer(baseUrl: string): void {
  watched.add(new URL(baseUrl).origin);
}

/** The API the document describes: /api/… (next-auth's own routes aside) and /static/…; pages are not. */
export function isWatched(url: string): boolean {
  try {
    const { origin, pathname } = new URL(url);
    if (!watched.has(origin)) return false;
    if (pathname.startsWith("/api/auth/")) return false;
    return pathname.startsWith("/api/") || pathname.startsWith("/static/");
  } catch {
    return false;
  }
}

/** The document exactly as the server builds it (same operations, same builder). */
export function documentChecker(): Promise<Checker> {
  current ??= (async () => {
    const [{ operations }, { buildOpenApiDocument }] = await Promise.all([
      import("@/app/api/v1/openapi.json/operations"),
      import("@/lib/api/openapi"),
    ]);
    return createChecker(buildOpenApiDocument(operations) as unknown as JsonObject);
  })();
  return current;
}

export function checkerInUse(): Promise<Checker> | undefined {
  return current;
}
