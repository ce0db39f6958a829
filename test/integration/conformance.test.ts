// The response checker the integration suite runs under (test/helpers/conformance-setup.ts)
// catches what it is meant to catch, and the document lists what the handlers answer.
import { describe, expect, it } from "vitest";
import { operations } from "@/app/api/v1/openapi.json/operations";
import { buildOpenApiDocument } from "@/lib/api/openapi";
import { createChecker } from "../helpers/conformance";

const doc = buildOpenApiDocument(operations, undefined, {
  models: [{ id: "local/pixel-sprite", type: "image" }],
}) as unknown as Record<string, unknown>;
const base = "http://127.0.0.1:1";
const task = {
  id: 1,
  prompt: "cat",
  status: "completed",
  image_path: "/static/gallery/1.png",
  error_msg: "",
  batch_id: null,
  created_at: "2026-01-27T12:00:00Z",
  updated_at: "2026-01-27T12:00:30Z",
  model: "local/pixel-sprite",
  type: "image",
  mode: "random",
  seed: 1,
  scale: 20,
  background: "transparent",
  palette: null,
  starred: false,
  width: 640,
  height: 640,
  source_task_id: null,
  email_status: null,
  started_at: null,
  completed_at: null,
  interpretation: null,
};
const list = {
  tasks: [task],
  total: 1,
  page: 1,
  page_size: 20,
  base64_limited: false,
  next_cursor: null,
};
const json = "application/json";

describe("response conformance checker", () => {
  it("accepts a documented answer", () => {
    const c = createChecker(doc);
    c.check("GET", `${base}/api/v1/tasks?page=1`, 200, json, JSON.stringify(list));
    c.check("GET", `${base}/api/v1/tasks`, 401, json, JSON.stringify({ error: "x", details: "y" }));
    c.check("POST", `${base}/api/v1/tasks/archive`, 200, "application/zip", "");
    c.check(
      "GET",
      `${base}/api/v1/tasks/task_1`,
      404,
      json,
      '{"code":"404","message":"m","request_id":"req_1"}',
    );
    expect(c.violations).toEqual([]);
    expect(c.checked).toBe(4);
  });

  it("reports an unlisted status, an undocumented field, a wrong type and an unknown route", () => {
    const c = createChecker(doc);
    c.check("GET", `${base}/api/v1/tasks`, 418, json, "{}");
    c.check("GET", `${base}/api/v1/tasks`, 200, json, JSON.stringify({ ...list, surprise: 1 }));
    c.check("GET", `${base}/api/v1/tasks`, 200, json, JSON.stringify({ ...list, total: "1" }));
    c.check("GET", `${base}/api/v1/nowhere`, 200, json, "{}");
    c.check("GET", `${base}/api/v1/tasks`, 400, json, JSON.stringify({ message: "wrong family" }));
    expect(c.violations.map((v) => v.problem)).toEqual([
      expect.stringContaining("status 418 not listed"),
      expect.stringContaining("does not match"),
      expect.stringContaining("does not match"),
      "operation not in the document",
      expect.stringContaining("does not match"),
    ]);
  });

  it("states the limits and statuses the server enforces", () => {
    const paths = doc.paths as Record<
      string,
      Record<
        string,
        {
          responses: object;
          parameters?: { name: string; schema: { pattern?: string } }[];
          requestBody?: {
            content: Record<
              string,
              { schema: { properties: Record<string, { enum?: string[] }> } }
            >;
          };
        }
      >
    >;
    expect(Object.keys(paths["/api/download/{id}"].get.responses)).toContain("403");
    expect(Object.keys(paths["/api/v1/providers"].get.responses)).toContain("403");
    for (const p of ["/api/v1/generate", "/api/v1/batch-generate", "/api/v1/generations/image"]) {
      expect(Object.keys(paths[p].post.responses)).toEqual(
        expect.arrayContaining(["401", "404", "429"]),
      );
      expect(paths[p].post.requestBody?.content[json].schema.properties.model.enum).toEqual([
        "local/pixel-sprite",
      ]);
    }
    const param = (path: string, name: string) =>
      paths[path].get.parameters?.find((q) => q.name === name)?.schema.pattern ?? "";
    const pageSize = new RegExp(param("/api/v1/tasks", "page_size"));
    expect(["1", "20", "100"].every((v) => pageSize.test(v))).toBe(true);
    expect(["0", "101", "1000"].some((v) => pageSize.test(v))).toBe(false);
    expect(new RegExp(param("/api/v1/tasks", "page")).test("0")).toBe(false);
    const fps = new RegExp(param("/api/v1/batch/{id}/animation.gif", "fps"));
    expect(
      ["1", "24"].every((v) => fps.test(v)) && !["0", "25", "99"].some((v) => fps.test(v)),
    ).toBe(true);
  });
});
