/**
 * The conversation engine: one inbound message (text, button, contact, file)
 * in, replies out, the same for Telegram, Zalo and the console. It knows who
 * is writing (linking and consent), continues the flow in progress from the
 * database, reads one-line reports and leaders' questions, and carries out
 * what flows decide (saving progress) through ports. Adapters only translate.
 */
import type { ChatChannel, PersonRef } from '../people/types.ts';
import { canSee, visibleUnitIds } from '../people/scope.ts';
import { parseQuickReply } from '../progress/quick-reply.ts';
import { readingLines } from '../progress/read-back.ts';
import { proposalSummaryLines } from '../accountability/proposal-reply.ts';
import { askAgain, startCorrection, startQuick, startSteps, stepReport, targetLine, type Attachment, type FlowInput, type ReportState, type ReportTarget } from '../progress/report-flow.ts';
import { dayOf, type Day } from '../shared/day.ts';
import type { Clock } from '../shared/clock.ts';
import { fold, shorten } from '../shared/text.ts';
import type { StatusOptions } from '../status/derive-status.ts';
import type { TaskQueries } from '../tasks/ports.ts';
import { openForPerson } from '../tasks/open-for-person.ts';
import { matchesRef, type TaskRow } from '../tasks/types.ts';
import { Assistant, MORE_WORDS, readCommand, type ChatContext } from './assistant.ts';
import type { ConversationRecord, ConversationStore, Identity, IdentityStore, ProgressStore } from './ports.ts';
import { isShortAnswer, PROMPT_TTL_HOURS, promptState, readPrompt, resolveTyped, type Prompt } from './prompt.ts';
import { line, t, type Choice, type Reply, type Text } from './reply.ts';
import { SHOWN_TRANSCRIPT_CHARS, type Heard, type VoiceClip, type VoiceEvidence } from '../voice/hear.ts';

export interface Inbound {
  channel: ChatChannel;
  chatId: string;
  user: { externalId: string; username?: string; displayName?: string };
  text?: string;
  /** A button press (Telegram callback data). */
  choiceId?: string;
  /** The prompt the pressed button was shown with: a press on any other prompt's button is dead. */
  promptId?: string;
  /** A shared contact (Telegram); userId is whose contact it is. */
  contact?: { phone: string; userId?: string };
  file?: Attachment;
  /** The payload of /start (deep links). */
  startPayload?: string;
  /** The console speaks as a known person without linking. */
  asPerson?: PersonRef;
  /** The platform can send the user's phone number on request (Telegram's contact button). */
  canShareContact?: boolean;
  /** Choices are shown as buttons (Telegram): the user saw no numbers, so typed digits choose nothing. */
  buttons?: boolean;
  /** Content the bot cannot read (a sticker, a voice message, a video…): it says what this step accepts. */
  unsupported?: 'sticker' | 'voice' | 'other';
  /** A voice or audio clip; the chat service transcribes it (outside the transaction) before the engine runs. */
  voice?: VoiceClip;
  /** What the chat service heard in `voice`: on success `text` is the transcript, read like typed text. */
  heard?: Heard;
}

export interface Outcome {
  replies: Reply[];
  /** A short notice for the button press (Telegram shows it as a toast). */
  toast?: Text;
}

export interface ExtensionInput {
  inbound: Inbound;
  identity: Identity;
  /** null for people outside the registry (residents). */
  person: PersonRef | null;
  choiceId: string | null;
  memory: Memory;
  today: Day;
  now: Date;
}

export interface ExtensionResult {
  replies: Reply[];
  memory?: Memory;
  toast?: Text;
  /** Open the reporting flow on this task (a reminder's "report now"). */
  startReport?: { taskId: number };
  /** Start or continue one of the extension's own flows; null ends it. */
  flow?: { name: string; state: unknown } | null;
}

/**
 * Extra answers the engine delegates: reminder and broadcast buttons,
 * subscriptions, the broadcast conversation, leaders' questions. `handle`
 * sees idle messages (null = not for me); `step` sees every message while
 * one of its `flows` is in progress.
 */
export interface Extension {
  flows?: string[];
  /** Serves people outside the registry too (residents). */
  public?: boolean;
  handle(input: ExtensionInput): Promise<ExtensionResult | null>;
  /**
   * Answers that mean one thing whatever is in progress (a notice's "Đã nhận", which
   * never takes the words of another prompt): tried before the flow in progress, which
   * then asks its question again. null = not for me.
   */
  intercept?(input: ExtensionInput): Promise<ExtensionResult | null>;
  step?(input: ExtensionInput & { flow: string; state: unknown }): Promise<ExtensionResult>;
}

export interface EngineSettings {
  /** Minutes a flow waits for an answer before it is dropped (nothing saved). */
  flowTimeoutMinutes: number;
  /** Minutes during which the last update can be corrected or withdrawn. */
  correctionMinutes: number;
  status: StatusOptions;
}

export interface EngineDeps {
  identities: IdentityStore;
  conversations: ConversationStore;
  progress: ProgressStore;
  queries: TaskQueries;
  clock: Clock;
  settings: EngineSettings;
  extensions?: Extension[];
  /** Answers what nothing else understood (leaders' questions). */
  fallback?: Extension;
}

