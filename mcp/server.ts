// Pixel Studio MCP server (QT Pixel API (docs/qt-pixel-api.md) "MCP 工具集成"): stdio transport, talks to the studio's
// QT Pixel REST API over HTTP with QTPIXEL_API_KEY against QTPIXEL_API_BASE.
//   npm run mcp            (from a checkout)
//   npx pixel-studio-mcp   (mcp/bin.mjs)
// Everything human-readable goes to stderr: stdout carries the MCP protocol.
import { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { StdioServerTransport } from "@modelcontextprotocol/sdk/server/stdio.js";
import { ConfigError, DEFAULT_API_BASE, missingKeyMessage, QtPixelClient } from "./api-client";
import { registerTools } from "./tools";

const SERVER_NAME = "pixel-studio";
const SERVER_VERSION = "0.1.0";

function positiveNumber(value: string | undefined): number | undefined {
  const n = Number(value);
  return value && Number.isFinite(n) && n > 0 ? n : undefined;
}

export function createServer(env: NodeJS.ProcessEnv = process.env): McpServer {
  const server = new McpServer(
    { name: SERVER_NAME, version: SERVER_VERSION },
    {
      instructions:
        "Pixel Studio (QT Pixel API): generate pixel art and sprite animations. Use create_pixel_art for one image, " +
        "batch_generate for 1–4 frames (walk/idle/attack/directions/variations/random), get_task_status / get_batch_status " +
        "to follow work started with wait: false, list_my_artworks to browse earlier results.",
    },
  );
  // The client is built per call so a missing/invalid configuration is reported on every call
  // (as an isError result) instead of crashing the server the MCP host just launched.
  let cached: QtPixelClient | undefined;
  registerTools(server, {
    getClient: () => {
      cached ??= QtPixelClient.fromEnv(env);
      return cached;
    },
    waitTimeoutMs: (positiveNumber(env.QTPIXEL_MCP_WAIT_TIMEOUT) ?? 120) * 1000,
    pollIntervalMs: positiveNumber(env.QTPIXEL_MCP_POLL_INTERVAL_MS) ?? 1000,
  });
  return server;
}

async function main() {
  if (!process.env.QTPIXEL_API_KEY?.trim()) {
    console.error(`[pixel-studio-mcp] ${missingKeyMessage()}`);
    console.error(
      "[pixel-studio-mcp] Starting anyway: every tool call will answer with this error until the key is set.",
    );
  } else {
    try {
      const client = QtPixelClient.fromEnv();
      console.error(`[pixel-studio-mcp] Using the QT Pixel API at ${client.baseUrl}`);
    } catch (error) {
      if (!(error instanceof ConfigError)) throw error;
      console.error(`[pixel-studio-mcp] ${error.message}`);
    }
  }
  if (!process.env.QTPIXEL_API_BASE?.trim()) {
    console.error(`[pixel-studio-mcp] QTPIXEL_API_BASE is not set; using ${DEFAULT_API_BASE}`);
  }
  const server = createServer();
  const transport = new StdioServerTransport();
  await server.connect(transport);
  const shutdown = () => {
    server.close().finally(() => process.exit(0));
  };
  process.stdin.on("end", shutdown);
  process.on("SIGINT", shutdown);
  process.on("SIGTERM", shutdown);
}

main().catch((error) => {
  console.error("[pixel-studio-mcp] fatal:", error);
  process.exit(1);
});
