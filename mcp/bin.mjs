#!/usr/bin/env node
// `npx pixel-studio-mcp`: runs mcp/server.ts through tsx's API, from any working directory.
// Paths resolve from this file's own location, not from the cwd.
import { tsImport } from "tsx/esm/api";

await tsImport("./server.ts", import.meta.url);
