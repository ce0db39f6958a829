/**
 * lib/document — the pixel editor's sprite document and every operation on it. Framework-free and
 * browser-safe (no node: modules, no DOM): the /editor page, the server routes and MCP share it.
 *
 * MODEL (model.ts)
 *   SpriteDocument { width, height (1–256), colorMode "rgba"|"indexed", frames[{durationMs}],
 *     layers[{name, visible, opacity 0–1, locked}] (bottom→top), cels[layer][frame],
 *     palette ["#rrggbb"] (≤256), tags[{name, from, to, direction?: Facing}], pivot {x,y} }
 *   A cel is Uint8ClampedArray RGBA (w*h*4) in rgba mode, Int16Array of palette indices (-1 =
 *   clear) in indexed mode. Documents are immutable: never write into a cel you got from one.
 *   Colours are `Rgba` numbers 0xRRGGBBAA (0 = transparent): packRgba, unpackRgba, hexToRgba,
 *   rgbaToHex. createDocument({width,height,frames?,layers?,colorMode?,palette?}),
 *   documentFromImages({width,height,frames:[rgba],durationsMs?,tags?}), validateDocument(doc),
 *   celRgba(doc, layer, frame), pickColor(doc, {layer,frame}, {x,y}).
 *   Limits: DOCUMENT_MAX_SIDE 256, DOCUMENT_MAX_FRAMES 256, DOCUMENT_MAX_LAYERS 64, MAX_PALETTE_COLORS.
 *
 * EDITS AND UNDO (history.ts)
 *   Every operation returns `Edit {doc, step}` (step null = nothing changed). Keep
 *   `{doc, history}` in the store: `commitEdit(state, edit)`, `undo(doc, history)`,
 *   `redo(doc, history)`, `createHistory(limit = 256)`, canUndo/canRedo. Pixel steps hold only
 *   changed pixels; structure steps hold the documents before/after (cels shared).
 *
 * DRAWING (draw.ts), target = {layer, frame}; options {mirror?: {horizontal?, vertical?},
 *   lockToPalette?}; locked layers ignore drawing.
 *   new Stroke(doc, target, color, {pixelPerfect?, mirror?, lockToPalette?}) → .add({x,y}) on each
 *     pointer move (gaps joined), .preview() → doc to paint, .finish() → Edit (one undo step).
 *   pencil(doc, target, points, color, opts), erase(doc, target, points, opts),
 *   drawLine(doc, target, from, to, color, opts) — snapLineEnd(x0,y0,x1,y1, 15) for Shift,
 *   drawRectangle / drawEllipse(doc, target, from, to, color, {filled?, ...opts}),
 *   bucketFill(doc, target, at, color, {contiguous?: true, ...}) (false = every pixel of that colour),
 *   fillRegion (the mask), nearestPaletteIndex, snapToPalette (lock-to-palette).
 *   Geometry (geometry.ts): linePoints, rectanglePoints, ellipsePoints, pixelPerfect, mirrorPoint,
 *   rectFromCorners.
 *
 * SELECTION (selection.ts), rect = Selection {x, y, width, height, mask?} (mask: width*height,
 *   1 = selected, for shapes); Clip = {width, height, pixels: Rgba[]}
 *   magicWandSelection(doc, target, at, contiguous?), lassoSelection(doc, points),
 *   selectionFromMask(doc, fullMask), isSelected(sel, x, y); every operation below honours a mask.
 *   copySelection → Clip; cutSelection → {clip, edit}; pasteClip(doc, target, clip, {x,y}) (any
 *   frame/layer; clear clip pixels keep what is below); moveSelection(doc, target, rect, dx, dy)
 *   → {edit, rect} (drag or arrow nudge); flipSelection(…, "horizontal"|"vertical"),
 *   rotateSelection90(…, clockwise) → {edit, rect}; flipFrame(doc, frame, axis),
 *   rotateFrame90(doc, frame, clockwise); flipClip, rotateClip.
 *
 * STRUCTURE (structure.ts)
 *   addFrame(doc, at?, ms?), duplicateFrame, deleteFrame, moveFrame(from, to),
 *   setFrameDuration(i, ms); addLayer(doc, at?, name?), duplicateLayer, deleteLayer,
 *   moveLayer(from, to), updateLayer(i, {name?, visible?, opacity?, locked?}), mergeLayerDown(i);
 *   addTag / updateTag / deleteTag; setPivot; resizeCanvas(doc, w, h, offset) with
 *   anchorOffset(from, to, {x:0|.5|1, y}); cropCanvas(doc, rect); trimCanvas; contentBounds.
 *
 * PALETTE (palette-ops.ts)
 *   addPaletteColor(doc, hex, at?), removePaletteColor, movePaletteColor(from, to),
 *   setPaletteColor(i, hex) (indexed: recolours every frame), replaceColor(doc, from, to) (every
 *   cel, one step), usedColors, toIndexed(doc, {extendPalette?}), toRgba, remapToPalette(doc,
 *   palette, mapping?), loadPalette(doc, colours) (a saved palette as the swatches; indexed pixels
 *   move to the nearest entry). Palette files: parsePaletteFile / formatPaletteHex|Gpl in lib/pixel/palette-formats.
 *
 * COMPOSITING (composite.ts)
 *   compositeFrame(doc, frame) → RGBA (visible layers, opacity) → `new ImageData(px, w, h)`;
 *   compositeAll; onionSkinFrames(doc, frame, {before, after, opacity, loop}) → [{frame, opacity}];
 *   compositeOnionSkin → RGBA to draw behind the current frame; composeOver.
 *
 * FILES AND WIRE (aseprite-file.ts, aseprite-json.ts, wire.ts)
 *   writeAsepriteFile(doc, deflate) → `.aseprite` bytes (RGBA 32 bpp or indexed 8 bpp; the pivot
 *   as a "pivot" slice with a pivot, each tag's facing as its user-data text "direction=down");
 *   parseAsepriteJson(sheet JSON) → {width, height, frames:[{sheet rect, offset, durationMs}], tags};
 *   documentToJson(doc, codec) / documentFromJson(json, codec): the /api/v1/documents JSON
 *   (cels as PNG data URLs; codec = {encode, decode}, e.g. a canvas in the browser).
 */

export * from "./aseprite-file";
export * from "./aseprite-json";
export * from "./composite";
export * from "./draw";
export * from "./geometry";
export * from "./history";
export * from "./model";
export * from "./palette-ops";
export * from "./selection";
export * from "./structure";
export * from "./wire";
