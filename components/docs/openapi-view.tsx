"use client";

import { useQuery } from "@tanstack/react-query";
import { useEffect, useId, useMemo, useState } from "react";
import { api } from "@/lib/client/api";
import type { MessageKey, Translate } from "@/lib/i18n";
import { summaryFor } from "@/lib/i18n/bilingual";
import { useI18n, useT } from "../i18n-provider";
import { CopyButton, cardClass, ErrorText, inputClass, Loading } from "../ui";
import { Markdown, renderInline } from "./markdown";

// Minimal OpenAPI 3.1 shapes we read.
type Json = Record<string, unknown>;
interface Param {
  name: string;
  in: string;
  required?: boolean;
  description?: string;
  schema?: Json;
  example?: unknown;
}
interface Operation {
  method: string;
  path: string;
  tags: string[];
  summary?: string;
  description?: string;
  operationId?: string;
  parameters: Param[];
  requestBody?: Json;
  responses: Record<string, Json>;
  security?: unknown[];
}

const METHODS = ["get", "post", "put", "patch", "delete"] as const;
const METHOD_CLASS: Record<string, string> = {
  get: "bg-sky-100 text-sky-800 dark:bg-sky-950 dark:text-sky-200",
  post: "bg-emerald-100 text-emerald-800 dark:bg-emerald-950 dark:text-emerald-200",
  put: "bg-amber-100 text-amber-800 dark:bg-amber-950 dark:text-amber-200",
  patch: "bg-amber-100 text-amber-800 dark:bg-amber-950 dark:text-amber-200",
  delete: "bg-red-100 text-red-800 dark:bg-red-950 dark:text-red-200",
};

