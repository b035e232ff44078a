/**
 * A file from the upload page, handed to the chat where its link was asked
 * for: the engine reads it as that person's document (fileId "upload:<id>")
 * and the replies (the preview with "Áp dụng" / "Huỷ") go to that chat, so
 * the confirmation happens there like any other answer.
 */
import type { Inbound, Outcome } from '../../domain/chat/engine.ts';
import type { Reply } from '../../domain/chat/reply.ts';
import type { ChatChannel, PersonRef } from '../../domain/people/types.ts';
import type { UploadedFile } from '../http/upload-page.ts';
import { uploadAttachment } from './sheets-extension.ts';

export type ChatSend = (chatId: string, replies: Reply[]) => Promise<void>;

export function uploadDeliverer(o: {
  chat: { handle(inbound: Inbound, dedupeKey?: string): Promise<Outcome | null> };
  senders: Partial<Record<ChatChannel, ChatSend>>;
  /** The console speaks as a registry person without linking. */
  consolePerson?: (personId: number) => Promise<PersonRef>;
}) {
  return async (u: UploadedFile): Promise<void> => {
    const channel = u.channel as ChatChannel;
    const send = o.senders[channel];
    if (!send) throw new Error(`no chat to deliver an upload on ${u.channel}`);
    // Private chats: the chat id is the user's id on Telegram and Zalo alike.
    const inbound: Inbound = { channel, chatId: u.chatId, user: { externalId: u.chatId }, file: uploadAttachment({ id: u.id, fileName: u.fileName }) };
    if (channel === 'CONSOLE') {
      if (!o.consolePerson) throw new Error('no console person');
      inbound.asPerson = await o.consolePerson(u.personId);
    }
    const outcome = await o.chat.handle(inbound, `upload:${u.id}`);
    if (outcome) await send(u.chatId, outcome.replies);
  };
}
