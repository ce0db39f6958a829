import { describe, expect, it } from "vitest";
import { en, zh } from "./dict";
import { formatPlurals, LOCALES, translator } from "./index";

describe("plurals in the translator", () => {
  const tEn = translator("en");
  const tZh = translator("zh");

  it("picks the English singular and plural", () => {
    expect(tEn("gallery.total", { n: 1 })).toBe("1 artwork");
    expect(tEn("gallery.total", { n: 0 })).toBe("0 artworks");
    expect(tEn("gallery.total", { n: 12 })).toBe("12 artworks");
    expect(tEn("gallery.confirmDelete", { n: 1 })).toBe("Delete 1 artwork? This cannot be undone.");
    expect(tEn("studio.generateBatch", { n: 1 })).toBe("Generate 1 frame");
    expect(tEn("studio.generateBatch", { n: 4 })).toBe("Generate 4 frames");
    expect(tEn("batch.progress", { done: 1, total: 1 })).toBe("1 of 1 frame done");
  });

  it("uses Chinese's single plural form", () => {
    expect(tZh("gallery.total", { n: 1 })).toBe("共 1 件作品");
    expect(tZh("studio.generateBatch", { n: 4 })).toBe("生成 4 帧");
  });

  it("prefers an exact =N branch and fills other placeholders inside a branch", () => {
    expect(
      formatPlurals("{n, plural, =0 {none} one {# item of {who}} other {# items}}", "en", {
        n: 0,
      }),
    ).toBe("none");
    const t = formatPlurals("{n, plural, one {# item of {who}} other {# items}}", "en", { n: 1 });
    expect(t).toBe("1 item of {who}");
  });

  it("leaves messages without a plural alone", () => {
    expect(tEn("batch.frameOf", { n: 2, total: 4 })).toBe("Frame 2 of 4");
  });

  it("every plural message of both dictionaries parses and has an other branch", () => {
    for (const locale of LOCALES) {
      const dict = locale === "en" ? en : zh;
      for (const [key, msg] of Object.entries(dict)) {
        if (!msg.includes(", plural,")) continue;
        expect(msg, `${locale} ${key}`).toMatch(/other \{/);
        const out = formatPlurals(msg, locale, { n: 3, total: 3, done: 1 });
        expect(out, `${locale} ${key}`).not.toMatch(/plural/);
      }
    }
  });
});
