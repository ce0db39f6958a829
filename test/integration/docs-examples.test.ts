// Every request example of the OpenAPI document (the docs page shows and pastes these) succeeds
// against the real server as written; only the ids of the caller's own artworks are filled in.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type FakeServer, startDashscopeFake } from "../fakes";
import { seedUserWithKey } from "../helpers/accounts";
import { startServer, type TestServer, useFreshDataDir, waitFor } from "../helpers/server";

let server: TestServer;
let dashscope: FakeServer;
let user: Awaited<ReturnType<typeof seedUserWithKey>>;

beforeAll(async () => {
  useFreshDataDir();
  user = await seedUserWithKey("docs@example.com");
  // the video example names a remote model; on a studio that configured it, it succeeds
  dashscope = await startDashscopeFake({ queuedPolls: 0, runningPolls: 0 });
  server = await startServer({
    DASHSCOPE_BASE_URL: dashscope.baseUrl,
    DASHSCOPE_API_KEY: "test-dashscope-key",
    DASHSCOPE_POLL_INTERVAL_MS: "50",
  });
});
afterAll(async () => {
  await server?.stop();
  await dashscope?.close();
});

interface DocOperation {
  requestBody?: { content: { "application/json": { example?: Record<string, unknown> } } };
}

async function finishedTaskId(): Promise<number> {
  const res = await fetch(`${server.baseUrl}/api/v1/generate`, {
    method: "POST",
    headers: { "Content-Type": "application/json", ...user.auth },
    body: JSON.stringify({
      prompt: "a small red potion",
      model: "local/pixel-sprite",
      force: true,
    }),
  });
  const { task_id } = await res.json();
  await waitFor(async () => {
    const t = await (
      await fetch(`${server.baseUrl}/api/v1/task/${task_id}`, { headers: user.auth })
    ).json();
    return t.status === "completed" ? t : undefined;
  });
  return task_id;
}

describe("the documented request examples", () => {
  it("each one succeeds as pasted", async () => {
    const doc = (await (await fetch(`${server.baseUrl}/api/v1/openapi.json`)).json()) as {
      paths: Record<string, Record<string, DocOperation>>;
    };
    const taskId = await finishedTaskId();
    // a document of the caller's own, for the editor's routes (a save names the version it edited)
    const opened = await fetch(`${server.baseUrl}/api/v1/documents`, {
      method: "POST",
      headers: { "Content-Type": "application/json", ...user.auth },
      body: JSON.stringify({ width: 2, height: 2 }),
    });
    expect(opened.status).toBe(201);
    const documentId = ((await opened.json()) as { id: number }).id;
    // a character of the caller's own (4 directions, offline) for the character routes
    const made = await fetch(`${server.baseUrl}/api/v1/characters`, {
      method: "POST",
      headers: { "Content-Type": "application/json", ...user.auth },
      body: JSON.stringify({ prompt: "a knight with a red cape", seed: 1 }),
    });
    expect(made.status).toBe(201);
    const characterId = ((await made.json()) as { id: number }).id;
    const sent: string[] = [];
    const failures: string[] = [];
    for (const [path, item] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(item)) {
        const example = op.requestBody?.content["application/json"].example;
        if (!example) continue;
        // the caller's own ids: the only part of an example a reader replaces
        const isDocument = path.startsWith("/api/v1/documents/{id}");
        const isCharacter = path.startsWith("/api/v1/characters/{id}");
        const url = path.replace(
          "{id}",
          String(isDocument ? documentId : isCharacter ? characterId : taskId),
        );
        const body = "task_ids" in example ? { ...example, task_ids: [taskId] } : example;
        const res = await fetch(`${server.baseUrl}${url}`, {
          method: method.toUpperCase(),
          headers: {
            "Content-Type": "application/json",
            ...user.auth,
            ...(isDocument && method === "put" ? { "If-Match": '"1"' } : {}),
          },
          body: JSON.stringify(body),
        });
        sent.push(`${method} ${path}`);
        if (!res.ok) failures.push(`${method} ${path} ${res.status} ${await res.text()}`);
        else await res.arrayBuffer();
      }
    }
    expect(failures).toEqual([]);
    // every body-taking route was tried (a route without an example fails openapi.test.ts)
    expect(sent).toEqual(
      expect.arrayContaining([
        "post /api/v1/generate",
        "post /api/v1/batch-generate",
        "post /api/v1/generations/image",
        "post /api/v1/generations/video",
        "post /api/v1/generations/audio",
        "post /api/v1/tilesets",
        "post /api/v1/keys",
        "post /api/v1/documents",
        "put /api/v1/documents/{id}",
        "post /api/v1/characters",
        "patch /api/v1/characters/{id}",
        "post /api/v1/characters/{id}/animations",
        "post /api/v1/characters/{id}/states",
      ]),
    );
  });

  it("the old placeholder values the docs page used to send are refused (what the examples replace)", async () => {
    const res = await fetch(`${server.baseUrl}/api/v1/generate`, {
      method: "POST",
      headers: { "Content-Type": "application/json", ...user.auth },
      body: JSON.stringify({ prompt: "string", email: "string", palette: "string" }),
    });
    expect(res.status).toBe(400);
  });
});
