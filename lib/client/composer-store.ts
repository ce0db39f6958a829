"use client";
// The composer's local state, persisted in localStorage so settings survive reloads. Gallery
// "reuse" writes here and navigates to the studio.
import { create } from "zustand";
import { createJSONStorage, persist } from "zustand/middleware";
import type {
  Background,
  OutlineStyle,
  ShadingStyle,
  SpriteMode,
  SpriteSize,
} from "@/lib/vocabulary";

export type PaletteKind = "auto" | "named";

export interface ComposerState {
  prompt: string;
  negativePrompt: string;
  model: string;
  kind: "single" | "batch";
  mode: SpriteMode;
  count: number;
  background: Background;
  scale: number;
  paletteKind: PaletteKind;
  autoColors: number; // 0 = let the engine choose
  namedPalette: string;
  resolution: string;
  aspectRatio: string;
  seed: number | null;
  force: boolean;
  /** offline engine: logical grid (null = from the prompt), outline and shading */
  spriteSize: SpriteSize | null;
  outline: OutlineStyle;
  shading: ShadingStyle;
  /**
   * Fields whose typed text is not a valid value (the value above stays the last valid one, and
   * Generate refuses until the text is fixed). Not persisted: a reload shows the valid values.
   */
  invalid: Partial<Record<CheckedField, true>>;
}

export type CheckedField = "seed" | "scale";

export interface ComposerActions {
  set: (patch: Partial<ComposerState>) => void;
  reset: () => void;
}

export const COMPOSER_DEFAULTS: ComposerState = {
  prompt: "",
  negativePrompt: "",
  model: "",
  kind: "single",
  mode: "walk",
  count: 4,
  background: "transparent",
  scale: 20,
  paletteKind: "auto",
  autoColors: 0,
  namedPalette: "pico-8",
  resolution: "",
  aspectRatio: "",
  seed: null,
  force: false,
  spriteSize: null,
  outline: "coloured",
  shading: "soft",
  invalid: {},
};

export const useComposer = create<ComposerState & ComposerActions>()(
  persist(
    (set) => ({
      ...COMPOSER_DEFAULTS,
      set: (patch) => set(patch),
      reset: () => set(COMPOSER_DEFAULTS),
    }),
    {
      name: "pixel-studio-composer",
      version: 1,
      storage: createJSONStorage(() => localStorage),
      partialize: ({ set: _s, reset: _r, invalid: _i, ...state }) => state,
      // state saved before a field existed keeps the field's default
      merge: (saved, current) => ({
        ...current,
        ...COMPOSER_DEFAULTS,
        ...(saved as object),
        invalid: {},
      }),
      // Server HTML renders the defaults; the browser rehydrates after mount (see useComposerHydrated).
      skipHydration: true,
    },
  ),
);

/** `palette` as the API expects it. */
export function paletteValue(
  s: Pick<ComposerState, "paletteKind" | "autoColors" | "namedPalette">,
) {
  if (s.paletteKind === "named") return s.namedPalette;
  return s.autoColors > 0 ? `auto:${s.autoColors}` : "auto";
}

/** Inverse of paletteValue, for "reuse settings". */
export function paletteState(palette: string | null | undefined): Partial<ComposerState> {
  if (!palette || palette === "auto") return { paletteKind: "auto", autoColors: 0 };
  const m = /^auto:(\d+)$/.exec(palette);
  if (m) return { paletteKind: "auto", autoColors: Number(m[1]) };
  return { paletteKind: "named", namedPalette: palette };
}

/** Loads the persisted settings once on the client; returns true when they are in. */
export function rehydrateComposer(): Promise<void> | void {
  // persist is absent on the server (no localStorage)
  if (!useComposer.persist || useComposer.persist.hasHydrated()) return;
  return useComposer.persist.rehydrate();
}

/** Marks a field valid or not, leaving the others as they are. */
export function markField(field: CheckedField, valid: boolean): Pick<ComposerState, "invalid"> {
  const { [field]: _was, ...rest } = useComposer.getState().invalid;
  return { invalid: valid ? rest : { ...rest, [field]: true } };
}
