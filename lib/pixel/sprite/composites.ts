// Creatures that are compositions of others: a cerberus is a three-headed dog, a manticore a
// lion with bat wings and a scorpion tail. The engine draws them from the composition words the
// parse already understands (extra heads, wings, tails, riders, forms: creature-parts.ts), so
// each line here is a description, not a drawing. A were-animal is that animal's folk (an
// animal head on a warrior). The interpretation says what the name was read as.

/** `names (English, comma-separated); 中文 = the description the engine draws` */
const COMPOSITES = `
cerberus,hellhound;地狱犬,刻耳柏洛斯 = a three-headed grey dog
chimera,chimaera;奇美拉,喀迈拉 = a two-headed lion with horns and a scorpion tail
manticore;蝎尾狮 = a lion with bat wings and a scorpion tail
hydra;九头蛇,海德拉 = a three-headed green dragon
griffin,gryphon,griffon;狮鹫 = a lion with eagle wings and an eagle head
hippogriff,hippogryph;骏鹰,鹰马 = a horse with eagle wings and an eagle head
medusa,gorgon,gorgons;美杜莎,蛇发女妖,戈耳工 = a woman with snakes for hair and a green snake body
basilisk;蛇怪,巴西利斯克 = a huge green snake with a crown
cockatrice,cockatrices;鸡蛇 = a green chicken with dragon wings
gnoll;豺狼人 = a brown dog warrior
sun wukong,monkey king,wukong;孙悟空,美猴王,齐天大圣 = a monkey warrior with a golden headband and a jingu staff
succubus;魅魔 = a purple demon with bat wings
orthrus = a two-headed black dog
ogre,ogres;食人魔 = a big troll with a club
imp,imps;小鬼,小恶魔 = a small red demon with bat wings
harpy,harpies;鹰身女妖 = a woman with eagle wings for arms and talons
death knight;死亡骑士 = an undead black knight
headless horseman,headless horsemen;无头骑士 = a headless knight riding a black horse
horseman,horsemen,horse rider,equestrian;骑马的人 = a man riding a horse
horsewoman,horsewomen = a woman riding a horse
revenant = a zombie knight
bugbear = a brown bear warrior
satyr,faun;萨堤尔,羊男 = a goat warrior with horns
naga;娜迦 = a green snake warrior with a snake body
dryad;树精 = a green elf with a staff
nymph = a blue elf
lamia,lamias;拉弥亚 = a woman with a snake body
mermaid,mermaids,siren,sirens;美人鱼,人鱼 = a woman with a fish tail
merman,mermen;男人鱼 = a man with a fish tail
tengu;天狗 = a red-faced long-nosed warrior with crow wings
oni;赤鬼,青鬼 = a red troll with horns and a club
kappa;河童 = a green turtle warrior with a water dish on its head
yuki-onna,yuki onna;雪女 = a ghostly white woman
qilin,kirin;麒麟 = a gold deer with horns
nian;年兽 = a red lion with horns
huli jing,fox spirit;狐狸精,狐妖,狐仙 = a fox mage with nine tails
kitsune;九尾狐 = a nine-tailed fox
minotaur,minotaurs;牛头人,米诺陶 = a bull warrior with an axe
genie,genies,djinn,djinni,djinns,jinn,jinni;灯神,神灯精灵 = a blue marid
rakshasa;罗刹 = a tiger warrior with horns
garuda;迦楼罗,金翅鸟 = an eagle warrior with eagle wings
anubis;阿努比斯 = a black jackal warrior with an egyptian collar and a staff
valkyrie,valkyries;女武神 = a winged female knight with a spear
selkie;海豹人 = a grey seal warrior
wendigo;温迪戈 = a skeletal deer with horns
chupacabra;卓柏卡布拉 = a spiny green-grey wolf
kraken;克拉肯 = an octopus rising from the waves
banshee,banshees;报丧女妖 = a wailing ghostly woman with long hair
baba yaga;芭芭雅嘎 = an old witch with a broom
mind flayer,illithid;夺心魔 = a purple octopus mage
doppelganger,doppelgänger;二重身 = a ghostly man
yeti,yetis,bigfoot,sasquatch,abominable snowman;雪人怪,大脚怪 = a big ice gorilla
one-eyed giant,one-eyed giants,one eyed giant,one-eyed ogre,one-eyed monster,one eyed monster;独眼怪物,独眼怪 = a cyclops
!giant,!giants,!titan,!colossus;巨人,泰坦 = a troll with a club
`;

