/**
 * Reminders, broadcasts and subscriptions in the conversation, as an engine
 * extension (built per message on the chat's transaction):
 * - reminder buttons (rm:report / rm:same / rm:snooze / rm:list), or on Zalo
 *   the numbers the worker stored with the reminder;
 * - "Đã nhận" on a notice (bc:ack, or "OK" typed on Zalo) and the sender's
 *   tally (bc:tally);
 * - /thongbao, the community team's notice (domain/broadcasts/flow.ts);
 * - /dangky and /huydangky, for residents too (no registry entry needed).
 */
import { Assistant } from '../../domain/chat/assistant.ts';
import type { Extension, ExtensionInput, ExtensionResult } from '../../domain/chat/engine.ts';
import type { ProgressStore } from '../../domain/chat/ports.ts';
import { line, raw, say, t, type Reply } from '../../domain/chat/reply.ts';
import { canBroadcast } from '../../domain/broadcasts/audience.ts';
import { askAudience, previewChoices, startBroadcast, stepBroadcast, type BroadcastFile, type BroadcastFlowState, type BroadcastInput } from '../../domain/broadcasts/flow.ts';
import { parseBroadcastChoice, previewLines } from '../../domain/broadcasts/message.ts';
import { paidBroadcastCost, TELEGRAM_PAID_BROADCAST } from '../../domain/broadcasts/paid.ts';
import { broadcastErrorReply, subscribeChoices, subscribeReply, subscriptionsReply, unsubscribeReply } from '../../domain/broadcasts/subscriptions.ts';
import { ackReply, tallyReply } from '../../domain/broadcasts/tally.ts';
import { nextWindowStart, type SendWindow } from '../../domain/delivery/policy.ts';
import type { SendChannel } from '../../domain/delivery/types.ts';
import type { WorkingCalendar } from '../../domain/calendar/working-days.ts';
import type { ReminderSettings } from '../../domain/reminders/settings.ts';
import { parseReminderChoice } from '../../domain/reminders/snooze.ts';
import { formatDay, dayOf } from '../../domain/shared/day.ts';
import { fold, shorten } from '../../domain/shared/text.ts';
import type { StatusOptions } from '../../domain/status/derive-status.ts';
import { lookupUnit } from '../../domain/units/lookup.ts';
import type { Db } from '../../prisma/database.ts';
import type { Prisma } from '../../prisma/generated/client.ts';
import { PrismaBroadcastStore } from '../../prisma/stores/broadcast-store.ts';
import { PrismaDeliveryStore } from '../../prisma/stores/delivery-store.ts';
import { PrismaProgressStore } from '../../prisma/stores/progress-store.ts';
import { PrismaTaskQueries } from '../../prisma/stores/task-queries.ts';
import { ReminderActions } from '../delivery/reminder-actions.ts';

/** Downloads a file a user sent (Telegram file id, Zalo image URL) for a notice's attachment. */
export type FileFetcher = (file: BroadcastFile) => Promise<{ data: Uint8Array; mime: string; fileName: string }>;

export interface DeliveryExtensionDeps {
  window: SendWindow;
  calendar: WorkingCalendar;
  reminders: Pick<ReminderSettings, 'workingHours'>;
  status: StatusOptions;
  fetchFile?: FileFetcher;
  /** TELEGRAM_PAID_BROADCAST: the preview offers urgent sending as a Telegram paid broadcast, with its cost. */
  paidBroadcast?: boolean;
}

const SUBSCRIBE_CHOICES_MAX = 12;
/** What a notice asks text-channel readers to type: words no other prompt uses. */
const TYPED_ACK = ['da nhan', 'da nhan duoc', 'da nhan thong bao', 'nhan duoc', 'received'];

export class DeliveryExtension implements Extension {
  readonly flows = ['broadcast'];
  readonly public = true;
  private readonly broadcasts: PrismaBroadcastStore;
  private readonly queries: PrismaTaskQueries;
  private readonly progress: ProgressStore;
  private readonly actions: ReminderActions;

