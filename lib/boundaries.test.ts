// lib/ is the domain: it never imports app/ and never loads next/* at run time (type-only imports
// of the edge's request type in lib/api and lib/auth are allowed; they vanish when compiled).
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return sources(p);
    return /\.tsx?$/.test(e.name) && !/\.test\.tsx?$/.test(e.name) ? [p] : [];
  });
}

describe("lib/ boundaries", () => {
  const files = sources(path.resolve(__dirname));
  it("scans the domain", () => expect(files.length).toBeGreaterThan(50));

  it("imports nothing from app/ and loads no next/* module at run time", () => {
    const offenders: string[] = [];
    for (const file of files) {
      const text = fs.readFileSync(file, "utf8");
      for (const m of text.matchAll(/^import\s+(type\s+)?[^;]*?from\s+"([^"]+)"/gms)) {
        const [, typeOnly, spec] = m;
        if (spec!.startsWith("@/app") || /(^|\/)app\//.test(spec!.replace(/^@\//, ""))) {
          offenders.push(`${path.relative(__dirname, file)} → ${spec}`);
        }
        if ((spec === "next" || spec!.startsWith("next/")) && !typeOnly) {
          offenders.push(`${path.relative(__dirname, file)} → ${spec}`);
        }
      }
    }
    expect(offenders).toEqual([]);
  });
});
