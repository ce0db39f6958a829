// Display names of the models per interface language (an extension of GET /api/v1/models:
// `name` stays as the contract has it, `names` adds one per language). Brand names such as
// "Qwen Image" or "GPT Image 1" read the same in Chinese and are not listed.
import type { Locale } from "@/lib/i18n";

const ZH_NAMES: Readonly<Record<string, string>> = {
  "local/pixel-sprite": "像素精灵(离线)",
  "local/sfx": "8 位音效(离线)",
  "local/upscale": "像素放大(离线)",
  "local/seamless": "无缝贴图(离线)",
  "local/vectorize": "矢量化为 SVG(离线)",
  "local/pixelize": "像素化(离线)",
  "hdredraw/upscale": "HD Redraw 高清放大",
  "hdredraw/vectorize": "HD Redraw 矢量化",
  "hdredraw/face-enhance": "HD Redraw 人脸增强",
  "hdredraw/seamless": "HD Redraw 无缝贴图",
  "comfyui/txt2img": "ComfyUI 文生图(自托管)",
  "a1111/default": "Stable Diffusion web UI(当前加载的模型)",
  "dashscope/wan2.6-video": "通义万相 2.6 视频",
  "dashscope/qwen-plus": "通义千问 Plus",
  "modelscope/qwen-image": "魔搭 Qwen Image",
  "volcengine/doubao-tts": "豆包语音合成",
};

export function modelNames(model: { id: string; name: string }): Record<Locale, string> {
  return { en: model.name, zh: ZH_NAMES[model.id] ?? model.name };
}