/** What a conversation remembers between messages besides the flow in progress. */
export interface Memory {
  [key: string]: unknown;
}

interface Stored {
  report?: ReportState;
  /** The state of an extension's flow. */
  flow?: unknown;
  memory?: Memory;
  /** Voice clips heard during the report in progress: kept with the update as evidence when it is saved. */
  voice?: VoiceEvidence[];
}


export { resolveTyped } from './prompt.ts';

interface StoredChoices {
  items: Choice[];
  freeNumbers: boolean;
}

export function toTarget(row: TaskRow): ReportTarget {
  return { assignmentId: row.assignmentId, taskId: row.taskId, unitId: row.unitId, number: row.number, planCode: row.planCode, title: row.title, kind: row.kind, lastPercent: row.kind === 'INDICATOR' ? row.actualValue : row.percent };
}

const CODE_RE = /^[A-Za-z0-9]{6,12}$/;
/** A reminder older than this no longer puts its tasks first (the monthly request follows). */
const REMINDER_PENDING_DAYS = 31;

export class ChatEngine {
  private readonly assistant: Assistant;
  /** The last prompt id of this chat (ids increase per chat), and the one saved by this message. */
  private promptSeq: number | null = null;
  private shownPrompt: string | null = null;

  constructor(private readonly deps: EngineDeps) {
    this.assistant = new Assistant({ queries: deps.queries });
  }

  async handle(inbound: Inbound): Promise<Outcome> {
    const outcome = await this.respond(inbound);
    // The choices saved as the chat's prompt carry its id (Telegram's buttons send it back).
    const asked = [...outcome.replies].reverse().find((r) => r.choices?.length);
    if (asked && this.shownPrompt) asked.promptId = this.shownPrompt;
    // A transcript is shown back first, so the officer sees what the answer was read from.
    if (inbound.heard?.ok) outcome.replies.unshift(say('voice-heard', { text: shorten(inbound.heard.transcript, SHOWN_TRANSCRIPT_CHARS) }));
    return outcome;
  }

