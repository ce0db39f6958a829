// LISTEN on a dedicated PostgreSQL connection (a pooled one would be handed to other queries).
// A lost connection is re-opened after a second; `onState(false)` tells the listener that
// notifications may be missed until the next `onState(true)`.
import pg from "pg";
import { databaseTarget } from "@/lib/config/paths";

export interface ChannelListener {
  message(payload: string): void;
  /** true once LISTEN is in place (again); false when the connection is lost */
  state?(listening: boolean): void;
  /** let the process exit while only this connection is open (a cache, not the worker) */
  unref?: boolean;
}

export function listenChannel(channel: string, listener: ChannelListener): () => Promise<void> {
  const target = databaseTarget();
  if (target.dialect !== "postgres") throw new Error("LISTEN needs PostgreSQL");
  let client: pg.Client | undefined;
  let closed = false;
  let retry: NodeJS.Timeout | undefined;

  const connect = async () => {
    if (closed) return;
    const c = new pg.Client({ connectionString: target.url });
    client = c;
    const reconnect = () => {
      if (closed || client !== c) return;
      client = undefined;
      listener.state?.(false);
      c.end().catch(() => undefined);
      retry = setTimeout(connect, 1_000);
      retry.unref?.();
    };
    c.on("error", reconnect);
    c.on("end", reconnect);
    c.on("notification", (msg) => {
      if (msg.channel === channel) listener.message(msg.payload ?? "");
    });
    try {
      await c.connect();
      if (listener.unref) {
        // pg keeps its socket on the connection object; idle, it should not hold the process.
        (
          c as unknown as { connection?: { stream?: { unref?(): void } } }
        ).connection?.stream?.unref?.();
      }
      await c.query(`LISTEN ${channel}`);
      listener.state?.(true);
    } catch {
      reconnect();
    }
  };
  void connect();
  return async () => {
    closed = true;
    clearTimeout(retry);
    await client?.end().catch(() => undefined);
  };
}
