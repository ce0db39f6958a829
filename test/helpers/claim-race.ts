// One competitor of the queue's claim race (lib/db/queue.test.ts): a separate process that waits
// for the shared start time, claims tasks of RACE_PROVIDER until none is left, and prints the ids
// it won as JSON. Run with tsx; DATABASE_URL names the shared database.
import { closeDatabase } from "@/lib/db/client";
import { claimNextTask } from "@/lib/db/queue";

async function main() {
  const owner = process.env.RACE_OWNER ?? `race-${process.pid}`;
  const provider = process.env.RACE_PROVIDER ?? "race";
  // Connect (and migrate) before the start line so both processes claim at the same moment.
  await claimNextTask({ owner, providers: ["__warm-up__"], leaseMs: 60_000 });
  const goAt = Number(process.env.RACE_GO_AT ?? Date.now());
  await new Promise((r) => setTimeout(r, Math.max(0, goAt - Date.now())));
  const won: number[] = [];
  for (;;) {
    const task = await claimNextTask({ owner, providers: [provider], leaseMs: 60_000 });
    if (!task) break;
    won.push(task.id);
  }
  await closeDatabase();
  process.stdout.write(JSON.stringify(won));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
