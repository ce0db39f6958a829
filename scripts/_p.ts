import { parsePrompt } from "@/lib/pixel/sprite/prompt";
for (const p of process.argv.slice(2)) { const i = parsePrompt(p); console.log(p, "→", i.kind, i.variant, i.subject, i.role, i.race, JSON.stringify(i.held), "unk", i.unknown, "g", i.guesses); }
