"use client";
// The editor's UI state (zustand): the document being edited with its undo history, the cel in
// focus, tools and their options, colours, view and selection. Every change to pixels or
// structure goes through `apply(edit)` with an Edit from lib/document, so undo covers it.
import { create } from "zustand";
import { useShallow } from "zustand/react/shallow";
import {
  type CelRef,
  type Clip,
  commitEdit,
  createHistory,
  type Edit,
  type History,
  moveSelection,
  redo,
  type Selection,
  type SpriteDocument,
  undo,
} from "@/lib/document";

export const EDITOR_TOOLS = [
  "pencil",
  "eraser",
  "picker",
  "bucket",
  "line",
  "rectangle",
  "ellipse",
  "select",
  "lasso",
  "wand",
  "pivot",
] as const;
export type EditorTool = (typeof EDITOR_TOOLS)[number];

/** The keys artists know from Piskel and Aseprite. */
export const TOOL_KEYS: Record<EditorTool, string> = {
  pencil: "b",
  eraser: "e",
  picker: "i",
  bucket: "g",
  line: "l",
  rectangle: "u",
  ellipse: "shift+u",
  select: "m",
  lasso: "q",
  wand: "w",
  // no program the artists know binds O; "origin"
  pivot: "o",
};

/**
 * A floating selection: its pixels lifted from `base` and moved by (dx,dy), shown in `doc` but
 * not yet an undo step. Dragging and arrow nudges move it; Enter, another edit, a new selection,
 * or a change of tool, frame or layer drops it (one undo step for the whole move); Esc puts it
 * back where it was.
 */
export interface Floating {
  base: SpriteDocument;
  source: Selection;
  target: CelRef;
  dx: number;
  dy: number;
  edit: Edit;
}

export const ZOOM_MIN = 1;
export const ZOOM_MAX = 64;

export interface EditorState {
  doc: SpriteDocument | null;
  history: History;
  /** bumps on every document change the canvas must repaint (apply, undo, redo, load) */
  revision: number;
  /** bumps on every load: the viewport fits the new document once */
  loads: number;
  /** revision of the last save (or load): dirty when they differ */
  savedRevision: number;
  frame: number;
  layer: number;
  tool: EditorTool;
  primary: string;
  secondary: string;
  pixelPerfect: boolean;
  filled: boolean;
  /** bucket: contiguous region, or every pixel of that colour */
  contiguous: boolean;
  mirrorH: boolean;
  mirrorV: boolean;
  lockToPalette: boolean;
  zoom: number;
  pan: { x: number; y: number };
  grid: boolean;
  /** the pivot's cross-hair over the canvas */
  showPivot: boolean;
  onion: boolean;
  onionOpacity: number;
  onionBefore: number;
  onionAfter: number;
  selection: Selection | null;
  floating: Floating | null;
  clipboard: Clip | null;
}

export interface EditorActions {
  set: (patch: Partial<EditorState>) => void;
  load: (doc: SpriteDocument) => void;
  /** Applies an operation's Edit: new document + one undo step. */
  apply: (edit: Edit) => void;
  /**
   * Applies an operation to the document as it is now (panels draw a deferred copy of it, which
   * may be a stroke behind for a moment: an operation on that copy would undo the stroke).
   */
  edit: (operation: (doc: SpriteDocument) => Edit) => void;
  undo: () => void;
  redo: () => void;
  markSaved: () => void;
  swapColors: () => void;
  setZoom: (zoom: number, around?: { x: number; y: number }) => void;
  /** Lifts the selection (if not floating yet) and moves it to (dx,dy) from where it was. */
  floatTo: (dx: number, dy: number) => void;
  /** Drops the floating selection where it is: one undo step. */
  commitFloating: () => void;
  /** Puts the floating selection back where it was lifted. */
  cancelFloating: () => void;
}

export const initialEditorState: EditorState = {
  doc: null,
  history: createHistory(),
  revision: 0,
  loads: 0,
  savedRevision: 0,
  frame: 0,
  layer: 0,
  tool: "pencil",
  primary: "#000000",
  secondary: "#ffffff",
  pixelPerfect: false,
  filled: false,
  contiguous: true,
  mirrorH: false,
  mirrorV: false,
  lockToPalette: false,
  zoom: 8,
  pan: { x: 0, y: 0 },
  grid: true,
  showPivot: true,
  onion: false,
  onionOpacity: 0.3,
  onionBefore: 1,
  onionAfter: 1,
  selection: null,
  floating: null,
  clipboard: null,
};

