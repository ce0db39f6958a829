// The MCP server (mcp/) driven by the SDK's own Client over stdio, against the real production
// server: the MCP process talks to it over HTTP with an API key, like Claude/Cursor would run it.
import path from "node:path";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StdioClientTransport } from "@modelcontextprotocol/sdk/client/stdio.js";
import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { aiLikeKnight } from "@/lib/pixel/ai-like-knight";
import { SPRITE_MODES } from "@/lib/vocabulary";
import { seedUserWithKey } from "../helpers/accounts";
import { startServer, type TestServer, useFreshDataDir } from "../helpers/server";

const ROOT = path.resolve(__dirname, "..", "..");
const BIN = path.join(ROOT, "mcp", "bin.mjs");
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const TOOL_NAMES = [
  "animate_character",
  "batch_generate",
  "create_character",
  "create_pixel_art",
  "create_tileset",
  "get_batch_status",
  "get_character",
  "get_task_status",
  "get_tileset",
  "list_characters",
  "list_my_artworks",
  "list_tilesets",
  "open_document",
  "pixelize_image",
  "read_document_cels",
  "write_document_cels",
];

let server: TestServer;
let user: Awaited<ReturnType<typeof seedUserWithKey>>;
const clients: Client[] = [];

/** Spawns `node mcp/bin.mjs` (what `npx pixel-studio-mcp` runs) from an unrelated cwd. */
async function connect(env: Record<string, string>): Promise<Client> {
  const transport = new StdioClientTransport({
    command: process.execPath,
    args: [BIN],
    cwd: path.parse(ROOT).root,
    env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "/tmp", ...env },
    stderr: "pipe",
  });
  const client = new Client({ name: "pixel-studio-mcp-test", version: "1.0.0" });
  await client.connect(transport);
  clients.push(client);
  return client;
}

async function call(
  client: Client,
  name: string,
  args: Record<string, unknown>,
): Promise<CallToolResult> {
  return (await client.callTool({ name, arguments: args }, undefined, {
    timeout: 150_000,
  })) as CallToolResult;
}

const texts = (r: CallToolResult) =>
  r.content
    .filter((c) => c.type === "text")
    .map((c) => (c as { text: string }).text)
    .join("\n");
const images = (r: CallToolResult) =>
  r.content.filter((c) => c.type === "image") as {
    type: "image";
    data: string;
    mimeType: string;
  }[];

