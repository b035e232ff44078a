/**
 * Workbooks sent to the bot: the Upload rows (who, where, the file, its
 * checksum, what became of it), the sender's unit's items as a progress
 * appendix matches them, and the progress updates a confirmed appendix
 * records (channel XLSX, the file attached as evidence), all in the chat's
 * transaction.
 */
import { createHash } from 'node:crypto';
import { parseDeadline } from '../../domain/deadlines/parse-deadline.ts';
import { progressOf } from '../../domain/progress/fields.ts';
import { dayToDb } from '../../domain/shared/day.ts';
import type { RowChange, UnitItem } from '../../domain/sheets/progress-match.ts';
import type { ChatChannel } from '../../domain/people/types.ts';
import type { Prisma } from '../generated/client.ts';
import type { UploadState } from '../generated/enums.ts';
import { PrismaProgressStore } from './progress-store.ts';

type Tx = Prisma.TransactionClient;

export interface UploadRow {
  id: number;
  personId: number;
  channel: string;
  chatId: string;
  fileName: string | null;
  checksum: string | null;
  data: Uint8Array | null;
  state: UploadState;
  expiresAt: Date;
}

export const sha256 = (data: Uint8Array | string) => createHash('sha256').update(data).digest('hex');

export class PrismaSheetStore {
  constructor(private readonly tx: Tx) {}

  /** A workbook received in the chat (a Telegram document): stored before it is read. */
  async received(input: { personId: number; channel: ChatChannel; chatId: string; fileName: string; data: Uint8Array; now: Date; expiresAt: Date }): Promise<UploadRow> {
    return this.tx.upload.create({
      data: { personId: input.personId, channel: input.channel, chatId: input.chatId, fileName: input.fileName, checksum: sha256(input.data), data: Buffer.from(input.data), receivedAt: input.now, expiresAt: input.expiresAt, state: 'PREVIEWED' },
    });
  }

  /** An upload-page link for a person in a chat; only the token's hash is stored. */
  async createLink(input: { personId: number; channel: ChatChannel; chatId: string; token: string; expiresAt: Date }): Promise<void> {
    await this.tx.upload.create({ data: { personId: input.personId, channel: input.channel, chatId: input.chatId, tokenHash: sha256(input.token), expiresAt: input.expiresAt } });
  }

  async find(id: number): Promise<UploadRow | null> {
    return this.tx.upload.findUnique({ where: { id } });
  }

  async set(id: number, data: { state: UploadState; expiresAt?: Date; appliedAt?: Date; checksum?: string }): Promise<void> {
    await this.tx.upload.update({ where: { id }, data });
  }

  /** The unit's assignments as its progress appendix lists them, with what each shows now. */
  async unitItems(unitId: number): Promise<UnitItem[]> {
    const rows = await this.tx.assignment.findMany({ where: { unitId }, include: { task: { include: { plan: { select: { code: true } } } } }, orderBy: { id: 'asc' } });
    return rows.map((a) => ({
      assignmentId: a.id,
      taskId: a.taskId,
      planCode: a.task.plan.code,
      number: a.task.number,
      label: a.task.label,
      title: a.task.title,
      kind: a.task.kind,
      progress: a.lastUpdateId ? progressOf(a) : null,
    }));
  }

  /** One confirmed row: a new entry of the history, attributed to the sender, with the file as evidence. */
  async recordRow(change: RowChange, input: { personId: number; upload: { id: number; fileName: string }; now: Date }): Promise<void> {
    const expected = parseDeadline(change.after.expectedCompletionText);
    await new PrismaProgressStore(this.tx).append(
      change.item.assignmentId,
      { ...progressOf(change.after), expectedCompletionDate: expected.due ? dayToDb(expected.due) : null },
      {
        kind: 'REPORT',
        reporterId: input.personId,
        channel: 'XLSX',
        originalText: `${input.upload.fileName} › ${change.sheet} › dòng ${change.row}`,
        attachments: [{ kind: 'document', fileId: `upload:${input.upload.id}`, fileName: input.upload.fileName, channel: 'XLSX' }] as unknown as Prisma.InputJsonValue,
      },
      input.now,
    );
  }

  async audit(personId: number, action: string, uploadId: number, data: Record<string, unknown>): Promise<void> {
    await this.tx.auditLog.create({ data: { actor: 'chat', actorId: personId, action, entity: 'Upload', entityId: String(uploadId), data: data as Prisma.InputJsonValue } });
  }
}