/** Keeps the focused frame and layer inside the document after structure changes. */
function clampFocus(doc: SpriteDocument, s: Pick<EditorState, "frame" | "layer">) {
  return {
    frame: Math.max(0, Math.min(s.frame, doc.frames.length - 1)),
    layer: Math.max(0, Math.min(s.layer, doc.layers.length - 1)),
  };
}

/** The state with a floating selection dropped: its move becomes one step of the history. */
function landed(s: EditorState): Pick<EditorState, "history" | "floating"> {
  const f = s.floating;
  if (!f) return { history: s.history, floating: null };
  if (!f.edit.step) return { history: s.history, floating: null };
  return {
    history: commitEdit({ doc: f.base, history: s.history }, f.edit).history,
    floating: null,
  };
}

export const useEditor = create<EditorState & EditorActions>()((set, get) => ({
  ...initialEditorState,
  set: (patch) => {
    const s = get();
    // another tool, frame, layer or selection: a floating selection lands first
    const drops =
      s.floating &&
      (("tool" in patch && patch.tool !== s.tool) ||
        ("frame" in patch && patch.frame !== s.frame) ||
        ("layer" in patch && patch.layer !== s.layer) ||
        ("selection" in patch && patch.selection !== s.selection));
    set(drops ? { ...landed(s), ...patch } : patch);
  },
  floatTo: (dx, dy) => {
    const s = get();
    if (!s.doc || !s.selection) return;
    const f: Floating = s.floating ?? {
      base: s.doc,
      source: s.selection,
      target: { layer: s.layer, frame: s.frame },
      dx: 0,
      dy: 0,
      edit: { doc: s.doc, step: null },
    };
    if (f.dx === dx && f.dy === dy && s.floating) return;
    const moved = moveSelection(f.base, f.target, f.source, dx, dy);
    if (!moved.edit.step && !s.floating) return; // a locked layer: nothing lifts
    set({
      doc: moved.edit.doc,
      selection: moved.rect,
      floating: { ...f, dx, dy, edit: moved.edit },
      revision: s.revision + 1,
    });
  },
  commitFloating: () => {
    const s = get();
    if (s.floating) set(landed(s));
  },
  cancelFloating: () => {
    const s = get();
    const f = s.floating;
    if (!f) return;
    set({ doc: f.base, selection: f.source, floating: null, revision: s.revision + 1 });
  },
  load: (doc) => {
    const rev = get().revision + 1;
    set({
      doc,
      history: createHistory(),
      revision: rev,
      loads: get().loads + 1,
      savedRevision: rev,
      frame: 0,
      layer: Math.max(0, doc.layers.length - 1),
      selection: null,
      floating: null,
      primary: doc.palette[0] ?? "#000000",
      secondary: doc.palette[1] ?? "#ffffff",
    });
  },
  apply: (edit) => {
    const s = get();
    if (!s.doc || !edit.step) return;
    // the edit was made on the document as shown, floating pixels included: they land first
    const next = commitEdit({ doc: s.doc, history: landed(s).history }, edit);
    set({ ...next, ...clampFocus(next.doc, s), floating: null, revision: s.revision + 1 });
  },
  edit: (operation) => {
    const doc = get().doc;
    if (doc) get().apply(operation(doc));
  },
  undo: () => {
    const s = get();
    if (s.floating) return get().cancelFloating();
    if (!s.doc || s.history.past.length === 0) return;
    const next = undo(s.doc, s.history);
    set({ ...next, ...clampFocus(next.doc, s), revision: s.revision + 1 });
  },
  redo: () => {
    const s = get();
    if (s.floating) return; // a floating move is the newest change: nothing to redo
    if (!s.doc || s.history.future.length === 0) return;
    const next = redo(s.doc, s.history);
    set({ ...next, ...clampFocus(next.doc, s), revision: s.revision + 1 });
  },
  markSaved: () => set({ savedRevision: get().revision }),
  swapColors: () => set({ primary: get().secondary, secondary: get().primary }),
  setZoom: (zoom, around) => {
    const s = get();
    const z = Math.max(ZOOM_MIN, Math.min(ZOOM_MAX, Math.round(zoom)));
    if (z === s.zoom) return;
    // keep the pixel under `around` (a point in viewport px, relative to the centre) in place
    const a = around ?? { x: 0, y: 0 };
    const k = z / s.zoom;
    set({ zoom: z, pan: { x: a.x - (a.x - s.pan.x) * k, y: a.y - (a.y - s.pan.y) * k } });
  },
}));

/**
 * The editor's state and actions without the document and its history, for the panels around
 * the canvas: they get the document as a (deferred) prop, so a stroke, fill or undo re-renders
 * them after the frame that shows it, not before.
 */
export function useEditorControls() {
  return useEditor(
    useShallow(({ doc, history, revision, savedRevision, ...controls }) => controls),
  );
}