function expectPng(img: { data: string; mimeType: string }) {
  expect(img.mimeType).toBe("image/png");
  const bytes = Buffer.from(img.data, "base64");
  expect(bytes.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
  expect(bytes.length).toBeGreaterThan(PNG_SIGNATURE.length);
}

let mcp: Client;

beforeAll(async () => {
  useFreshDataDir("pixel-mcp-");
  user = await seedUserWithKey("mcp@example.com");
  server = await startServer();
  mcp = await connect({ QTPIXEL_API_KEY: user.key, QTPIXEL_API_BASE: server.baseUrl });
});

afterAll(async () => {
  for (const c of clients) await c.close().catch(() => {});
  await server?.stop();
});

describe("MCP server over stdio", () => {
  it("lists the five tools of QT Pixel API (docs/qt-pixel-api.md) and the tileset tools, each with a JSON input schema", async () => {
    const { tools } = await mcp.listTools();
    expect(tools.map((t) => t.name).sort()).toEqual(TOOL_NAMES);
    for (const tool of tools) {
      expect(tool.description?.length).toBeGreaterThan(20);
      expect(tool.inputSchema.type).toBe("object");
      expect(tool.inputSchema.properties).toBeTypeOf("object");
    }
    const create = tools.find((t) => t.name === "create_pixel_art")!;
    expect(create.inputSchema.required).toEqual(["prompt"]);
    const props = create.inputSchema.properties as Record<
      string,
      { maximum?: number; enum?: string[] }
    >;
    expect(Object.keys(props)).toEqual(
      expect.arrayContaining([
        "prompt",
        "background",
        "scale",
        "force",
        "model",
        "seed",
        "palette",
        "send_email",
        "wait",
      ]),
    );
    expect(props.scale.maximum).toBe(64);
    expect(props.background.enum).toEqual(["transparent", "white"]);
    const batch = tools.find((t) => t.name === "batch_generate")!;
    const modes = (batch.inputSchema.properties as Record<string, { enum?: string[] }>).mode.enum;
    // the seed's six modes first, then the studio's extension modes (lib/vocabulary.ts)
    expect(modes).toEqual([...SPRITE_MODES]);
    expect(modes?.slice(0, 6)).toEqual([
      "walk",
      "idle",
      "attack",
      "directions",
      "variations",
      "random",
    ]);
  });

  let taskId: number;

  it("create_pixel_art waits for the image and returns it with its links", async () => {
    const result = await call(mcp, "create_pixel_art", {
      prompt: "a tiny orange fox with a blue scarf",
      scale: 8,
    });
    expect(result.isError, texts(result)).toBeFalsy();
    const text = texts(result);
    expect(text).toMatch(/Task #\d+: completed/);
    taskId = Number(/Task #(\d+)/.exec(text)![1]);
    expect(text).toContain(`${server.baseUrl}/static/gallery/${taskId}.png`);
    const download = /Download URL: (\S+)/.exec(text)![1];
    expect(new URL(download).pathname).toBe(`/api/download/${taskId}`);
    const res = await fetch(download); // signed: works without the key
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("image/png");
    const imgs = images(result);
    expect(imgs).toHaveLength(1);
    expectPng(imgs[0]);
  });

  it("create_pixel_art returns earlier artworks for a similar prompt unless force: true", async () => {
    const dup = await call(mcp, "create_pixel_art", {
      prompt: "A tiny orange fox with a blue scarf!",
      scale: 8,
    });
    expect(dup.isError).toBeFalsy();
    expect(texts(dup)).toContain("force: true");
    expect(texts(dup)).toContain(`#${taskId}`);
    const queued = await call(mcp, "create_pixel_art", {
      prompt: "a tiny orange fox with a blue scarf",
      force: true,
      wait: false,
    });
    expect(queued.isError).toBeFalsy();
    expect(texts(queued)).toMatch(/Task #\d+ created/);
    expect(images(queued)).toHaveLength(0);
  });

  it("get_task_status returns the finished task with its image", async () => {
    const result = await call(mcp, "get_task_status", { task_id: taskId });
    expect(result.isError).toBeFalsy();
    expect(texts(result)).toContain(`Task #${taskId}: completed`);
    expect(texts(result)).toContain("Download URL: http");
    expectPng(images(result)[0]);
    const missing = await call(mcp, "get_task_status", { task_id: 999999 });
    expect(missing.isError).toBe(true);
    expect(texts(missing)).toMatch(/not found/i);
  });

  it("pixelize_image turns a data URL, or an existing task, into pixel art and says which grid it found", async () => {
    const png = await aiLikeKnight();
    const result = await call(mcp, "pixelize_image", {
      image: `data:image/png;base64,${png.toString("base64")}`,
      palette: "db32",
      scale: 4,
    });
    expect(result.isError, texts(result)).toBeFalsy();
    expect(texts(result)).toMatch(/: completed/);
    expect(texts(result)).toMatch(/found 32×32 cells of 15\.\d+ px, confidence 0\.\d\d/);
    expectPng(images(result)[0]);

    const again = await call(mcp, "pixelize_image", { task_id: taskId, target_size: 16 });
    expect(again.isError, texts(again)).toBeFalsy();
    expect(texts(again)).toMatch(/resampled to 16×16/);

    const bad = await call(mcp, "pixelize_image", { image: "data:text/plain;base64,aGVsbG8=" });
    expect(bad.isError).toBe(true);
    expect(texts(bad)).toMatch(/not an image/);
    const neither = await call(mcp, "pixelize_image", {});
    expect(neither.isError).toBe(true);
    expect(texts(neither)).toMatch(/exactly one of image .* or task_id/);
  });

  let batchId: number;

  it("batch_generate mode walk waits for 4 frames and returns them with the batch links", async () => {
    const result = await call(mcp, "batch_generate", {
      prompt: "a green goblin warrior",
      mode: "walk",
      scale: 4,
    });
    expect(result.isError, texts(result)).toBeFalsy();
    const text = texts(result);
    expect(text).toMatch(/Batch #\d+: completed — mode walk, 4\/4 completed, 0 failed/);
    batchId = Number(/Batch #(\d+)/.exec(text)![1]);
    for (let i = 1; i <= 4; i++)
      expect(text).toMatch(new RegExp(`Frame ${i} \\(task #\\d+\\): completed`));
    for (const suffix of ["download", "sheet.png", "sheet.json", "animation.gif"]) {
      expect(text).toContain(`${server.baseUrl}/api/v1/batch/${batchId}/${suffix}`);
    }
    expect(text.match(/Download URL: http\S+\/api\/download\/\d+/g)).toHaveLength(4);
    const imgs = images(result);
    expect(imgs).toHaveLength(4);
    for (const img of imgs) expectPng(img);
    const zip = await fetch(`${server.baseUrl}/api/v1/batch/${batchId}/download`, {
      headers: user.auth,
    });
    expect(zip.status).toBe(200);
  });

  it("get_batch_status reports the batch and its frames", async () => {
    const result = await call(mcp, "get_batch_status", { batch_id: batchId });
    expect(result.isError).toBeFalsy();
    expect(texts(result)).toContain(`Batch #${batchId}: completed`);
    expect(images(result)).toHaveLength(4);
    const noImages = await call(mcp, "get_batch_status", {
      batch_id: batchId,
      include_images: false,
    });
    expect(images(noImages)).toHaveLength(0);
  });

  it("list_my_artworks lists tasks with thumbnails, and filters by status and search", async () => {
    const result = await call(mcp, "list_my_artworks", {});
    expect(result.isError).toBeFalsy();
    const text = texts(result);
    expect(text).toMatch(/artwork\(s\) in total; page 1 of 1/);
    expect(text).toContain(`#${taskId} [completed] "a tiny orange fox with a blue scarf"`);
    const thumbs = images(result);
    expect(thumbs.length).toBeGreaterThanOrEqual(5);
    expect(thumbs.length).toBeLessThanOrEqual(10);
    for (const t of thumbs) expectPng(t);

    const searched = await call(mcp, "list_my_artworks", {
      q: "goblin",
      include_thumbnails: false,
    });
    expect(texts(searched)).toMatch(/^4 artwork\(s\) in total/);
    expect(texts(searched)).not.toContain("fox");
    expect(images(searched)).toHaveLength(0);
    const failed = await call(mcp, "list_my_artworks", { status: "failed" });
    expect(texts(failed)).toMatch(/^0 artwork\(s\) in total/);
  });

  it("open_document, read_document_cels and write_document_cels let an agent fix a frame", async () => {
    const opened = await call(mcp, "open_document", { source_batch_id: batchId });
    expect(opened.isError, texts(opened)).toBeFalsy();
    const docId = Number(/Document #(\d+)/.exec(texts(opened))![1]);
    expect(texts(opened)).toContain("version 1");
    expect(texts(opened)).toMatch(/Frames \(4\)/);
    expect(images(opened)).toHaveLength(4);
    const read = await call(mcp, "read_document_cels", { document_id: docId, frames: [1] });
    expect(read.isError).toBeFalsy();
    const [cel] = images(read);
    expectPng(cel!);
    // the agent paints the frame's top-left pixel and writes the cel back
    const sharp = (await import("sharp")).default;
    const { data, info } = await sharp(Buffer.from(cel!.data, "base64"))
      .ensureAlpha()
      .raw()
      .toBuffer({ resolveWithObject: true });
    data.set([250, 10, 20, 255], 0);
    const png = await sharp(data, { raw: { width: info.width, height: info.height, channels: 4 } })
      .png()
      .toBuffer();
    const cels = [{ frame: 1, layer: 0, png: `data:image/png;base64,${png.toString("base64")}` }];
    const wrote = await call(mcp, "write_document_cels", { document_id: docId, version: 1, cels });
    expect(wrote.isError, texts(wrote)).toBeFalsy();
    expect(texts(wrote)).toMatch(/as version 2; gallery entry task #\d+/);
    const doc = await (
      await fetch(`${server.baseUrl}/api/v1/documents/${docId}`, { headers: user.auth })
    ).json();
    const saved = doc.cels.find((c: { frame: number }) => c.frame === 1).png as string;
    const px = await sharp(Buffer.from(saved.split(",")[1]!, "base64"))
      .ensureAlpha()
      .raw()
      .toBuffer();
    expect(Array.from(px.subarray(0, 4))).toEqual([250, 10, 20, 255]);
    // a stale version is refused, naming the current one
    const stale = await call(mcp, "write_document_cels", { document_id: docId, version: 1, cels });
    expect(stale.isError).toBe(true);
    expect(texts(stale)).toMatch(/current version is 2/);
    const bad = await call(mcp, "write_document_cels", {
      document_id: docId,
      version: 2,
      cels: [{ frame: 0, layer: 0, png: "not a data url" }],
    });
    expect(bad.isError).toBe(true);
    expect(texts(bad)).toMatch(/png must be a data:image\/png/);
    // …and from a single task (a gallery image), through the same route schema
    const batch = await (
      await fetch(`${server.baseUrl}/api/v1/batch/${batchId}`, { headers: user.auth })
    ).json();
    const taskId = batch.tasks[0].id as number;
    const fromTask = await call(mcp, "open_document", { source_task_id: taskId });
    expect(fromTask.isError, texts(fromTask)).toBeFalsy();
    expect(texts(fromTask)).toMatch(/Frames \(1\)/);
    expect(texts(fromTask)).toContain(`Opened from task #${taskId}.`);
    expect(images(fromTask)).toHaveLength(1);
  });

  it("create_character, animate_character, get_character and list_characters keep one character", async () => {
    const made = await call(mcp, "create_character", {
      prompt: "a knight with a red cape",
      directions: 4,
      seed: 9,
    });
    expect(made.isError, texts(made)).toBeFalsy();
    const id = Number(/Character #(\d+)/.exec(texts(made))![1]);
    expect(texts(made)).toMatch(/completed; humanoid, low_top_down, 48×48 px, 4 directions/);
    expect(images(made)).toHaveLength(4);
    for (const img of images(made)) expectPng(img);
    const walk = await call(mcp, "animate_character", {
      character_id: id,
      action: "walk",
      directions: ["down", "left"],
    });
    expect(walk.isError, texts(walk)).toBeFalsy();
    expect(texts(walk)).toMatch(/walk_down: completed, 4 frames/);
    expect(texts(walk)).toMatch(/walk_left: completed, 4 frames/);
    const got = await call(mcp, "get_character", { character_id: id });
    expect(texts(got)).toMatch(/Animations \(2\)/);
    expect(texts(got)).toContain(`/api/v1/characters/${id}/export`);
    const list = await call(mcp, "list_characters", {});
    expect(texts(list)).toMatch(
      new RegExp(
        `#${id} "a knight with a red cape" — completed, humanoid, 4 directions, 2 animation`,
      ),
    );
    const bad = await call(mcp, "animate_character", { character_id: id, action: "dance" });
    expect(bad.isError).toBe(true);
    expect(texts(bad)).toMatch(/action/);
    const diagonal = await call(mcp, "animate_character", {
      character_id: id,
      action: "walk",
      directions: ["up_left"],
    });
    expect(diagonal.isError).toBe(true);
    expect(texts(diagonal)).toMatch(/not one of this character's/);
  });

  it("rejects invalid input with isError naming the field", async () => {
    const result = await call(mcp, "create_pixel_art", { prompt: "a cat", scale: 999 });
    expect(result.isError).toBe(true);
    expect(texts(result)).toContain("scale must be an integer between 1 and 64");
    const noPrompt = await call(mcp, "batch_generate", { mode: "dance" });
    expect(noPrompt.isError).toBe(true);
    expect(texts(noPrompt)).toMatch(/prompt/);
    expect(texts(noPrompt)).toMatch(/mode must be one of walk/);
  });

  let tilesetId: number;

  it("create_tileset draws a grass ↔ dirt set and returns its sample map, sheet and engine links", async () => {
    const { tools } = await mcp.listTools();
    const props = tools.find((t) => t.name === "create_tileset")!.inputSchema.properties as Record<
      string,
      { enum?: string[] }
    >;
    expect(props.layout!.enum).toEqual(["corner16", "blob47"]);
    const result = await call(mcp, "create_tileset", {
      terrains: ["grass", "dirt"],
      tile_size: 16,
      layout: "corner16",
      seed: 5,
    });
    expect(result.isError).toBeFalsy();
    const body = texts(result);
    const id =
      /Tileset #(\d+): grass ↔ dirt, corner16, 16 px, 16 tiles \(4×4 sheet, 64×64 px\), seed 5/.exec(
        body,
      );
    expect(id, body).not.toBeNull();
    tilesetId = Number(id![1]);
    for (const f of [
      "tileset.png",
      "sample.png",
      "tileset.tsx",
      "sample.tmj",
      "tileset.tres",
      "rules.json",
      "tileset.zip",
    ])
      expect(body).toContain(`${server.baseUrl}/api/v1/tilesets/${tilesetId}/${f}`);
    const imgs = images(result);
    expect(imgs).toHaveLength(2);
    for (const img of imgs) expectPng(img);
    // the links work with the key: the .tmj the tool points at is this tileset's map
    const tmj = await (
      await fetch(`${server.baseUrl}/api/v1/tilesets/${tilesetId}/sample.tmj`, {
        headers: user.auth,
      })
    ).json();
    expect(tmj.tilesets[0].image).toBe(`tileset_${tilesetId}.png`);
  });

  it("get_tileset and list_tilesets find it; bad terrains and unknown ids are isError", async () => {
    const got = await call(mcp, "get_tileset", { tileset_id: tilesetId, include_images: false });
    expect(got.isError).toBeFalsy();
    expect(texts(got)).toContain(`Tileset #${tilesetId}: grass ↔ dirt`);
    expect(images(got)).toHaveLength(0);
    const list = await call(mcp, "list_tilesets", {});
    expect(texts(list)).toContain(`Tileset #${tilesetId}: grass ↔ dirt, corner16`);
    expect(texts(list)).toContain(`/api/v1/tilesets/${tilesetId}/tileset.zip`);
    const bad = await call(mcp, "create_tileset", { terrains: ["grass", "marshmallow"] });
    expect(bad.isError).toBe(true);
    expect(texts(bad)).toMatch(/terrain/);
    const same = await call(mcp, "create_tileset", { terrains: ["grass", "grass"] });
    expect(same.isError).toBe(true);
    expect(texts(same)).toContain("two different terrains");
    const missing = await call(mcp, "get_tileset", { tileset_id: 999999 });
    expect(missing.isError).toBe(true);
    expect(texts(missing)).toContain("not found");
  });

  it("answers a wrong API key with a clear isError result", async () => {
    const wrong = await connect({
      QTPIXEL_API_KEY: "gpa_notARealKey",
      QTPIXEL_API_BASE: server.baseUrl,
    });
    const result = await call(wrong, "list_my_artworks", {});
    expect(result.isError).toBe(true);
    expect(texts(result)).toMatch(/401/);
    expect(texts(result)).toContain("QTPIXEL_API_KEY");
  });

  it("answers an unreachable API base with a clear isError result", async () => {
    const down = await connect({
      QTPIXEL_API_KEY: user.key,
      QTPIXEL_API_BASE: "http://127.0.0.1:9",
    });
    const result = await call(down, "get_batch_status", { batch_id: 1 });
    expect(result.isError).toBe(true);
    expect(texts(result)).toContain("Cannot reach the QT Pixel API");
    expect(texts(result)).toContain("QTPIXEL_API_BASE");
  });

  it("answers a missing API key with a clear isError result on each call", async () => {
    const none = await connect({ QTPIXEL_API_BASE: server.baseUrl });
    expect((await none.listTools()).tools).toHaveLength(TOOL_NAMES.length);
    for (const [name, args] of [
      ["get_task_status", { task_id: 1 }],
      ["create_tileset", { terrains: ["grass", "dirt"] }],
    ] as const) {
      const result = await call(none, name, args);
      expect(result.isError, name).toBe(true);
      expect(texts(result)).toContain("QTPIXEL_API_KEY is not set");
    }
  });
});
