// The OpenAPI document covers every route handler under app/ that serves the API.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { operations } from "@/app/api/v1/openapi.json/operations";
import { buildOpenApiDocument } from "@/lib/api/openapi";

function routeFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return routeFiles(full);
    return e.name === "route.ts" ? [full] : [];
  });
}

const root = path.resolve(import.meta.dirname, "..", "..");

describe("OpenAPI document", () => {
  const doc = buildOpenApiDocument(operations, "http://localhost:3000");

  it("is OpenAPI 3.1 with both API families", () => {
    expect(doc.openapi).toBe("3.1.0");
    expect(doc.paths["/api/v1/generate"].post).toBeDefined();
    expect(doc.paths["/api/v1/models"].get).toBeDefined();
  });

  it("documents every method of every API route handler", () => {
    const files = [
      ...routeFiles(path.join(root, "app/api/v1")),
      ...routeFiles(path.join(root, "app/api/download")),
      ...routeFiles(path.join(root, "app/api/health")),
      ...routeFiles(path.join(root, "app/static")),
    ];
    const missing: string[] = [];
    for (const file of files) {
      const rel = path.relative(path.join(root, "app"), path.dirname(file));
      const apiPath = `/${rel.replace(/\[([^\]]+)\]/g, "{$1}")}`.replace(
        "/api/v1/generations/{type}",
        "/api/v1/generations/image",
      );
      const source = fs.readFileSync(file, "utf8");
      for (const method of ["GET", "POST", "PUT", "PATCH", "DELETE"]) {
        if (!new RegExp(`export (const|async function) ${method}\\b`).test(source)) continue;
        if (!doc.paths[apiPath]?.[method.toLowerCase()]) missing.push(`${method} ${apiPath}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it("lists every status of the editor's documents routes", () => {
    const statuses = (p: string, method: string) =>
      Object.keys((doc.paths[p]![method] as { responses: object }).responses).sort();
    const common = ["400", "401", "500", "503"];
    expect(statuses("/api/v1/documents", "post")).toEqual(["201", "404", ...common].sort());
    expect(statuses("/api/v1/documents", "get")).toEqual(["200", ...common].sort());
    expect(statuses("/api/v1/documents/{id}", "get")).toEqual(["200", "404", ...common].sort());
    expect(statuses("/api/v1/documents/{id}", "put")).toEqual(
      ["200", "404", "409", ...common].sort(),
    );
    expect(statuses("/api/v1/documents/{id}/versions", "get")).toEqual(
      ["200", "404", ...common].sort(),
    );
    expect(statuses("/api/v1/documents/{id}/export", "get")).toEqual(
      ["200", "404", ...common].sort(),
    );
  });

  it("carries the validation limits of the zod schemas", () => {
    const body = (
      doc.paths["/api/v1/generate"].post as {
        requestBody: {
          content: {
            "application/json": {
              schema: {
                properties: Record<
                  string,
                  { maximum?: number; maxLength?: number; default?: unknown }
                >;
              };
            };
          };
        };
      }
    ).requestBody.content["application/json"].schema;
    expect(body.properties.scale.maximum).toBe(64);
    expect(body.properties.scale.default).toBe(20);
    expect(body.properties.prompt.maxLength).toBe(2000);
  });

  it("describes every request field and parameter, and gives every body an example", () => {
    const undescribed: string[] = [];
    const withoutExample: string[] = [];
    for (const [p, item] of Object.entries(doc.paths)) {
      for (const [method, raw] of Object.entries(item)) {
        const op = raw as {
          parameters: { name: string; description?: string }[];
          requestBody?: {
            content: {
              "application/json": {
                schema: { properties: Record<string, { description?: string }> };
                example?: unknown;
              };
            };
          };
        };
        for (const param of op.parameters) {
          if (!param.description?.trim()) undescribed.push(`${method} ${p} ${param.name}`);
        }
        const body = op.requestBody?.content["application/json"];
        if (!body) continue;
        if (body.example === undefined) withoutExample.push(`${method} ${p}`);
        for (const [name, prop] of Object.entries(body.schema.properties)) {
          if (!prop.description?.trim()) undescribed.push(`${method} ${p} body.${name}`);
        }
      }
    }
    expect(undescribed).toEqual([]);
    expect(withoutExample).toEqual([]);
  });
});
