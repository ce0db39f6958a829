// 8-bit sound effects, sfxr-style: one oscillator (square with duty, saw, sine or noise) whose
// pitch slides, vibrates and jumps (arpeggio), shaped by an attack/sustain/punch/decay envelope
// and one-pole low/high-pass filters. Written here from the idea of DrPetter's sfxr (its
// parameter set and the classic presets: pickup, laser, explosion, power-up, hit, jump, blip);
// no code taken from it or its ports. Deterministic: the same kind and seed give the same samples.
import { Rng } from "@/lib/pixel/prng";
import { SFX_KINDS, type SfxKind } from "@/lib/vocabulary";
import { encodeWav, type PcmAudio } from "./wav";

export { SFX_KINDS, type SfxKind };

export type Wave = "square" | "saw" | "sine" | "noise";

export interface SfxParams {
  wave: Wave;
  /** start pitch (Hz) */
  freq: number;
  /** the sound stops when a falling slide reaches this pitch (Hz); 0 = never */
  minFreq: number;
  /** pitch slide in octaves per second, and its change per second */
  slide: number;
  deltaSlide: number;
  vibratoDepth: number; // fraction of the pitch
  vibratoHz: number;
  /** after arpTime seconds the pitch is multiplied by arpMult (coin's second note); 0 = off */
  arpMult: number;
  arpTime: number;
  /** square duty cycle and its sweep per second */
  duty: number;
  dutySweep: number;
  attack: number; // seconds
  sustain: number;
  punch: number; // extra loudness at the start of the sustain, 0..1
  decay: number;
  /** one-pole low-pass cutoff (0..1, 1 = off) with its sweep per second; high-pass (0 = off) */
  lowPass: number;
  lowPassSweep: number;
  highPass: number;
  /** restarts pitch and arpeggio every this many seconds (power-up's rising steps); 0 = off */
  repeat: number;
  volume: number;
}

export const SFX_SAMPLE_RATE = 44_100;

/** Preset for a kind, varied by seed within the range that still sounds like that kind. */
export function sfxParams(kind: SfxKind, seed: number): SfxParams {
  const r = Rng.from("sfx", kind, seed);
  const base: SfxParams = {
    wave: "square",
    freq: 440,
    minFreq: 0,
    slide: 0,
    deltaSlide: 0,
    vibratoDepth: 0,
    vibratoHz: 0,
    arpMult: 0,
    arpTime: 0,
    duty: 0.5,
    dutySweep: 0,
    attack: 0,
    sustain: 0.1,
    punch: 0,
    decay: 0.2,
    lowPass: 1,
    lowPassSweep: 0,
    highPass: 0,
    repeat: 0,
    volume: 0.5,
  };
  switch (kind) {
    case "coin":
      return {
        ...base,
        wave: r.chance(0.7) ? "square" : "sine",
        freq: r.range(700, 1400),
        duty: r.range(0.25, 0.5),
        sustain: r.range(0.03, 0.09),
        punch: r.range(0.3, 0.6),
        decay: r.range(0.15, 0.35),
        arpMult: r.pick([1.25, 1.335, 1.5, 2]),
        arpTime: r.range(0.04, 0.09),
      };
    case "laser":
      return {
        ...base,
        wave: r.pick(["square", "saw", "sine"] as const),
        freq: r.range(800, 2200),
        minFreq: r.range(80, 250),
        slide: -r.range(5, 14),
        duty: r.range(0.2, 0.5),
        dutySweep: r.range(-0.8, 0.8),
        sustain: r.range(0.05, 0.15),
        punch: r.range(0, 0.3),
        decay: r.range(0.05, 0.2),
        highPass: r.chance(0.4) ? r.range(0.02, 0.1) : 0,
      };
    case "explosion":
      return {
        ...base,
        wave: "noise",
        freq: r.range(60, 220),
        slide: -r.range(0.5, 2.5),
        vibratoDepth: r.chance(0.5) ? r.range(0.05, 0.3) : 0,
        vibratoHz: r.range(8, 20),
        sustain: r.range(0.1, 0.3),
        punch: r.range(0.3, 0.8),
        decay: r.range(0.4, 0.8),
        lowPass: r.range(0.25, 0.7),
        lowPassSweep: -r.range(0, 0.6),
        volume: 0.6,
      };
    case "powerup":
      return {
        ...base,
        wave: r.chance(0.6) ? "square" : "saw",
        freq: r.range(250, 520),
        slide: r.range(1.5, 5),
        duty: r.range(0.3, 0.5),
        vibratoDepth: r.chance(0.4) ? r.range(0.02, 0.08) : 0,
        vibratoHz: r.range(8, 16),
        sustain: r.range(0.2, 0.35),
        decay: r.range(0.15, 0.35),
        repeat: r.chance(0.6) ? r.range(0.07, 0.12) : 0,
      };
    case "hit":
      return {
        ...base,
        wave: r.chance(0.5) ? "noise" : r.pick(["square", "saw"] as const),
        freq: r.range(150, 600),
        slide: -r.range(3, 8),
        duty: r.range(0.3, 0.5),
        sustain: r.range(0.01, 0.05),
        punch: r.range(0.3, 0.6),
        decay: r.range(0.08, 0.2),
        highPass: r.chance(0.5) ? r.range(0.01, 0.08) : 0,
      };
    case "jump":
      return {
        ...base,
        wave: "square",
        freq: r.range(250, 500),
        slide: r.range(2.5, 6),
        duty: r.range(0.2, 0.5),
        sustain: r.range(0.05, 0.12),
        decay: r.range(0.1, 0.25),
        lowPass: r.chance(0.5) ? r.range(0.5, 0.9) : 1,
        highPass: r.chance(0.3) ? r.range(0.01, 0.05) : 0,
      };
    case "blip":
      return {
        ...base,
        wave: r.chance(0.6) ? "square" : "sine",
        freq: r.range(500, 1500),
        duty: r.pick([0.125, 0.25, 0.5]),
        sustain: r.range(0.03, 0.07),
        decay: r.range(0.02, 0.08),
        highPass: 0.01,
      };
  }
}

