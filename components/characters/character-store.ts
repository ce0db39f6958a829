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
  select: (selected) => set({ selected }),
  setStateId: (stateId) => set({ stateId, selected: null }),
  setDialog: (dialog) => set({ dialog }),
  open: (characterId) => {
    if (get().characterId !== characterId)
      set({ characterId, selected: null, stateId: null, dialog: null });
  },
}));