function resolveRef(spec: Json, value: unknown, depth = 0): Json | undefined {
  if (!value || typeof value !== "object") return undefined;
  const v = value as Json;
  if (typeof v.$ref === "string" && depth < 20) {
    const parts = v.$ref.replace(/^#\//, "").split("/");
    let cur: unknown = spec;
    for (const p of parts)
      cur = (cur as Json | undefined)?.[p.replace(/~1/g, "/").replace(/~0/g, "~")];
    return resolveRef(spec, cur, depth + 1);
  }
  return v;
}

/** A plausible example value from a JSON schema (explicit examples win). */
export function exampleFor(spec: Json, schemaIn: unknown, depth = 0): unknown {
  const schema = resolveRef(spec, schemaIn);
  if (!schema || depth > 6) return null;
  if (schema.example !== undefined) return schema.example;
  if (Array.isArray(schema.examples) && schema.examples.length) return schema.examples[0];
  if (schema.default !== undefined) return schema.default;
  if (schema.const !== undefined) return schema.const;
  if (Array.isArray(schema.enum) && schema.enum.length) return schema.enum[0];
  for (const key of ["oneOf", "anyOf", "allOf"] as const) {
    const list = schema[key];
    if (Array.isArray(list) && list.length) {
      if (key === "allOf") {
        return Object.assign({}, ...list.map((s) => exampleFor(spec, s, depth + 1) as object));
      }
      const nonNull =
        list.find((s) => (resolveRef(spec, s) as Json | undefined)?.type !== "null") ?? list[0];
      return exampleFor(spec, nonNull, depth + 1);
    }
  }
  const type = Array.isArray(schema.type) ? schema.type.find((x) => x !== "null") : schema.type;
  switch (type) {
    case "object": {
      const props = (schema.properties ?? {}) as Record<string, unknown>;
      const out: Json = {};
      for (const [k, v] of Object.entries(props)) out[k] = exampleFor(spec, v, depth + 1);
      return out;
    }
    case "array":
      return [exampleFor(spec, schema.items, depth + 1)];
    case "integer":
    case "number":
      return typeof schema.minimum === "number" ? schema.minimum : 1;
    case "boolean":
      return false;
    case "string":
      return schema.format === "date-time" ? "2026-01-27T12:00:00Z" : "string";
    default:
      return schema.properties ? exampleFor(spec, { ...schema, type: "object" }, depth) : null;
  }
}

function mediaExample(spec: Json, content: unknown): { type: string; example: unknown } | null {
  const c = content as Record<string, Json> | undefined;
  if (!c) return null;
  const type = Object.keys(c).find((k) => k.includes("json")) ?? Object.keys(c)[0];
  if (!type) return null;
  const media = c[type] ?? {};
  if (media.example !== undefined) return { type, example: media.example };
  const examples = media.examples as Record<string, Json> | undefined;
  if (examples) {
    const first = Object.values(examples)[0];
    if (first && first.value !== undefined) return { type, example: first.value };
  }
  if (!type.includes("json")) return { type, example: null };
  return { type, example: exampleFor(spec, media.schema) };
}

function collect(spec: Json): Operation[] {
  const paths = (spec.paths ?? {}) as Record<string, Json>;
  const out: Operation[] = [];
  for (const [path, item] of Object.entries(paths)) {
    const shared = (item.parameters as Param[] | undefined) ?? [];
    for (const method of METHODS) {
      const op = item[method] as Json | undefined;
      if (!op) continue;
      const params = [...shared, ...((op.parameters as Param[] | undefined) ?? [])]
        .map((p) => resolveRef(spec, p) as unknown as Param)
        .filter(Boolean);
      out.push({
        method,
        path,
        tags: (op.tags as string[] | undefined) ?? [],
        summary: op.summary as string | undefined,
        description: op.description as string | undefined,
        operationId: op.operationId as string | undefined,
        parameters: params,
        requestBody: resolveRef(spec, op.requestBody),
        responses: Object.fromEntries(
          Object.entries((op.responses ?? {}) as Record<string, unknown>).map(([code, r]) => [
            code,
            resolveRef(spec, r) ?? {},
          ]),
        ),
        security: op.security as unknown[] | undefined,
      });
    }
  }
  return out;
}

function curlFor(op: Operation, origin: string, body: unknown): string {
  let path = op.path;
  for (const p of op.parameters.filter((x) => x.in === "path")) {
    path = path.replace(
      `{${p.name}}`,
      String(p.example ?? (p.schema?.example as string | undefined) ?? 1),
    );
  }
  const required = op.parameters.filter((p) => p.in === "query" && p.required);
  if (required.length) {
    path += `?${required.map((p) => `${p.name}=${encodeURIComponent(String(p.example ?? "value"))}`).join("&")}`;
  }
  const lines = [
    `curl -X ${op.method.toUpperCase()} "${origin}${path}"`,
    `  -H "Authorization: Bearer $PIXEL_API_KEY"`,
  ];
  if (body !== undefined && body !== null) {
    lines.push(`  -H "Content-Type: application/json"`);
    lines.push(`  -d '${JSON.stringify(body).replace(/'/g, "'\\''")}'`);
  }
  return lines.join(" \\\n");
}

export function OpenApiView() {
  const t = useT();
  const spec = useQuery({ queryKey: ["openapi"], queryFn: api.openapi, staleTime: Infinity });
  const [filter, setFilter] = useState("");
  const [origin, setOrigin] = useState("");
  const filterId = useId();
  useEffect(() => setOrigin(window.location.origin), []);
  const ops = useMemo(() => (spec.data ? collect(spec.data) : []), [spec.data]);
  const groups = useMemo(() => {
    const f = filter.trim().toLowerCase();
    const map = new Map<string, Operation[]>();
    for (const op of ops) {
      if (
        f &&
        !`${op.method} ${op.path} ${op.summary ?? ""} ${op.tags.join(" ")}`
          .toLowerCase()
          .includes(f)
      )
        continue;
      const tag = op.tags[0] ?? t("docs.other");
      map.set(tag, [...(map.get(tag) ?? []), op]);
    }
    return [...map.entries()];
  }, [ops, filter, t]);

  if (spec.isPending) return <Loading />;
  if (spec.error) return <ErrorText error={spec.error} onRetry={() => spec.refetch()} />;
  const info = (spec.data.info ?? {}) as Json;

  return (
    <div className="grid gap-6 lg:grid-cols-[14rem_minmax(0,1fr)]">
      <nav aria-label="API sections" className="lg:sticky lg:top-20 lg:self-start">
        <label htmlFor={filterId} className="sr-only">
          {t("docs.filter")}
        </label>
        <input
          id={filterId}
          type="search"
          value={filter}
          onChange={(e) => setFilter(e.target.value)}
          placeholder={t("docs.filter")}
          className={`${inputClass} mb-3`}
        />
        <ul className="hidden space-y-1 text-sm lg:block">
          {groups.map(([tag, list]) => (
            <li key={tag}>
              <a
                href={`#tag-${slug(tag)}`}
                className="text-indigo-600 hover:underline dark:text-indigo-400"
              >
                {tagLabel(tag, t)}
              </a>{" "}
              <span className="text-xs text-zinc-500">({list.length})</span>
            </li>
          ))}
        </ul>
        <a
          href="/api/v1/openapi.json"
          className="mt-3 inline-block text-xs text-zinc-500 underline"
          target="_blank"
          rel="noreferrer"
        >
          {t("docs.rawSpec")}
        </a>
      </nav>
      <div className="min-w-0 space-y-8">
        <div className={`${cardClass} p-4 text-sm`}>
          <p className="font-semibold">
            {String(info.title ?? "API")}{" "}
            <span className="font-normal text-zinc-500">{String(info.version ?? "")}</span>
          </p>
          {/* Our own words in the reader's language (the document's info.description is
              English and repeats the Bearer sentence). */}
          <p className="mt-1 text-zinc-600 dark:text-zinc-300">{t("docs.overview")}</p>
          <p className="mt-2 text-zinc-600 dark:text-zinc-300">{t("docs.auth")}</p>
        </div>
        <QuickStart spec={spec.data} origin={origin} />
        {groups.map(([tag, list]) => (
          <section
            key={tag}
            id={`tag-${slug(tag)}`}
            aria-labelledby={`h-${slug(tag)}`}
            className="scroll-mt-20"
          >
            <h2 id={`h-${slug(tag)}`} className="mb-3 text-xl font-semibold">
              {tagLabel(tag, t)}
            </h2>
            <div className="space-y-3">
              {list.map((op) => (
                <OperationCard
                  key={`${op.method} ${op.path}`}
                  op={op}
                  spec={spec.data}
                  origin={origin}
                />
              ))}
            </div>
          </section>
        ))}
      </div>
    </div>
  );
}

const TAG_KEYS: Record<string, MessageKey> = {
  "QT Pixel API": "docs.tag.qt",
  "Pixel backend API": "docs.tag.pixel",
  "Studio extensions": "docs.tag.extensions",
  Account: "docs.tag.account",
};

/** A group's name in the reader's language (the anchor keeps the document's tag). */
function tagLabel(tag: string, t: Translate): string {
  return TAG_KEYS[tag] ? t(TAG_KEYS[tag]) : tag;
}

/**
 * A field's limits and default in the reader's words, read from the JSON Schema the zod schema
 * produced (so they are the limits the server enforces).
 */
function limitsOf(spec: Json, schemaIn: unknown, t: Translate): string[] {
  const s = resolveRef(spec, schemaIn);
  if (!s) return [];
  const out: string[] = [];
  const range = (lo: unknown, hi: unknown, unit = "") => {
    if (typeof lo === "number" && typeof hi === "number") return `${lo}–${hi}${unit}`;
    if (typeof lo === "number") return `≥ ${lo}${unit}`;
    if (typeof hi === "number") return `≤ ${hi}${unit}`;
    return null;
  };
  const numbers = range(s.minimum, s.maximum);
  if (numbers) out.push(`${t("docs.limits")}: ${numbers}`);
  const chars = range(s.minLength, s.maxLength, ` ${t("docs.chars")}`);
  if (chars) out.push(`${t("docs.limits")}: ${chars}`);
  const items = range(s.minItems, s.maxItems, ` ${t("docs.items")}`);
  if (items) out.push(`${t("docs.limits")}: ${items}`);
  if (s.default !== undefined) out.push(`${t("docs.default")}: ${JSON.stringify(s.default)}`);
  return out;
}

function slug(s: string) {
  return s.toLowerCase().replace(/[^a-z0-9]+/g, "-");
}

function CodeBlock({ code, label, wrap = false }: { code: string; label: string; wrap?: boolean }) {
  return (
    <div className="relative">
      <div className="mb-1 flex items-center justify-between">
        <span className="text-xs font-medium text-zinc-500">{label}</span>
        <CopyButton text={code} className="min-h-7 px-2 py-0.5 text-xs" />
      </div>
      <pre
        className={`max-h-80 max-w-full overflow-auto rounded-md bg-zinc-900 p-3 text-xs leading-5 text-zinc-100 dark:bg-zinc-950 dark:ring-1 dark:ring-zinc-800 ${wrap ? "whitespace-pre-wrap break-all" : ""}`}
      >
        <code>{code}</code>
      </pre>
    </div>
  );
}

function OperationCard({ op, spec, origin }: { op: Operation; spec: Json; origin: string }) {
  const { t, locale } = useI18n();
  const body = op.requestBody ? mediaExample(spec, op.requestBody.content) : null;
  return (
    <details
      className={`${cardClass} group`}
      data-operation={`${op.method.toUpperCase()} ${op.path}`}
    >
      <summary className="flex cursor-pointer flex-wrap items-center gap-2 px-3 py-2">
        <span
          className={`w-16 rounded px-1.5 py-0.5 text-center font-mono text-xs font-bold uppercase ${METHOD_CLASS[op.method]}`}
        >
          {op.method}
        </span>
        <code className="text-sm font-semibold break-all">{op.path}</code>
        {op.summary && (
          <span className="text-sm text-zinc-600 dark:text-zinc-300">
            {renderInline(summaryFor(op.summary, locale))}
          </span>
        )}
      </summary>
      <div className="min-w-0 space-y-4 border-t border-zinc-200 p-3 dark:border-zinc-800">
        {op.description && (
          <Markdown text={op.description} className="text-sm text-zinc-700 dark:text-zinc-300" />
        )}
        {op.parameters.length > 0 && (
          <div>
            <h3 className="mb-1 text-sm font-semibold">{t("docs.parameters")}</h3>
            <FieldTable
              withIn
              rows={op.parameters.map((p) => ({
                key: `${p.in}-${p.name}`,
                name: p.name,
                in: p.in,
                required: !!p.required,
                type: schemaType(spec, p.schema),
                description: p.description ?? "",
                limits: limitsOf(spec, p.schema, t),
              }))}
            />
          </div>
        )}
        {body && (
          <div>
            <h3 className="mb-1 text-sm font-semibold">
              {t("docs.requestBody")} <span className="font-normal text-zinc-500">{body.type}</span>
            </h3>
            <SchemaProps spec={spec} content={op.requestBody?.content} />
            {body.example !== null && (
              <CodeBlock label={t("docs.example")} code={JSON.stringify(body.example, null, 2)} />
            )}
          </div>
        )}
        <div>
          <h3 className="mb-1 text-sm font-semibold">{t("docs.responses")}</h3>
          <div className="space-y-2">
            {Object.entries(op.responses).map(([code, r]) => {
              const ex = mediaExample(spec, r.content);
              return (
                <div key={code}>
                  <p className="text-xs">
                    <span
                      className={`mr-2 rounded px-1 font-mono font-bold ${code.startsWith("2") ? "bg-emerald-100 text-emerald-800 dark:bg-emerald-950 dark:text-emerald-200" : "bg-zinc-200 text-zinc-700 dark:bg-zinc-800 dark:text-zinc-300"}`}
                    >
                      {code}
                    </span>
                    {renderInline(String(r.description ?? ""))}{" "}
                    {ex && <span className="text-zinc-500">({ex.type})</span>}
                  </p>
                  {ex && ex.example !== null && code.startsWith("2") && (
                    <CodeBlock
                      label={t("docs.example")}
                      code={JSON.stringify(ex.example, null, 2)}
                    />
                  )}
                </div>
              );
            })}
          </div>
        </div>
        <CodeBlock label={t("docs.curl")} code={curlFor(op, origin, body?.example)} wrap />
      </div>
    </details>
  );
}

function schemaType(spec: Json, schemaIn: unknown): string {
  const s = resolveRef(spec, schemaIn);
  if (!s) return "";
  const type = Array.isArray(s.type) ? s.type.join("|") : (s.type as string | undefined);
  if (Array.isArray(s.enum)) return s.enum.map(String).join(" | ");
  if (type === "array") return `${schemaType(spec, s.items)}[]`;
  return type ?? "";
}

function SchemaProps({ spec, content }: { spec: Json; content: unknown }) {
  const t = useT();
  const c = content as Record<string, Json> | undefined;
  const media = c ? (c["application/json"] ?? Object.values(c)[0]) : undefined;
  const schema = resolveRef(spec, media?.schema);
  const props = (schema?.properties ?? {}) as Record<string, unknown>;
  const required = new Set((schema?.required as string[] | undefined) ?? []);
  if (!Object.keys(props).length) return null;
  return (
    <div className="mb-2">
      <FieldTable
        rows={Object.entries(props).map(([name, p]) => ({
          key: name,
          name,
          required: required.has(name),
          type: schemaType(spec, p),
          description: String(resolveRef(spec, p)?.description ?? ""),
          limits: limitsOf(spec, p, t),
        }))}
      />
    </div>
  );
}

interface FieldRow {
  key: string;
  name: string;
  in?: string;
  required: boolean;
  type: string;
  description: string;
  /** "Limits: 1–64", "Default: 20" */
  limits: string[];
}

/**
 * Parameter / body-field table with fixed name and type columns and a wrapping description.
 * Below `sm` the description moves to its own full-width line under the name so the
 * columns never squeeze to a few characters on a phone.
 */
function FieldTable({ rows, withIn = false }: { rows: FieldRow[]; withIn?: boolean }) {
  const t = useT();
  const cols = withIn ? 3 : 2;
  // No descriptions at all (common for request bodies): drop the column instead of a row of dashes.
  const hasDesc = rows.some((r) => r.description || r.limits.length);
  return (
    <table
      className="w-full table-fixed border-collapse text-left text-xs"
      data-testid="field-table"
    >
      <thead className="text-[11px] text-zinc-500 uppercase">
        <tr>
          <th scope="col" className="w-1/2 py-1 pr-3 font-medium sm:w-44">
            {t("docs.colName")}
          </th>
          {withIn && (
            <th scope="col" className="w-14 py-1 pr-3 font-medium">
              {t("docs.colIn")}
            </th>
          )}
          <th scope="col" className={`py-1 pr-3 font-medium ${hasDesc ? "sm:w-44" : ""}`}>
            {t("docs.colType")}
          </th>
          {hasDesc && (
            <th scope="col" className="hidden py-1 font-medium sm:table-cell">
              {t("docs.colDescription")}
            </th>
          )}
        </tr>
      </thead>
      {rows.map((r) => (
        <tbody key={r.key} className="border-t border-zinc-100 align-top dark:border-zinc-800">
          <tr>
            <td className="py-1 pr-3 font-mono font-semibold break-words">
              {r.name}
              {r.required && (
                <span className="ml-1 text-red-600" title={t("docs.required")}>
                  *
                </span>
              )}
            </td>
            {withIn && <td className="py-1 pr-3 text-zinc-500">{r.in}</td>}
            <td className="py-1 pr-3 font-mono break-words text-zinc-500">{r.type}</td>
            {hasDesc && (
              <td className="hidden py-1 break-words text-zinc-700 sm:table-cell dark:text-zinc-300">
                <FieldText row={r} />
              </td>
            )}
          </tr>
          {(r.description || r.limits.length > 0) && (
            <tr className="sm:hidden">
              <td colSpan={cols} className="pb-1.5 break-words text-zinc-600 dark:text-zinc-400">
                <FieldText row={r} />
              </td>
            </tr>
          )}
        </tbody>
      ))}
    </table>
  );
}

function FieldText({ row }: { row: FieldRow }) {
  if (!row.description && !row.limits.length) return <span className="text-zinc-400">—</span>;
  return (
    <>
      {row.description && renderInline(row.description)}
      {row.limits.length > 0 && (
        <span className="block text-zinc-500" data-testid="field-limits">
          {row.limits.join(" · ")}
        </span>
      )}
    </>
  );
}

/**
 * Three steps at the top: a key, a request that works as pasted (the document's own example of
 * POST /api/v1/generate, which a test sends to the real server), and where the picture is.
 */
function QuickStart({ spec, origin }: { spec: Json; origin: string }) {
  const t = useT();
  const generate = (
    (spec.paths as Record<string, Json> | undefined)?.["/api/v1/generate"]?.post as Json | undefined
  )?.requestBody as Json | undefined;
  const example = mediaExample(spec, generate?.content)?.example;
  if (!example) return null;
  const create = curlFor(
    { method: "post", path: "/api/v1/generate", tags: [], parameters: [], responses: {} },
    origin,
    example,
  );
  const poll = `curl -H "Authorization: Bearer $PIXEL_API_KEY" "${origin}/api/v1/task/TASK_ID"`;
  return (
    <section className={`${cardClass} space-y-3 p-4 text-sm`} data-testid="quick-start">
      <h2 className="text-base font-semibold">{t("docs.quickStart")}</h2>
      <ol className="list-decimal space-y-3 pl-5">
        <li>
          {t("docs.qs.key")}{" "}
          <a href="/settings/api-keys" className="text-indigo-600 underline dark:text-indigo-400">
            {t("nav.keys")}
          </a>
          <CodeBlock label="shell" code={'export PIXEL_API_KEY="gpa_…"'} />
        </li>
        <li>
          {t("docs.qs.generate")}
          <CodeBlock label={t("docs.curl")} code={create} wrap />
        </li>
        <li>
          {t("docs.qs.poll")}
          <CodeBlock label={t("docs.curl")} code={poll} wrap />
        </li>
      </ol>
    </section>
  );
}