/** Renders the parameters to mono samples. */
export function renderSfx(p: SfxParams, sampleRate = SFX_SAMPLE_RATE): PcmAudio {
  const total = p.attack + p.sustain + p.decay;
  const n = Math.max(1, Math.ceil(total * sampleRate));
  const out = new Float32Array(n);
  // noise keeps a fixed 32-step pattern per oscillator cycle, re-rolled every cycle, as sfxr does;
  // its randomness comes from a generator seeded by the parameters, not Math.random
  const noiseRng = new Rng(Math.floor(p.freq * 1000) ^ Math.floor(p.decay * 1e6));
  const noise = Float32Array.from({ length: 32 }, () => noiseRng.next() * 2 - 1);
  let phase = 0;
  let lp = 0;
  let hpIn = 0;
  let hpOut = 0;
  let end = n;
  for (let i = 0; i < n; i++) {
    const t = i / sampleRate;
    const local = p.repeat > 0 ? t % p.repeat : t;
    let freq = p.freq * 2 ** (p.slide * local + 0.5 * p.deltaSlide * local * local);
    if (p.arpMult > 0 && local >= p.arpTime) freq *= p.arpMult;
    if (p.vibratoDepth > 0) freq *= 1 + p.vibratoDepth * Math.sin(2 * Math.PI * p.vibratoHz * t);
    if (p.minFreq > 0 && freq < p.minFreq) {
      end = i;
      break;
    }
    freq = Math.min(freq, sampleRate / 2.5);
    let env: number;
    if (t < p.attack) env = t / p.attack;
    else if (t < p.attack + p.sustain)
      env = 1 + p.punch * 2 * (1 - (t - p.attack) / Math.max(p.sustain, 1e-6));
    else env = Math.max(0, 1 - (t - p.attack - p.sustain) / Math.max(p.decay, 1e-6));
    const prev = phase;
    phase = (phase + freq / sampleRate) % 1;
    if (p.wave === "noise" && phase < prev) {
      for (let k = 0; k < 32; k++) noise[k] = noiseRng.next() * 2 - 1;
    }
    const duty = Math.min(0.95, Math.max(0.05, p.duty + p.dutySweep * t));
    let s: number;
    switch (p.wave) {
      case "square":
        s = phase < duty ? 0.5 : -0.5;
        break;
      case "saw":
        s = 1 - 2 * phase;
        break;
      case "sine":
        s = Math.sin(2 * Math.PI * phase);
        break;
      default:
        s = noise[Math.floor(phase * 32) % 32]!;
    }
    const cutoff = Math.min(1, Math.max(0.01, p.lowPass + p.lowPassSweep * t));
    lp += (s - lp) * cutoff ** 2;
    let v = cutoff >= 1 ? s : lp;
    if (p.highPass > 0) {
      hpOut = (1 - p.highPass) * (hpOut + v - hpIn);
      hpIn = v;
      v = hpOut;
    }
    out[i] = Math.max(-1, Math.min(1, v * env * p.volume));
  }
  // a short fade where a falling slide cut the sound, so it ends without a click
  const samples = out.subarray(0, Math.max(1, end));
  const fade = Math.min(samples.length, Math.round(sampleRate * 0.004));
  for (let k = 0; k < fade; k++) samples[samples.length - 1 - k]! *= k / fade;
  return { sampleRate, samples: samples.slice() };
}

