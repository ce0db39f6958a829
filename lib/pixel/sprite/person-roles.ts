// A person's look from what they are. A trade, rank or kind of person the vocabulary does not
// list ("lumberjack", "shogun", "medic") is read through the lexicon: its hypernym chain says what
// kind of person it is (a worker, a military leader, a health professional) and its gloss says
// what they work with ("fells trees" → an axe, "fish" → a rod). The result is a role spec for the
// humanoid rig — outfit colours, headgear, held thing, robe, cape, build — plus the words the
// interpretation shows. Rules go by chain nodes and gloss words, never by the word itself, so a
// trade nobody listed is read by what WordNet says it is.
import { RANK_BASE } from "./costumes";
import { ROLES, type RoleSpec } from "./humanoid";
import type { LexiconEntry } from "./lexicon";
import { TAKES } from "./people-takes";

export type { LexiconEntry };

/** A person's look and what the word was read as (English and Chinese). */
export interface PersonLook {
  spec: RoleSpec;
  /** a vocabulary subject put in the hand when the prompt names nothing (fishing-rod, axe) */
  held?: string;
  /** the chain node a kind was read from ("health professional"); none: a plain person */
  rule?: string;
  /** the word that said where they are from ("japanese"), when it dressed them */
  cultureWord?: string;
  /** the kind of person, for the interpretation: "a health professional" */
  kind: string;
  kindZh: string;
  /** the outfit and tools drawn, for the interpretation: "white coat with a red cross" */
  drawn: string;
  drawnZh: string;
  /** the tool's part of `drawn`: not drawn when the prompt puts something else in the hand */
  toolDrawn?: string;
  toolDrawnZh?: string;
}

const norm = (w: string) => w.toLowerCase().replace(/_/g, " ").trim();

/** Whether an entry is a person (WordNet files it under "person"). */
export function isPersonEntry(e: LexiconEntry): boolean {
  return e.category === "person";
}

interface KindRule {
  /** chain nodes (WordNet lemmas) that make a person this kind */
  nodes: string[];
  kind: string;
  kindZh: string;
  spec: RoleSpec;
  held?: string;
  drawn: string;
  drawnZh: string;
}

const WORK_CLOTHES = "#5c7cb0";

/**
 * Kinds of person by the chain node that names them, most specific first within the chain
 * (the chain is walked from the word towards "person"; the first node any rule names wins).
 */
