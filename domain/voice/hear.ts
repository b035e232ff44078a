/**
 * Hearing a voice message: where the bot expects text, a voice or audio clip
 * is fetched, converted and transcribed, and the transcript then goes through
 * exactly the same reading and confirmation as typed text (the engine shows
 * it back first: "🎙 Tôi nghe được: …"). Nothing here saves anything; the
 * transcript is only text the officer still has to confirm.
 *
 * The steps are ports, so the rules (limits, what counts as a failure, what
 * the officer is told) are tested without ffmpeg or a speech service. It runs
 * before the chat's database transaction: a slow transcription never holds
 * the per-chat lock.
 */

/** A clip as the chat app announced it: where to get it and what it declared about itself. */
export interface VoiceClip {
  channel: string;
  /** Telegram's file_id, or Zalo's voice_url. Kept on the saved update as evidence. */
  ref: string;
  /** Declared by the platform (Telegram); checked again on the converted audio. */
  durationSeconds?: number;
  sizeBytes?: number;
  mime?: string;
}

/** What is kept with a progress update made from a voice message (in its attachments). */
export interface VoiceEvidence {
  kind: 'voice';
  channel: string;
  fileId: string;
  durationSeconds?: number;
  transcript: string;
}

export interface VoiceLimits {
  maxSeconds: number;
  maxBytes: number;
}

/** Why a clip was not heard; each has its own Vietnamese message (locales: voice-problem). */
export type VoiceProblem = 'disabled' | 'too-long' | 'too-big' | 'timeout' | 'failed' | 'empty';

/** A failure a port reports with a stable code. */
export class VoiceError extends Error {
  constructor(
    readonly code: Exclude<VoiceProblem, 'disabled' | 'empty'>,
    message: string,
  ) {
    super(message);
  }
}

/** Downloads a clip, refusing more than `maxBytes` (throws VoiceError 'too-big'). */
export interface AudioSource {
  fetch(clip: VoiceClip, maxBytes: number, signal?: AbortSignal): Promise<Uint8Array>;
}

/** Converts any clip to what speech services read best (16 kHz mono WAV), cut a little past `maxSeconds`. */
export interface AudioConverter {
  toWav(audio: Uint8Array, maxSeconds: number): Promise<{ wav: Uint8Array; seconds: number }>;
}

/** The speech-to-text service (an OpenAI-compatible /v1/audio/transcriptions in production). */
export interface SpeechToText {
  transcribe(wav: Uint8Array, options: { language: string; signal?: AbortSignal }): Promise<string>;
}

export interface HearDeps {
  source: AudioSource;
  converter: AudioConverter;
  stt: SpeechToText;
  limits: VoiceLimits;
  language: string;
}

export type Heard = { ok: true; transcript: string; evidence: VoiceEvidence } | { ok: false; problem: VoiceProblem; detail?: string; maxSeconds?: number };

/** Transcribes a clip within the limits; every failure becomes a problem code, never an exception. */
export async function hear(clip: VoiceClip, deps: HearDeps | null): Promise<Heard> {
  if (!deps) return { ok: false, problem: 'disabled' };
  const { limits } = deps;
  const tooLong = { ok: false, problem: 'too-long', maxSeconds: limits.maxSeconds } as const;
  if (clip.durationSeconds !== undefined && clip.durationSeconds > limits.maxSeconds) return tooLong;
  if (clip.sizeBytes !== undefined && clip.sizeBytes > limits.maxBytes) return { ok: false, problem: 'too-big' };
  try {
    const audio = await deps.source.fetch(clip, limits.maxBytes);
    if (audio.byteLength > limits.maxBytes) return { ok: false, problem: 'too-big' };
    const { wav, seconds } = await deps.converter.toWav(audio, limits.maxSeconds);
    // The converter stops a little past the limit: anything longer was cut, so the clip was too long.
    if (seconds > limits.maxSeconds) return tooLong;
    const transcript = cleanTranscript(await deps.stt.transcribe(wav, { language: deps.language }));
    if (!transcript) return { ok: false, problem: 'empty' };
    return { ok: true, transcript, evidence: { kind: 'voice', channel: clip.channel, fileId: clip.ref, durationSeconds: Math.round(clip.durationSeconds ?? seconds), transcript } };
  } catch (err) {
    if (err instanceof VoiceError) return { ok: false, problem: err.code, detail: err.message };
    return { ok: false, problem: 'failed', detail: err instanceof Error ? err.message : String(err) };
  }
}

/**
 * One line of text as a person would have typed it: whitespace collapsed, and the
 * markers some services put around silence or noise ("[âm nhạc]", "(tiếng ồn)") dropped.
 */
export function cleanTranscript(text: string): string {
  return text
    .replace(/\[[^\]]*\]|\([^)]*(?:nhạc|ồn|im lặng|music|noise|silence|blank)[^)]*\)/giu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

const SPOKEN_DIGITS = ['không', 'một', 'hai', 'ba', 'bốn', 'năm', 'sáu', 'bảy', 'tám', 'chín', 'mười'];

/**
 * The transcript as the officer would have typed it: a numbered choice said aloud
 * ("một", "số hai", "chọn ba.") is its digit, as a Zalo user types "1"; anything
 * else is read as said.
 */
export function asTyped(transcript: string): string {
  const said = transcript.toLowerCase().replace(/[.!?,…]+$/u, '').trim();
  const m = /^(?:số |chọn (?:số )?)?(\p{L}+)$/u.exec(said);
  const digit = m ? SPOKEN_DIGITS.indexOf(m[1] === 'tư' ? 'bốn' : m[1]!) : -1;
  return digit >= 0 ? String(digit) : transcript;
}

/** A transcript longer than this is shown back shortened (it is kept whole with the update). */
export const SHOWN_TRANSCRIPT_CHARS = 600;
