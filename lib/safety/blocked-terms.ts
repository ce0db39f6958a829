// Built-in prompt blocklist. It is a first, cheap line of defence before a prompt costs money
// upstream; upstream safety filters still run after it.
//
// How to maintain:
// - English entries match on word boundaries, with an optional plural "s"/"es", so "sex" never
//   hits "Sussex" and "ass"-style fragments never hit "class" or "assassin's creed". A trailing
//   "*" makes an entry a prefix ("masturbat*").
// - Chinese entries match as substrings (Chinese has no spaces), so keep them to two or more
//   characters that are unambiguous on their own. Checked traps: 裸露 (裸露的岩石, bare rock),
//   跳楼 (跳楼价, fire-sale price), 支那 (印度支那, Indochina), 剥皮 (剥皮香蕉) are left out.
// - Game art is violent by nature: swords, blood, skeletons, attack animations, explosions and
//   monsters are the product. Only list what no pixel-art prompt legitimately needs: explicit
//   sexual content, anything sexual involving minors, graphic gore, slurs and hate symbols,
//   self-harm and real-world terrorism.
// - Operators extend the list with CONTENT_FILTER_EXTRA_TERMS / CONTENT_FILTER_FILE instead of
//   editing this file (see lib/security/ENV.md).

export type BlockedCategory = "sexual" | "minors" | "gore" | "hate" | "self_harm" | "terrorism";

export interface TermList {
  en: readonly string[];
  zh: readonly string[];
}

export const BLOCKED_TERMS: Readonly<Record<BlockedCategory, TermList>> = {
  sexual: {
    en: [
      "nsfw",
      "porn",
      "porno",
      "pornographic",
      "pornography",
      "hentai",
      "nude",
      "nudity",
      "naked",
      "topless",
      "sex",
      "sexual",
      "sexy",
      "erotic",
      "erotica",
      "fetish",
      "bdsm",
      "genital*",
      "penis",
      "vagina",
      "nipple",
      "boob",
      "orgasm",
      "masturbat*",
      "blowjob",
      "cumshot",
      "rape",
      "raped",
      "raping",
      "gangbang",
      "striptease",
      "onlyfans",
    ],
    zh: [
      "色情",
      "情色",
      "黄片",
      "黄图",
      "裸体",
      "全裸",
      "半裸",
      "裸照",
      "露点",
      "性交",
      "做爱",
      "性爱",
      "口交",
      "肛交",
      "淫秽",
      "淫荡",
      "阴茎",
      "阴道",
      "乳头",
      "强奸",
      "强暴",
      "轮奸",
      "自慰",
      "成人视频",
      "脱衣舞",
    ],
  },
  minors: {
    en: [
      "loli",
      "lolicon",
      "shota",
      "shotacon",
      "child porn",
      "child pornography",
      "csam",
      "pedo",
      "pedophile",
      "pedophilia",
      "paedophile",
      "underage",
      "jailbait",
    ],
    zh: ["幼女", "恋童", "萝莉控", "正太控", "儿童色情", "未成年色情", "童妓", "未成年性"],
  },
  gore: {
    en: [
      "gore",
      "gory",
      "guro",
      "dismember*",
      "decapitat*",
      "disembowel*",
      "eviscerat*",
      "mutilat*",
      "entrails",
      "snuff film",
      "torture porn",
      "flayed",
    ],
    zh: ["血腥", "肢解", "碎尸", "断肢", "分尸", "虐杀", "开膛破肚", "砍头", "斩首", "尸块"],
  },
  hate: {
    en: [
      "swastika",
      "heil hitler",
      "sieg heil",
      "kkk",
      "ku klux klan",
      "white power",
      "white supremacy",
      "1488",
      "nigger",
      "nigga",
      "faggot",
      "kike",
      "chink",
      "spic",
      "wetback",
      "raghead",
      "tranny",
      "ethnic cleansing",
    ],
    zh: [
      "纳粹万岁",
      "希特勒万岁",
      "种族清洗",
      "种族灭绝",
      "支那人",
      "支那猪",
      "黑鬼",
      "劣等民族",
      "三K党",
    ],
  },
  self_harm: {
    en: [
      "suicide",
      "suicidal",
      "self harm", // also matches "self-harm": punctuation folds to a space
      "selfharm",
      "kill myself",
      "kill yourself",
      "kys",
      "slit wrists",
      "slit my wrists",
      "cutting myself",
      "hang myself",
    ],
    zh: ["自杀", "自残", "割腕", "轻生", "上吊", "跳楼自杀"],
  },
  terrorism: {
    en: [
      "terrorism",
      "terrorist attack",
      "suicide bomber",
      "suicide bombing",
      "pipe bomb",
      "make a bomb",
      "bomb making",
      "school shooting",
      "mass shooting",
      "beheading video",
      "islamic state",
      "al qaeda",
      "jihadist",
      "9/11 attack",
    ],
    zh: [
      "恐怖袭击",
      "恐怖主义",
      "自杀式袭击",
      "人体炸弹",
      "制造炸弹",
      "炸弹制作",
      "校园枪击",
      "伊斯兰国",
      "基地组织",
    ],
  },
};
