/**
 * What the conversation engine needs from storage. Implemented on Prisma in
 * prisma/stores/chat-store.ts and prisma/stores/progress-store.ts; one
 * instance per handled message, inside a per-chat lock.
 */
import type { ChatChannel, PersonRef } from '../people/types.ts';
import type { Draft, ReportTarget } from '../progress/report-flow.ts';
import type { VoiceEvidence } from '../voice/hear.ts';

export interface Identity {
  id: number;
  channel: ChatChannel;
  externalId: string;
  chatId: string;
  locale: 'vi' | 'en';
  person: (PersonRef & { consentAt: Date | null; isFocal: boolean; unitName: string | null }) | null;
}

export type LinkResult =
  | { ok: true; person: PersonRef; alreadyLinked: boolean }
  | { ok: false; reason: 'unknown-code' | 'expired-code' | 'used-code' | 'unknown-phone' | 'not-own-contact' | 'inactive' }
  /** Too many wrong codes from this account, or for this code, in the last hour. */
  | { ok: false; reason: 'too-many-attempts'; waitMinutes: number };

export interface IdentityStore {
  find(channel: ChatChannel, externalId: string): Promise<Identity | null>;
  linkByCode(input: { code: string; channel: ChatChannel; externalId: string; chatId: string; username?: string; displayName?: string; now: Date }): Promise<LinkResult>;
  /** Whose activation code this is (used or not), without consuming or counting it; null for an unknown code. */
  codeOwner(code: string): Promise<number | null>;
  linkByPhone(input: { phone: string; channel: ChatChannel; externalId: string; chatId: string; username?: string; displayName?: string; now: Date }): Promise<LinkResult>;
  acceptConsent(personId: number, now: Date): Promise<void>;
  /** Removes the link: no more messages to this account. Returns false when it was not linked. */
  unlink(channel: ChatChannel, externalId: string, now: Date): Promise<boolean>;
  /** The account wrote to us: it is reachable again. */
  markReachable(identityId: number): Promise<void>;
}

export interface ConversationRecord {
  flow: string | null;
  state: unknown;
  /** The prompt last offered (domain/chat/prompt.ts), as stored. */
  choices: unknown;
  expiresAt: Date | null;
  version: number;
}

export interface ConversationStore {
  load(channel: ChatChannel, chatId: string): Promise<ConversationRecord | null>;
  save(channel: ChatChannel, chatId: string, record: Omit<ConversationRecord, 'version'>): Promise<void>;
}

export interface SavedUpdate {
  id: number;
  reportedAt: Date;
}

export interface LastUpdate {
  id: number;
  kind: string;
  target: ReportTarget;
  draft: Omit<Draft, 'attachments'>;
  reportedAt: Date;
  /** Already corrected or withdrawn by a later entry. */
  amended: boolean;
}

export interface ProgressStore {
  /** Appends a progress update (REPORT, or CORRECTION when `amendsId`) and moves the assignment's latest state. */
  /** `evidence`: the voice clips the report was heard from, kept beside its attachments. */
  record(input: { target: ReportTarget; draft: Draft; personId: number; channel: ChatChannel; now: Date; amendsId?: number; evidence?: VoiceEvidence[] }): Promise<SavedUpdate>;
  /** The person's own most recent update. */
  lastByPerson(personId: number): Promise<LastUpdate | null>;
  /** Appends a WITHDRAWAL entry that restores the state before `updateId`. */
  withdraw(updateId: number, personId: number, channel: ChatChannel, now: Date): Promise<SavedUpdate>;
  /** Records that nothing changed since the last report (a reminder's "no change"): a new entry repeating the last state. */
  noChange(assignmentId: number, personId: number, channel: ChatChannel, now: Date): Promise<SavedUpdate | null>;
  /** Names `personId` the one responsible for a task in its unit (replacing other assignees of that unit). */
  handOver(taskId: number, unitId: number, personId: number, byPersonId: number): Promise<void>;
  /** Tasks the reminders sent to this person since `since` asked about, each with the latest such reminder's time. */
  remindedTasks?(personId: number, since: Date): Promise<Map<number, Date>>;
}