// Prompt words per kind, English and Chinese. Longer phrases are tried first.
const WORDS: Readonly<Record<SfxKind, readonly string[]>> = {
  jump: ["jump", "hop", "leap", "bounce", "spring", "跳跃", "弹跳", "起跳", "跳"],
  coin: [
    "coin",
    "pickup",
    "pick up",
    "collect",
    "gold",
    "money",
    "gem",
    "ring",
    "金币",
    "硬币",
    "拾取",
    "收集",
    "宝石",
    "钱",
  ],
  laser: [
    "laser",
    "shoot",
    "shot",
    "gun",
    "blaster",
    "zap",
    "pew",
    "projectile",
    "激光",
    "射击",
    "开枪",
    "子弹",
    "发射",
    "枪",
  ],
  explosion: ["explosion", "explode", "boom", "bomb", "blast", "detonate", "爆炸", "炸弹", "轰"],
  hit: [
    "hit",
    "hurt",
    "damage",
    "punch",
    "impact",
    "ouch",
    "injury",
    "受伤",
    "击中",
    "打击",
    "伤害",
    "受击",
    "挨打",
  ],
  powerup: [
    "power-up",
    "power up",
    "powerup",
    "level up",
    "upgrade",
    "buff",
    "heal",
    "bonus",
    "升级",
    "强化",
    "能量",
    "道具",
    "加血",
    "回血",
  ],
  blip: [
    "blip",
    "select",
    "menu",
    "click",
    "beep",
    "cursor",
    "confirm",
    "button",
    "ui",
    "选择",
    "菜单",
    "点击",
    "确认",
    "按钮",
    "哔",
  ],
};

export interface SfxChoice {
  kind: SfxKind;
  /** the prompt word that chose it; undefined when no word was understood and the seed chose */
  matched?: string;
}

/** Which sound a prompt asks for: the earliest sound word in it, else one picked by seed. */
export function chooseSfx(prompt: string, seed: number): SfxChoice {
  const text = prompt.toLowerCase();
  let best: { kind: SfxKind; word: string; at: number } | undefined;
  for (const kind of SFX_KINDS) {
    for (const word of WORDS[kind]) {
      const ascii = /^[a-z -]+$/.test(word);
      const re = ascii
        ? new RegExp(`(^|[^a-z])${word.replace(/[-\s]/g, "[-\\s]?")}`, "i")
        : undefined;
      const m = re ? re.exec(text) : undefined;
      const at = re ? (m ? m.index + m[1]!.length : -1) : text.indexOf(word);
      if (at < 0) continue;
      if (!best || at < best.at || (at === best.at && word.length > best.word.length))
        best = { kind, word, at };
    }
  }
  if (best) return { kind: best.kind, matched: best.word };
  return { kind: SFX_KINDS[new Rng(seed).int(0, SFX_KINDS.length - 1)]! };
}

export interface SfxResult {
  kind: SfxKind;
  matched?: string;
  params: SfxParams;
  wav: Buffer;
  durationMs: number;
  /** what was made, in words: never a silent guess */
  note: string;
}

export function generateSfx(prompt: string, seed: number, speed = 1): SfxResult {
  const choice = chooseSfx(prompt, seed);
  const params = sfxParams(choice.kind, seed);
  // the generations API's audio `speed`: a faster sound is shorter and higher, like tape
  const s = Math.min(3, Math.max(0.2, speed));
  const scaled: SfxParams = {
    ...params,
    freq: params.freq * s,
    minFreq: params.minFreq * s,
    slide: params.slide * s,
    deltaSlide: params.deltaSlide * s * s,
    vibratoHz: params.vibratoHz * s,
    arpTime: params.arpTime / s,
    attack: params.attack / s,
    sustain: params.sustain / s,
    decay: params.decay / s,
    repeat: params.repeat / s,
    dutySweep: params.dutySweep * s,
    lowPassSweep: params.lowPassSweep * s,
  };
  const pcm = renderSfx(scaled);
  const durationMs = Math.round((pcm.samples.length / pcm.sampleRate) * 1000);
  const note = choice.matched
    ? `Sound effect: ${choice.kind} (from the word "${choice.matched}"), seed ${seed}, ${durationMs} ms`
    : `Sound effect: ${choice.kind}, picked by seed ${seed}: no sound word understood in "${prompt.slice(0, 120)}" (known: ${SFX_KINDS.join(", ")})`;
  return { ...choice, params: scaled, wav: encodeWav(pcm), durationMs, note };
}
