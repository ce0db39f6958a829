// The Chinese "Drawn as" line is read by people who typed Chinese: English left in it (a
// dictionary gloss, a WordNet class, an icon's file name, a breed's look) is noise to them (eval-e:
// 一只大熊猫 → "读作 giant panda (Ailuropoda melanoleuca)", 一碗面条 → "未理解:bowl"). The
// phrases of the line are written by many modules, and new ones keep coming, so the line is made
// Chinese once, at the end: every run of Latin letters is translated by the engine's own
// vocabulary (subjects, colours, materials, sizes: the words it draws), kept when it is a source's
// or licence's proper name or a word the user typed, and otherwise left out.
import { ICON_SETS } from "./emoji-art";
import { singulars } from "./inflection";
import { COLORS, MATERIALS, SIZE_WORDS, SUBJECTS } from "./vocabulary";

/**
 * Latin-letter names the Chinese line keeps: the borrowed art's sets and licences and the
 * dictionaries credited by name (they have no Chinese names, and credits must match the ZIP's).
 */
export const ZH_LINE_NAMES: readonly string[] = [
  ...new Set([
    ...Object.values(ICON_SETS).flatMap((s) => [s.name, s.license]),
    "CC BY-SA 4.0",
    "CC-CEDICT",
    "WordNet",
  ]),
].sort((a, b) => b.length - a.length);

/** Words of the engine's own English phrasing that join drawn words ("a fox with a staff"). */
const JOINERS: Record<string, string> = {
  with: "带",
  holding: "拿着",
  wearing: "戴着",
  riding: "骑着",
  and: "和",
  or: "或",
};

/**
 * Words the rigs draw that no subject names: parts, builds and markings, as the breed, fish and
 * bird tables describe a look ("orange and white, long body on short legs, big ears").
 */
const LOOK_WORDS: Record<string, string> = {
  // an owner's own headwear drawn from game icons (owned-things.ts OWNER_HEADWEAR)
  "western hat": "牛仔帽",
  "chef toque": "厨师帽",
  "robin hood hat": "羽毛帽",
  "crested helmet": "羽冠头盔",
  hood: "兜帽",
  tail: "尾巴",
  tailless: "无尾",
  ear: "耳朵",
  leg: "腿",
  paw: "爪子",
  face: "脸",
  head: "头",
  muzzle: "口鼻",
  whisker: "胡须",
  body: "身体",
  belly: "肚子",
  chest: "胸口",
  shoulder: "肩",
  hump: "隆起",
  coat: "皮毛",
  spine: "刺",
  wing: "翅膀",
  fin: "鳍",
  finlet: "小鳍",
  bill: "喙",
  teeth: "牙齿",
  lure: "诱饵",
  mask: "面纹",
  saddle: "鞍纹",
  patch: "斑块",
  spot: "斑点",
  stripe: "条纹",
  band: "条带",
  bar: "横纹",
  marking: "花纹",
  tabby: "虎斑",
  dome: "圆顶",
  "pom pom": "绒球",
  long: "长",
  short: "短",
  tall: "高",
  wide: "宽",
  broad: "宽",
  round: "圆",
  flat: "扁",
  lean: "瘦长",
  stocky: "粗壮",
  bulky: "壮硕",
  tiny: "很小",
  huge: "巨大",
  large: "大",
  very: "很",
  no: "没有",
  several: "几条",
  bushy: "蓬松",
  fluffy: "毛茸茸",
  shaggy: "蓬乱",
  curly: "卷毛",
  curled: "卷曲",
  floppy: "下垂",
  upright: "竖立",
  pointed: "尖",
  puffed: "鼓起",
  flowing: "飘逸",
  feathered: "有羽毛",
  hairless: "无毛",
  ringed: "环纹",
  edged: "镶边",
  plain: "素色",
  glowing: "发光",
  whip: "鞭状",
  torpedo: "鱼雷形",
  ribbon: "丝带状",
  dark: "深色",
  pale: "浅色",
  tan: "棕褐色",
  cream: "奶油色",
  sandy: "沙色",
  sable: "黑貂色",
  fawn: "浅黄褐色",
  olive: "橄榄色",
  "golden brown": "金棕色",
  big: "大",
  small: "小",
  eye: "眼睛",
  tuft: "簇毛",
  beak: "喙",
  hooked: "钩状",
  comb: "鸡冠",
  wattle: "肉垂",
  crest: "冠羽",
  neck: "脖子",
  back: "背",
  front: "胸前",
  foot: "脚",
  feet: "脚",
  sheen: "光泽",
  plump: "丰满",
  curved: "弯曲",
  curving: "弯曲",
  snout: "鼻子",
  nose: "鼻子",
  heavy: "厚重",
  deep: "宽厚",
  scruffy: "毛糙",
  bare: "光秃",
  hen: "母鸡",
  mallard: "绿头鸭",
  macaw: "金刚鹦鹉",
  // the composites' "three-headed", "nine-tailed", "winged"
  two: "两",
  three: "三",
  nine: "九",
  headed: "头",
  tailed: "尾",
  winged: "有翅膀的",
  // the creature part, not the instrument (an oni "with horns" is no trumpet)
  horn: "角",
};

