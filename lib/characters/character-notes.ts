// What a character's page says about how it was made, in both languages: the notes are written
// once, when the character is created, and shown later to whoever reads it in either language.
import type { BilingualText } from "@/lib/i18n/bilingual";

export function noReferenceNote(modelId: string): BilingualText {
  return {
    en: `${modelId} cannot take a reference image, so its frames are tied to this character by the prompt and the locked palette only: expect the look to drift between frames and directions. Choose a model with reference images (the offline engine, A1111, ComfyUI, OpenAI, DashScope, Tencent) to keep the identity.`,
    zh: `${modelId} 不接受参考图,它的帧只靠提示词和锁定的调色板与这个角色保持一致:帧与帧、方向与方向之间外观可能会变。要保持角色一致,请选择接受参考图的模型(离线引擎、A1111、ComfyUI、OpenAI、DashScope、腾讯)。`,
  };
}

export function standInNote(subject: string): BilingualText {
  return {
    en: `The offline engine has no walking body for “${subject}”: it is drawn as a person who carries its colours. Describe a person or a four-legged animal, or choose a remote model, to get something else.`,
    zh: `离线引擎没有“${subject}”的行走身体:它被画成一个带有其配色的人。若想得到别的样子,请描述一个人或四足动物,或选择远程模型。`,
  };
}

/**
 * The offline engine draws the animations from the words: they are compared with the user's
 * edit, or with the front facing when the image was used as it was made.
 */
export function offlineSourceNote(edited: boolean): BilingualText {
  const withEn = edited ? "your edit" : "the front facing";
  const withZh = edited ? "你的编辑" : "正面朝向";
  return {
    en: `The front facing is your image; the animations are drawn from the engine's design of this prompt and seed (the offline engine does not learn from an image), so compare them with ${withEn} and adjust the prompt if they differ.`,
    zh: `正面朝向是你的图片;动画按引擎对这个提示词和种子的设计绘制(离线引擎不会从图片学习),请与${withZh}对比,若不一致请调整提示词。`,
  };
}

export const HUMANOID_BODY_NOTE: BilingualText = {
  en: "Body: humanoid unless you say otherwise (remote models draw what the prompt says).",
  zh: "身体:除非另行说明,默认为人形(远程模型按提示词绘制)。",
};

export function remoteSourceNote(taskId: number): BilingualText {
  return {
    en: `The front facing is gallery image #${taskId}; the other facings are drawn from it.`,
    zh: `正面朝向是作品库中的图片 #${taskId};其余朝向据此绘制。`,
  };
}

/** Stored notes: characters made before the notes were bilingual hold English strings only. */
export function notesIn(
  stored: readonly (string | BilingualText)[],
  locale: "en" | "zh",
): string[] {
  return stored.map((n) => (typeof n === "string" ? n : n[locale]));
}