const KINDS: KindRule[] = [
  {
    nodes: ["firefighter", "fireman", "fire fighter"],
    kind: "a firefighter",
    kindZh: "消防员",
    spec: { base: "person", headgear: "hard-hat", hat: "#d8283c", cloth: "#d8a030" },
    held: "axe",
    drawn: "red helmet, fire coat and an axe",
    drawnZh: "红色头盔、消防服和斧头",
  },
  {
    nodes: [
      "health professional",
      "medical practitioner",
      "medical man",
      "physician",
      "doctor",
      "nurse",
      "medic",
      "medical officer",
      "paramedic",
      "surgeon",
      "health care provider",
      "caregiver",
    ],
    kind: "a health professional",
    kindZh: "医护人员",
    spec: {
      base: "person",
      headgear: "hair",
      weapon: "none",
      cloth: "#eeeef2",
      emblem: "red-cross",
    },
    // its own red cross says "medical": no tool read from the gloss
    held: "",
    drawn: "white coat with a red cross",
    drawnZh: "带红十字的白大褂",
  },
  {
    nodes: ["astronomer", "stargazer", "uranologist", "astrophysicist", "cosmologist"],
    kind: "an astronomer",
    kindZh: "天文学家",
    spec: { base: "mage", headgear: "hood", cloth: "#2c3c6c", robe: true },
    held: "telescope",
    drawn: "a dark robe and a telescope",
    drawnZh: "深色长袍和望远镜",
  },
  {
    // the old art, not the science: a hooded robe, not a modern lab coat (eval-f's alchemist
    // read as a scientist)
    nodes: ["alchemist"],
    kind: "an alchemist",
    kindZh: "炼金术士",
    spec: {
      base: "mage",
      headgear: "hood",
      weapon: "none",
      cloth: "#6c4c7c",
      robe: true,
      capeColor: "#4c3c2c",
    },
    held: "potion",
    drawn: "a hooded robe and a flask",
    drawnZh: "兜帽长袍和烧瓶",
  },
  {
    nodes: ["scientist", "chemist", "physicist", "biologist", "researcher", "inventor"],
    kind: "a scientist",
    kindZh: "科学家",
    spec: { base: "person", headgear: "hair", cloth: "#eeeef2", robe: true },
    held: "potion",
    drawn: "lab coat and a flask",
    drawnZh: "实验服和烧瓶",
  },
  {
    nodes: ["pilot", "aviator", "airman", "flier", "flyer", "aeronaut"],
    kind: "a pilot",
    kindZh: "飞行员",
    spec: {
      base: "person",
      headgear: "flying-cap",
      hat: "#7c5030",
      weapon: "none",
      cloth: "#8c6c4c",
    },
    drawn: "leather flying cap and goggles",
    drawnZh: "皮革飞行帽和护目镜",
  },
  {
    nodes: ["military leader", "commander", "general", "warlord", "military officer", "officer"],
    kind: "a military leader",
    kindZh: "军事首领",
    spec: { base: "person", headgear: "helmet", weapon: "sword", cloth: "#8c2c3c", cape: true },
    drawn: "armour, a sword and a cape",
    drawnZh: "盔甲、剑和披风",
  },
  {
    nodes: [
      "ruler",
      "sovereign",
      "monarch",
      "head of state",
      "aristocrat",
      "noble",
      "nobleman",
      "noblewoman",
      "dictator",
      "potentate",
      "chieftain",
      "chief",
    ],
    kind: "a ruler",
    kindZh: "统治者",
    spec: { base: RANK_BASE, weapon: "staff", cape: true },
    drawn: "crown, staff and cape",
    drawnZh: "王冠、权杖和披风",
  },
  {
    nodes: [
      "soldier",
      "warrior",
      "fighter",
      "mercenary",
      "military man",
      "serviceman",
      "man-at-arms",
      "combatant",
      "fighting man",
      "guard",
    ],
    kind: "a fighter",
    kindZh: "战士",
    spec: { base: "person", headgear: "helmet", weapon: "sword", cloth: "#6c5c3c" },
    drawn: "helmet, armour and a sword",
    drawnZh: "头盔、盔甲和剑",
  },
  {
    nodes: ["wrestler", "sumo wrestler", "grappler", "strongman", "boxer", "pugilist"],
    kind: "a wrestler",
    kindZh: "摔跤手",
    spec: { base: "person", headgear: "hair", weapon: "none", bare: true, build: "big" },
    drawn: "a big bare-chested body and a belt",
    drawnZh: "魁梧赤膊的身体和腰带",
  },
  {
    nodes: ["athlete", "jock", "sportsman", "player", "runner", "contestant"],
    kind: "an athlete",
    kindZh: "运动员",
    spec: { base: "person", headgear: "hair", weapon: "none", cloth: "#3c8cd8" },
    drawn: "sports clothes",
    drawnZh: "运动服",
  },
  {
    nodes: [
      "cleric",
      "clergyman",
      "clergy",
      "religious person",
      "religious",
      "holy man",
      "priest",
      "minister",
      "spiritual leader",
      "preacher",
    ],
    kind: "a cleric",
    kindZh: "神职人员",
    spec: { base: "mage", headgear: "hood", weapon: "staff", cloth: "#eeeef2", robe: true },
    drawn: "hooded robe and a staff",
    drawnZh: "兜帽长袍和法杖",
  },
  {
    nodes: ["percussionist", "drummer", "timpanist"],
    kind: "a percussionist",
    kindZh: "鼓手",
    spec: { base: "person", headgear: "hair", cloth: "#d8383c" },
    held: "drum-set",
    drawn: "a drum",
    drawnZh: "鼓",
  },
  {
    nodes: ["trumpeter", "cornetist", "bugler", "hornist"],
    kind: "a horn player",
    kindZh: "号手",
    spec: { base: "person", headgear: "hair", cloth: "#3c5cb0" },
    held: "trumpet",
    drawn: "a trumpet",
    drawnZh: "小号",
  },
  {
    nodes: ["musician", "singer", "vocalist", "instrumentalist", "minstrel", "troubadour"],
    kind: "a musician",
    kindZh: "音乐家",
    spec: { base: "person", headgear: "wide-hat", cloth: "#d8383c" },
    held: "guitar",
    drawn: "a guitar",
    drawnZh: "吉他",
  },
  {
    nodes: ["entertainer", "performer", "actor", "dancer", "clown", "comedian"],
    kind: "an entertainer",
    kindZh: "艺人",
    spec: { base: "person", headgear: "hair", weapon: "none", cloth: "#e8782c", cape: true },
    drawn: "bright clothes and a cape",
    drawnZh: "鲜艳的衣服和披风",
  },
  {
    nodes: [
      "criminal",
      "felon",
      "crook",
      "outlaw",
      "malefactor",
      "wrongdoer",
      "offender",
      "thief",
      "robber",
      "bandit",
      "killer",
      "murderer",
    ],
    kind: "a criminal",
    kindZh: "罪犯",
    spec: { base: "ninja", headgear: "hood", weapon: "dagger", cloth: "#3c3450" },
    drawn: "a masked hood and a dagger",
    drawnZh: "蒙面兜帽和匕首",
  },
  {
    // eval-g: a court jester drew the entertainer's plain bright clothes; motley is two colours
    nodes: ["jester", "court jester", "motley fool"],
    kind: "a jester",
    kindZh: "弄臣",
    spec: {
      base: "person",
      headgear: "hood",
      weapon: "none",
      cloth: "#c02c3c",
      pants: "#e8b830",
      tabard: true,
      capeColor: "#e8b830",
    },
    held: "",
    drawn: "red and yellow motley",
    drawnZh: "红黄双色彩衣",
  },
  {
    // lawyers, bankers and clerks drew a plain person or a worker in blue work clothes
    nodes: [
      "businessman",
      "businesswoman",
      "executive",
      "financier",
      "banker",
      "lawyer",
      "attorney",
      "clerk",
      "office worker",
      "white-collar worker",
      "clerical worker",
    ],
    kind: "an office worker",
    kindZh: "上班族",
    spec: { base: "person", headgear: "hair", weapon: "none", cloth: "#2c3448", pants: "#2c3448" },
    held: "",
    drawn: "a dark suit",
    drawnZh: "深色西装",
  },
  {
    // butlers, maids and waiters drew blue work clothes
    nodes: [
      "servant",
      "domestic",
      "manservant",
      "butler",
      "maid",
      "maidservant",
      "waiter",
      "waitress",
      "dining-room attendant",
    ],
    kind: "a servant",
    kindZh: "仆人",
    spec: { base: "person", headgear: "hair", weapon: "none", cloth: "#2c2c34", apron: "#f2f2ec" },
    held: "",
    drawn: "black clothes and a white apron",
    drawnZh: "黑衣和白围裙",
  },
  {
    nodes: ["mailman", "postman", "mail carrier", "letter carrier", "deliveryman"],
    kind: "a postman",
    kindZh: "邮递员",
    spec: { base: "person", headgear: "peaked-cap", weapon: "none", cloth: "#3c5c9c" },
    held: "letter",
    drawn: "a blue uniform, a cap and a letter",
    drawnZh: "蓝色制服、帽子和信",
  },
  {
    nodes: ["tailor", "seamstress", "dressmaker", "garmentmaker", "needleworker"],
    kind: "a tailor",
    kindZh: "裁缝",
    spec: { base: "person", headgear: "hair", weapon: "none", cloth: "#7c4c6c" },
    held: "scissors",
    drawn: "scissors",
    drawnZh: "剪刀",
  },
  {
    // eval-g: a librarian drew a plain person (WordNet files it straight under professional)
    nodes: ["librarian", "bibliothec", "archivist", "bookseller", "bookman"],
    kind: "a librarian",
    kindZh: "图书管理员",
    spec: { base: "person", headgear: "hair", weapon: "none", cloth: "#8c5c3c", pants: "#4c4c5c" },
    held: "book",
    drawn: "a cardigan and a book",
    drawnZh: "开衫和书",
  },
  {
    // eval-g: a beekeeper drew the vocabulary's farmer (WordNet: beekeeper → farmer)
    nodes: ["beekeeper", "apiarist", "apiculturist"],
    kind: "a beekeeper",
    kindZh: "养蜂人",
    spec: {
      base: "person",
      headgear: "wide-hat",
      weapon: "none",
      cloth: "#f2f2ec",
      pants: "#e4e4dc",
    },
    held: "",
    drawn: "a white suit and a wide hat",
    drawnZh: "白色防护服和宽檐帽",
  },
  {
    // eval-g: a desert nomad drew the vocabulary's hero (WordNet: nomad → wanderer → traveler)
    nodes: ["nomad", "bedouin", "beduin", "tuareg"],
    kind: "a nomad",
    kindZh: "游牧民",
    spec: {
      base: "person",
      headgear: "hood",
      weapon: "none",
      cloth: "#d8c49c",
      robe: true,
      capeColor: "#a07850",
    },
    held: "",
    drawn: "a head wrap and long robes",
    drawnZh: "头巾和长袍",
  },
  {
    nodes: [
      "scholar",
      "scholarly person",
      "intellectual",
      "teacher",
      "student",
      "writer",
      "scribe",
    ],
    kind: "a scholar",
    kindZh: "学者",
    spec: { base: "person", headgear: "hair", cloth: "#4c6c4c", robe: true },
    held: "book",
    drawn: "a robe and a book",
    drawnZh: "长袍和书",
  },
  {
    nodes: [
      "magician",
      "sorcerer",
      "occultist",
      "witch",
      "wizard",
      "necromancer",
      "enchanter",
      "shaman",
    ],
    kind: "a magic user",
    kindZh: "施法者",
    spec: { base: "mage" },
    drawn: "a wizard's hat, robe and staff",
    drawnZh: "巫师帽、长袍和法杖",
  },
  {
    nodes: ["sailor", "seaman", "mariner", "seafarer", "navigator"],
    kind: "a sailor",
    kindZh: "水手",
    spec: ROLES.captain!,
    drawn: "a sailor's coat",
    drawnZh: "水手外套",
  },
  // trades that read by their tools and aprons (eval-f: a miner was a blacksmith, a baker a cook
  // with a leg of meat, a butcher a merchant with a money bag, an innkeeper anyone)
  {
    nodes: ["miner", "mineworker", "coal miner", "pitman", "collier"],
    kind: "a miner",
    kindZh: "矿工",
    spec: {
      base: "person",
      headgear: "hard-hat",
      hat: "#e8b830",
      weapon: "pickaxe",
      cloth: "#6c5c4c",
    },
    held: "",
    drawn: "a hard hat and a pickaxe",
    drawnZh: "安全帽和镐",
  },
  {
    nodes: ["baker", "bread maker", "pastry cook"],
    kind: "a baker",
    kindZh: "面包师",
    spec: { base: "person", headgear: "chef-hat", cloth: "#eeeef2", apron: "#e8d8b0" },
    held: "bread",
    drawn: "a baker's hat, an apron and bread",
    drawnZh: "厨师帽、围裙和面包",
  },
  {
    nodes: ["butcher", "meatman"],
    kind: "a butcher",
    kindZh: "屠夫",
    spec: {
      base: "person",
      headgear: "hair",
      cloth: "#a83c3c",
      apron: "#eeeae0",
      weapon: "cleaver",
    },
    held: "",
    drawn: "a white apron and a cleaver",
    drawnZh: "白围裙和剁肉刀",
  },
  {
    nodes: [
      "innkeeper",
      "publican",
      "bartender",
      "barkeeper",
      "barman",
      "barmaid",
      "tavern keeper",
      "hotelier",
    ],
    kind: "an innkeeper",
    kindZh: "旅店老板",
    spec: { base: "person", headgear: "hair", cloth: "#7c5c3c", apron: "#eee4cc" },
    held: "beer",
    drawn: "an apron and a mug of ale",
    drawnZh: "围裙和一杯麦酒",
  },
  {
    nodes: [
      "worker",
      "laborer",
      "labourer",
      "skilled worker",
      "workman",
      "working man",
      "craftsman",
      "artisan",
      "tradesman",
      "employee",
      "manual laborer",
    ],
    kind: "a worker",
    kindZh: "工人",
    spec: { base: "person", headgear: "hair", weapon: "none", cloth: WORK_CLOTHES },
    drawn: "work clothes",
    drawnZh: "工作服",
  },
  {
    nodes: ["small person", "manikin", "dwarf", "midget"],
    kind: "a small person",
    kindZh: "小个子",
    spec: { base: "person", headgear: "hair", build: "small" },
    drawn: "a small body",
    drawnZh: "小小的身体",
  },
  {
    nodes: ["policeman", "police officer", "constable", "patrolman", "cop", "police"],
    kind: "a police officer",
    kindZh: "警察",
    // a dark blue uniform, a peaked cap and a gold badge: not a sheriff's long coat
    spec: {
      base: "person",
      headgear: "peaked-cap",
      hat: "#24305c",
      cloth: "#2c3c6c",
      pants: "#24283c",
      emblem: "badge",
      weapon: "baton",
      takes: TAKES.police,
    },
    drawn: "a dark blue uniform, a peaked cap and a badge",
    drawnZh: "深蓝制服、大檐帽和警徽",
  },
  {
    nodes: ["lawman", "law officer", "peace officer", "investigator"],
    kind: "a lawman",
    kindZh: "执法者",
    spec: { base: "person", headgear: "wide-hat", cloth: "#6c5c48", robe: true },
    held: "gun",
    drawn: "a long coat, a hat and a gun",
    drawnZh: "长外套、帽子和枪",
  },
  {
    nodes: [
      "child",
      "kid",
      "youngster",
      "minor",
      "juvenile",
      "baby",
      "infant",
      "toddler",
      "male child",
      "female child",
      "schoolchild",
      "pupil",
    ],
    kind: "a child",
    kindZh: "孩子",
    spec: { base: "person", headgear: "hair", weapon: "none", build: "small" },
    drawn: "a small body",
    drawnZh: "小小的身体",
  },
];

