import { describe, expect, it } from "vitest";
import { parsePrompt } from "./prompt";

// Emoji the vocabulary has no word for, each drawn as what it depicts with nothing left over
// ("nazar" of 🧿 and "man" of 👨‍🍳 are part of the picture's name, not words to explain).
const EMOJI: [string, string][] = [
  ["🦩", "flamingo"],
  ["🦦", "otter"],
  ["🦥", "sloth"],
  ["🪿", "goose"],
  ["🫎", "moose"],
  ["🪲", "beetle"],
  ["🧇", "waffle"],
  ["🛶", "canoe"],
  ["🪃", "boomerang"],
  ["🧿", "amulet"],
  ["🗿", "moai"],
  ["👨‍🍳", "chef"],
  ["🧙‍♀️", "mage"],
];

describe("emoji in a prompt", () => {
  it.each(EMOJI)("%s is drawn as %s, nothing unexplained", (emoji, subject) => {
    for (const prompt of [emoji, `一只${emoji}`, `a ${emoji}`]) {
      const info = parsePrompt(prompt);
      expect(info.subject, prompt).toBe(subject);
      expect(info.unknown, prompt).toEqual([]);
      expect(info.ignored, prompt).toEqual([]);
    }
  });
});