  constructor(
    private readonly tx: Prisma.TransactionClient,
    private readonly deps: DeliveryExtensionDeps,
  ) {
    this.broadcasts = new PrismaBroadcastStore(tx, { window: deps.window, inTransaction: true });
    this.queries = new PrismaTaskQueries(tx);
    this.progress = new PrismaProgressStore(tx);
    this.actions = new ReminderActions({ store: new PrismaDeliveryStore(tx as unknown as Db), queries: this.queries, calendar: deps.calendar, settings: deps.reminders });
  }

  /** "Đã nhận" on a notice, pressed or typed, whatever else the chat is doing. */
  async intercept(input: ExtensionInput): Promise<ExtensionResult | null> {
    const { choiceId, inbound, now } = input;
    const by = { channel: inbound.channel, chatId: inbound.chatId };
    const bc = choiceId ? parseBroadcastChoice(choiceId) : null;
    if (bc?.action === 'ack') {
      const result = await this.broadcasts.acknowledge(bc.deliveryId, by, now);
      return { replies: [ackReply(result)], toast: t(result === 'not-found' ? 'chat-old-choice-toast' : 'broadcast-ack-toast') };
    }
    // Typed "đã nhận" (the words the notice asks for on text channels): the latest notice to this chat.
    if (!choiceId && inbound.text && TYPED_ACK.includes(fold(inbound.text).replace(/[.!]+$/, ''))) {
      const result = await this.broadcasts.acknowledgeLatest(by, now);
      if (result === 'not-found') return null;
      return { replies: [ackReply(result)], toast: t('broadcast-ack-toast') };
    }
    return null;
  }

  async handle(input: ExtensionInput): Promise<ExtensionResult | null> {
    const { choiceId, inbound, person, now } = input;
    const text = inbound.text?.trim() ?? '';
    const command = fold(text).split(/\s+/)[0] ?? '';

    const bc = choiceId ? parseBroadcastChoice(choiceId) : null;
    if (bc?.action === 'tally') {
      const b = await this.tx.broadcast.findUnique({ where: { id: bc.broadcastId } });
      if (!person || !b || (b.senderId !== person.id && !person.roles.includes('ADMIN'))) return { replies: [say('chat-old-choice')] };
      const tally = await this.broadcasts.tally(bc.broadcastId);
      return { replies: tally ? [tallyReply(tally, { final: b.state === 'DONE' })] : [say('chat-old-choice')] };
    }
    if (command === '/dangky') return this.subscribe(input, text.split(/\s+/).slice(1).join(' '));
    if (choiceId?.startsWith('sub:')) return this.subscribe(input, null, Number(choiceId.slice(4)));
    if (command === '/huydangky') {
      const identityId = await this.identityId(input);
      return { replies: [unsubscribeReply(await this.broadcasts.unsubscribe(identityId))] };
    }
    if (!person) return null;

    const rm = choiceId ? parseReminderChoice(choiceId) : null;
    if (rm?.action === 'report') return { replies: [], startReport: { taskId: rm.taskId } };
    if (rm?.action === 'list') return { replies: [await new Assistant({ queries: this.queries }).mine({ person, today: input.today, channel: inbound.channel, status: this.deps.status })] };
    if (rm?.action === 'same') {
      const res = await this.actions.noChange(person.id, rm.taskId, inbound.channel, now, this.progress);
      return { replies: [res.ok ? say('reminder-no-change-saved', { number: res.row.number }) : say('report-foreign-task', { ref: String(rm.taskId) })] };
    }
    if (rm?.action === 'snooze') {
      const res = await this.actions.snooze(person.id, rm.taskId, rm.days, now);
      return { replies: [res.ok ? res.reply : say('report-foreign-task', { ref: String(rm.taskId) })] };
    }

    if (command === '/thongbao') {
      const allowed = canBroadcast(person) ? await this.broadcasts.permission(person.id) : null;
      // The reason as the domain gives it: a team member without a unit is told so (fails closed), not "only the team may".
      if (!allowed?.ok) return { replies: [broadcastErrorReply(allowed?.error ?? { code: 'not-allowed' }, allowed?.unitNames)] };
      const started = startBroadcast();
      return { replies: started.replies, flow: { name: 'broadcast', state: started.state } };
    }
    return null;
  }

