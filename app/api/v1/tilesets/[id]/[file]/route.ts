import { Readable } from "node:stream";
import { parseQuery, qtHandler } from "@/lib/api/handler";
import { tilesetFileParams, tilesetFileQuery } from "@/lib/api/schemas/tilesets";
import { requireCaller } from "@/lib/auth/caller";
import { zipStream } from "@/lib/pixel";
import {
  ownTileset,
  sampleTmjOf,
  sheetFileName,
  tilesetPng,
  tilesetRulesOf,
  tilesetTresOf,
  tilesetTsxOf,
} from "@/lib/tilesets/tilesets";

export const dynamic = "force-dynamic";

/** Extension: a tileset's files — sheet and sample map PNG (?scale=1–20), .tsx, .tres, rules, sample.tmj, ZIP. */
export const GET = qtHandler<{ id: string; file: string }>(async (req, { params }) => {
  const caller = await requireCaller(req);
  const { id, file } = tilesetFileParams.parse(params);
  const { scale = 1 } = parseQuery(req, tilesetFileQuery);
  const { task, spec } = await ownTileset(id, caller.user.id);
  const stem = `tileset_${task.id}`;
  const reply = (body: BodyInit, type: string, name: string, attachment: boolean) =>
    new Response(body, {
      headers: {
        "Content-Type": type,
        "Content-Disposition": `${attachment ? "attachment" : "inline"}; filename=${name}`,
        "Cache-Control": "private, max-age=3600",
      },
    });
  switch (file) {
    case "tileset.png":
      return reply(
        new Uint8Array(await tilesetPng(task, "image", scale)),
        "image/png",
        scale === 1 ? sheetFileName(task.id) : `${stem}_x${scale}.png`,
        false,
      );
    case "sample.png":
      return reply(
        new Uint8Array(await tilesetPng(task, "grid", scale)),
        "image/png",
        `${stem}_sample${scale === 1 ? "" : `_x${scale}`}.png`,
        false,
      );
    case "tileset.tsx":
      return reply(tilesetTsxOf(task, spec), "application/xml; charset=utf-8", `${stem}.tsx`, true);
    case "tileset.tres":
      return reply(tilesetTresOf(task, spec), "text/plain; charset=utf-8", `${stem}.tres`, true);
    case "rules.json":
      return reply(
        JSON.stringify(tilesetRulesOf(task, spec), null, 2),
        "application/json",
        `${stem}.rules.json`,
        false,
      );
    case "sample.tmj":
      return reply(
        JSON.stringify(sampleTmjOf(task, spec), null, 2),
        "application/json",
        `${stem}_sample.tmj`,
        true,
      );
    case "tileset.zip": {
      const zip = zipStream([
        { name: sheetFileName(task.id), data: () => tilesetPng(task, "image", 1) },
        { name: `${stem}.tsx`, data: Buffer.from(tilesetTsxOf(task, spec)) },
        { name: `${stem}.tres`, data: Buffer.from(tilesetTresOf(task, spec)) },
        {
          name: `${stem}.rules.json`,
          data: Buffer.from(JSON.stringify(tilesetRulesOf(task, spec), null, 2)),
        },
        { name: `${stem}_sample.png`, data: () => tilesetPng(task, "grid", 1) },
        {
          name: `${stem}_sample.tmj`,
          data: Buffer.from(JSON.stringify(sampleTmjOf(task, spec), null, 2)),
        },
      ]);
      return reply(
        Readable.toWeb(zip) as ReadableStream<Uint8Array>,
        "application/zip",
        `${stem}.zip`,
        true,
      );
    }
  }
});
