/**
 * The /thongbao conversation of the Digital Community Team, as a state
 * machine: text → optional photo or document → audience → preview with the
 * recipient count → send now or at a time → confirm. Counting and sending
 * need the database: the machine asks for them as effects ('preview',
 * 'send') that the chat extension carries out.
 *
 * With TELEGRAM_PAID_BROADCAST on, the preview also offers urgent sending
 * (Telegram's paid broadcast, its cost stated): the extension puts the offer
 * in the draft, and only an offered choice marks the notice as paid.
 */
import { line, t, type Choice, type Reply } from '../chat/reply.ts';
import { dayParts, instantOf, makeDay, isDay, type Day } from '../shared/day.ts';
import { fold } from '../shared/text.ts';
import { lookupUnit } from '../units/lookup.ts';
import { LOCAL_KINDS, type UnitRef } from '../units/types.ts';
import { checkBroadcastText, MAX_BROADCAST_TEXT, type AudienceSpec } from './audience.ts';

export interface BroadcastFile {
  kind: 'document' | 'photo';
  fileId: string;
  fileName?: string;
  channel: string;
}

export interface BroadcastDraft {
  text?: string;
  attachment?: BroadcastFile;
  audience?: AudienceSpec;
  /** A chosen sending time (ISO instant); absent: now. */
  at?: string;
  /** The preview offered urgent (paid) sending on Telegram, at about this many Stars. */
  paidOffer?: { stars: number };
  /** The sender chose it. */
  paid?: boolean;
}

export type BroadcastStep = 'text' | 'attachment' | 'audience' | 'units' | 'residents' | 'time' | 'confirm';

export interface BroadcastFlowState {
  step: BroadcastStep;
  draft: BroadcastDraft;
}

export type BroadcastInput = { kind: 'text'; text: string } | { kind: 'choice'; id: string } | { kind: 'file'; file: BroadcastFile };

export interface BroadcastFlowResult {
  state: BroadcastFlowState | null;
  replies: Reply[];
  /** 'preview': count the audience and show the preview; 'send': create the notice. */
  effect?: 'preview' | 'send';
}

const CANCEL = ['huy', '/huy', 'thoi', 'cancel'];
const SEND_WORDS = ['gui', 'gui ngay', 'ok', 'dong y'];
const PAID_WORDS = ['khan cap', 'gui khan cap', 'urgent'];
const SKIP = ['bo qua', 'khong', 'ko', 'skip', 'khong co'];
const c = (id: string, key: string, words?: string[]): Choice => ({ id: `f:${id}`, label: t(key), words });
const cancelChoice = () => c('cancel', 'report-cancel', CANCEL);

export function startBroadcast(): BroadcastFlowResult {
  return { state: { step: 'text', draft: {} }, replies: [{ lines: [line(t('broadcast-ask-text', { max: MAX_BROADCAST_TEXT }))], choices: [cancelChoice()] }] };
}

function askAttachment(): Reply {
  return { lines: [line(t('broadcast-ask-attachment'))], choices: [c('skip', 'report-skip', SKIP), cancelChoice()] };
}

export function askAudience(): Reply {
  return {
    lines: [line(t('broadcast-ask-audience'))],
    choices: [
      c('aud:all', 'broadcast-aud-all', ['tat ca', 'tat ca can bo']),
      c('aud:local', 'broadcast-aud-local', ['cac xa phuong', 'xa phuong']),
      c('aud:leaders', 'broadcast-aud-leaders', ['lanh dao']),
      c('aud:units', 'broadcast-aud-units', ['chon don vi', 'don vi']),
      c('aud:residents', 'broadcast-aud-residents', ['nguoi dan', 'dan']),
      cancelChoice(),
    ],
  };
}

/** The preview's choices: send now, urgent (paid) when offered, choose a time, cancel (the preview text is the extension's). */
export function previewChoices(scheduled: boolean, paidOffer?: { stars: number }): Choice[] {
  const paid: Choice[] = paidOffer ? [{ id: 'f:send-paid', label: t('broadcast-send-paid', { stars: paidOffer.stars }), words: PAID_WORDS }] : [];
  return scheduled
    ? [c('send', 'broadcast-send-scheduled', SEND_WORDS.filter((w) => w !== 'gui ngay')), ...paid, c('later', 'broadcast-other-time', ['gio khac']), cancelChoice()]
    : [c('send', 'broadcast-send-now', SEND_WORDS), ...paid, c('later', 'broadcast-later', ['hen gio', 'sau']), cancelChoice()];
}

/** "14:30 27/11", "27/11/2026 8h", "8:00" (today), "ngày mai 9h" → an instant in Asia/Ho_Chi_Minh, or null. */
export function parseSendTime(text: string, today: Day): Date | null {
  const f = fold(text).replace(/\bngay\b/g, ' ').replace(/\s+/g, ' ').trim();
  const time = /(\d{1,2})\s*(?::|h|g|gio)\s*(\d{2})?/.exec(f);
  let day: Day = today;
  if (/\bmai\b/.test(f)) {
    const { year, month, day: d } = dayParts(today);
    day = makeDay(year, month, d + 1);
  }
  const date = /(\d{1,2})\/(\d{1,2})(?:\/(\d{4}))?/.exec(f);
  if (date) {
    const year = date[3] ? Number(date[3]) : dayParts(today).year;
    const candidate = makeDay(year, Number(date[2]), Number(date[1]));
    const typed = `${year}-${String(date[2]).padStart(2, '0')}-${String(date[1]).padStart(2, '0')}`;
    if (!isDay(typed)) return null;
    day = candidate;
  }
  if (!time && !date) return null;
  const hour = time ? Number(time[1]) : 8;
  const minute = time?.[2] ? Number(time[2]) : 0;
  if (hour > 23 || minute > 59) return null;
  return instantOf(day, hour, minute);
}