  async step(input: ExtensionInput & { flow: string; state: unknown }): Promise<ExtensionResult> {
    const { person, inbound, choiceId, now, today } = input;
    if (!person) return { replies: [say('chat-not-understood')], flow: null };
    const state = input.state as BroadcastFlowState;
    const text = inbound.text?.trim() ?? '';
    if (/^\/\w+/.test(text) && !/^\/huy\b/i.test(text)) {
      return { replies: [say('flow-busy-broadcast')], flow: { name: 'broadcast', state } };
    }
    const flowInput: BroadcastInput = inbound.file
      ? { kind: 'file', file: { kind: inbound.file.kind, fileId: inbound.file.fileId, fileName: inbound.file.fileName, channel: inbound.file.channel } }
      : choiceId
        ? { kind: 'choice', id: choiceId }
        : { kind: 'text', text };
    const permission = await this.broadcasts.permission(person.id);
    const area = permission.ok ? permission.units : [];
    const result = stepBroadcast(state, flowInput, { area, today, now });
    if (!result.state) return { replies: result.replies, flow: null };
    if (result.effect === 'preview') return this.preview(result.state, person.id, now);
    if (result.effect === 'send') return this.send(result.state, input);
    return { replies: result.replies, flow: { name: 'broadcast', state: result.state } };
  }

  private async preview(state: BroadcastFlowState, senderId: number, now: Date): Promise<ExtensionResult> {
    const counted = await this.broadcasts.count(senderId, state.draft.audience);
    if (!counted.ok) {
      const back: BroadcastFlowState = { step: 'audience', draft: { ...state.draft, audience: undefined } };
      return { replies: [broadcastErrorReply(counted.error, counted.unitNames), askAudience()], flow: { name: 'broadcast', state: back } };
    }
    const at = state.draft.at ? new Date(state.draft.at) : null;
    // Said as it will happen: outside working hours a notice waits for the next working hour.
    const asked = at ?? now;
    const goes = nextWindowStart(asked, this.deps.window);
    const later = goes.getTime() > asked.getTime() + 60_000;
    // Urgent sending is offered only with the setting on and someone to reach on Telegram; its price is said before the choice.
    const telegram = counted.count.byChannel.TELEGRAM;
    const cost = this.deps.paidBroadcast && telegram > 0 ? paidBroadcastCost(telegram) : null;
    const shown: BroadcastFlowState = { ...state, draft: { ...state.draft, paidOffer: cost ? { stars: cost.stars } : undefined, paid: undefined } };
    const reply: Reply = {
      lines: [
        line(t('broadcast-preview-title'), { strong: true }),
        line(raw(shorten(state.draft.text ?? '', 300))),
        ...(state.draft.attachment ? [line(t('broadcast-preview-attachment', { kind: state.draft.attachment.kind }))] : []),
        ...previewLines(counted.count, { at: at ? clockText(at) : null, goes: later ? clockText(goes) : null }),
        ...(cost
          ? [
              line(
                t('broadcast-preview-paid', {
                  telegram,
                  stars: cost.stars,
                  paid: cost.paidMessages,
                  rate: TELEGRAM_PAID_BROADCAST.perSecond,
                  free: TELEGRAM_PAID_BROADCAST.freePerSecond,
                  price: TELEGRAM_PAID_BROADCAST.starsPerMessage,
                  paidSeconds: cost.paidSeconds,
                  freeMinutes: cost.freeSeconds >= 120 ? Math.round(cost.freeSeconds / 60) : 0,
                  freeSeconds: cost.freeSeconds,
                }),
              ),
            ]
          : []),
      ],
      choices: previewChoices(Boolean(at), shown.draft.paidOffer),
    };
    return { replies: [reply], flow: { name: 'broadcast', state: shown } };
  }

