/**
 * What recipients of a notice read, and the sender's preview. Recipients get
 * a "Đã nhận" button (choice `bc:ack:<deliveryId>`); on Zalo, which has no
 * buttons, the text asks them to reply OK, and "OK" maps to the same choice.
 */
import { line, raw, t, type Choice, type Line } from '../chat/reply.ts';
import { DELIVERY_ID_TOKEN, type DeliveryPayload } from '../delivery/types.ts';

export const ACK_WORDS = ['ok', 'oke', 'okay', 'da nhan', 'nhan', 'da nhan duoc', 'roi'];

export function ackChoice(deliveryId: number | string = DELIVERY_ID_TOKEN): Choice {
  return { id: `bc:ack:${deliveryId}`, label: t('broadcast-ack'), words: ACK_WORDS };
}

/** The payload every recipient's row holds (the delivery id is filled in when sending). */
export function broadcastPayload(input: { text: string; senderName: string; unitName: string | null; attachment?: { kind: 'document' | 'photo'; fileName: string; mime: string }; paid?: boolean }): DeliveryPayload {
  const lines: Line[] = [line(t('broadcast-header', { sender: input.senderName, unit: input.unitName ?? 'none' }), { strong: true }), line(raw(input.text.trim()))];
  return {
    v: 1,
    reply: {
      lines,
      choices: [ackChoice()],
      ...(input.attachment ? { files: [{ ...input.attachment, ref: 'broadcast' as const }] } : {}),
    },
    textChannel: { append: [line(t('broadcast-ack-hint-text'))], hideChoices: true },
    ...(input.paid ? { paid: true as const } : {}),
  };
}

export type BroadcastChoice = { action: 'ack'; deliveryId: number } | { action: 'tally'; broadcastId: number };

/** Reads bc:ack:<deliveryId> and bc:tally:<broadcastId>. */
export function parseBroadcastChoice(id: string): BroadcastChoice | null {
  const m = /^bc:(ack|tally):(\d{1,9})$/.exec(id);
  if (!m) return null;
  return m[1] === 'ack' ? { action: 'ack', deliveryId: Number(m[2]) } : { action: 'tally', broadcastId: Number(m[2]) };
}

/** How many a notice would reach, for the preview before confirming. */
export interface AudienceCount {
  /** Messages that will be sent (one per person or unlinked resident account). */
  recipients: number;
  /** …of which registry people and subscribed residents. */
  people: number;
  residents: number;
  byChannel: { TELEGRAM: number; ZALO: number };
  /** Linked, but every account refused messages before: counted as unreachable. */
  unreachable: number;
  /** Registry people in the audience with no chat account linked. */
  notLinked: number;
}

/**
 * `at`: the time the sender asked for (null: now); `goes`: when the notice will really go out
 * when that differs (outside working hours), else null.
 */
export function previewLines(count: AudienceCount, when: { at: string | null; goes?: string | null }): Line[] {
  return [
    line(t('broadcast-preview-count', { recipients: count.recipients, telegram: count.byChannel.TELEGRAM, zalo: count.byChannel.ZALO, residents: count.residents })),
    ...(count.unreachable || count.notLinked ? [line(t('broadcast-preview-missing', { unreachable: count.unreachable, notLinked: count.notLinked }))] : []),
    line(t('broadcast-preview-when', { at: when.at ?? 'now', goes: when.goes ?? 'now' })),
  ];
}
