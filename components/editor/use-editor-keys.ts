"use client";
// The editor's keyboard, on the letters artists know from Piskel and Aseprite.
import { useEffect } from "react";
import { addFrame, copySelection, cutSelection, duplicateFrame, pasteClip } from "@/lib/document";
import { moveSelectionToFrame } from "@/lib/document/editor-ops";
import { type EditorTool, TOOL_KEYS, useEditor } from "./editor-store";

/** Single-letter tool keys (U and Shift+U are handled on their own: rectangle / ellipse). */
const LETTERS: Record<string, EditorTool> = Object.fromEntries(
  (Object.entries(TOOL_KEYS) as [EditorTool, string][])
    .filter(([, key]) => key.length === 1)
    .map(([tool, key]) => [key, tool]),
);

function typing(target: EventTarget | null) {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  const tag = target.tagName;
  return (
    tag === "TEXTAREA" ||
    tag === "SELECT" ||
    (tag === "INPUT" &&
      !["checkbox", "radio", "range", "color"].includes((target as HTMLInputElement).type))
  );
}

export function useEditorKeys({ onSave }: { onSave: () => void }) {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || typing(e.target)) return;
      if (document.querySelector("dialog[open]")) return;
      const s = useEditor.getState();
      if (!s.doc) return;
      const doc = s.doc;
      const target = { layer: s.layer, frame: s.frame };
      const key = e.key.toLowerCase();
      const mod = e.ctrlKey || e.metaKey;
      const handled = () => e.preventDefault();
      if (mod) {
        const commands: Record<string, (() => void) | false> = {
          z: !e.shiftKey && s.undo,
          y: s.redo,
          s: onSave,
          a: () => s.set({ selection: { x: 0, y: 0, width: doc.width, height: doc.height } }),
          d: () => s.set({ selection: null }),
          c:
            !!s.selection && (() => s.set({ clipboard: copySelection(doc, target, s.selection!) })),
        };
        if (key === "z" && e.shiftKey) commands.z = s.redo;
        const command = commands[key];
        if (command) {
          handled();
          return command();
        }
        if (key === "x" && s.selection) {
          handled();
          const { clip, edit } = cutSelection(doc, target, s.selection);
          s.set({ clipboard: clip });
          return s.apply(edit);
        }
        if (key === "v" && s.clipboard) {
          handled();
          const at = s.selection ? { x: s.selection.x, y: s.selection.y } : { x: 0, y: 0 };
          s.apply(pasteClip(doc, target, s.clipboard, at));
          return s.set({
            selection: { ...at, width: s.clipboard.width, height: s.clipboard.height },
          });
        }
        return;
      }
      if (e.key.startsWith("Arrow")) {
        const dx = e.key === "ArrowLeft" ? -1 : e.key === "ArrowRight" ? 1 : 0;
        const dy = e.key === "ArrowUp" ? -1 : e.key === "ArrowDown" ? 1 : 0;
        handled();
        if (s.selection && e.altKey && dx) {
          // Alt+←/→ carries the selection to the neighbouring frame
          const to = s.frame + dx;
          if (to < 0 || to >= doc.frames.length) return;
          s.apply(moveSelectionToFrame(doc, target, s.selection, to));
          return s.set({ frame: to });
        }
        if (s.selection) {
          // nudges float the selection: a run of them is one undo step when it lands
          const step = e.shiftKey ? 8 : 1;
          const f = s.floating;
          return s.floatTo((f?.dx ?? 0) + dx * step, (f?.dy ?? 0) + dy * step);
        }
        if (dx) {
          const n = doc.frames.length;
          s.set({ frame: (s.frame + dx + n) % n });
        }
        return;
      }
      if (e.altKey) return;
      if (key === "escape") return s.floating ? s.cancelFloating() : s.set({ selection: null });
      if (key === "enter" && s.floating) {
        handled();
        return s.commitFloating();
      }
      if ((key === "delete" || key === "backspace") && s.selection) {
        handled();
        return s.apply(cutSelection(doc, target, s.selection).edit);
      }
      if (key === "u")
        return s.set({ tool: e.shiftKey || s.tool === "rectangle" ? "ellipse" : "rectangle" });
      if (LETTERS[key]) return s.set({ tool: LETTERS[key] });
      if (key === "x") return s.swapColors();
      if (key === "n") {
        handled();
        s.apply(e.shiftKey ? duplicateFrame(doc, s.frame) : addFrame(doc, s.frame + 1));
        return s.set({ frame: s.frame + 1 });
      }
      if (/^[1-9]$/.test(e.key)) {
        const c = doc.palette[Number(e.key) - 1];
        if (c) s.set({ primary: c });
        return;
      }
      if (e.key === "+" || e.key === "=") return s.setZoom(s.zoom + Math.max(1, s.zoom >> 2));
      if (e.key === "-") return s.setZoom(s.zoom - Math.max(1, s.zoom >> 2));
      if (e.key === "#") return s.set({ grid: !s.grid });
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, [onSave]);
}