const NODE_KIND = new Map<string, KindRule>();
for (const r of KINDS) for (const n of r.nodes) NODE_KIND.set(n, r);

/**
 * Chinese words for kinds of people, as the English noun WordNet knows (the lexicon is English):
 * 医生 is looked up as "doctor" and drawn by the same rules. Trades and ranks a game prompt names.
 */
export const PEOPLE_ZH: Readonly<Record<string, string>> = {
  医生: "doctor",
  大夫: "doctor",
  护士: "nurse",
  军医: "medic",
  牙医: "dentist",
  兽医: "veterinarian",
  药剂师: "pharmacist",
  科学家: "scientist",
  化学家: "chemist",
  炼金术士: "alchemist",
  天文学家: "astronomer",
  消防员: "firefighter",
  飞行员: "pilot",
  渔夫: "fisherman",
  渔民: "fisherman",
  樵夫: "woodcutter",
  伐木工: "woodcutter",
  木匠: "carpenter",
  工人: "worker",
  建筑工人: "construction worker",
  水管工: "plumber",
  焊工: "welder",
  屠夫: "butcher",
  矿工: "miner",
  旅店老板: "innkeeper",
  酒保: "bartender",
  裁缝: "tailor",
  牧羊人: "shepherd",
  养蜂人: "beekeeper",
  邮递员: "postman",
  服务员: "waiter",
  管家: "butler",
  女仆: "maid",
  相扑手: "sumo wrestler",
  摔跤手: "wrestler",
  拳击手: "boxer",
  运动员: "athlete",
  体操运动员: "gymnast",
  骑师: "jockey",
  救生员: "lifeguard",
  雇佣兵: "mercenary",
  将军: "general",
  中士: "sergeant",
  百夫长: "centurion",
  火枪手: "musketeer",
  警察: "policeman",
  侦探: "detective",
  罪犯: "criminal",
  走私者: "smuggler",
  歌手: "singer",
  鼓手: "drummer",
  演员: "actor",
  小丑: "clown",
  杂技演员: "acrobat",
  学生: "student",
  老师: "teacher",
  学者: "scholar",
  公爵: "duke",
  贵族: "aristocrat",
  苏丹: "sultan",
  幕府将军: "shogun",
  婴儿: "baby",
};

