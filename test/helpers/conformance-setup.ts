// Vitest setup for every test file: answers of the test servers (startServer) are checked
// against the OpenAPI document as they arrive; the file fails if any did not conform.
import { afterAll, expect } from "vitest";
import { checkerInUse, documentChecker, isWatched } from "./conformance";

const pending: Promise<void>[] = [];
const realFetch = globalThis.fetch;

globalThis.fetch = async (input, init) => {
  const res = await realFetch(input, init);
  const url = typeof input === "string" ? input : input instanceof URL ? input.href : input.url;
  if (!isWatched(url)) return res;
  const method = (
    init?.method ?? (typeof input === "object" && "method" in input ? input.method : "GET")
  ).toUpperCase();
  const contentType = res.headers.get("content-type") ?? "";
  const body = contentType.includes("json") ? res.clone().text() : Promise.resolve("");
  pending.push(
    Promise.all([documentChecker(), body]).then(([checker, text]) =>
      checker.check(method, url, res.status, contentType, text),
    ),
  );
  return res;
};

afterAll(async () => {
  await Promise.allSettled(pending);
  const checker = await checkerInUse();
  if (!checker) return;
  expect(
    checker.violations,
    `${checker.checked} answers checked against the OpenAPI document`,
  ).toEqual([]);
});