  private async send(state: BroadcastFlowState, input: ExtensionInput): Promise<ExtensionResult> {
    const { person, inbound, now } = input;
    let attachment: { kind: 'document' | 'photo'; fileName: string; mime: string; data: Uint8Array } | undefined;
    if (state.draft.attachment) {
      if (!this.deps.fetchFile) return { replies: [say('broadcast-file-unavailable')], flow: { name: 'broadcast', state } };
      try {
        const f = await this.deps.fetchFile(state.draft.attachment);
        attachment = { kind: state.draft.attachment.kind, ...f };
      } catch {
        return { replies: [say('broadcast-file-unavailable')], flow: { name: 'broadcast', state } };
      }
    }
    const created = await this.broadcasts.create({
      senderId: person!.id,
      text: state.draft.text ?? '',
      audience: state.draft.audience,
      attachment,
      senderChannel: inbound.channel === 'CONSOLE' ? undefined : (inbound.channel as SendChannel),
      senderChatId: inbound.channel === 'CONSOLE' ? undefined : inbound.chatId,
      scheduledAt: state.draft.at ? new Date(state.draft.at) : null,
      // Paid only when chosen from an offer and the setting is still on.
      paid: state.draft.paid === true && this.deps.paidBroadcast === true,
      now,
    });
    if (!created.ok) return { replies: [broadcastErrorReply(created.error, created.unitNames)], flow: { name: 'broadcast', state } };
    const when = created.notBefore.getTime() <= now.getTime() + 60_000 ? 'now' : clockText(created.notBefore);
    // Said as it will happen: at once, at the time asked, or later because of working hours.
    const moved = when !== 'now' && (!state.draft.at || created.notBefore.getTime() > new Date(state.draft.at).getTime() + 60_000);
    const paid = state.draft.paid === true && this.deps.paidBroadcast === true;
    const queued = say('broadcast-queued', { recipients: created.recipients, when, id: created.broadcastId, moved: moved ? 'yes' : 'no' });
    if (paid) queued.lines.push(line(t('broadcast-queued-paid', { telegram: created.count.byChannel.TELEGRAM, stars: paidBroadcastCost(created.count.byChannel.TELEGRAM).stars })));
    return { replies: [queued], flow: null };
  }

  /** The account writing, created for residents who are in no registry. */
  private async identityId(input: ExtensionInput): Promise<number> {
    if (input.identity.id) return input.identity.id;
    const { inbound } = input;
    const row = await this.tx.chatIdentity.upsert({
      where: { channel_externalId: { channel: inbound.channel, externalId: inbound.user.externalId } },
      create: { channel: inbound.channel, externalId: inbound.user.externalId, chatId: inbound.chatId, displayName: inbound.user.displayName ?? null },
      update: {},
    });
    return row.id;
  }

  private async subscribe(input: ExtensionInput, typed: string | null, unitId?: number): Promise<ExtensionResult> {
    const units = await this.broadcasts.subscribableUnits();
    let target = unitId;
    if (target === undefined && typed) {
      const found = lookupUnit(typed, units);
      if (found.kind === 'one') target = found.unit.id;
      else if (found.kind === 'many') return { replies: [{ lines: [line(t('subscribe-choose'))], choices: subscribeChoices(found.units) }] };
      else return { replies: [say('subscribe-unknown', { name: typed })] };
    }
    if (target === undefined) {
      const identityId = input.identity.id || null;
      const current = identityId ? await this.broadcasts.subscriptions(identityId) : [];
      const choices = units.length <= SUBSCRIBE_CHOICES_MAX ? subscribeChoices(units) : undefined;
      return { replies: [...(current.length ? [subscriptionsReply(current.map((c) => c.unitName))] : []), { lines: [line(t(choices ? 'subscribe-choose' : 'subscribe-type-name'))], choices }] };
    }
    const identityId = await this.identityId(input);
    const res = await this.broadcasts.subscribe(identityId, target);
    return { replies: [subscribeReply(res.result, res.unitName)] };
  }
}

/** "27/11/2026 08:00", in Asia/Ho_Chi_Minh. */
function clockText(instant: Date): string {
  return `${formatDay(dayOf(instant))} ${new Date(instant.getTime() + 7 * 3_600_000).toISOString().slice(11, 16)}`;
}