  private async respond(inbound: Inbound): Promise<Outcome> {
    const now = this.deps.clock.now();
    const today = dayOf(now);
    const { identities, conversations } = this.deps;

    // ── Who is writing ──────────────────────────────────────────────────────
    if (inbound.startPayload && inbound.channel !== 'CONSOLE') {
      return { replies: await this.linkWithCode(inbound, inbound.startPayload, now) };
    }
    if (inbound.contact) return { replies: await this.linkWithContact(inbound, now) };

    let identity: Identity | null;
    if (inbound.asPerson) {
      identity = { id: 0, channel: inbound.channel, externalId: inbound.user.externalId, chatId: inbound.chatId, locale: 'vi', person: { ...inbound.asPerson, consentAt: now, isFocal: false, unitName: null } };
    } else {
      identity = await identities.find(inbound.channel, inbound.user.externalId);
      if (identity) await identities.markReachable(identity.id);
    }
    const person = identity?.person ?? null;
    const text = inbound.text?.trim() ?? '';

    const record = await conversations.load(inbound.channel, inbound.chatId);
    this.promptSeq = promptSeq(record);
    let stored: Stored = (record?.state as Stored | null) ?? {};
    // The one live prompt of this chat: a short answer is read against it, and only it.
    const flowExpired = Boolean(record?.flow && record.expiresAt && record.expiresAt < now);
    const prompt = promptState(readPrompt(record?.choices), now);
    const offered = prompt.kind === 'live' && !flowExpired ? prompt.prompt : null;
    const deadPrompt = prompt.kind === 'dead' || (flowExpired && prompt.kind === 'live');
    const typedChoice = !inbound.choiceId && text ? resolveTyped(text, offered && inbound.buttons ? { ...offered, freeNumbers: true } : offered) : null;
    const choiceId = inbound.choiceId ?? typedChoice;

    // Extensions that serve people outside the registry (residents subscribing) come first.
    if (!person) {
      if (identity || CODE_RE.test(text) || /^\/start\s+\S+/.test(text)) {
        const code = text.replace(/^\/start\s+/, '');
        if (CODE_RE.test(code)) return { replies: await this.linkWithCode(inbound, code, now) };
      }
      const anonymous: Identity = identity ?? { id: 0, channel: inbound.channel, externalId: inbound.user.externalId, chatId: inbound.chatId, locale: 'vi', person: null };
      const anytime = await this.intercept(inbound, anonymous, null, record, stored, choiceId, today, now, flowExpired, true);
      if (anytime) return anytime;
      const flowing = await this.continueExtensionFlow(inbound, anonymous, null, record, stored, choiceId, today, now, true);
      if (flowing) return flowing;
      const fromExtension = await this.runExtensions(inbound, anonymous, null, choiceId, stored, today, now, true);
      if (fromExtension) return fromExtension;
      const contact = Boolean(inbound.canShareContact);
      return { replies: [{ lines: [line(t(contact ? 'link-stranger-contact' : 'link-stranger-code'))], requestContact: contact }], toast: inbound.choiceId ? t('chat-not-linked-toast') : undefined };
    }

    // ── A button of a prompt that is not the live one (cancelled, expired, replaced): dead ──
    if (inbound.choiceId && inbound.promptId !== undefined && (!offered || readPrompt(record?.choices)?.id !== inbound.promptId)) {
      const toast = t('choice-expired-toast');
      // A flow in progress keeps its question and its buttons (the latest message): only this press is refused.
      if (record?.flow && !flowExpired) return { replies: [say('choice-expired-in-flow')], toast };
      const reporter = person.roles.some((r) => r === 'OFFICER' || r === 'UNIT_LEADER') ? 'yes' : 'no';
      return { ...(await this.reply(inbound, { memory: stored.memory }, [{ lines: [line(t('choice-expired', { reporter }))], choices: this.menu(person) }], null)), toast };
    }

    // ── Their own activation code typed again once linked (Zalo has no /start link): greeted ──
    if (!inbound.asPerson && CODE_RE.test(text) && !record?.flow && (await identities.codeOwner(text)) === person.id && person.consentAt) {
      return this.reply(inbound, stored, [say('link-already', { name: person.fullName }), { ...this.assistant.help(this.ctx(person, inbound.channel, today)), choices: this.menu(person) }], null);
    }

    // ── Personal data notice, once ──────────────────────────────────────────
    if (!person.consentAt) {
      const f = fold(text);
      if (choiceId === 'consent:yes' || ['dong y', 'toi dong y', 'ok', 'co'].includes(f)) {
        await identities.acceptConsent(person.id, now);
        // The help's menu becomes the live prompt (the notice's choices end here).
        return this.reply(inbound, stored, [say('consent-thanks'), { ...this.assistant.help(this.ctx(person, inbound.channel, today)), choices: this.menu(person) }], null);
      }
      if (choiceId === 'consent:no' || ['khong', 'khong dong y', 'tu choi'].includes(f)) {
        await identities.unlink(inbound.channel, inbound.user.externalId, now);
        return { replies: [say('consent-declined')] };
      }
      return this.reply(inbound, stored, [consentNotice()], null);
    }

    // ── Commands that work in any state ─────────────────────────────────────
    const command = fold(text).split(/\s+/)[0] ?? '';
    if (['/roikhoi', '/unlink', '/stop'].includes(command)) {
      await identities.unlink(inbound.channel, inbound.user.externalId, now);
      await conversations.save(inbound.channel, inbound.chatId, { flow: null, state: null, choices: null, expiresAt: null });
      return { replies: [say('unlink-done')] };
    }
    const cancelWord = ['huy', 'huy bo', 'thoi'].includes(fold(text));
    if (['/huy', '/cancel'].includes(command) || (cancelWord && !record?.flow) || (cancelWord && flowExpired)) {
      const had = Boolean(record?.flow) && !flowExpired;
      await this.save(inbound, { memory: stored.memory }, null, null, now, had || offered ? 'cancelled' : undefined);
      return { replies: [say(had ? 'report-cancelled' : 'nothing-to-cancel')] };
    }

    // ── A sticker, a voice message…: what this step accepts instead ────────
    // A voice message not heard (voice not enabled, too long, the service failed): said why, nothing read.
    const voiceProblem = inbound.voice && !text ? (inbound.heard && !inbound.heard.ok ? inbound.heard.problem : 'disabled') : null;
    const voiceArgs = { problem: voiceProblem, seconds: inbound.heard && !inbound.heard.ok ? (inbound.heard.maxSeconds ?? null) : null };
    if ((inbound.unsupported || voiceProblem) && !text && !inbound.file) {
      const kind = inbound.unsupported ?? 'voice';
      const why = (step: string) => (voiceProblem ? say('voice-problem', voiceArgs) : say('unsupported-in-step', { kind, step }));
      if (record?.flow === 'report' && stored.report && !flowExpired) {
        const again = askAgain(stored.report);
        await this.save(inbound, stored, 'report', again.choices?.length ? { items: again.choices, freeNumbers: Boolean(again.freeNumbers) } : null, now);
        return { replies: [why(stored.report.step), again] };
      }
      if (record?.flow && !flowExpired) return { replies: [why('other')] };
      const reporter = person.roles.some((r) => r === 'OFFICER' || r === 'UNIT_LEADER') ? 'yes' : 'no';
      const idle = voiceProblem ? [line(t('voice-problem', voiceArgs)), line(t('voice-idle-menu'))] : [line(t('unsupported-idle', { kind, reporter }))];
      return this.reply(inbound, stored, [{ lines: idle, choices: this.menu(person) }], null);
    }

    // ── Answers valid whatever is in progress (a notice's "Đã nhận") ────────
    const anytime = await this.intercept(inbound, identity!, person, record, stored, choiceId, today, now, flowExpired, false);
    if (anytime) return anytime;

    // ── A flow in progress ──────────────────────────────────────────────────
    const expired = flowExpired;
    if (expired) stored = { memory: stored.memory };
    const expiredNote: Reply[] = expired ? [say('flow-expired')] : [];
    if (!expired && record?.flow === 'report' && stored.report) {
      const isFlowChoice = choiceId?.startsWith('f:');
      if (inbound.choiceId && isFlowChoice && !offered?.items.some((c) => c.id === inbound.choiceId)) {
        return { replies: [say('chat-old-choice')], toast: t('chat-old-choice-toast') };
      }
      // A report in progress takes every message until it is saved or cancelled; a command typed
      // meanwhile is not read as an answer: the bot says how to leave, and asks again.
      if (!choiceId && /^\/\w+/.test(text)) {
        return this.afterFlow(inbound, person, stored, { state: stored.report, replies: [say('flow-busy'), askAgain(stored.report)] }, now);
      }
      const input: FlowInput = inbound.file ? { kind: 'file', attachment: inbound.file } : choiceId && (isFlowChoice || inbound.choiceId) ? { kind: 'choice', id: choiceId } : { kind: 'text', text };
      const result = stepReport(stored.report, input, today);
      return this.afterFlow(inbound, person, stored, result, now);
    }
    if (!expired) {
      const flowing = await this.continueExtensionFlow(inbound, identity!, person, record, stored, choiceId, today, now, false);
      if (flowing) return flowing;
    }
    if (inbound.choiceId?.startsWith('f:')) return { replies: [...expiredNote, say('chat-old-choice')], toast: t('chat-old-choice-toast') };
    if (inbound.file) {
      // A document outside a report is a workbook for the sheets extension; a photo is explained.
      const ext = inbound.file.kind === 'document' ? await this.runExtensions(inbound, identity!, person, choiceId, stored, today, now) : null;
      return ext ?? { replies: [...expiredNote, say('file-outside-report')] };
    }

    // ── "Xem thêm" with no list on screen ───────────────────────────────────
    if (!choiceId && MORE_WORDS.includes(fold(text).replace(/[.!?]+$/, ''))) {
      return this.reply(inbound, stored, [{ lines: [line(t('list-nothing-more'))], choices: this.menu(person) }], null);
    }

    // ── A short answer ("1", "ok", "có", "👍") with no live prompt: never data ──
    if (!choiceId && isShortAnswer(text)) {
      // A live prompt this does not answer ("7" of three, a digit under Telegram buttons): offered again.
      if (offered) return this.reply(inbound, stored, [{ lines: [line(t('choice-not-offered', { buttons: inbound.buttons ? 'yes' : 'no', count: offered.items.length }))], choices: offered.items, freeNumbers: offered.freeNumbers }], null);
      const key = deadPrompt || expired ? 'choice-expired' : 'short-answer-no-prompt';
      const reporter = person.roles.some((r) => r === 'OFFICER' || r === 'UNIT_LEADER');
      return this.reply(inbound, stored, [...expiredNote, { lines: [line(t(key, { reporter: reporter ? 'yes' : 'no' }))], choices: this.menu(person) }], null);
    }

    // ── Stateless choices and commands ──────────────────────────────────────
    const ext = await this.runExtensions(inbound, identity!, person, choiceId, stored, today, now);
    if (ext) return ext;

    // /capnhat opens the reporting flow (/baocao is the leaders' report, answered by an extension).
    if (command === '/capnhat' || choiceId === 'menu:report') {
      const ref = text.split(/\s+/).slice(1).join(' ');
      return this.startReport(inbound, person, stored, ref, expiredNote);
    }
    if (command === '/sua') return this.correctLast(inbound, person, stored, now);
    if (command === '/rutlai') return this.askWithdraw(inbound, person, stored, now);
    if (choiceId?.startsWith('wd:')) return this.withdraw(inbound, person, stored, choiceId, now);
    if (command === '/giao') return this.handOver(inbound, person, stored, text);
    if (choiceId?.startsWith('ho:')) return this.confirmHandOver(inbound, person, stored, choiceId);

    if (choiceId && /^(menu|nv|dv):/.test(choiceId)) {
      return this.reply(inbound, stored, [...expiredNote, ...(await this.assistant.handle({ kind: 'choice', id: choiceId }, this.ctx(person, inbound.channel, today)))], null);
    }
    if (inbound.choiceId) return { replies: [say('chat-old-choice')], toast: t('chat-old-choice-toast') };

    if (readCommand(text).name !== 'unknown') {
      return this.reply(inbound, stored, [...expiredNote, ...(await this.assistant.handle({ kind: 'text', text }, this.ctx(person, inbound.channel, today)))], null);
    }

    // ── A one-line report? ──────────────────────────────────────────────────
    const reading = parseQuickReply(text);
    if (reading.looksLikeUpdate && person.roles.some((r) => r === 'OFFICER' || r === 'UNIT_LEADER')) {
      if (reading.problems.length) {
        // Each problem once per message, however many clauses of a long paste have it.
        const counts = new Map<string, number>();
        for (const p of reading.problems) counts.set(p.code, (counts.get(p.code) ?? 0) + 1);
        const lines = [...counts].flatMap(([code, n]) => [line(t(`quick-problem-${code}`)), ...(n > 1 ? [line(t('quick-problem-times', { count: n }), { indent: true })] : [])]);
        return this.reply(inbound, stored, [...expiredNote, { lines: [...lines, ...readingLines(reading, text), line(t('quick-problem-nothing-saved'))] }], null);
      }
      const pending = new Set<number>();
      const candidates = await this.candidates(person, today, pending);
      // After a reminder, its tasks are what a bare reply speaks about.
      const fromReminder = (offered?.items ?? []).map((c) => /^rm:report:(\d+)$/.exec(c.id)?.[1]).filter(Boolean).map(Number);
      // One reminded task is what a bare reply speaks about; several come first in the list, and
      // a % comes before indicators' values (a % is a task's progress).
      const reminded = candidates.filter((c) => fromReminder.includes(c.taskId));
      // Candidates come with unanswered reminders first; a stable sort keeps that order within each rank.
      const rank = (c: ReportTarget) => (reading.percent !== null && c.kind === 'INDICATOR' ? 2 : 0) + (fromReminder.includes(c.taskId) || pending.has(c.taskId) ? 0 : 1);
      const pool = reminded.length === 1 && !reading.taskRef ? reminded : [...candidates].sort((a, b) => rank(a) - rank(b));
      if (reading.taskRef && !pool.some((c) => matchesRef(c.number, reading.taskRef!))) {
        const refusal = await this.refuseForeignTask(person, reading.taskRef, today);
        if (refusal) return this.reply(inbound, stored, [refusal], null);
      }
      const result = startQuick(reading, text, pool.length ? pool : candidates);
      return this.afterFlow(inbound, person, stored, result, now, expiredNote);
    }

    if (this.deps.fallback) {
      const out = await this.deps.fallback.handle({ inbound, identity: identity!, person, choiceId, memory: stored.memory ?? {}, today, now });
      if (out) return this.finishExtension(inbound, person, { memory: stored.memory }, out, now, expiredNote);
    }
    return this.reply(inbound, stored, [...expiredNote, { lines: [line(t('chat-not-understood'))], choices: this.menu(person) }], null);
  }

