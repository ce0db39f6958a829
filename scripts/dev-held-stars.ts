// Throw-away (`npx tsx scripts/dev-held-stars.ts <checkout root>`): every vocabulary subject put in
// a knight's hand ("a knight holding a X"); counts the held things drawn as a stand-in star, those
// drawn as themselves and those said not drawn, for one checkout (base or branch).
import path from "node:path";

(async () => {
  const root = path.resolve(process.argv[2] ?? ".");
  const { parsePrompt } = await import(path.join(root, "lib/pixel/sprite/prompt.ts"));
  const { SUBJECTS } = await import(path.join(root, "lib/pixel/sprite/vocabulary.ts"));
  const stars: string[] = [];
  const undrawn: string[] = [];
  let drawn = 0;
  let other = 0;
  for (const s of SUBJECTS as { id: string; en: string[]; weak: string[] }[]) {
    const word = s.en[0] ?? s.weak[0];
    if (!word) continue;
    const info = parsePrompt(`a knight holding a ${word}`);
    if (info.held?.id === s.id || info.held?.id === word) {
      if (info.held.icon === "star" && !/star/.test(s.id)) stars.push(word);
      else drawn++;
    } else if (info.ignored.includes(word)) undrawn.push(word);
    else other++;
  }
  console.log(`held as a star: ${stars.length}\n  ${stars.join(", ")}`);
  console.log(`held as itself: ${drawn}`);
  console.log(`said not drawn: ${undrawn.length}\n  ${undrawn.join(", ")}`);
  console.log(`other readings: ${other}`);
})();
