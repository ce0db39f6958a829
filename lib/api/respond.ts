import type { z } from "zod";

/**
 * A JSON answer whose body TypeScript holds to `schema`, the same schema the OpenAPI document
 * shows for this response. Not parsed at run time: the hot list and create routes would pay for
 * it on every request, and the integration suite checks every answer against the document.
 */
export function json<S extends z.ZodType>(
  schema: S,
  body: z.input<S>,
  init?: ResponseInit,
): Response {
  void schema;
  return Response.json(body, init);
}

// Its own buffer for each text (a Buffer.from of a short string is a view of a shared 8 kB slab,
// which a kept answer would hold on to).
const utf8 = new TextEncoder();

/**
 * The JSON text of a value of type T, made once and kept where the value does not change (a task
 * row's answer: lib/tasks/serialize.ts), then put into answers as it is (assembleJson).
 */
export class JsonText<T> {
  declare readonly of?: T;
  private encoded?: Uint8Array<ArrayBuffer>;
  constructor(readonly text: string) {}

  /** The text in UTF-8, encoded once: a kept answer (lib/tasks/kept-answers.ts) is sent many
   * times, and a Response made from a string checks and encodes all of it on every request. */
  get bytes(): Uint8Array<ArrayBuffer> {
    this.encoded ??= utf8.encode(this.text);
    return this.encoded;
  }
}

export function jsonTextOf<T>(value: T): JsonText<T> {
  return new JsonText<T>(JSON.stringify(value));
}

type JsonParts<T> = {
  [K in keyof T]: T[K] | JsonText<T[K]> | (T[K] extends (infer E)[] ? JsonText<E>[] : never);
};

/**
 * The JSON text of an object given as its fields, some of them (or the items of an array field)
 * already JSON text: byte for byte what JSON.stringify gives for the object they stand for (keys
 * in the order given, undefined fields left out).
 */
export function assembleJson<T extends object>(parts: JsonParts<T>): JsonText<T> {
  let out = "{";
  for (const [key, value] of Object.entries(parts)) {
    const text = partText(value);
    if (text === undefined) continue;
    if (out.length > 1) out += ",";
    out += `${JSON.stringify(key)}:${text}`;
  }
  return new JsonText<T>(`${out}}`);
}

function partText(value: unknown): string | undefined {
  if (value instanceof JsonText) return value.text;
  if (Array.isArray(value) && value.some((v) => v instanceof JsonText)) {
    return `[${value.map((v) => (v instanceof JsonText ? v.text : (JSON.stringify(v) ?? "null"))).join(",")}]`;
  }
  return JSON.stringify(value);
}

/** `json` for a body already made into JSON text (the same bytes and headers Response.json sends). */
export function jsonFromText<S extends z.ZodType>(
  schema: S,
  body: JsonText<z.input<S>>,
  init?: ResponseInit,
): Response {
  void schema;
  if (!init) return new Response(body.bytes, { headers: JSON_HEADERS });
  const headers = new Headers(init.headers);
  if (!headers.has("content-type")) headers.set("content-type", "application/json");
  return new Response(body.bytes, { ...init, headers });
}

const JSON_HEADERS = { "content-type": "application/json" };