  // ── Helpers ────────────────────────────────────────────────────────────────

  private ctx(person: PersonRef, channel: ChatChannel, today: Day): ChatContext {
    return { person, today, channel, status: this.deps.settings.status };
  }

  private menu(person: PersonRef): Choice[] {
    const reporter = person.roles.some((r) => r === 'OFFICER' || r === 'UNIT_LEADER');
    return [...(reporter ? [{ id: 'menu:report', label: t('menu-report'), words: ['bao cao', 'cap nhat'] }] : []), ...this.assistant.menu()];
  }

  private async runExtensions(inbound: Inbound, identity: Identity, person: PersonRef | null, choiceId: string | null, stored: Stored, today: Day, now: Date, publicOnly = false): Promise<Outcome | null> {
    for (const ext of this.deps.extensions ?? []) {
      if (publicOnly && !ext.public) continue;
      const out = await ext.handle({ inbound, identity, person, choiceId, memory: stored.memory ?? {}, today, now });
      if (out) return this.finishExtension(inbound, person, stored, out, now);
    }
    return null;
  }

  private async intercept(inbound: Inbound, identity: Identity, person: PersonRef | null, record: ConversationRecord | null, stored: Stored, choiceId: string | null, today: Day, now: Date, flowExpired: boolean, publicOnly: boolean): Promise<Outcome | null> {
    for (const ext of this.deps.extensions ?? []) {
      if (!ext.intercept || (publicOnly && !ext.public)) continue;
      const out = await ext.intercept({ inbound, identity, person, choiceId, memory: stored.memory ?? {}, today, now });
      if (!out) continue;
      if (record?.flow && !flowExpired) {
        // The flow in progress keeps its state and its prompt; the report asks its question again.
        if (record.flow === 'report' && stored.report && person) {
          const again = askAgain(stored.report);
          await this.save(inbound, stored, 'report', again.choices?.length ? { items: again.choices, freeNumbers: Boolean(again.freeNumbers) } : null, now);
          return { replies: [...out.replies, again], toast: out.toast };
        }
        return { replies: out.replies, toast: out.toast };
      }
      return this.finishExtension(inbound, person, stored, out, now);
    }
    return null;
  }

