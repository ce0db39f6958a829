"use client";
// The editor's UI state (zustand): the document being edited with its undo history, the cel in
// focus, tools and their options, colours, view and selection. Every change to pixels or
// structure goes through `apply(edit)` with an Edit from lib/document, so undo covers it.
import { create } from "zustand";
import {
  type Clip,
  commitEdit,
  createHistory,
  type Edit,
  type History,
  type Rect,
  redo,
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
};

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
  onion: boolean;
  onionOpacity: number;
  onionBefore: number;
  onionAfter: number;
  selection: Rect | null;
  clipboard: Clip | null;
}

export interface EditorActions {
  set: (patch: Partial<EditorState>) => void;
  load: (doc: SpriteDocument) => void;
  /** Applies an operation's Edit: new document + one undo step. */
  apply: (edit: Edit) => void;
  undo: () => void;
  redo: () => void;
  markSaved: () => void;
  swapColors: () => void;
  setZoom: (zoom: number, around?: { x: number; y: number }) => void;
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
  onion: false,
  onionOpacity: 0.3,
  onionBefore: 1,
  onionAfter: 1,
  selection: null,
  clipboard: null,
};

/** Keeps the focused frame and layer inside the document after structure changes. */
function clampFocus(doc: SpriteDocument, s: Pick<EditorState, "frame" | "layer">) {
  return {
    frame: Math.max(0, Math.min(s.frame, doc.frames.length - 1)),
    layer: Math.max(0, Math.min(s.layer, doc.layers.length - 1)),
  };
}

export const useEditor = create<EditorState & EditorActions>()((set, get) => ({
  ...initialEditorState,
  set: (patch) => set(patch),
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
      primary: doc.palette[0] ?? "#000000",
      secondary: doc.palette[1] ?? "#ffffff",
    });
  },
  apply: (edit) => {
    const s = get();
    if (!s.doc || !edit.step) return;
    const next = commitEdit({ doc: s.doc, history: s.history }, edit);
    set({ ...next, ...clampFocus(next.doc, s), revision: s.revision + 1 });
  },
  undo: () => {
    const s = get();
    if (!s.doc || s.history.past.length === 0) return;
    const next = undo(s.doc, s.history);
    set({ ...next, ...clampFocus(next.doc, s), revision: s.revision + 1 });
  },
  redo: () => {
    const s = get();
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