/** What the gloss says they work with: the first match puts that thing in the hand. */
interface ToolRule {
  re: RegExp;
  /** the same thing at the start or end of a compound name: a fisherman, a woodcutter, a
   *  coalminer (anchored: "lumber" inside "plumber" is no lumberjack) */
  stem?: RegExp;
  held: string;
  drawn: string;
  drawnZh: string;
  /** what the tool brings to the outfit (a miner's hard hat) */
  spec?: Partial<RoleSpec>;
}

const TOOLS: ToolRule[] = [
  {
    re: /\b(?:trees?|timber|logs?|lumber|wood)\b/,
    stem: /^(?:lumber|wood|timber|logger)/,
    held: "axe",
    drawn: "an axe",
    drawnZh: "斧头",
    spec: { cloth: "#b03030" },
  },
  {
    re: /\bfish(?:es|ing)?\b/,
    stem: /^fish|fisher|^angler/,
    held: "",
    drawn: "a fishing rod",
    drawnZh: "鱼竿",
    spec: { headgear: "wide-hat", weapon: "rod" },
  },
  {
    re: /\b(?:mines?|mining|coal|ore|quarry|dig(?:s|ging)?)\b/,
    stem: /^(?:coal)?miner|^quarr|digger$/,
    held: "pickaxe",
    drawn: "a pickaxe and a hard hat",
    drawnZh: "镐和安全帽",
    spec: { headgear: "hard-hat", hat: "#f2c230" },
  },
  {
    re: /\b(?:build(?:s|ing)?|construct\w*|carpent\w*|masonry|bricks?)\b/,
    stem: /^(?:builder|carpenter|mason|brick)/,
    held: "hammer",
    drawn: "a hammer and a hard hat",
    drawnZh: "锤子和安全帽",
    spec: { headgear: "hard-hat", hat: "#f2c230" },
  },
  {
    re: /\b(?:fires?|blaze)\b/,
    stem: /^fire/,
    held: "axe",
    drawn: "a red helmet and an axe",
    drawnZh: "红色头盔和斧头",
    spec: { headgear: "hard-hat", hat: "#d8283c" },
  },
  {
    re: /\b(?:crops?|farm\w*|harvest\w*|plough\w*|plow\w*|livestock)\b/,
    stem: /^(?:farm|plough|plow|harvest)/,
    held: "pitchfork",
    drawn: "a pitchfork",
    drawnZh: "干草叉",
    spec: { headgear: "wide-hat" },
  },
  {
    re: /\b(?:sheep|flocks?|herds?|cattle)\b/,
    stem: /herd$|^shepherd|^drover/,
    held: "",
    drawn: "a crook and a wide hat",
    drawnZh: "牧杖和宽檐帽",
    spec: { headgear: "wide-hat", weapon: "staff", crook: true },
  },
  {
    re: /\b(?:cook\w*|food|bak(?:es|ing|ed)|kitchen)\b/,
    stem: /^(?:cook|baker|butcher)/,
    held: "meat",
    drawn: "a chef's hat",
    drawnZh: "厨师帽",
    spec: { headgear: "chef-hat", cloth: "#eeeef2" },
  },
  {
    re: /\b(?:swords?|fenc(?:es|ing))\b/,
    stem: /^sword|fencer$/,
    held: "sword",
    drawn: "a sword",
    drawnZh: "剑",
  },
  { re: /\b(?:bows?|arrows?|archery)\b/, held: "bow", drawn: "a bow", drawnZh: "弓" },
  {
    re: /\b(?:guns?|firearms?|rifles?|pistols?|shoots?|shooting)\b/,
    stem: /^(?:gun|rifle|musket)|shooter$/,
    held: "gun",
    drawn: "a gun",
    drawnZh: "枪",
  },
  { re: /\b(?:spears?|lances?)\b/, held: "spear", drawn: "a spear", drawnZh: "长矛" },
  {
    re: /\b(?:music\w*|sings?|singing|songs?|instruments?)\b/,
    stem: /^(?:singer|guitar|fiddl|music)/,
    held: "guitar",
    drawn: "a guitar",
    drawnZh: "吉他",
  },
  {
    re: /\b(?:books?|writ(?:es|ing)|stud(?:y|ies)|learning)\b/,
    held: "book",
    drawn: "a book",
    drawnZh: "书",
  },
  {
    re: /\b(?:magic\w*|spells?|sorcery)\b/,
    stem: /^(?:spell|magic)/,
    held: "staff",
    drawn: "a staff",
    drawnZh: "法杖",
  },
  {
    re: /\b(?:chemi\w*|laborator\w*|experiments?|potions?)\b/,
    stem: /^(?:chemist|pharmac|apothecar|brewer)/,
    held: "potion",
    drawn: "a flask",
    drawnZh: "烧瓶",
  },
  {
    re: /\b(?:medic\w*|sick|wounded|injur\w*|patients?|heal\w*)\b/,
    stem: /^(?:medic|healer|nurs)/,
    held: "",
    drawn: "a red cross",
    drawnZh: "红十字",
    spec: { cloth: "#eeeef2", emblem: "red-cross" },
  },
  {
    re: /\b(?:money|trade|sells?|selling|goods)\b/,
    stem: /monger$|^(?:seller|shopkeep|trader|merchant)/,
    held: "money-bag",
    drawn: "a money bag",
    drawnZh: "钱袋",
  },
];