  private async continueExtensionFlow(inbound: Inbound, identity: Identity, person: PersonRef | null, record: ConversationRecord | null, stored: Stored, choiceId: string | null, today: Day, now: Date, publicOnly: boolean): Promise<Outcome | null> {
    const flow = record?.flow;
    if (!flow || flow === 'report' || (record?.expiresAt && record.expiresAt < now)) return null;
    const ext = (this.deps.extensions ?? []).find((e) => e.flows?.includes(flow) && (!publicOnly || e.public));
    if (!ext?.step) return null;
    const p = promptState(readPrompt(record?.choices), now);
    const offered = p.kind === 'live' ? p.prompt : null;
    if (inbound.choiceId && !offered?.items.some((c) => c.id === inbound.choiceId) && inbound.choiceId.startsWith('f:')) {
      return { replies: [say('chat-old-choice')], toast: t('chat-old-choice-toast') };
    }
    const out = await ext.step({ inbound, identity, person, choiceId, memory: stored.memory ?? {}, today, now, flow, state: stored.flow });
    return this.finishExtension(inbound, person, stored, { flow: out.flow === undefined ? null : out.flow, ...out }, now);
  }

  private async finishExtension(inbound: Inbound, person: PersonRef | null, stored: Stored, out: ExtensionResult, now: Date, before: Reply[] = []): Promise<Outcome> {
    const next: Stored = { memory: out.memory ?? stored.memory };
    if (out.startReport && person) {
      const today = dayOf(now);
      const rows = (await this.candidates(person, today)).filter((c) => c.taskId === out.startReport!.taskId);
      if (!rows.length) return this.reply(inbound, next, [...before, ...out.replies, say('report-foreign-task', { ref: String(out.startReport.taskId) })], null);
      const res = await this.afterFlow(inbound, person, next, startSteps(rows, rows[0]), now, [...before, ...out.replies]);
      return { ...res, toast: out.toast };
    }
    const replies = [...before, ...out.replies];
    const last = replies[replies.length - 1];
    const flow = out.flow ?? null;
    await this.save(inbound, { ...next, flow: flow?.state }, flow?.name ?? null, last?.choices?.length ? { items: last.choices, freeNumbers: Boolean(last.freeNumbers) } : null, now);
    return { replies, toast: out.toast };
  }

