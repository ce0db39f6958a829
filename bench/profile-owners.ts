// `npx tsx bench/profile-owners.ts <profile.cpuprofile> [requests]`: where a production server's
// profile (bench/server-cpu.ts with PIXEL_CPU_PROFILE_DIR) spent its time, by owner: ours (lib/,
// app/), Next.js, the database drivers, zod, GC, Node.js's own parts. The build's server chunks
// are minified; their frames are named through the build's source maps (.next/server/chunks/
// *.js.map). A Node.js or native frame is charged to the nearest caller that is ours, Next.js's or
// a driver's (a socket write under Next.js's response is Next.js's). The profiler's own start and
// stop (node:inspector's `dispatch`) are left out of the shares. With `requests`, µs per request
// as well (wall-clock samples: larger than /proc's CPU when the thread waited for a core).
// Then our functions by inclusive share.
import fs from "node:fs";
import type { Profile, ProfileNode } from "./cpu-profile";

const B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/** Decoded `mappings` of a source map: per generated line, [column, source, line, name?] sorted. */
type Segment = [number, number, number, number | undefined];
interface SourceMap {
  sources: string[];
  names: string[];
  lines: Segment[][];
}

function decodeVlq(text: string, at: { i: number }): number {
  let value = 0;
  let shift = 0;
  for (;;) {
    const digit = B64.indexOf(text[at.i++]!);
    value += (digit & 31) << shift;
    if (!(digit & 32)) break;
    shift += 5;
  }
  return value & 1 ? -(value >>> 1) : value >>> 1;
}

function decodeMap(raw: { sources: string[]; names: string[]; mappings: string }): SourceMap {
  const lines: Segment[][] = [];
  let source = 0;
  let line = 0;
  let name = 0;
  for (const text of raw.mappings.split(";")) {
    const segments: Segment[] = [];
    let generated = 0;
    for (const part of text.split(",")) {
      if (!part) continue;
      const at = { i: 0 };
      generated += decodeVlq(part, at);
      if (at.i >= part.length) continue;
      source += decodeVlq(part, at);
      line += decodeVlq(part, at);
      decodeVlq(part, at); // the source column: not needed to name a function
      let n: number | undefined;
      if (at.i < part.length) {
        name += decodeVlq(part, at);
        n = name;
      }
      segments.push([generated, source, line, n]);
    }
    lines.push(segments);
  }
  return { sources: raw.sources, names: raw.names, lines };
}

/** A source map and the generated line its first line stands at (an index map's sections). */
type Section = { line: number; column: number; map: SourceMap };

const maps = new Map<string, Section[] | null>();
function sectionsOf(url: string): Section[] | null {
  if (maps.has(url)) return maps.get(url)!;
  const file = `${url.replace(/^file:\/\//, "")}.map`;
  let sections: Section[] | null = null;
  if (file.includes("/.next/") && fs.existsSync(file)) {
    const raw = JSON.parse(fs.readFileSync(file, "utf8"));
    sections = raw.sections
      ? raw.sections.map((s: { offset: { line: number; column: number }; map: never }) => ({
          ...s.offset,
          map: decodeMap(s.map),
        }))
      : [{ line: 0, column: 0, map: decodeMap(raw) }];
  }
  maps.set(url, sections);
  return sections;
}

