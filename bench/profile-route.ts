// `npx tsx bench/profile-route.ts [post|get|list|empty] [seconds]`: a CPU profile of the production
// server under 32 connections on one hot route, summarised as the functions with the most self
// time (node --cpu-prof). BACKEND=postgres profiles the PostgreSQL build of the same route;
// RUN_WORKER=false profiles the request path alone (the worker is on by default); `empty` is
// GET /api/health/live, the bench's baseline, to compare a route's profile with the framework's.
// Needs a production build. Prints the top 30 functions and where the profile was written.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { seedUserWithKey } from "@/test/helpers/accounts";
import { startServer, useFreshDataDir } from "@/test/helpers/server";
import type { Profile } from "./cpu-profile";
import { cannon, seedTasks } from "./server-bench";

/** Self time per function (name + file:line), in ms, biggest first. */
export function selfTimes(profile: Profile): { fn: string; ms: number; share: number }[] {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const totals = new Map<string, number>();
  let all = 0;
  profile.samples.forEach((id, i) => {
    const node = byId.get(id);
    if (!node) return;
    const { functionName, url, lineNumber } = node.callFrame;
    const file = url.replace(/^.*\/(node_modules|\.next)\//, "$1/").replace(/^file:\/\//, "");
    const key = `${functionName || "(anonymous)"} ${file}:${lineNumber + 1}`;
    const dt = (profile.timeDeltas[i] ?? 0) / 1000;
    totals.set(key, (totals.get(key) ?? 0) + dt);
    all += dt;
  });
  return [...totals]
    .map(([fn, ms]) => ({ fn, ms: Math.round(ms), share: Math.round((ms / all) * 1000) / 10 }))
    .sort((a, b) => b.ms - a.ms);
}

async function main() {
  const route = (process.argv[2] ?? "post") as "post" | "get" | "list" | "empty";
  const seconds = Number(process.argv[3] ?? 10);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "pixel-prof-"));
  useFreshDataDir("pixel-prof-data-");
  const user = await seedUserWithKey("profile@example.com");
  // the list as the bench reads it: 2,000 completed tasks, then the POSTed ones below
  if (route === "list") await seedTasks(user.user.id, 2000);
  const server = await startServer({
    GENERATION_RATE_LIMIT_PER_MIN: "100000000",
    NODE_OPTIONS: `--import ${path.join(__dirname, "cpu-profile-preload.mjs")}`,
    PIXEL_CPU_PROFILE_DIR: dir,
    ...(process.env.RUN_WORKER ? { RUN_WORKER: process.env.RUN_WORKER } : {}),
  });
  const post = {
    url: `${server.baseUrl}/api/v1/generations/image`,
    method: "POST" as const,
    headers: { "Content-Type": "application/json", ...user.auth },
    body: JSON.stringify({ prompt: "a bench knight with a sword", model: "local/pixel-sprite" }),
  };
  let target: Parameters<typeof cannon>[0] = { ...post, connections: 32, duration: seconds };
  if (route !== "post") {
    const created = await fetch(post.url, post).then((r) => r.json());
    // The bench's list reads a first page of tasks its POST rounds made (each with the prompt's
    // interpretation in its params, 1.2 kB a row answered), not of the seeded ones.
    if (route === "list") for (let i = 0; i < 20; i++) await fetch(post.url, post);
    const url =
      route === "get"
        ? `${server.baseUrl}/api/v1/tasks/${created.data.task_id}`
        : route === "list"
          ? `${server.baseUrl}/api/v1/tasks?page=1`
          : `${server.baseUrl}/api/health/live`;
    target = { url, headers: user.auth, connections: 32, duration: seconds };
  }
  await cannon({ ...target, duration: 2 });
  const result = await cannon(target);
  await server.stop();
  const files = fs.readdirSync(dir).filter((f) => f.endsWith(".cpuprofile"));
  // the biggest profile is the server's (next's CLI wrapper, if any, writes a small one)
  const biggest = files
    .map((f) => path.join(dir, f))
    .sort((a, b) => fs.statSync(b).size - fs.statSync(a).size)[0];
  if (!biggest) throw new Error(`no profile written in ${dir}`);
  const top = selfTimes(JSON.parse(fs.readFileSync(biggest, "utf8"))).slice(0, 30);
  console.log(
    JSON.stringify(
      {
        route,
        req_per_s: Math.round(result.requests.average),
        p99_ms: result.latency.p99,
        non2xx: result.non2xx,
        profile: biggest,
        top,
      },
      null,
      1,
    ),
  );
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