  /**
   * What a report may be about: the person's open tasks (the one definition and count of
   * "việc của tôi"), most urgent first, those with a reminder still unanswered before the rest
   * (their ids are added to `pending`).
   */
  async candidates(person: PersonRef, today: Day, pending = new Set<number>()): Promise<ReportTarget[]> {
    const { open } = await openForPerson(this.deps.queries, person, today, this.deps.settings.status);
    for (const id of await this.pendingReminded(person, open)) pending.add(id);
    return [...open].sort((a, b) => Number(!pending.has(a.taskId)) - Number(!pending.has(b.taskId))).map(toTarget);
  }

  /** Tasks a reminder asked this person about (within a month) with no report since. */
  private async pendingReminded(person: PersonRef, open: TaskRow[]): Promise<Set<number>> {
    if (!this.deps.progress.remindedTasks) return new Set();
    const since = new Date(this.deps.clock.now().getTime() - REMINDER_PENDING_DAYS * 86_400_000);
    const reminded = await this.deps.progress.remindedTasks(person.id, since);
    const pending = new Set<number>();
    for (const row of open) {
      const at = reminded.get(row.taskId);
      if (at && (row.lastReportedOn === null || row.lastReportedOn < dayOf(at))) pending.add(row.taskId);
    }
    return pending;
  }

  private async refuseForeignTask(person: PersonRef, ref: string, _today: Day): Promise<Reply | null> {
    const anywhere = await this.deps.queries.findByRef(ref, null);
    const ofUnit = anywhere.filter((r) => r.unitId === person.unitId);
    if (ofUnit.length) return null;
    if (anywhere.length) return say('report-foreign-task', { ref });
    return say('task-not-found', { ref });
  }

  private async startReport(inbound: Inbound, person: PersonRef, stored: Stored, ref: string, before: Reply[] = []): Promise<Outcome> {
    const today = dayOf(this.deps.clock.now());
    if (!person.roles.some((r) => r === 'OFFICER' || r === 'UNIT_LEADER')) return { replies: [say('report-not-allowed')] };
    const candidates = await this.candidates(person, today);
    let chosen: ReportTarget | undefined;
    if (ref) {
      const found = candidates.filter((c) => matchesRef(c.number, ref));
      if (found.length === 1) chosen = found[0];
      else if (!found.length) {
        const refusal = await this.refuseForeignTask(person, ref, today);
        return this.reply(inbound, stored, [refusal ?? say('task-not-found', { ref })], null);
      }
    }
    return this.afterFlow(inbound, person, stored, startSteps(candidates, chosen), this.deps.clock.now(), before);
  }

  private async correctLast(inbound: Inbound, person: PersonRef, stored: Stored, now: Date): Promise<Outcome> {
    const last = await this.deps.progress.lastByPerson(person.id);
    if (!last || last.amended || last.kind === 'WITHDRAWAL') return this.reply(inbound, stored, [say('correction-none')], null);
    if (now.getTime() - last.reportedAt.getTime() > this.deps.settings.correctionMinutes * 60_000) {
      return this.reply(inbound, stored, [say('correction-too-late', { minutes: this.deps.settings.correctionMinutes })], null);
    }
    return this.afterFlow(inbound, person, stored, startCorrection(last.target, last.draft, last.id), now);
  }

  private async askWithdraw(inbound: Inbound, person: PersonRef, stored: Stored, now: Date): Promise<Outcome> {
    const last = await this.deps.progress.lastByPerson(person.id);
    if (!last || last.amended || last.kind === 'WITHDRAWAL') return this.reply(inbound, stored, [say('correction-none')], null);
    if (now.getTime() - last.reportedAt.getTime() > this.deps.settings.correctionMinutes * 60_000) {
      return this.reply(inbound, stored, [say('correction-too-late', { minutes: this.deps.settings.correctionMinutes })], null);
    }
    const reply: Reply = {
      lines: [line(t('withdraw-ask')), targetLine(last.target), line(t('summary-state', { state: last.draft.state ?? 'none', percent: last.draft.percent ?? 'none' }), { indent: true })],
      choices: [
        { id: `wd:yes:${last.id}`, label: t('withdraw-yes'), words: ['co', 'rut lai', 'dong y'] },
        { id: 'wd:no', label: t('withdraw-no'), words: ['khong', 'thoi'] },
      ],
    };
    return this.reply(inbound, stored, [reply], null);
  }

