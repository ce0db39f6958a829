// The request thread's way to the Chinese dictionary (withChineseDictionary): the load is cut
// into turns of the event loop, so other requests are answered while it runs, and the index and
// the interpretations it gives are exactly those of the load at once.
import fs from "node:fs";
import { describe, expect, it, vi } from "vitest";
import { packageFile } from "./emoji-index";

type Sprite = {
  dict: typeof import("./chinese-dictionary");
  interp: typeof import("./interpretation");
};

/** Fresh module instances: a process that has not loaded the dictionary yet. */
async function freshProcess(): Promise<Sprite> {
  vi.resetModules();
  return {
    dict: await import("./chinese-dictionary"),
    interp: await import("./interpretation"),
  };
}

const PROMPTS = ["一只哈士奇", "一条金鱼", "海马", "拿着鱼叉的渔夫", "火龙", "雪人"];

describe("the Chinese dictionary on a thread that answers requests", () => {
  it("is loaded in many turns while other requests are answered, then reads prompts exactly", async () => {
    const { dict, interp } = await freshProcess();
    expect(dict.cedictLoaded()).toBe(false);
    // one POST with a Chinese word the vocabulary lacks starts the load …
    const first = interp.interpretPromptWithoutBlocking("一只哈士奇", { seed: 7 });
    const second = interp.interpretPromptWithoutBlocking("一条金鱼", { seed: 7 });
    // … and requests that need no dictionary keep being answered meanwhile, one per turn
    let answered = 0;
    while (!dict.cedictLoaded()) {
      await new Promise((resolve) => setImmediate(resolve));
      expect(interp.interpretPrompt("a red knight", { seed: answered }).subject).toBe("knight");
      answered++;
    }
    // the dictionary has about 120,000 entries, 500 a turn
    expect(answered).toBeGreaterThan(30);
    const [husky, goldfish] = await Promise.all([first, second]);
    expect(husky.summary).toContain("哈士奇");

    // the same prompts in a process that loaded the dictionary at once
    const eager = await freshProcess();
    expect(eager.interp.interpretPrompt("一只哈士奇", { seed: 7 })).toEqual(husky);
    expect(eager.interp.interpretPrompt("一条金鱼", { seed: 7 })).toEqual(goldfish);
    expect(eager.dict.cedictLoaded()).toBe(true);
    for (const prompt of PROMPTS)
      expect(await interp.interpretPromptWithoutBlocking(prompt, { seed: 3, take: 1 })).toEqual(
        eager.interp.interpretPrompt(prompt, { seed: 3, take: 1 }),
      );
  }, 60_000);

  it("holds every entry of CC-CEDICT under both scripts, in the file's order", async () => {
    const { dict } = await freshProcess();
    await dict.loadChineseDictionary();
    const raw = fs.readFileSync(packageFile("cc-cedict", "data/all.js"), "utf8");
    const all = (
      JSON.parse(raw.slice(raw.indexOf("{"), raw.lastIndexOf("}") + 1)) as {
        all: [string, string, string, string | string[]][];
      }
    ).all;
    const expected = new Map<string, { pinyin: string; glosses: string[] }[]>();
    for (const [traditional, simplified, pinyin, english] of all) {
      const e = { pinyin, glosses: typeof english === "string" ? [english] : english };
      for (const w of traditional === simplified ? [simplified] : [simplified, traditional])
        expected.set(w, [...(expected.get(w) ?? []), e]);
    }
    expect(all.length).toBeGreaterThan(100_000);
    let mismatches = 0;
    for (const [word, entries] of expected)
      if (JSON.stringify(dict.cedictEntries(word)) !== JSON.stringify(entries)) mismatches++;
    expect(mismatches).toBe(0);
    // and the longest-match window: segmentation as with the load at once
    const eager = await freshProcess();
    for (const run of [...PROMPTS, "中华人民共和国国歌哈士奇", "一只哈士奇拿着鱼叉"])
      expect(dict.segmentByDictionary(run)).toEqual(eager.dict.segmentByDictionary(run));
    expect(dict.segmentByDictionary("一只哈士奇拿着鱼叉")).toContain("哈士奇");
  }, 60_000);
});
