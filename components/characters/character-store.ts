"use client";
// The character page's UI state: which cell of the action × direction grid is open in the big
// player, which state (outfit) the grid shows, and the open dialog. Reset when another character
// opens.
import { create } from "zustand";
import type { Facing } from "@/lib/vocabulary";

export interface CharacterUiState {
  characterId: number | null;
  /** the grid cell in the big player: action × direction */
  selected: { action: string; direction: Facing } | null;
  /** the state the grid shows (null = the base design) */
  stateId: number | null;
  dialog: "animate" | "state" | "delete" | null;
  /**
   * Takes of re-rolled frames, by `animationId:index`: a re-roll keeps the frame's URL (same
   * gallery task), so its <img> needs a new cache key to show the new take. Bumped when the
   * re-roll is accepted and again when the frame is seen finishing.
   */
  takes: Record<string, number>;
  bumpTake: (key: string) => void;
  select: (cell: { action: string; direction: Facing } | null) => void;
  setStateId: (id: number | null) => void;
  setDialog: (d: CharacterUiState["dialog"]) => void;
  open: (characterId: number) => void;
}

export const useCharacterUi = create<CharacterUiState>()((set, get) => ({
  characterId: null,
  selected: null,
  stateId: null,
  dialog: null,
  takes: {},
  bumpTake: (key) => set((s) => ({ takes: { ...s.takes, [key]: (s.takes[key] ?? 0) + 1 } })),
  select: (selected) => set({ selected }),
  setStateId: (stateId) => set({ stateId, selected: null }),
  setDialog: (dialog) => set({ dialog }),
  open: (characterId) => {
    if (get().characterId !== characterId)
      set({ characterId, selected: null, stateId: null, dialog: null, takes: {} });
  },
}));
