// "Not understood" is a promise that nothing in the drawing came from that word. Words the
// reading left over can still be drawn: the borrowed icon for noodles is a steaming bowl (一碗面条
// said "not understood: bowl"), the chicken-leg emoji is a leg ("roast chicken leg" said "not
// understood: leg"). Whatever phase left the word over, the check is the same: a word that names
// part of what is drawn — the subject's own words, its icon's name, the held or worn thing, the
// rider — is drawn, not "not understood". And a word the user typed in Chinese is shown as typed.
import { isGameIconRef, parseGameRef } from "./game-icons";
import { singulars } from "./inflection";
import type { PromptInfo } from "./prompt";
import { SUBJECT_BY_ID } from "./vocabulary";

/** The words of an icon ref's drawings ("gi/rock-golem|golem@stone", "steaming-bowl"). */
function iconWords(ref: string | undefined): string[] {
  if (!ref) return [];
  const names = isGameIconRef(ref) ? parseGameRef(ref).names : [ref];
  return names.flatMap((n) => n.split("-"));
}

function subjectWords(id: string | undefined): string[] {
  if (!id) return [];
  const s = SUBJECT_BY_ID.get(id.replace(/^beast:/, ""));
  return [
    ...id.split(/[-:]/),
    ...(s ? [...s.en, ...s.weak].flatMap((w) => w.split(/[\s-]+/)) : []),
  ];
}

/** Every word that names something the drawing shows (lower case, singular). */
export function drawnWords(info: PromptInfo): Set<string> {
  const words = [
    ...subjectWords(info.subject),
    ...iconWords(info.icon),
    ...subjectWords(info.role),
    ...subjectWords(info.race),
    ...subjectWords(info.held?.id),
    ...iconWords(info.held?.icon),
    ...subjectWords(info.worn?.id),
    ...iconWords(info.worn?.icon),
  ];
  const out = new Set(words.map((w) => w.toLowerCase()).filter((w) => w.length > 2));
  if (info.rider) for (const w of drawnWords(info.rider)) out.add(w);
  return out;
}

/**
 * The info with the words it drew taken out of `unknown` (Latin words only: a Chinese word left
 * over is never an icon's English name).
 */
export function understoodByDrawing(info: PromptInfo): PromptInfo {
  if (!info.unknown.length || info.nothingMatched) return info;
  const drawn = drawnWords(info);
  const unknown = info.unknown.filter(
    (w) => !/^[a-z][a-z'-]*$/.test(w) || ![w, ...singulars(w)].some((f) => drawn.has(f)),
  );
  if (unknown.length === info.unknown.length) return info;
  return { ...info, unknown };
}