/** A name after "!" is a creature only as a noun: "a giant", "a frost giant", not "a giant rat". */
const NOUN_ONLY = /^\s+(?!(?:with|and|holding|wearing|riding|on|in|of|who|that)\b)[a-z]/i;

interface Composite {
  en: string[];
  zh: string[];
  as: string;
}

const TABLE: Composite[] = COMPOSITES.trim()
  .split("\n")
  .map((line) => {
    const [names, as] = line.split(" = ") as [string, string];
    const [en = "", zh = ""] = names.split(";");
    return { en: en.split(",").filter(Boolean), zh: zh.split(",").filter(Boolean), as };
  });
/** Every line, for tests: each name must read as its description. */
export const COMPOSITE_TABLE: readonly Readonly<Composite>[] = TABLE;

const nounOnly = new Set(TABLE.flatMap((c) => c.en.filter((w) => w.startsWith("!"))));
for (const c of TABLE) c.en = c.en.map((w) => w.replace(/^!/, ""));

const escapeRe = (w: string) => w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const EN_RE = new RegExp(
  `\\b(?:an?\\s+)?(${TABLE.flatMap((c) => c.en)
    .map(escapeRe)
    .join("|")})s?\\b`,
  "gi",
);
const ZH_RE = new RegExp(
  `(?:一只|一头|一条|一个)?(${TABLE.flatMap((c) => c.zh)
    .map(escapeRe)
    .join("|")})`,
);
/**
 * "werebear", "were-rat", "ratman", "catfolk", "lizard-kin", "a jackal-headed god": the animal's
 * folk (an animal head on a person)
 */
const WERE_RE =
  /\bwere-?([a-z]{3,})\b|\b([a-z]{3,}?)-?(?:man|men|folk|kin|people)\b|\b([a-z]{3,})[- ]headed\s+(?:man|woman|person|humanoid|warrior|god|goddess|deity|figure|being)\b/i;

export interface Expansion {
  text: string;
  /** the name and what it was read as, for the interpretation */
  name: string;
  as: string;
}

/**
 * The prompt with its first composite creature name replaced by the description the engine
 * draws, or undefined. `isWord` says whether a word is a vocabulary subject of its own
 * ("werewolf" keeps its own drawing; a were-animal needs its animal to be known).
 */
export function expandComposite(
  prompt: string,
  isWord: (w: string) => boolean,
  isAnimal: (w: string) => boolean,
  /** a longer vocabulary word in the prompt holds this Chinese name (独眼巨人 holds 巨人) */
  inLongerZh: (name: string) => boolean = () => false,
): Expansion | undefined {
  EN_RE.lastIndex = 0;
  let en = EN_RE.exec(prompt);
  // a size word before a noun ("a giant rat") is not the creature
  while (
    en &&
    nounOnly.has(`!${en[1]!.toLowerCase()}`) &&
    NOUN_ONLY.test(prompt.slice(en.index + en[0].length))
  )
    en = EN_RE.exec(prompt);
  if (en && !isWord(en[1]!.toLowerCase())) {
    const c = TABLE.find((x) => x.en.includes(en[1]!.toLowerCase()))!;
    return { text: splice(prompt, en.index, en[0].length, c.as), name: en[1]!, as: c.as };
  }
  const zh = ZH_RE.exec(prompt);
  if (zh && !inLongerZh(zh[1]!)) {
    const c = TABLE.find((x) => x.zh.includes(zh[1]!))!;
    return { text: splice(prompt, zh.index, zh[0].length, ` ${c.as} `), name: zh[1]!, as: c.as };
  }
  const were = WERE_RE.exec(prompt);
  const animal = (were?.[1] ?? were?.[2] ?? were?.[3])?.toLowerCase();
  if (were && animal && !isWord(were[0].toLowerCase()) && isAnimal(animal)) {
    const as = `a ${animal} warrior`;
    return { text: splice(prompt, were.index, were[0].length, as), name: were[0], as };
  }
  return undefined;
}

function splice(s: string, at: number, n: number, put: string): string {
  // "a cerberus": the description brings its own article
  const before = s.slice(0, at).replace(/\b(?:an?|the)\s*$/i, "");
  return `${before}${put}${s.slice(at + n)}`;
}