/** The source file, function name and line of a frame (0-based line and column, as V8 gives). */
function original(frame: ProfileNode["callFrame"] & { columnNumber?: number }) {
  const sections = sectionsOf(frame.url);
  const column = frame.columnNumber ?? 0;
  const section = sections
    ?.filter(
      (s) => s.line < frame.lineNumber || (s.line === frame.lineNumber && s.column <= column),
    )
    .at(-1);
  if (section) {
    const segs = section.map.lines[frame.lineNumber - section.line] ?? [];
    const col = frame.lineNumber === section.line ? column - section.column : column;
    let hit: Segment | undefined;
    for (const s of segs) if (s[0] <= col) hit = s;
    if (hit) {
      const source = section.map.sources[hit[1]]!.replace(/^.*?\[project\]\//, "");
      const name = hit[3] === undefined ? undefined : section.map.names[hit[3]];
      return { src: source, fn: name || frame.functionName || "(anonymous)", line: hit[2] + 1 };
    }
  }
  const src = frame.url.replace(/^file:\/\//, "").replace(/^.*\/node_modules\//, "node_modules/");
  return {
    src: src || "(native)",
    fn: frame.functionName || "(anonymous)",
    line: frame.lineNumber + 1,
  };
}

function owner(src: string, fn: string): string {
  if (fn === "(garbage collector)") return "garbage collector";
  if (fn === "(idle)") return "idle";
  if (/^(\.\.\/)*(lib|app)\//.test(src.replace(/^\.\.\/\.\.\/\.\.\//, "")))
    return "ours (lib/, app/)";
  if (/(^|\/)node_modules\/next\//.test(src)) return "Next.js";
  // drizzle's own source maps name its files node_modules/src/… once the build's map is applied
  if (
    /(^|\/)node_modules\/(better-sqlite3|drizzle-orm|pg|pg-pool|pg-protocol|pg-types|src)\//.test(
      src,
    )
  )
    return "database drivers";
  if (/(^|\/)node_modules\/zod\//.test(src)) return "zod";
  if (/^node:inspector|cpu-profile-toggle/.test(src)) return "profiler";
  if (/^node:internal\/(webstreams|deps\/undici)/.test(src)) return "node: web streams, undici";
  if (/^node:(internal\/)?async_hooks/.test(src)) return "node: async_hooks";
  if (/^node:/.test(src)) return "node: other (http, net, streams, events)";
  if (/node_modules\//.test(src))
    return src.replace(/^.*node_modules\/((@[^/]+\/)?[^/]+).*$/, "$1");
  return "native, other";
}

const CHARGEABLE = new Set(["ours (lib/, app/)", "Next.js", "database drivers", "zod"]);

function main() {
  const [file, requests] = process.argv.slice(2);
  if (!file) throw new Error("usage: profile-owners.ts <profile.cpuprofile> [requests]");
  const profile = JSON.parse(fs.readFileSync(file, "utf8")) as Profile;
  const n = Number(requests ?? 0);
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const c of node.children ?? []) parent.set(c, node.id);
  const info = new Map(
    profile.nodes.map((node) => {
      const o = original(node.callFrame);
      return [node.id, { ...o, owner: owner(o.src, o.fn) }];
    }),
  );
  const buckets = new Map<string, number>();
  const ours = new Map<string, number>();
  let total = 0;
  profile.samples.forEach((id, i) => {
    const dt = profile.timeDeltas[i] ?? 0;
    const self = info.get(id)!;
    if (self.owner === "idle") return;
    // the stack, innermost first; the profiler's samples are left out whole
    const stack: number[] = [];
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) stack.push(at);
    if (stack.some((at) => (byId.get(at)?.callFrame.url ?? "").includes("cpu-profile-toggle")))
      return;
    total += dt;
    const charged = CHARGEABLE.has(self.owner)
      ? self.owner
      : /^node:|^native/.test(self.owner)
        ? (stack.map((at) => info.get(at)!.owner).find((o) => CHARGEABLE.has(o)) ?? self.owner)
        : self.owner;
    buckets.set(charged, (buckets.get(charged) ?? 0) + dt);
    const seen = new Set<string>();
    for (const at of stack) {
      const o = info.get(at)!;
      if (o.owner !== "ours (lib/, app/)") continue;
      const key = `${o.fn} ${o.src.replace(/^(\.\.\/)+/, "")}`;
      if (seen.has(key)) continue;
      seen.add(key);
      ours.set(key, (ours.get(key) ?? 0) + dt);
    }
  });
  const line = (us: number, what: string) =>
    `${((us / total) * 100).toFixed(1).padStart(5)} %${n ? `${(us / n).toFixed(0).padStart(7)} µs/req` : ""}  ${what}`;
  console.log(`${(total / 1e6).toFixed(2)} s of samples (without idle and the profiler's own)`);
  for (const [k, us] of [...buckets].sort((a, b) => b[1] - a[1])) console.log(line(us, k));
  console.log("\nours, inclusive:");
  for (const [k, us] of [...ours].sort((a, b) => b[1] - a[1]).slice(0, 30))
    console.log(line(us, k));
}

main();
