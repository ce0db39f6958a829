// JSON answers put together from kept JSON text must be the bytes JSON.stringify gives.
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { assembleJson, JsonText, jsonFromText, jsonTextOf } from "./respond";

describe("assembleJson", () => {
  it("gives JSON.stringify's text for fields, nested text and arrays of text", () => {
    const rows = [
      { id: 1, s: 'quote " and \u2028 and 中文', n: null, d: [1, { a: true }] },
      { id: 2, s: "", n: 1.5, d: [] },
    ];
    const tail = { total: 2, page: 1, nothing: undefined, next: null };
    const whole = { tasks: rows, ...tail };
    expect(assembleJson<typeof whole>({ tasks: rows.map(jsonTextOf), ...tail }).text).toBe(
      JSON.stringify(whole),
    );
    expect(assembleJson<typeof whole>({ tasks: [], ...tail }).text).toBe(
      JSON.stringify({ ...whole, tasks: [] }),
    );
    const envelope = { code: "200", message: "success", data: rows[0]! };
    expect(assembleJson<typeof envelope>({ ...envelope, data: jsonTextOf(rows[0]!) }).text).toBe(
      JSON.stringify(envelope),
    );
    expect(assembleJson({}).text).toBe("{}");
    expect(assembleJson({ a: undefined, b: 1 }).text).toBe('{"b":1}');
  });
});

describe("jsonFromText", () => {
  it("answers the text with Response.json's status and content type", async () => {
    const schema = z.object({ a: z.array(z.number()), b: z.string() });
    const body = { a: [1, 2], b: "x" };
    const plain = jsonFromText(schema, new JsonText(JSON.stringify(body)));
    const reference = Response.json(body);
    expect(plain.status).toBe(reference.status);
    expect(plain.headers.get("content-type")).toBe(reference.headers.get("content-type"));
    expect(await plain.text()).toBe(await reference.text());
    const withInit = jsonFromText(schema, jsonTextOf(body), {
      status: 201,
      headers: { "X-Extra": "1" },
    });
    expect(withInit.status).toBe(201);
    expect(withInit.headers.get("x-extra")).toBe("1");
    expect(withInit.headers.get("content-type")).toBe("application/json");
  });
});
