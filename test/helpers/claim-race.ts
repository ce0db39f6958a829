// One competitor of the queue's claim race (lib/db/queue.test.ts): a separate process that waits
// for the parent's start signal, claims tasks of RACE_PROVIDER through the queue engine of its
// backend (SQLite lease queue or pg-boss) until none is left, and prints the ids it won as JSON.
// Run with tsx; DATABASE_URL names the shared database.
import { closeDatabase } from "@/lib/db/client";
import { closeTaskQueue, getTaskQueue } from "@/lib/jobs/queue-factory";

async function main() {
  const owner = process.env.RACE_OWNER ?? `race-${process.pid}`;
  const provider = process.env.RACE_PROVIDER ?? "race";
  // Connect (and start the engine) before the start line so both processes claim at once.
  const queue = await getTaskQueue();
  const request = {
    owner,
    leaseMs: 60_000,
    capacity: new Map([[provider, 1]]),
    limits: new Map([[provider, 1_000]]),
  };
  // A barrier, not a start time: on a loaded machine one process could start seconds late and
  // find the queue drained. Say we are ready, start at the parent's "go".
  process.stderr.write("ready\n");
  await new Promise<void>((resolve) => {
    process.stdin.on("data", (d) => {
      if (String(d).includes("go")) resolve();
    });
  });
  process.stdin.pause();
  const won: number[] = [];
  for (let empty = 0; empty < 3; ) {
    const claimed = await queue.claim(request);
    if (claimed.length === 0) {
      empty++;
      continue;
    }
    empty = 0;
    won.push(...claimed.map((c) => c.task.id));
    // a worker does something between claims; without it a claim now takes so little (prepared
    // statements) that whichever process's timer fired first drained the queue alone
    await new Promise((r) => setTimeout(r, 1));
  }
  await closeTaskQueue();
  await closeDatabase();
  process.stdout.write(JSON.stringify(won));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
