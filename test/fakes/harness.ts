// Drives an adapter the way the worker does (submit, then poll until done), for tests and the
// benchmark. Kept out of lib/ because production code has its own loop with leases and retries.

import { ProviderError } from "@/lib/providers/errors";
import type {
  AdapterContext,
  EnvLike,
  GenerationRequest,
  ProviderAdapter,
  ProviderConfig,
  ProviderOutput,
} from "@/lib/providers/types";

export function makeCtx(
  adapter: ProviderAdapter,
  env: EnvLike,
  opts: { signal?: AbortSignal; timeoutMs?: number } = {},
): AdapterContext {
  const config = adapter.configFromEnv(env);
  if (!config) throw new Error(`${adapter.id} not configured by the given env`);
  const withTimeout: ProviderConfig = { ...config, timeoutMs: opts.timeoutMs ?? config.timeoutMs };
  return { config: withTimeout, signal: opts.signal ?? new AbortController().signal, fetch };
}

export async function runToCompletion(
  adapter: ProviderAdapter,
  req: GenerationRequest,
  ctx: AdapterContext,
  opts: { maxPolls?: number; intervalMs?: number } = {},
): Promise<{ outputs: ProviderOutput[]; polls: number; states: string[] }> {
  const first = await adapter.submit(req, ctx);
  if (first.state === "done") return { outputs: first.outputs, polls: 0, states: ["done"] };
  const states: string[] = [];
  const max = opts.maxPolls ?? 20;
  for (let i = 1; i <= max; i++) {
    if (opts.intervalMs) await new Promise((r) => setTimeout(r, opts.intervalMs));
    const r = await adapter.poll(first.upstreamId, req, ctx);
    states.push(r.state);
    if (r.state === "done") return { outputs: r.outputs, polls: i, states };
  }
  throw new Error(`not done after ${max} polls`);
}

/** Resolves to the ProviderError a promise rejects with (fails the test otherwise). */
export async function providerError(p: Promise<unknown>): Promise<ProviderError> {
  try {
    await p;
  } catch (err) {
    if (err instanceof ProviderError) return err;
    throw new Error(`expected a ProviderError, got ${String(err)}`);
  }
  throw new Error("expected a ProviderError, but the call succeeded");
}
