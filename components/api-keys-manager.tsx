"use client";

import { type FormEvent, useCallback, useEffect, useState } from "react";

interface KeyRow {
  id: number;
  name: string;
  prefix: string;
  last4: string;
  created_at: string;
  last_used_at: string | null;
  revoked: boolean;
}

export function ApiKeysManager() {
  const [keys, setKeys] = useState<KeyRow[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [created, setCreated] = useState<string | null>(null);
  const [copied, setCopied] = useState(false);

  const load = useCallback(async () => {
    const res = await fetch("/api/v1/keys");
    const body = await res.json();
    if (!res.ok) {
      setError(body.error ?? "Could not load keys");
      return;
    }
    setKeys(body.keys);
  }, []);

  useEffect(() => {
    load();
  }, [load]);

  async function onCreate(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = e.currentTarget;
    const name = String(new FormData(form).get("name") ?? "");
    const res = await fetch("/api/v1/keys", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ name }),
    });
    const body = await res.json();
    if (!res.ok) {
      setError(body.details ?? body.error);
      return;
    }
    setError(null);
    setCopied(false);
    setCreated(body.key);
    form.reset();
    load();
  }

  async function onRevoke(id: number) {
    const res = await fetch(`/api/v1/keys/${id}`, { method: "DELETE" });
    if (!res.ok) setError((await res.json()).error);
    load();
  }

  return (
    <div className="space-y-6">
      <form onSubmit={onCreate} className="flex gap-2">
        <label className="sr-only" htmlFor="key-name">
          Key name
        </label>
        <input
          id="key-name"
          name="name"
          required
          maxLength={64}
          placeholder="Key name, e.g. my-script"
          className="flex-1 rounded border border-zinc-300 px-3 py-2 dark:border-zinc-700 dark:bg-zinc-900"
        />
        <button type="submit" className="rounded bg-indigo-600 px-4 py-2 font-semibold text-white">
          Create key
        </button>
      </form>
      {error && (
        <p role="alert" className="text-sm text-red-600">
          {error}
        </p>
      )}
      {created && (
        <div className="rounded border border-amber-400 bg-amber-50 p-3 dark:bg-amber-950">
          <p className="text-sm font-medium">Copy this key now; it will not be shown again.</p>
          <div className="mt-2 flex items-center gap-2">
            <code data-testid="new-key" className="break-all text-sm">
              {created}
            </code>
            <button
              type="button"
              onClick={async () => {
                await navigator.clipboard?.writeText(created).catch(() => undefined);
                setCopied(true);
              }}
              className="rounded border px-2 py-1 text-sm"
            >
              {copied ? "Copied" : "Copy"}
            </button>
          </div>
        </div>
      )}
      {keys === null ? (
        <p className="text-sm text-zinc-500">Loading…</p>
      ) : keys.length === 0 ? (
        <p className="text-sm text-zinc-500">No keys yet.</p>
      ) : (
        <table className="w-full text-left text-sm">
          <thead>
            <tr className="text-zinc-500">
              <th className="py-1">Name</th>
              <th>Key</th>
              <th>Created</th>
              <th>Last used</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {keys.map((k) => (
              <tr key={k.id} className="border-t border-zinc-200 dark:border-zinc-800">
                <td className="py-2">{k.name}</td>
                <td>
                  <code>
                    {k.prefix}…{k.last4}
                  </code>
                </td>
                <td>{new Date(k.created_at).toLocaleString()}</td>
                <td>{k.last_used_at ? new Date(k.last_used_at).toLocaleString() : "never"}</td>
                <td>
                  {k.revoked ? (
                    <span className="text-zinc-500">revoked</span>
                  ) : (
                    <button
                      type="button"
                      onClick={() => onRevoke(k.id)}
                      className="text-red-600 underline"
                      aria-label={`Revoke ${k.name}`}
                    >
                      Revoke
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
