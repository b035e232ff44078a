/**
 * One-time codes that link a chat account to a person (npm run invite). The
 * code is shown once; only its hash is stored. Letters and digits that read
 * alike (O/0, I/1) are left out, since officers type it on phones (Zalo).
 */
import { randomInt } from 'node:crypto';
import type { Db } from '../../prisma/database.ts';
import { hashCode } from '../../prisma/stores/chat-store.ts';

const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

export function newCode(length = 8): string {
  let s = '';
  for (let i = 0; i < length; i++) s += ALPHABET[randomInt(ALPHABET.length)];
  return s;
}

export interface Invite {
  code: string;
  expiresAt: Date;
  telegramLink: string | null;
}

export async function createInvite(prisma: Db, personId: number, options: { ttlHours: number; now: Date; createdBy: string; telegramUsername?: string }): Promise<Invite> {
  const code = newCode();
  const expiresAt = new Date(options.now.getTime() + options.ttlHours * 3_600_000);
  await prisma.linkCode.create({ data: { codeHash: hashCode(code), personId, createdBy: options.createdBy, expiresAt, createdAt: options.now } });
  await prisma.auditLog.create({ data: { actor: options.createdBy, action: 'invite.create', entity: 'Person', entityId: String(personId), data: { expiresAt: expiresAt.toISOString() } } });
  return { code, expiresAt, telegramLink: options.telegramUsername ? `https://t.me/${options.telegramUsername}?start=${code}` : null };
}