/** Where they are from, when the gloss says so and the rig can dress it. */
interface CultureRule {
  re: RegExp;
  spec: (s: RoleSpec) => Partial<RoleSpec>;
  drawn: string;
  drawnZh: string;
}

const CULTURES: CultureRule[] = [
  {
    re: /\bjapan(?:ese)?\b|\bsumo\b|\bsamurai\b/,
    // armour reads as a samurai's (red lacquer, a sword); others a kimono-like robe
    spec: (s) =>
      s.headgear === "helmet"
        ? { cloth: "#a83c3c", weapon: "sword" }
        : s.bare
          ? {}
          : { robe: true, cloth: s.cloth ?? "#3c5cb0" },
    drawn: "Japanese dress",
    drawnZh: "日式装束",
  },
  {
    re: /\bchin(?:a|ese)\b/,
    spec: (s) => (s.bare ? {} : { cloth: "#b8283c", robe: s.headgear !== "helmet" }),
    drawn: "Chinese red",
    drawnZh: "中式红装",
  },
  {
    re: /\b(?:norse|scandinavian?|viking)\b/,
    spec: () => ({ headgear: "horned", weapon: "axe" }),
    drawn: "a horned helmet",
    drawnZh: "角盔",
  },
];

/**
 * The look of a person the lexicon knows, or undefined when the entry is not a person.
 * `words` is what the prompt said (a rule may read the name too: "sumo wrestler" says sumo).
 */
