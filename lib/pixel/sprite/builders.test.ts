import { describe, expect, it } from "vitest";
import { BUILDERS, builderForKind } from "./builders";
import { SUBJECTS } from "./vocabulary";

describe("builder registry", () => {
  it("each kind belongs to exactly one builder", () => {
    const seen = new Map<string, string>();
    for (const [name, b] of Object.entries(BUILDERS))
      for (const k of b.kinds) {
        expect(seen.get(k), `${k} claimed by ${seen.get(k)} and ${name}`).toBeUndefined();
        seen.set(k, name);
      }
  });

  it("every vocabulary subject reads into a kind its own builder draws", () => {
    for (const s of SUBJECTS) {
      const b = BUILDERS[s.builder];
      expect(b, s.id).toBeDefined();
      const { kind, variant } = b.read(s);
      expect(b.kinds, `${s.id} → ${kind}`).toContain(kind);
      expect(builderForKind(kind)).toBe(b);
      expect(variant.length, s.id).toBeGreaterThan(0);
    }
  });
});