  private async withdraw(inbound: Inbound, person: PersonRef, stored: Stored, choiceId: string, now: Date): Promise<Outcome> {
    if (choiceId === 'wd:no') return this.reply(inbound, stored, [say('withdraw-kept')], null);
    const id = Number(choiceId.split(':')[2]);
    const last = await this.deps.progress.lastByPerson(person.id);
    if (!last || last.id !== id || last.amended) return { replies: [say('chat-old-choice')], toast: t('chat-old-choice-toast') };
    if (now.getTime() - last.reportedAt.getTime() > this.deps.settings.correctionMinutes * 60_000) {
      return this.reply(inbound, stored, [say('correction-too-late', { minutes: this.deps.settings.correctionMinutes })], null);
    }
    await this.deps.progress.withdraw(id, person.id, inbound.channel, now);
    return this.reply(inbound, stored, [say('withdraw-done', { number: last.target.number })], null);
  }

  /** /giao: checks the task and the person, then asks the leader to confirm (nothing is saved before). */
  private async handOver(inbound: Inbound, person: PersonRef, stored: Stored, text: string): Promise<Outcome> {
    if (!person.roles.includes('UNIT_LEADER') || person.unitId === null) return this.reply(inbound, stored, [say('handover-not-leader')], null);
    const m = /^\/giao\s+(\S+)\s+(.+)$/u.exec(text.trim());
    if (!m) return this.reply(inbound, stored, [say('handover-usage')], null);
    const [, ref, who] = m;
    const units = await this.deps.queries.units();
    const visible = visibleUnitIds(person, units);
    const rows = (await this.deps.queries.findByRef(ref!, [person.unitId])).filter((r) => canSee(visible, r.unitId));
    const tasks = [...new Set(rows.map((r) => r.taskId))];
    if (tasks.length !== 1) return this.reply(inbound, stored, [say(tasks.length ? 'task-which-handover' : 'report-foreign-task', { ref: ref! })], null);
    const people = (await this.deps.queries.findPeople(who!)).filter((p) => p.unitId === person.unitId);
    if (people.length !== 1) return this.reply(inbound, stored, [say(people.length ? 'handover-many-people' : 'handover-no-person', { name: who!, unit: rows[0]!.unitName })], null);
    const row = rows[0]!;
    const confirm: Reply = {
      lines: [line(t('handover-confirm', { number: row.number, title: shorten(row.title, 80), name: people[0]!.fullName }))],
      choices: [
        { id: `ho:yes:${row.taskId}:${people[0]!.id}`, label: t('handover-yes'), words: ['co', 'dong y', 'ok', 'giao'] },
        { id: 'ho:no', label: t('handover-no'), words: ['khong', 'thoi', 'huy'] },
      ],
    };
    return this.reply(inbound, stored, [confirm], null);
  }

  /** The leader confirmed a hand-over: checked again (roles or people may have changed), then saved. */
  private async confirmHandOver(inbound: Inbound, person: PersonRef, stored: Stored, choiceId: string): Promise<Outcome> {
    if (choiceId === 'ho:no') return this.reply(inbound, stored, [say('handover-kept')], null);
    const [, , taskId, personId] = choiceId.split(':').map(Number) as [number, number, number, number];
    if (!person.roles.includes('UNIT_LEADER') || person.unitId === null) return this.reply(inbound, stored, [say('handover-not-leader')], null);
    const rows = (await this.deps.queries.assignments({ unitIds: [person.unitId], taskIds: [taskId] })).filter((r) => r.taskId === taskId);
    const who = (await this.deps.queries.findPeople(String(personId))).find((p) => p.id === personId && p.unitId === person.unitId);
    if (!rows.length || !who) return { replies: [say('chat-old-choice')], toast: t('chat-old-choice-toast') };
    await this.deps.progress.handOver(taskId, person.unitId, who.id, person.id);
    return this.reply(inbound, stored, [say('handover-done', { number: rows[0]!.number, name: who.fullName })], null);
  }

  private async afterFlow(inbound: Inbound, person: PersonRef, stored: Stored, result: ReturnType<typeof stepReport>, now: Date, before: Reply[] = []): Promise<Outcome> {
    const replies = [...before, ...result.replies];
    const voice = [...(stored.voice ?? []), ...(inbound.heard?.ok ? [inbound.heard.evidence] : [])];
    if (result.save) {
      const evidence = voice.length ? { evidence: voice } : {};
      const saved = await this.deps.progress.record({ target: result.save.target, draft: result.save.draft, personId: person.id, channel: inbound.channel, now, amendsId: result.save.amendsId, ...evidence });
      const d = result.save.draft;
      replies.push({
        lines: [
          line(t(result.save.amendsId ? 'report-corrected' : 'report-saved', { number: result.save.target.number, state: d.state ?? 'none', percent: d.percent ?? 'none' }), { strong: true }),
          line(t('report-saved-hint', { minutes: this.deps.settings.correctionMinutes, id: saved.id })),
        ],
      });
    }
    const flowState = result.state;
    const last = replies[replies.length - 1];
    // The summary before saving shows where each proposal will go (issue 15: the officer confirms the addressee).
    if (flowState?.step === 'confirm' && flowState.draft.proposals && last?.choices?.some((c) => c.id === 'f:save') && last.lines.length > 2) {
      last.lines.splice(last.lines.length - 1, 0, ...proposalSummaryLines(flowState.draft.proposals, await this.deps.queries.units()));
    }
    const choices = last?.choices?.length ? { items: last.choices, freeNumbers: Boolean(last.freeNumbers) } : null;
    await this.save(inbound, { report: flowState ?? undefined, memory: stored.memory, ...(flowState && voice.length ? { voice } : {}) }, flowState ? 'report' : null, choices, now, result.cancelled ? 'cancelled' : undefined);
    return { replies, toast: result.cancelled ? t('report-cancelled-toast') : undefined };
  }

