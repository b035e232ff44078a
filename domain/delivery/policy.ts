/**
 * The rules of delivery, pure: when a message may go out (working days,
 * working hours, Asia/Ho_Chi_Minh), which account of a person gets it, and
 * what a failed send becomes.
 */
import type { WorkingCalendar } from '../calendar/working-days.ts';
import type { WorkingHours } from '../reminders/settings.ts';
import { addDays, dayOf, instantOf, type Day } from '../shared/day.ts';
import { SEND_CHANNELS, type DeliveryKind, type IdentityRef, type SendChannel, type SendFailureKind } from './types.ts';

export interface SendWindow {
  calendar: WorkingCalendar;
  hours: WorkingHours;
  /** 'always' sends at any time on any day. */
  mode: 'working' | 'always';
}

const MINUTE = 60_000;
const VN_OFFSET_MS = 7 * 3_600_000;

/** Minutes since midnight in Asia/Ho_Chi_Minh (UTC+7, no daylight saving). */
export function minuteOfDay(instant: Date): number {
  const ms = (instant.getTime() + VN_OFFSET_MS) % 86_400_000;
  return Math.floor((ms < 0 ? ms + 86_400_000 : ms) / MINUTE);
}

export function windowStartOn(day: Day, hours: WorkingHours): Date {
  return instantOf(day, Math.floor(hours.startMinute / 60), hours.startMinute % 60);
}

export function isWithinWindow(instant: Date, w: SendWindow): boolean {
  if (w.mode === 'always') return true;
  const m = minuteOfDay(instant);
  return w.calendar.isWorkingDay(dayOf(instant)) && m >= w.hours.startMinute && m < w.hours.endMinute;
}

/** `instant` itself when a message may go out then, else the start of the next working morning. */
export function nextWindowStart(instant: Date, w: SendWindow): Date {
  if (isWithinWindow(instant, w)) return instant;
  const day = dayOf(instant);
  if (w.calendar.isWorkingDay(day) && minuteOfDay(instant) < w.hours.startMinute) return windowStartOn(day, w.hours);
  return windowStartOn(w.calendar.nextWorkingDay(addDays(day, 1)), w.hours);
}

export function isSendChannel(channel: string): channel is SendChannel {
  return (SEND_CHANNELS as readonly string[]).includes(channel);
}

/**
 * The accounts to try for a person, best first: reachable ones only, the
 * preferred channel first, then the most recently linked (issue 6).
 */
export function orderIdentities<T extends IdentityRef>(identities: T[], preferred: string | null): T[] {
  return identities
    .filter((i) => i.unreachableAt === null && isSendChannel(i.channel))
    .sort((a, b) => {
      const pa = a.channel === preferred ? 0 : 1;
      const pb = b.channel === preferred ? 0 : 1;
      if (pa !== pb) return pa - pb;
      const la = a.linkedAt.getTime();
      const lb = b.linkedAt.getTime();
      return la !== lb ? lb - la : b.id - a.id;
    });
}

/**
 * A send whose outcome is unknown (the request may have arrived): reminders,
 * digests and notices are sent again (a repeat is better than a missed
 * deadline); a broadcast is recorded UNKNOWN and never sent again (thousands
 * of people must not get a notice twice).
 */
export function unknownPolicy(kind: DeliveryKind): 'retry' | 'record' {
  return kind === 'BROADCAST' ? 'record' : 'retry';
}

/** Back-off before retrying a transient failure: 30 s, 2 min, 8 min, then 30 min. */
export function retryDelayMs(attempt: number): number {
  return Math.min(30 * MINUTE, 30_000 * 4 ** Math.max(0, attempt - 1));
}

export type FailureDecision =
  /** Back to the queue; `countsAsAttempt` false for rate limits. */
  | { action: 'retry'; notBefore: Date; countsAsAttempt: boolean }
  /** Mark the account unreachable and try the person's next account, else BLOCKED. */
  | { action: 'fallback' }
  | { action: 'final'; state: 'FAILED' | 'UNKNOWN' };

export function decideAfterFailure(input: {
  kind: DeliveryKind;
  failure: SendFailureKind;
  /** Attempts so far, this one included. */
  attempts: number;
  maxAttempts: number;
  now: Date;
  retryAfterMs?: number;
}): FailureDecision {
  const { failure, attempts, maxAttempts, now } = input;
  const later = (ms: number) => new Date(now.getTime() + ms);
  switch (failure) {
    case 'rate_limited':
      return { action: 'retry', notBefore: later(input.retryAfterMs ?? 1000), countsAsAttempt: false };
    case 'blocked':
      return { action: 'fallback' };
    case 'permanent':
      return { action: 'final', state: 'FAILED' };
    case 'unknown':
      if (unknownPolicy(input.kind) === 'record') return { action: 'final', state: 'UNKNOWN' };
      return attempts >= maxAttempts ? { action: 'final', state: 'FAILED' } : { action: 'retry', notBefore: later(retryDelayMs(attempts)), countsAsAttempt: true };
    case 'transient':
      return attempts >= maxAttempts ? { action: 'final', state: 'FAILED' } : { action: 'retry', notBefore: later(retryDelayMs(attempts)), countsAsAttempt: true };
  }
}
