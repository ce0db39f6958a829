// Words that say who a person is beyond their class — sex, age and mood (issue #20, eval-e: "a
// female knight" was a plain knight with "female" not understood, "an angry old dwarf" was not
// angry). Read on any humanoid head, so every class, race and look takes them ("a girl wizard",
// "an old pirate", 女战士); humanoid.ts draws them and the "Drawn as" line names each with what
// was drawn for it. Age ("old") stays prompt.ts `aged`: this adds the young end and the rest.

/** A face a person reads at 32 px: brows, mouth, closed eyes, and a manga mark beside the head. */
export type Mood = "angry" | "happy" | "sad" | "sleepy" | "scared" | "evil";

export interface PersonWords {
  /** long hair, no beard, a face with lips ("female", "woman", "girl", 女) or short hair ("male") */
  sex?: "female" | "male";
  /** a child's build (a big head on a small body) or, "young", no beard and no grey */
  age?: "child" | "young";
  mood?: Mood;
  /** the words read, in the prompt's spelling: they are drawn, so no longer unknown or ignored */
  words: string[];
}

interface WordRule {
  en: RegExp;
  zh?: RegExp;
}

const SEX: Readonly<Record<NonNullable<PersonWords["sex"]>, WordRule>> = {
  female: {
    en: /\b(?:female|feminine|woman|women|lady|ladies|girl|girls|heroine|maiden|damsel|she|lass|gal|sorceress|priestess|enchantress|huntress|nun|shieldmaiden|valkyrie|grandma|grandmother|granny)\b/,
    zh: /女|少女|姑娘|妇|奶奶|婆婆|老太/,
  },
  male: { en: /\b(?:male|man|men|boy|boys|guy|gentleman|lad|he)\b/, zh: /男/ },
};

const AGE: Readonly<Record<NonNullable<PersonWords["age"]>, WordRule>> = {
  child: {
    en: /\b(?:child|children|kid|kids|baby|toddler|boy|boys|girl|girls|little\s+(?:boy|girl)|chibi)\b/,
    zh: /孩|儿童|宝宝|婴儿/,
  },
  young: { en: /\b(?:young|youthful|teen|teenage|teenager|youth|apprentice)\b/, zh: /年轻|少年/ },
};

const MOODS: Readonly<Record<Mood, WordRule>> = {
  angry: {
    en: /\b(?:angry|furious|enraged|raging|rage|grumpy|annoyed|irate|wrathful|scowling|frowning)\b/,
    zh: /生气|愤怒|发怒|暴怒|恼怒|怒/,
  },
  happy: {
    en: /\b(?:happy|smiling|smile|smiley|cheerful|joyful|jolly|glad|laughing|grinning|merry|friendly)\b/,
    zh: /开心|快乐|高兴|微笑|笑/,
  },
  sad: {
    en: /\b(?:sad|crying|weeping|unhappy|sorrowful|tearful|gloomy|depressed|mournful|lonely)\b/,
    zh: /伤心|难过|悲伤|哭/,
  },
  sleepy: {
    en: /\b(?:sleepy|asleep|sleeping|drowsy|tired|yawning|napping|dozing|snoozing)\b/,
    zh: /困倦|瞌睡|睡着|睡觉|沉睡|打盹|困|睡/,
  },
  scared: {
    en: /\b(?:scared|afraid|frightened|terrified|fearful|nervous|panicked|panicking|startled|shocked)\b/,
    zh: /害怕|恐惧|惊恐|惊吓|吓/,
  },
  evil: {
    en: /\b(?:evil|wicked|sinister|villainous|menacing|malevolent|malicious|cruel)\b/,
    zh: /邪恶|邪/,
  },
};

/** A role or race whose word already says the sex: its own drawing stays (a queen, a witch). */
const FEMALE_CLASSES = new Set(["queen", "princess", "witch"]);

function said(rule: WordRule, lower: string, typed: string): string | undefined {
  return rule.en.exec(lower)?.[0] ?? (rule.zh ? rule.zh.exec(typed)?.[0] : undefined);
}

/**
 * The sex, age and mood words of a prompt whose head is a person. `role` is the class read, so
 * "a witch" is not also said "female" (her look already is); a child word is also a sex word
 * ("girl" is a female child).
 */
export function readPersonWords(text: string, role?: string): PersonWords | undefined {
  const lower = text.toLowerCase();
  const out: PersonWords = { words: [] };
  const note = (w: string | undefined) => {
    if (w && !out.words.includes(w)) out.words.push(w);
    return w;
  };
  for (const [sex, rule] of Object.entries(SEX) as [NonNullable<PersonWords["sex"]>, WordRule][])
    if (!out.sex && note(said(rule, lower, text))) out.sex = sex;
  if (out.sex === "female" && FEMALE_CLASSES.has(role ?? "")) out.sex = undefined;
  for (const [age, rule] of Object.entries(AGE) as [NonNullable<PersonWords["age"]>, WordRule][])
    if (!out.age && note(said(rule, lower, text))) out.age = age;
  for (const [mood, rule] of Object.entries(MOODS) as [Mood, WordRule][])
    if (!out.mood && note(said(rule, lower, text))) out.mood = mood;
  return out.sex || out.age || out.mood ? out : undefined;
}

type PersonWord = Mood | NonNullable<PersonWords["age"] | PersonWords["sex"]>;

/** What the line says each word drew, English and Chinese. */
const SAID: Readonly<Record<PersonWord, { en: string; zh: string }>> = {
  angry: { en: "angry (scowl, anger mark)", zh: "生气的(皱眉、怒气符号)" },
  happy: { en: "happy (smile)", zh: "开心的(微笑)" },
  sad: { en: "sad (frown, tear)", zh: "伤心的(撇嘴、眼泪)" },
  sleepy: { en: "sleepy (closed eyes, zzz)", zh: "困倦的(闭眼、zzz)" },
  scared: { en: "scared (wide eyes, open mouth, sweat drop)", zh: "害怕的(睁大眼、张嘴、冷汗)" },
  evil: { en: "evil (red eyes, scowl, grin)", zh: "邪恶的(红眼、皱眉、狞笑)" },
  child: { en: "child (small body, big head)", zh: "孩子(小身体、大头)" },
  young: { en: "young (no beard)", zh: "年轻的(无胡子)" },
  female: { en: "female (long hair, no beard)", zh: "女性(长发、无胡子)" },
  male: { en: "male (short hair)", zh: "男性(短发)" },
};

/** What the line says was drawn for these words, English and Chinese, before the class's name. */
export function personWordsSaid(p: PersonWords | undefined): { en: string; zh: string } {
  if (!p) return { en: "", zh: "" };
  // mood, then age, then sex: "an angry young woman" reads "angry … young … female …"
  const said = [p.mood, p.age, p.sex].flatMap((w) => (w ? [SAID[w]] : []));
  return { en: said.map((s) => `${s.en} `).join(""), zh: said.map((s) => s.zh).join("") };
}
