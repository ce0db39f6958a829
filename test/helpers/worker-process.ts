// `npm run worker` as a real child process (tsx scripts/worker.ts), for tests of worker-only
// deployments: its output, its exit code, SIGTERM and SIGKILL.
import { type ChildProcess, spawn } from "node:child_process";
import path from "node:path";

const ROOT = path.resolve(__dirname, "..", "..");

export interface WorkerProcess {
  child: ChildProcess;
  output(): string;
  exited: Promise<number | null>;
  /** resolves once the worker logged that it started */
  ready(timeoutMs?: number): Promise<void>;
  stop(): Promise<number | null>;
  kill9(): Promise<void>;
}

export function startWorkerProcess(env: Record<string, string>): WorkerProcess {
  const child = spawn(
    process.execPath,
    // one process (no tsx CLI wrapper): its pid is the worker, so SIGKILL reaches the worker itself
    ["--import", "tsx", "scripts/worker.ts"],
    {
      cwd: ROOT,
      env: { ...process.env, NODE_ENV: "production", ...env } as NodeJS.ProcessEnv,
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  let out = "";
  child.stdout?.on("data", (d) => {
    out += d;
  });
  child.stderr?.on("data", (d) => {
    out += d;
  });
  const exited = new Promise<number | null>((r) => child.once("exit", (code) => r(code)));
  return {
    child,
    output: () => out,
    exited,
    async ready(timeoutMs = 30_000) {
      const deadline = Date.now() + timeoutMs;
      while (!/\[worker\] .* started/.test(out)) {
        if (child.exitCode !== null) throw new Error(`worker exited early:\n${out}`);
        if (Date.now() > deadline) throw new Error(`worker did not start:\n${out}`);
        await new Promise((r) => setTimeout(r, 100));
      }
    },
    async stop() {
      if (child.exitCode === null) child.kill("SIGTERM");
      return exited;
    },
    async kill9() {
      if (child.exitCode === null) child.kill("SIGKILL");
      await exited;
    },
  };
}