/** Colour words that are a game meaning, not a colour ("mana" is blue in a potion, not in a gloss). */
const MEANING_COLOURS = new Set([
  "health",
  "hp",
  "life",
  "blood",
  "mana",
  "mp",
  "stamina",
  "energy",
]);

/** Words that carry no thing of their own: left out without counting against a phrase. */
const FUNCTION_WORDS = new Set([
  "a",
  "an",
  "the",
  "of",
  "on",
  "in",
  "at",
  "to",
  "its",
  "it",
  "is",
  "by",
  "as",
  "for",
  "from",
]);

let dict: Map<string, string> | undefined;
const own = new Set<string>();

/** English word or phrase → its Chinese name, from the vocabulary (first writer wins). */
function dictionary(): Map<string, string> {
  if (dict) return dict;
  const d = new Map<string, string>();
  const put = (en: string, zh: string | undefined) => {
    const k = en.toLowerCase().replace(/-/g, " ").trim();
    if (k && zh && !d.has(k)) d.set(k, zh);
  };
  for (const c of COLORS) for (const w of c.en) if (!MEANING_COLOURS.has(w)) put(w, c.zh[0]);
  // a look's "big eyes" are 大眼睛, not the size word's 大型
  for (const [w, zh] of Object.entries(LOOK_WORDS)) put(w, zh);
  // a material's own name and its first adjective; its looser words ("old", "dark", "shadow")
  // mean other things in a gloss
  for (const m of MATERIALS) for (const w of [m.id, ...m.en.slice(0, 2)]) put(w, m.zh[0]);
  for (const s of SIZE_WORDS) for (const w of s.en) put(w, s.zh[0]);
  for (const s of SUBJECTS) {
    const zh = s.zh[0];
    for (const w of [...s.en, s.id.replace(/-tile$/, "")]) put(w, zh);
  }
  for (const s of SUBJECTS) for (const w of s.weak) put(w, s.zh[0]);
  // a subject's own name; its other words may only be its nearest kind ("chalice" → trophy,
  // "piranha" → fish), fine in a phrase but not as the user's own word in quotes (chineseOnly)
  for (const s of SUBJECTS)
    for (const w of [s.id, s.en[0] ?? ""]) own.add(w.toLowerCase().replace(/-/g, " ").trim());
  dict = d;
  return d;
}

/**
 * A run of English in Chinese: the vocabulary's names for its words (longest phrase first, up to
 * three words, plurals folded), joined as Chinese joins them; words it does not know are left
 * out, or kept as typed when the user typed them (`typed`: the prompt, lower case; `typedAs`: the
 * English read for a Chinese word → that word). Joiners
 * ("with", "and") are kept only between two translated words.
 */
