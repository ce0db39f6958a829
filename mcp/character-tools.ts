// MCP tools over characters (/api/v1/characters, #19): create a character once, animate it in any
// action and direction with the same identity, read it back with its facings and frames. The
// fields are the routes' own zod schemas (lib/api/schemas/character-fields.ts), imported rather
// than restated.
import type { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import { z } from "zod";
import {
  animateCharacterBody,
  type CharacterAnimation,
  type CharacterAnswer,
  createCharacterBody,
} from "../lib/api/schemas/character-fields";
import { CREATES, READS, registerApiTool, type ToolOptions } from "./tools";

type Content = CallToolResult["content"][number];

const characterIdField = z
  .number({ error: "character_id must be a positive integer" })
  .int()
  .positive()
  .describe("The character id (create_character / list_characters answer it)");

/** At most this many facing images per answer (8 directions fit). */
const MAX_FACING_IMAGES = 8;

function describeAnimation(a: CharacterAnimation): string {
  const flagged = a.frames.filter((f) => f.identity?.flagged).map((f) => f.index);
  return (
    `  #${a.id} ${a.action}_${a.direction}${a.state_id ? ` (state ${a.state_id})` : ""}: ${a.status}, ${a.frames.length} frames` +
    (a.failed_frames.length ? `, failed: ${a.failed_frames.join(", ")}` : "") +
    (flagged.length ? `, drifted (re-roll): ${flagged.join(", ")}` : "") +
    ` — ${a.frames.map((f) => f.url ?? "…").join(" ")}`
  );
}

function describeCharacter(c: CharacterAnswer, baseUrl: (p: string) => string): string {
  const lines = [
    `Character #${c.id} "${c.name}" — ${c.status}; ${c.body}, ${c.view}, ${c.size}×${c.size} px, ${c.directions.length} directions, model ${c.model}, seed ${c.seed}.`,
    `Prompt: ${c.prompt}`,
    `Locked palette (${c.palette.length}): ${c.palette.join(" ") || "not yet known"}`,
    `Reference images: ${c.supports_reference ? "yes" : "no (the prompt alone ties frames together)"}`,
    `Facings: ${Object.entries(c.facings)
      .map(([d, f]) => `${d} ${f.status}${f.url ? ` ${baseUrl(f.url)}` : ""}`)
      .join("; ")}`,
  ];
  if (c.notes.length) lines.push(`Notes: ${c.notes.join(" ")}`);
  if (c.states.length)
    lines.push(`States: ${c.states.map((s) => `#${s.id} "${s.name}" (${s.status})`).join(", ")}`);
  lines.push(
    c.animations.length
      ? `Animations (${c.animations.length}):\n${c.animations.map(describeAnimation).join("\n")}`
      : "No animations yet: use animate_character.",
  );
  lines.push(`Export everything as one ZIP: ${baseUrl(`/api/v1/characters/${c.id}/export`)}`);
  return lines.join("\n");
}

async function facingImages(
  c: CharacterAnswer,
  fetchImage: (p: string) => Promise<Buffer>,
): Promise<Content[]> {
  const out: Content[] = [];
  for (const [d, f] of Object.entries(c.facings).slice(0, MAX_FACING_IMAGES)) {
    if (!f.url) continue;
    out.push(
      { type: "text", text: `Facing ${d}:` },
      { type: "image", data: (await fetchImage(f.url)).toString("base64"), mimeType: "image/png" },
    );
  }
  return out;
}

const createFields = createCharacterBody.shape;
const animateFields = animateCharacterBody.shape;

export function registerCharacterTools(server: McpServer, options: ToolOptions): void {
  registerApiTool(
    server,
    options,
    "create_character",
    {
      title: "Create a character / 创建角色",
      description:
        "Create a game character once (POST /api/v1/characters): one design drawn in 4 or 8 directions (its canonical facings) with a locked palette and a fixed pivot. Every later animation (animate_character) is drawn from it, so the knight of the walk is the knight of the attack. " +
        "The offline engine answers with the facings drawn; a remote model queues them (poll get_character). Answers the facings as images.\n" +
        "创建一个角色（4 或 8 个朝向、固定调色板），之后的所有动画都保持同一个角色。",
      inputSchema: {
        prompt: createFields.prompt,
        name: createFields.name,
        model: createFields.model,
        seed: createFields.seed,
        size: createFields.size,
        view: createFields.view,
        directions: createFields.directions,
        body: createFields.body,
        palette: createFields.palette,
        source_task_id: createFields.source_task_id,
      },
      annotations: CREATES,
    },
    async (client, args) => {
      const c = await client.createCharacter(args);
      return {
        content: [
          { type: "text", text: describeCharacter(c, (p) => client.url(p)) },
          ...(await facingImages(c, (p) => client.fetchImage(p))),
        ],
      };
    },
  );

  registerApiTool(
    server,
    options,
    "animate_character",
    {
      title: "Animate a character / 生成角色动画",
      description:
        "Animate a character (POST /api/v1/characters/:id/animations): one action (idle, walk, run, jump, attack, cast, hurt, death) in some or all of its directions, each an animation of frames drawn from the character's facing of that direction. " +
        "Each frame gets an identity score (palette and silhouette against its facing); drifted frames are flagged. The offline engine answers with finished frames; remote frames are queued (poll get_character).\n" +
        "为角色生成一个动作的动画（可选朝向），每帧附身份一致性评分。",
      inputSchema: {
        character_id: characterIdField,
        action: animateFields.action,
        directions: animateFields.directions,
        state_id: animateFields.state_id,
      },
      annotations: CREATES,
    },
    async (client, { character_id, ...body }) => {
      const { animations } = await client.animateCharacter(character_id, body);
      return {
        content: [
          {
            type: "text",
            text: `Character #${character_id}: ${animations.length} animation(s)\n${animations.map(describeAnimation).join("\n")}`,
          },
        ],
      };
    },
  );

  registerApiTool(
    server,
    options,
    "get_character",
    {
      title: "Get a character / 查看角色",
      description:
        "A character (GET /api/v1/characters/:id): its facings (as images), locked palette, states and every animation with frame URLs, failed and drifted frames, and the ZIP export link.\n查看角色的朝向、调色板、状态与动画。",
      inputSchema: { character_id: characterIdField },
      annotations: READS,
    },
    async (client, args) => {
      const c = await client.getCharacter(args.character_id);
      return {
        content: [
          { type: "text", text: describeCharacter(c, (p) => client.url(p)) },
          ...(await facingImages(c, (p) => client.fetchImage(p))),
        ],
      };
    },
  );

  registerApiTool(
    server,
    options,
    "list_characters",
    {
      title: "List characters / 角色列表",
      description:
        "Your characters, newest first (GET /api/v1/characters), with their status, directions and animation counts.\n列出你的角色。",
      inputSchema: {
        page: z.number().int().positive().optional().describe("Page, from 1 (default 1)"),
      },
      annotations: READS,
    },
    async (client, args) => {
      const list = await client.listCharacters(args.page ?? 1);
      const lines = list.items.map(
        (c) =>
          `#${c.id} "${c.name}" — ${c.status}, ${c.body}, ${c.directions.length} directions, ${c.animation_count} animation(s), model ${c.model}`,
      );
      return {
        content: [
          {
            type: "text",
            text: `${list.total} character(s), page ${list.page}:\n${lines.join("\n") || "none yet: use create_character."}`,
          },
        ],
      };
    },
  );
}
