// Undo/redo. A pixel operation (a stroke, a fill, a paste, a colour replace) records only the pixels
// it changed, as (index, before, after) triples per cel; a structure operation (frames, layers,
// palette, canvas size) records the documents before and after, which cost nothing extra because
// documents share their untouched cels. One stroke = one transaction = one step.
import {
  type CelPixels,
  type CelRef,
  checkCelRef,
  cloneCel,
  readRaw,
  type SpriteDocument,
  writeRaw,
} from "./model";

export interface CelPatch {
  layer: number;
  frame: number;
  /** Pixel indices (y*width+x) that changed. */
  index: Uint32Array;
  /** Raw values (packed RGBA, or palette index stored as its 32-bit pattern). */
  before: Uint32Array;
  after: Uint32Array;
}

export type HistoryStep =
  | { kind: "pixels"; label: string; patches: CelPatch[] }
  | { kind: "document"; label: string; before: SpriteDocument; after: SpriteDocument };

/** What every operation returns: the new document and its undo step (null when nothing changed). */
export interface Edit {
  doc: SpriteDocument;
  step: HistoryStep | null;
}

/**
 * Groups the pixel writes of one stroke. Works on private copies of the cels it touches, so the
 * input document is never mutated; `preview()` shows the stroke so far, `commit()` returns the
 * new document and one step holding only the pixels whose value changed.
 */
export class PixelTransaction {
  private readonly working = new Map<
    number,
    { ref: CelRef; cel: CelPixels; before: Map<number, number> }
  >();

  constructor(
    readonly base: SpriteDocument,
    readonly label: string,
  ) {}

  private entry(ref: CelRef) {
    const key = ref.layer * 65536 + ref.frame;
    let e = this.working.get(key);
    if (!e) {
      checkCelRef(this.base, ref);
      e = { ref, cel: cloneCel(this.base.cels[ref.layer]![ref.frame]!), before: new Map() };
      this.working.set(key, e);
    }
    return e;
  }

  /** Current raw value of a pixel (including this transaction's writes). */
  get(ref: CelRef, i: number): number {
    const key = ref.layer * 65536 + ref.frame;
    const e = this.working.get(key);
    return readRaw(this.base, e ? e.cel : this.base.cels[ref.layer]![ref.frame]!, i);
  }

  /** Writes a raw value (packed RGBA in rgba mode, palette index or -1 in indexed mode). */
  set(ref: CelRef, i: number, raw: number): void {
    const e = this.entry(ref);
    if (!e.before.has(i)) e.before.set(i, readRaw(this.base, e.cel, i));
    writeRaw(this.base, e.cel, i, raw);
  }

  /** Puts a pixel back to its value before the transaction (pixel-perfect pencil drops corners). */
  restore(ref: CelRef, i: number): void {
    const e = this.entry(ref);
    const b = e.before.get(i);
    if (b !== undefined) writeRaw(this.base, e.cel, i, b);
  }

  /** The document with the writes so far (for live drawing); cheap: shares untouched cels. */
  preview(): SpriteDocument {
    if (this.working.size === 0) return this.base;
    const cels = this.base.cels.map((row) => row.slice());
    for (const e of this.working.values()) cels[e.ref.layer]![e.ref.frame] = cloneCel(e.cel);
    return { ...this.base, cels };
  }

  commit(): Edit {
    const patches: CelPatch[] = [];
    const cels = this.base.cels.map((row) => row.slice());
    for (const e of this.working.values()) {
      const idx: number[] = [];
      const bef: number[] = [];
      const aft: number[] = [];
      for (const [i, b] of e.before) {
        const a = readRaw(this.base, e.cel, i);
        if (a !== b) {
          idx.push(i);
          bef.push(b >>> 0);
          aft.push(a >>> 0);
        }
      }
      if (idx.length === 0) continue;
      const order = idx.map((_, k) => k).sort((p, q) => idx[p]! - idx[q]!);
      patches.push({
        layer: e.ref.layer,
        frame: e.ref.frame,
        index: Uint32Array.from(order, (k) => idx[k]!),
        before: Uint32Array.from(order, (k) => bef[k]!),
        after: Uint32Array.from(order, (k) => aft[k]!),
      });
      cels[e.ref.layer]![e.ref.frame] = e.cel;
    }
    if (patches.length === 0) return { doc: this.base, step: null };
    // The working cels now belong to the new document; a later write would have to start over.
    this.working.clear();
    return { doc: { ...this.base, cels }, step: { kind: "pixels", label: this.label, patches } };
  }
}

export function documentStep(label: string, before: SpriteDocument, after: SpriteDocument): Edit {
  return { doc: after, step: before === after ? null : { kind: "document", label, before, after } };
}

function applyPatches(
  doc: SpriteDocument,
  patches: CelPatch[],
  dir: "before" | "after",
): SpriteDocument {
  const cels = doc.cels.map((row) => row.slice());
  for (const p of patches) {
    const cel = cloneCel(cels[p.layer]![p.frame]!);
    const values = p[dir];
    for (let k = 0; k < p.index.length; k++) {
      // Indexed values were stored as 32-bit patterns: `| 0` turns 0xffffffff back into -1.
      writeRaw(doc, cel, p.index[k]!, doc.colorMode === "indexed" ? values[k]! | 0 : values[k]!);
    }
    cels[p.layer]![p.frame] = cel;
  }
  return { ...doc, cels };
}

export const DEFAULT_HISTORY_LIMIT = 256;

export interface History {
  past: HistoryStep[];
  future: HistoryStep[];
  limit: number;
}

export function createHistory(limit = DEFAULT_HISTORY_LIMIT): History {
  return { past: [], future: [], limit };
}

/** Records an edit's step (drops the oldest beyond the limit, clears redo). */
export function pushStep(history: History, step: HistoryStep | null): History {
  if (!step) return history;
  const past = [...history.past, step];
  if (past.length > history.limit) past.splice(0, past.length - history.limit);
  return { ...history, past, future: [] };
}

export function canUndo(h: History): boolean {
  return h.past.length > 0;
}

export function canRedo(h: History): boolean {
  return h.future.length > 0;
}

export function undo(
  doc: SpriteDocument,
  history: History,
): { doc: SpriteDocument; history: History } {
  const step = history.past.at(-1);
  if (!step) return { doc, history };
  const next = step.kind === "pixels" ? applyPatches(doc, step.patches, "before") : step.before;
  return {
    doc: next,
    history: { ...history, past: history.past.slice(0, -1), future: [...history.future, step] },
  };
}

export function redo(
  doc: SpriteDocument,
  history: History,
): { doc: SpriteDocument; history: History } {
  const step = history.future.at(-1);
  if (!step) return { doc, history };
  const next = step.kind === "pixels" ? applyPatches(doc, step.patches, "after") : step.after;
  return {
    doc: next,
    history: { ...history, future: history.future.slice(0, -1), past: [...history.past, step] },
  };
}

/** Convenience for a UI store: apply an edit to {doc, history} in one call. */
export function commitEdit(
  state: { doc: SpriteDocument; history: History },
  edit: Edit,
): { doc: SpriteDocument; history: History } {
  return { doc: edit.doc, history: pushStep(state.history, edit.step) };
}
