// `npx tsx bench/list-ab.ts [rounds] [calls]`: the CPU of the list's and GET task's own code, from
// the database read to the answer's bytes, main's path (9887b60: the page read through the kept
// rows, the answer assembled from kept task texts, a Response made from the string) against
// kept answers (lib/tasks/kept-answers.ts: the user's tasks version read, the kept answer's
// bytes), alternated in one process on the same data (process.cpuUsage per round; the machine is
// shared, so only the ratio of the interleaved medians means anything). Both paths' answers are
// checked byte for byte first. SQLite by default; with BACKEND=postgres DATABASE_URL must name an
// empty PostgreSQL database. Seeds 2,000 tasks and 20 with an interpretation (the bench's page 1).
import crypto from "node:crypto";
import { jsonFromText } from "@/lib/api/respond";
import { pixelTaskAnswer, taskList } from "@/lib/api/schemas/responses";
import { BACKEND } from "@/test/helpers/database";
import { useFreshDataDir } from "@/test/helpers/server";
import { seedTasks } from "./server-bench";

const rounds = Number(process.argv[2] ?? 9);
const calls = Number(process.argv[3] ?? 400);

async function main() {
  if (BACKEND === "sqlite") useFreshDataDir("pixel-list-ab-");
  const { createUser } = await import("@/lib/db/users");
  const { insertTask, insertAssets, listTasks, getTaskWithFilesForUser } = await import(
    "@/lib/db/tasks"
  );
  const { listUserTasksText } = await import("@/lib/tasks/list-tasks");
  const { keptAnswer } = await import("@/lib/tasks/kept-answers");
  const { assembleJson } = await import("@/lib/api/respond");
  const { qtTaskText, pixelTaskText } = await import("@/lib/tasks/serialize");
  const user = await createUser({ email: `ab${Date.now()}@example.com`, passwordHash: "x" });
  await seedTasks(user.id, 2000);
  // the bench's page 1: tasks its POST rounds made, each with the prompt's interpretation (≈1.2 kB)
  const interpretation = {
    subject: "knight",
    parts: Array.from({ length: 12 }, (_, i) => ({ part: `part ${i}`, colour: "#a0a0a0" })),
    modifiers: ["with a sword", "bench"],
    unknown: [],
    notes: "a bench knight with a sword, drawn by the offline engine from its vocabulary",
  };
  let last = 0;
  for (let i = 0; i < 20; i++) {
    const t = await insertTask({
      userId: user.id,
      type: "image",
      model: "local/pixel-sprite",
      provider: "local",
      prompt: "a bench knight with a sword",
      params: { prompt: "a bench knight with a sword", interpretation },
      status: "completed",
      completedAt: new Date(),
      width: 640,
      height: 640,
    });
    last = t.id;
  }
  await insertAssets(
    (["image", "grid", "original"] as const).map((kind) => ({
      taskId: last,
      userId: user.id,
      kind,
      position: 0,
      storageKey: `k/${last}/${kind}`,
      contentType: "image/png",
      bytes: 1,
      width: 640,
      height: 640,
    })),
  );
  const origin = "http://127.0.0.1:3000";

  // main's list path (lib/tasks/list-tasks.ts at 9887b60) and Response from the string
  const oldList = async () => {
    const { rows, total } = await listTasks({ userId: user.id }, { limit: 20, offset: 0 });
    const text = assembleJson({
      tasks: rows.map(qtTaskText),
      total,
      page: 1,
      page_size: 20,
      base64_limited: false,
      next_cursor: rows.length === 20 ? rows[19]!.id : null,
    });
    return new Response(text.text, { headers: { "content-type": "application/json" } });
  };
  const newList = async () => jsonFromText(taskList, await listUserTasksText(user.id, { page: 1 }));
  const oldGet = async () => {
    const found = await getTaskWithFilesForUser(last, user.id);
    const text = assembleJson({
      code: "200",
      message: "success",
      data: pixelTaskText(found!.task, found!.files, origin),
    });
    return new Response(text.text, { headers: { "content-type": "application/json" } });
  };
  const newGet = async () =>
    jsonFromText(
      pixelTaskAnswer,
      await keptAnswer(user.id, `task ${last} ${origin}`, async () => {
        const found = await getTaskWithFilesForUser(last, user.id);
        return assembleJson({
          code: "200",
          message: "success",
          data: pixelTaskText(found!.task, found!.files, origin),
        });
      }),
    );
  const key = "gpa_0123456789abcdefghijABCDEFGHIJklmnopqrstuvwxyz0123";
  const oldHash = async () => crypto.createHash("sha256").update(key).digest("hex");
  const newHash = async () => crypto.hash("sha256", key, "hex");

  for (const [name, a, b] of [
    ["list", oldList, newList],
    ["get", oldGet, newGet],
  ] as const) {
    const x = Buffer.from(await (await a()).arrayBuffer());
    const y = Buffer.from(await (await b()).arrayBuffer());
    if (!x.equals(y)) throw new Error(`${name}: the answers differ`);
  }

  const cpu = async (f: () => Promise<unknown>) => {
    const start = process.cpuUsage();
    for (let i = 0; i < calls; i++) {
      const r = await f();
      if (r instanceof Response) await r.arrayBuffer();
    }
    const used = process.cpuUsage(start);
    return (used.user + used.system) / calls;
  };
  const pairs = {
    list: [oldList, newList],
    get: [oldGet, newGet],
    hash: [oldHash, newHash],
  } as const;
  const out: Record<string, { old: number[]; new: number[] }> = {};
  for (const name of Object.keys(pairs)) out[name] = { old: [], new: [] };
  for (const [, [a, b]] of Object.entries(pairs)) {
    await cpu(a);
    await cpu(b);
  }
  for (let r = 0; r < rounds; r++) {
    for (const [name, [a, b]] of Object.entries(pairs)) {
      // alternate which goes first
      if (r % 2) {
        out[name]!.new.push(await cpu(b));
        out[name]!.old.push(await cpu(a));
      } else {
        out[name]!.old.push(await cpu(a));
        out[name]!.new.push(await cpu(b));
      }
    }
  }
  const med = (xs: number[]) => xs.slice().sort((p, q) => p - q)[xs.length >> 1]!;
  const report = Object.fromEntries(
    Object.entries(out).map(([name, { old, new: fresh }]) => [
      name,
      {
        old_us: Math.round(med(old) * 10) / 10,
        new_us: Math.round(med(fresh) * 10) / 10,
        min_old_us: Math.round(Math.min(...old) * 10) / 10,
        min_new_us: Math.round(Math.min(...fresh) * 10) / 10,
      },
    ]),
  );
  console.log(JSON.stringify({ database: BACKEND, rounds, calls, report }, null, 1));
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
