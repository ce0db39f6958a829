// Chinese container measure words (一瓶毒药, 一罐金币, 一篮苹果) name the container, as "a bottle
// of", "a jar of" do in English. Read as filler they lost the container and drew the contents
// (issue #20, eval-d: 一瓶毒药 drew a pill, "pill · poison", the bottle unsaid), so they are
// rewritten to the English phrase before the words are read, and every reading English has —
// a potion's meaning, "full of" contents, "also named, not drawn" — applies to them as well.

/** measure word → the English container it stands for */
const CONTAINERS: Record<string, string> = {
  瓶: "bottle",
  罐: "jar",
  袋: "bag",
  箱: "box",
  盒: "box",
  桶: "bucket",
  篮: "basket",
  碗: "bowl",
  杯: "cup",
};

/**
 * The measure word the user typed for a container's English ("bowl" in 一碗面条 → 碗), so a line
 * that names the container names it as typed.
 */
export function containerTyped(english: string, typed: string): string | undefined {
  for (const [zh, en] of Object.entries(CONTAINERS))
    if (en === english && typed.includes(zh)) return zh;
  return undefined;
}

/** contents the "full of" reading knows in Chinese (object-features.ts heaps them) */
const HEAPED = /^(?:金币|黄金|金子|财宝|宝石|药水)/;

const MEASURE_RE =
  /(?:[一两三四五六七八九十几]|好几)[大小满]?([瓶罐袋箱盒桶篮碗杯])子?(?:的)?(?=[\u4e00-\u9fff])/g;

/**
 * Solid things a container heaps over its rim (object-features.ts has their colours), in
 * Chinese and English: "a basket of apples" is a basket full of apples, not the apples alone.
 */
const SOLIDS: Record<string, string> = {
  苹果: "apple",
  鱼: "fish",
  骨头: "bone",
  头骨: "skull",
  种子: "seed",
  面粉: "flour",
  大米: "rice",
  米: "rice",
  豆子: "bean",
  坚果: "nut",
  蜂蜜: "honey",
  // a bag of gold is the money bag (its vocabulary phrase); a jar or a chest heaps the coins
  金币: "gold",
  黄金: "gold",
  金子: "gold",
  鸡蛋: "egg",
  蛋: "egg",
  蘑菇: "mushroom",
  花: "flower",
  鲜花: "flower",
  糖果: "candy",
  煤: "coal",
  箭: "arrow",
  卷轴: "scroll",
  浆果: "berry",
  橙子: "orange",
  柠檬: "lemon",
  樱桃: "cherry",
  面包: "bread",
  胡萝卜: "carrot",
  土豆: "potato",
  玉米: "corn",
  矿石: "ore",
  水晶: "crystal",
};
const SOLID_EN =
  /\b(an?|one|some)\s+(basket|bag|sack|crate|box|chest|barrel|bucket|bowl|jar)\s+of\s+(?=((?:apples?|fish|bones?|skulls?|eggs?|mushrooms?|flowers?|candy|candies|coal|arrows?|scrolls?|berries|oranges?|lemons?|cherries|bread|carrots?|potatoes|corn|ore|crystals?|coins?|gold|gems?|jewels?|treasure|potions?|seeds?|grain|wheat|rice|flour|sugar|salt|beans?|nuts?|acorns?|chocolates?|cookies?|sweets|marbles?|honey)\b))/g;

const NUMBER = "(?:[一两三四五六七八九十几]|好几)[大小满]?";
const SOLID_ZH = new RegExp(
  `${NUMBER}([罐袋箱盒桶篮碗])子?的?(${Object.keys(SOLIDS)
    .sort((a, b) => b.length - a.length)
    .join("|")})`,
  "g",
);

/**
 * "一瓶毒药" → " a bottle of 毒药"; "一罐金币" → " a jar 装满金币" (full of gold); "一篮苹果" and
 * "a basket of apples" → "a basket full of apples".
 */
export function rewriteMeasureWords(
  text: string,
  /** a "container of …" phrase that is a vocabulary subject of its own ("a jar of honey") */
  isSubject: (phrase: string) => boolean = () => false,
): string {
  return text
    .replace(SOLID_ZH, (_m, w: string, solid: string) => {
      const [box, what] = [CONTAINERS[w]!, SOLIDS[solid]!];
      return isSubject(`${box} of ${what}`)
        ? ` a ${box} of ${what} `
        : ` a ${box} full of ${what} `;
    })
    .replace(MEASURE_RE, (_m, w: string, at: number, all: string) => {
      const rest = all.slice(at + _m.length);
      const container = CONTAINERS[w]!;
      // a bottle of potion is the potion itself (the item rig draws its flask)
      if (w === "瓶" && /^药水|^药剂/.test(rest)) return " ";
      return HEAPED.test(rest) ? ` a ${container} 装满` : ` a ${container} of `;
    })
    .replace(SOLID_EN, (m, a: string, box: string, what: string) =>
      isSubject(`${box} of ${what}`) ? m : `${a} ${box} full of `,
    );
}