  private async reply(inbound: Inbound, stored: Stored, replies: Reply[], flow: string | null): Promise<Outcome> {
    const last = replies[replies.length - 1];
    await this.save(inbound, { memory: stored.memory }, flow, last?.choices?.length ? { items: last.choices, freeNumbers: Boolean(last.freeNumbers) } : null);
    return { replies };
  }

  /**
   * Writes the conversation: the flow and its state, and the prompt the last reply offers
   * (or the ended one, whose answers then only get "no longer valid").
   */
  private async save(inbound: Inbound, stored: Stored, flow: string | null, choices: StoredChoices | null, now = this.deps.clock.now(), ended?: 'cancelled' | 'expired'): Promise<void> {
    const flowExpiry = flow ? new Date(now.getTime() + this.deps.settings.flowTimeoutMinutes * 60_000) : null;
    // Unique within the chat, also under a clock that does not move (tests): one more than the last.
    this.promptSeq ??= promptSeq(await this.deps.conversations.load(inbound.channel, inbound.chatId));
    this.promptSeq += 1;
    const id = this.promptSeq.toString(36);
    const prompt: Prompt | null = choices?.items.length
      ? { id, items: choices.items, freeNumbers: choices.freeNumbers, expiresAt: (flowExpiry ?? new Date(now.getTime() + PROMPT_TTL_HOURS * 3_600_000)).toISOString() }
      : ended
        ? { id, items: [], freeNumbers: false, expiresAt: null, ended }
        : null;
    await this.deps.conversations.save(inbound.channel, inbound.chatId, { flow, state: stored as unknown, choices: prompt, expiresAt: flowExpiry });
    this.shownPrompt = prompt?.items.length ? id : null;
  }

  // ── Linking ──────────────────────────────────────────────────────────────

  private async linkWithCode(inbound: Inbound, code: string, now: Date): Promise<Reply[]> {
    const res = await this.deps.identities.linkByCode({ code: code.trim().toUpperCase(), channel: inbound.channel, externalId: inbound.user.externalId, chatId: inbound.chatId, username: inbound.user.username, displayName: inbound.user.displayName, now });
    return this.linked(inbound, res);
  }

  private async linkWithContact(inbound: Inbound, now: Date): Promise<Reply[]> {
    const c = inbound.contact!;
    if (c.userId && c.userId !== inbound.user.externalId) return [say('link-not-own-contact')];
    if (!c.userId) return [say('link-not-own-contact')];
    const res = await this.deps.identities.linkByPhone({ phone: c.phone, channel: inbound.channel, externalId: inbound.user.externalId, chatId: inbound.chatId, username: inbound.user.username, displayName: inbound.user.displayName, now });
    return this.linked(inbound, res);
  }

  private async linked(inbound: Inbound, res: Awaited<ReturnType<IdentityStore['linkByCode']>>): Promise<Reply[]> {
    if (!res.ok) {
      // Their own invite, opened again once linked: greet them rather than refuse the code.
      const me = res.reason === 'used-code' ? await this.deps.identities.find(inbound.channel, inbound.user.externalId) : null;
      if (me?.person?.consentAt) {
        const help = this.assistant.help(this.ctx(me.person, inbound.channel, dayOf(this.deps.clock.now())));
        await this.save(inbound, {}, null, { items: this.menu(me.person), freeNumbers: false });
        return [say('link-already', { name: me.person.fullName }), { ...help, choices: this.menu(me.person) }];
      }
      return [say(`link-failed-${res.reason}`, res.reason === 'too-many-attempts' ? { minutes: res.waitMinutes } : undefined)];
    }
    const identity = await this.deps.identities.find(inbound.channel, inbound.user.externalId);
    const welcome = say('link-welcome', { name: res.person.fullName, unit: identity?.person?.unitName ?? 'none' });
    if (!identity?.person?.consentAt) {
      const notice = consentNotice();
      await this.save(inbound, {}, null, { items: notice.choices!, freeNumbers: false });
      return [welcome, notice];
    }
    return [welcome, this.assistant.help(this.ctx(res.person, inbound.channel, dayOf(this.deps.clock.now())))];
  }
}

/** The number behind the chat's last prompt id (base 36; older ids were a timestamp, which counts too). */
function promptSeq(record: ConversationRecord | null): number {
  const n = parseInt(readPrompt(record?.choices)?.id ?? '', 36);
  return Number.isSafeInteger(n) ? n : 0;
}

function say(key: string, args?: Record<string, string | number | null | undefined>): Reply {
  return { lines: [line(t(key, args))] };
}

export function consentNotice(): Reply {
  return {
    lines: [line(t('consent-title'), { strong: true }), line(t('consent-body'))],
    choices: [
      { id: 'consent:yes', label: t('consent-accept'), words: ['dong y', 'toi dong y', 'ok'] },
      { id: 'consent:no', label: t('consent-decline'), words: ['khong', 'khong dong y'] },
    ],
  };
}