export function personLook(e: LexiconEntry, words = e.lemma): PersonLook | undefined {
  if (!isPersonEntry(e)) return undefined;
  const nodes = [e.lemma, ...e.chain].map(norm);
  const node = nodes.find((n) => NODE_KIND.has(n));
  const rule = node ? NODE_KIND.get(node) : undefined;
  let spec: RoleSpec = rule ? { ...rule.spec } : { base: "person", headgear: "hair" };
  let held = rule?.held;
  const drawn = rule ? [rule.drawn] : [];
  const drawnZh = rule ? [rule.drawnZh] : [];
  const gloss = e.gloss.toLowerCase();
  const text = `${norm(words)} ${gloss}`;
  // the gloss's tool, unless the kind already carries one (a musician's "instrument" is its guitar)
  const lemma = norm(e.lemma).replace(/ /g, "");
  const tool =
    held === undefined ? TOOLS.find((t) => t.re.test(gloss) || t.stem?.test(lemma)) : undefined;
  if (tool) {
    spec = { ...spec, ...tool.spec };
    if (tool.held) held = tool.held;
    if (spec.weapon === "none") delete spec.weapon;
    drawn.push(tool.drawn);
    drawnZh.push(tool.drawnZh);
  }
  let cultureWord: string | undefined;
  for (const c of CULTURES) {
    const m = c.re.exec(text);
    if (!m) continue;
    spec = { ...spec, ...c.spec(spec) };
    drawn.push(c.drawn);
    drawnZh.push(c.drawnZh);
    cultureWord = m[0];
    break;
  }
  // a uniform reads best without the random cape a plain person may get; rulers keep theirs
  spec.cape ??= false;
  return {
    spec,
    held,
    rule: node,
    cultureWord,
    kind: rule?.kind ?? "a person",
    kindZh: rule?.kindZh ?? "人",
    drawn: drawn.join("; ") || "a person",
    drawnZh: drawnZh.join(";") || "一个人",
    toolDrawn: tool?.drawn,
    toolDrawnZh: tool?.drawnZh,
  };
}
