/**
 * A prompt: a message that offered choices (numbers on Zalo and the console,
 * buttons on Telegram), stored with the chat so that a short answer ("1",
 * "ok", "có", "👍") means exactly one thing: a choice of the one live prompt
 * of that chat. A prompt ends when it is answered, cancelled or times out;
 * an ended prompt's answers get "this choice is no longer valid", never data.
 */
import { fold } from '../shared/text.ts';
import type { Choice } from './reply.ts';

export interface Prompt {
  /** Unique within the chat. */
  id: string;
  items: Choice[];
  /** Typed digits are data here (a percentage), not the number of a choice. */
  freeNumbers: boolean;
  /** ISO instant after which the prompt is dead; null = as long as nothing replaces it. */
  expiresAt: string | null;
  /** Set when the prompt was cancelled ("huỷ") or its flow timed out. */
  ended?: 'cancelled' | 'expired';
}

/** How long a prompt outside a flow (a menu, a reminder's choices, a notice) stays answerable. */
export const PROMPT_TTL_HOURS = 72;

/** Reads what the conversation stored: a Prompt, or the older `{ items, freeNumbers }` / plain array. */
export function readPrompt(raw: unknown): Prompt | null {
  if (!raw) return null;
  if (Array.isArray(raw)) return raw.length ? { id: 'legacy', items: raw as Choice[], freeNumbers: false, expiresAt: null } : null;
  const p = raw as Partial<Prompt>;
  if (!Array.isArray(p.items)) return null;
  return { id: p.id ?? 'legacy', items: p.items, freeNumbers: Boolean(p.freeNumbers), expiresAt: p.expiresAt ?? null, ended: p.ended };
}

export type PromptState = { kind: 'live'; prompt: Prompt } | { kind: 'dead'; reason: 'cancelled' | 'expired' } | { kind: 'none' };

/** Whether the stored prompt can still be answered at `now`. */
export function promptState(prompt: Prompt | null, now: Date): PromptState {
  if (!prompt) return { kind: 'none' };
  if (prompt.ended) return { kind: 'dead', reason: prompt.ended };
  if (!prompt.items.length) return { kind: 'none' };
  if (prompt.expiresAt && new Date(prompt.expiresAt).getTime() < now.getTime()) return { kind: 'dead', reason: 'expired' };
  return { kind: 'live', prompt };
}

/** A typed answer to a live prompt: its number (unless digits are data there), or one of its words. */
export function resolveTyped(text: string, prompt: Prompt | null): string | null {
  if (!prompt?.items.length) return null;
  const a = fold(text).replace(/[.)!]+$/, '').trim();
  if (!a) return null;
  if (!prompt.freeNumbers && /^\d{1,2}$/.test(a)) return prompt.items[Number(a) - 1]?.id ?? null;
  for (const c of prompt.items) if (c.words?.some((w) => fold(w) === a)) return c.id;
  return null;
}

const SHORT_WORDS = new Set([
  'ok', 'oke', 'okay', 'okie', 'ok a', 'ok nhe', 'co', 'khong', 'ko', 'k', 'kg', 'yes', 'no', 'u', 'uh', 'um', 'vang', 'da', 'dung', 'dong y',
  'luu', 'xac nhan', 'gui', 'roi', 'duoc', 'dc', 'da nhan', 'nhan', 'bo qua', 'chon',
]);

/**
 * A reply that only makes sense as the answer to a question: a bare number,
 * yes/no/ok words, an emoji. Without a live prompt it is never data.
 */
export function isShortAnswer(text: string): boolean {
  const f = fold(text).replace(/[.!?,)]+$/, '').trim();
  if (!f) return false;
  if (/^\d{1,3}([.,]\d+)?$/.test(f)) return true;
  if (SHORT_WORDS.has(f)) return true;
  return /^[\p{Extended_Pictographic}\p{Emoji_Modifier}\u200d\ufe0f\s]+$/u.test(text.trim());
}
