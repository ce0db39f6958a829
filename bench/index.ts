// `npm run bench [-- --only=pixel,tiles,queue,api,gallery]`: prints one JSON document. Needs a
// production build (`npm run build`) for the server benchmarks.
import { benchGallery } from "./gallery-bench";
import { benchPixel } from "./pixel";
import { benchApi, benchQueue } from "./server-bench";
import { benchTilesSfx } from "./tiles-sfx";

const only = process.argv
  .find((a) => a.startsWith("--only="))
  ?.slice(7)
  .split(",");
const want = (name: string) => !only || only.includes(name);

async function main() {
  const out: Record<string, unknown> = {
    machine: { cpus: (await import("node:os")).cpus().length, node: process.version },
    at: new Date().toISOString(),
  };
  const section = async (name: string, fn: () => Promise<unknown>) => {
    if (!want(name)) return;
    process.stderr.write(`bench: ${name}…\n`);
    try {
      out[name] = await fn();
    } catch (error) {
      out[name] = { error: error instanceof Error ? error.message : String(error) };
    }
  };
  await section("pixel", benchPixel);
  await section("tiles", benchTilesSfx);
  await section("queue", () => benchQueue());
  await section("api", () => benchApi());
  await section("gallery", () => benchGallery());
  console.log(JSON.stringify(out, null, 2));
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