export function englishToChinese(
  run: string,
  typed = "",
  typedAs: Readonly<Record<string, string>> = {},
  drawn = "",
): string {
  // a drawn name's words are kept like typed ones where the vocabulary has none, but a drawn
  // name the vocabulary says whole is said in Chinese ("person zombie" → 人僵尸)
  const named = drawn ? `${typed} ${drawn}` : typed;
  const d = dictionary();
  const tokens = run.toLowerCase().match(/[a-z][a-z'’]*|[,;]/g) ?? [];
  const out: { zh: string; joiner?: boolean; comma?: boolean }[] = [];
  let missed = 0;
  let lookups = 0;
  for (let i = 0; i < tokens.length; ) {
    const t = tokens[i]!;
    if (t === "," || t === ";") {
      out.push({ zh: "、", comma: true });
      i++;
      continue;
    }
    let hit = 0;
    for (let n = Math.min(3, tokens.length - i); n >= 1 && !hit; n--) {
      const span = tokens.slice(i, i + n);
      if (span.some((x) => x === "," || x === ";")) continue;
      const last = span[n - 1]!;
      for (const form of [last, ...singulars(last)]) {
        const key = [...span.slice(0, -1), form].join(" ");
        const zh = d.get(key) ?? typedAs[key];
        if (zh) {
          out.push({ zh });
          lookups++;
          hit = n;
          break;
        }
      }
    }
    if (hit) {
      i += hit;
      continue;
    }
    if (JOINERS[t]) out.push({ zh: JOINERS[t]!, joiner: true });
    else if (t.length > 1 && new RegExp(`(^|[^a-z])${t}([^a-z]|$)`).test(named))
      out.push({ zh: t });
    else if (!FUNCTION_WORDS.has(t)) missed++;
    i++;
  }
  // a phrase mostly left out says something else than it meant ("health professional" is no
  // 心): left out whole
  if (missed >= out.filter((x) => !x.joiner && !x.comma).length) return "";
  // a name the user typed in Latin letters stays whole when it is not one word of ours:
  // "cheese wedge", not "奶酪 wedge"; "sea turtle", not 水乌龟
  const typedWord = out.some((x) => /^[a-z]/.test(x.zh));
  const norm = (x: string) =>
    x
      .toLowerCase()
      .replace(/[-\s]+/g, " ")
      .trim();
  if (
    (typedWord && named && norm(named).includes(norm(run))) ||
    (lookups > 1 && typed && norm(typed).includes(norm(run)))
  )
    return run.trim();
  // a joiner or comma stands only between words that were kept
  const kept = out.filter((x, k) => {
    if (!x.joiner && !x.comma) return true;
    const before = out.slice(0, k).reverse();
    const after = out.slice(k + 1);
    const prev = before.find((y) => !y.joiner);
    const next = after.find((y) => !y.joiner && !y.comma);
    if (x.comma) return !!prev && !prev.comma && !!next;
    return !!next && !!prev && !prev.comma && !out[k + 1]?.joiner;
  });
  let s = "";
  for (const x of kept) {
    // a word the user typed in Latin letters keeps a space from its neighbours
    const latin = /^[a-z]/.test(x.zh);
    if (latin && s && !s.endsWith("、")) s += " ";
    s += x.zh;
    if (latin) s += " ";
  }
  return s.trim();
}

/** The vocabulary's Chinese for a whole English name ("crossed swords"), or undefined. */
export function vocabularyZh(name: string): string | undefined {
  const d = dictionary();
  const words = name
    .toLowerCase()
    .replace(/[-\s]+/g, " ")
    .trim()
    .split(" ");
  const last = words.pop() ?? "";
  for (const form of [last, ...singulars(last)]) {
    const zh = d.get([...words, form].join(" "));
    if (zh) return zh;
  }
  return undefined;
}

const LATIN_RUN = /[A-Za-z][A-Za-z0-9'’.-]*(?:[\s,;]+[A-Za-z][A-Za-z0-9'’.-]*)*/g;
const SLOT = /\uE000(\d+)\uE001/g;

/**
 * The Chinese line with every Latin-letter run in Chinese (englishToChinese), except the names in
 * ZH_LINE_NAMES, words the user typed and, for a prompt typed in English, the English name of what
 * was drawn (`drawn`: a borrowed icon's "mobile phone", "table" has no Chinese name, and a line that
 * leaves it out no longer says what it drew: "画成:" gone, "WordNet 说它是一种,所以画了的图标");
 * empty brackets, quotes and
 * chains left behind by words that were left out are tidied away.
 */
export function chineseOnly(
  line: string,
  prompt: string,
  typedAs: Readonly<Record<string, string>> = {},
  drawn = "",
): string {
  // the same line of the same prompt comes back on every POST of that prompt (a batch's frames,
  // a re-roll, a client repeating itself) and this is half of the interpretation's CPU: the
  // answer depends on nothing else, so it is kept
  const key = JSON.stringify([line, prompt, drawn, typedAs]);
  const hit = lineCache.get(key);
  if (hit !== undefined) return hit;
  const zh = chineseOnlyUncached(line, prompt, typedAs, drawn);
  if (lineCache.size >= LINE_CACHE_MAX) lineCache.clear();
  lineCache.set(key, zh);
  return zh;
}

/** Lines kept by chineseOnly; cleared whole when full, as the prompt parse's cache is. */
const lineCache = new Map<string, string>();
const LINE_CACHE_MAX = 500;

function chineseOnlyUncached(
  line: string,
  prompt: string,
  typedAs: Readonly<Record<string, string>>,
  drawn: string,
): string {
  const typed = prompt.toLowerCase();
  // one who typed Chinese has their own word for it (画成:伊夫利特, not 画成:genie)
  const named = /[\u3400-\u9fff]/.test(prompt) ? "" : drawn.toLowerCase();
  const kept: string[] = [];
  const keep = (s: string) => `\uE000${kept.push(s) - 1}\uE001`;
  let s = line;
  for (const name of ZH_LINE_NAMES) if (s.includes(name)) s = s.split(name).join(keep(name));
  dictionary();
  // the user's word quoted in a guess stays theirs unless it is a subject's own name:
  // "“chalice”画成了…奖杯", not "“奖杯”画成了…奖杯"; "画出“企鹅”的样子" still
  s = s.replace(/“([A-Za-z][^”]*)”/g, (q, w: string) =>
    !own.has(w.toLowerCase()) && typed.includes(w.toLowerCase()) ? keep(q) : q,
  );
  s = s.replace(LATIN_RUN, (run) => {
    const zh = englishToChinese(run, typed, typedAs, named);
    return zh ? keep(zh) : "";
  });
  const asTyped = prompt.match(/[\u3400-\u9fff]+/g)?.join("") ?? "";
  s = tidy(s)
    .split(" · ")
    // what was drawn is always said: a subject with no Chinese name is the word the user typed
    .map((seg) => (/^画成[::]?$/.test(seg) && asTyped ? `画成:${asTyped}` : seg))
    // a segment whose every word was left out says nothing ("未理解:"); a note whose English
    // detail was left out ("…的描述:") is still a note
    .filter((seg) => !LABEL_ONLY.test(seg))
    .map((seg) => seg.replace(/[::]\s*$/, ""))
    // a reading whose English was left out ("把“kraken”读作") reads as what was drawn
    .map((seg, _, segs) =>
      /读作$/.test(seg) && /^画成:/.test(segs[0] ?? "") ? `${seg}:${segs[0]!.slice(3)}` : seg,
    )
    .join(" · ");
  return s.replace(SLOT, (_, i: string) => kept[Number(i)]!);
}

const LABEL_ONLY = /^(?:画成|猜测|未理解|也提到但没有画|没有画出|素材|颜色取自)[::]?$/;

function tidy(line: string): string {
  let s = line;
  // a pass that changes nothing leaves nothing for the next one to change
  for (let pass = 0, before = ""; pass < 3 && s !== before; pass++) {
    before = s;
    s = s
      // a chain whose English links were left out: "小丑 → → 人"
      .replace(/(\s*→\s*)+/g, " → ")
      .replace(/([((])\s*→\s*/g, "$1")
      .replace(/\s*→\s*([))])/g, "$1")
      .replace(/\s*→\s*$/g, "")
      // empty brackets and quotes, and brackets holding only punctuation
      .replace(/[((][\s,,、;;::.。]*[))]/g, "")
      .replace(/“\s*”|"\s*"/g, "")
      // a list or clause whose items were left out
      .replace(/([、,,;;])[\s、,,;;]*([、,,;;])/g, "$2")
      .replace(/[::]\s*([,,;;)).])/g, "$1")
      .replace(/[::]\s*[::]/g, ":")
      .replace(/([((])[\s、,,;;]+/g, "$1")
      .replace(/[\s、,,;;]+([))])/g, "$1")
      .replace(/[\s、,,;;]+(·|$)/g, " $1")
      .replace(/(^|·)\s*[、,,;;]+/g, "$1 ");
  }
  return s
    .replace(/[ \t]{2,}/g, " ")
    .replace(/\s+·\s+/g, " · ")
    .replace(/(\s·)+\s*$/, "")
    .trim();
}