function unitsFromText(text: string, units: UnitRef[]): { ids: number[]; unknown: string[]; ambiguous: string[] } {
  const ids: number[] = [];
  const unknown: string[] = [];
  const ambiguous: string[] = [];
  for (const part of text.split(/[,;\n]|\s+và\s+/u).map((s) => s.trim()).filter(Boolean)) {
    const found = lookupUnit(part, units);
    if (found.kind === 'one') ids.push(found.unit.id);
    else if (found.kind === 'many') ambiguous.push(part);
    else unknown.push(part);
  }
  return { ids: [...new Set(ids)], unknown, ambiguous };
}

/**
 * One step. `area` is the units the sender may reach (for typed unit names);
 * `now`/`today` date a typed sending time.
 */
export function stepBroadcast(state: BroadcastFlowState, input: BroadcastInput, ctx: { area: UnitRef[]; today: Day; now: Date }): BroadcastFlowResult {
  const text = input.kind === 'text' ? input.text.trim() : '';
  const id = input.kind === 'choice' ? input.id : null;
  if (id === 'f:cancel' || CANCEL.includes(fold(text))) return { state: null, replies: [{ lines: [line(t('broadcast-cancelled'))] }] };
  const d = state.draft;
  const again = (key: string, reply: Reply, args?: Record<string, string | number>): BroadcastFlowResult => ({ state, replies: [{ ...reply, lines: [line(t(key, args)), ...reply.lines] }] });
  switch (state.step) {
    case 'text': {
      if (input.kind !== 'text') return again('broadcast-need-text', { lines: [] });
      const problem = checkBroadcastText(text);
      if (problem) return again('broadcast-error', { lines: [], choices: [cancelChoice()] }, { code: problem.code, units: 'none' });
      return { state: { step: 'attachment', draft: { ...d, text } }, replies: [askAttachment()] };
    }
    case 'attachment': {
      if (input.kind === 'file') return { state: { step: 'audience', draft: { ...d, attachment: input.file } }, replies: [{ lines: [line(t('broadcast-file-received'))] }, askAudience()] };
      if (id === 'f:skip' || SKIP.includes(fold(text))) return { state: { step: 'audience', draft: d }, replies: [askAudience()] };
      return again('broadcast-need-file', askAttachment());
    }
    case 'audience': {
      const pick = id ?? null;
      if (pick === 'f:aud:all') return { state: { step: 'confirm', draft: { ...d, audience: { all: true } } }, replies: [], effect: 'preview' };
      if (pick === 'f:aud:local') return { state: { step: 'confirm', draft: { ...d, audience: { unitKinds: [...LOCAL_KINDS] } } }, replies: [], effect: 'preview' };
      if (pick === 'f:aud:leaders') return { state: { step: 'confirm', draft: { ...d, audience: { roles: ['UNIT_LEADER'] } } }, replies: [], effect: 'preview' };
      if (pick === 'f:aud:units') return { state: { step: 'units', draft: d }, replies: [{ lines: [line(t('broadcast-ask-units'))], choices: [cancelChoice()] }] };
      if (pick === 'f:aud:residents') return { state: { step: 'residents', draft: d }, replies: [{ lines: [line(t('broadcast-ask-residents'))], choices: [cancelChoice()] }] };
      return again('broadcast-need-audience', askAudience());
    }
    case 'units':
    case 'residents': {
      if (!text) return again('broadcast-need-units', { lines: [], choices: [cancelChoice()] });
      const pool = state.step === 'residents' ? ctx.area.filter((u) => LOCAL_KINDS.includes(u.kind)) : ctx.area;
      const found = unitsFromText(text, pool);
      if (found.unknown.length || found.ambiguous.length || !found.ids.length) {
        return again('broadcast-units-unknown', { lines: [], choices: [cancelChoice()] }, { unknown: [...found.unknown, ...found.ambiguous].join(', ') || text });
      }
      const audience: AudienceSpec = state.step === 'residents' ? { residentsOf: found.ids } : { unitIds: found.ids };
      return { state: { step: 'confirm', draft: { ...d, audience } }, replies: [], effect: 'preview' };
    }
    case 'time': {
      const at = parseSendTime(text, ctx.today);
      if (!at) return again('broadcast-time-unknown', { lines: [], choices: [cancelChoice()] });
      if (at.getTime() <= ctx.now.getTime()) return again('broadcast-time-past', { lines: [], choices: [cancelChoice()] });
      return { state: { step: 'confirm', draft: { ...d, at: at.toISOString() } }, replies: [], effect: 'preview' };
    }
    case 'confirm': {
      if (id === 'f:send' || SEND_WORDS.includes(fold(text))) return { state: { ...state, draft: { ...d, paid: false } }, replies: [], effect: 'send' };
      // Only an offered urgent sending is taken: without the setting (or Telegram recipients) "khẩn cấp" asks again.
      if (d.paidOffer && (id === 'f:send-paid' || PAID_WORDS.includes(fold(text)))) return { state: { ...state, draft: { ...d, paid: true } }, replies: [], effect: 'send' };
      if (id === 'f:later' || ['hen gio', 'sau', 'gio khac'].includes(fold(text))) return { state: { ...state, step: 'time' }, replies: [{ lines: [line(t('broadcast-ask-time'))], choices: [cancelChoice()] }] };
      return again('broadcast-need-confirm', { lines: [], choices: previewChoices(Boolean(d.at), d.paidOffer) });
    }
  }
}
