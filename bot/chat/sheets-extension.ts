/**
 * Workbooks through the chat, as an engine extension (built per message on
 * the chat's transaction):
 * - a document sent to the bot (Telegram), or a file from the upload page
 *   (fileId "upload:<id>", any channel): checked (size, .xlsx, password,
 *   macros), read with the rules of `npm run import`, and previewed with
 *   "Áp dụng" / "Huỷ"; nothing changes before "Áp dụng";
 *   - an officer's or unit leader's progress appendix: matched to their unit
 *     (domain/sheets/progress-match.ts), saved as their progress updates;
 *   - the standing office / admin: any workbook `npm run import` reads
 *     (programme appendix, registries, a unit's appendix), previewed as a dry
 *     run under a savepoint and applied all or nothing;
 * - /phuluc, "gửi phụ lục của đơn vị tôi": the unit's appendix pre-filled;
 * - /guitep, "gửi tệp": a one-time link to the upload page (bot/http/upload-page.ts).
 */
import { randomBytes } from 'node:crypto';
import type { Extension, ExtensionInput, ExtensionResult } from '../../domain/chat/engine.ts';
import { line, t, type Reply } from '../../domain/chat/reply.ts';
import type { Attachment } from '../../domain/progress/report-flow.ts';
import type { PersonRef } from '../../domain/people/types.ts';
import { formatDay, type Day } from '../../domain/shared/day.ts';
import { fold } from '../../domain/shared/text.ts';
import { inspectWorkbook } from '../../domain/sheets/inspect.ts';
import { matchProgress } from '../../domain/sheets/progress-match.ts';
import { importPreview, parseSheetChoice, problemsReply, progressPreview, refusalReply, type SheetChoice, type SheetRefusal } from '../../domain/sheets/preview.ts';
import type { Db } from '../../prisma/database.ts';
import type { Prisma } from '../../prisma/generated/client.ts';
import { changedSomething, importInTransaction } from '../../prisma/stores/import-store.ts';
import { PrismaSheetStore, type UploadRow } from '../../prisma/stores/sheet-store.ts';
import { PrismaTaskQueries } from '../../prisma/stores/task-queries.ts';
import type { Translator } from '../i18n.ts';
import { exportProgressAppendix } from '../services/export.ts';
import { describeProblem, prepareImport } from '../services/import.ts';
import type { FileFetcher } from './delivery-extension.ts';

export interface SheetsExtensionDeps {
  tr: Translator;
  fetchFile?: FileFetcher;
  /** UPLOAD_MAX_MB in bytes. */
  maxBytes: number;
  /** The upload page, when PUBLIC_BASE_URL is set. */
  uploadPage?: { publicBaseUrl: string; ttlMinutes: number };
}

export const UPLOAD_PREFIX = '/u/';
/** How long a preview can be confirmed. */
const PREVIEW_HOURS = 24;
const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
/** Problems that mean "this is not a layout we know" rather than "a row is wrong". */
const UNKNOWN_LAYOUT = new Set(['no-header', 'empty-file', 'not-a-workbook', 'missing-column']);
const APPENDIX_WORDS = ['gui phu luc', 'phu luc cua don vi', 'mau phu luc', 'tai phu luc', 'phu luc tien do'];
const UPLOAD_WORDS = ['gui tep', 'gui file', 'gui tep excel', 'gui file excel', 'tai tep len', 'nop tep', 'nop phu luc'];

const reporter = (p: PersonRef) => p.roles.some((r) => r === 'OFFICER' || r === 'UNIT_LEADER');

/** The message an upload-page file becomes, in the chat where the link was asked for. */
export function uploadAttachment(upload: { id: number; fileName: string | null }): Attachment {
  return { kind: 'document', fileId: `upload:${upload.id}`, fileName: upload.fileName ?? 'tep.xlsx', channel: 'UPLOAD' };
}

export class SheetsExtension implements Extension {
  private readonly store: PrismaSheetStore;

  constructor(
    private readonly tx: Prisma.TransactionClient,
    private readonly deps: SheetsExtensionDeps,
  ) {
    this.store = new PrismaSheetStore(tx);
  }

  async handle(input: ExtensionInput): Promise<ExtensionResult | null> {
    const { person, choiceId, inbound, now, today } = input;
    if (!person) return null;
    const choice = choiceId ? parseSheetChoice(choiceId) : null;
    if (choice) return this.decide(choice, person, input);
    if (inbound.file?.kind === 'document') return { replies: [await this.received(inbound.file, input)] };
    const text = fold(inbound.text?.trim() ?? '').replace(/[.!?]+$/, '');
    const command = text.split(/\s+/)[0] ?? '';
    if (command === '/phuluc' || APPENDIX_WORDS.some((w) => text.includes(w))) return { replies: [await this.appendix(person, today)] };
    if (command === '/guitep' || UPLOAD_WORDS.includes(text)) return { replies: [await this.link(person, input, now)] };
    return null;
  }

  // ── A workbook arrives ─────────────────────────────────────────────────────

  private async received(file: Attachment, input: ExtensionInput): Promise<Reply> {
    const person = input.person!;
    const fileName = file.fileName ?? 'tep';
    const maxMb = Math.round(this.deps.maxBytes / 1048576);
    const refuse = (code: SheetRefusal, extra: { sizeMb?: string; layout?: string } = {}) => refusalReply(code, { name: fileName, maxMb, ...extra });
    // Refused on what the platform says before downloading it (a 50 MB file is not fetched to be refused).
    const early = file.channel === 'UPLOAD' ? null : inspectWorkbook({ fileName, size: file.size }, this.deps.maxBytes);
    if (early) return refuse(early, { sizeMb: file.size ? (file.size / 1048576).toFixed(1) : undefined });
    const upload = await this.load(file, input);
    if (!upload) return refuse('download-failed');
    const bytes = upload.data!;
    const problem = inspectWorkbook({ fileName, bytes }, this.deps.maxBytes);
    if (problem) {
      await this.store.set(upload.id, { state: 'REFUSED' });
      return refuse(problem, { sizeMb: (bytes.length / 1048576).toFixed(1) });
    }
    const result = await this.evaluate(upload, person, input, 'preview');
    await this.store.set(upload.id, { state: result.previewed ? 'PREVIEWED' : 'REFUSED', expiresAt: new Date(input.now.getTime() + PREVIEW_HOURS * 3_600_000) });
    return result.reply;
  }

  /** The stored upload: a page upload is already a row; a Telegram document is downloaded and stored. */
  private async load(file: Attachment, input: ExtensionInput): Promise<UploadRow | null> {
    if (file.channel === 'UPLOAD') {
      const row = await this.store.find(Number(file.fileId.slice('upload:'.length)));
      return row?.data && row.personId === input.person!.id ? row : null;
    }
    if (!this.deps.fetchFile) return null;
    let data: Uint8Array;
    try {
      data = (await this.deps.fetchFile({ kind: 'document', fileId: file.fileId, fileName: file.fileName, channel: file.channel })).data;
    } catch {
      return null;
    }
    const { inbound, now } = input;
    return this.store.received({ personId: input.person!.id, channel: inbound.channel, chatId: inbound.chatId, fileName: file.fileName ?? 'tep.xlsx', data, now, expiresAt: new Date(now.getTime() + PREVIEW_HOURS * 3_600_000) });
  }

  /**
   * Reads the workbook and either previews or applies it, by the same route both times (roles and
   * data may have changed between the preview and "Áp dụng"): a unit's progress appendix from one of
   * its officers or leaders, else what `npm run import` reads, for the standing office / admin.
   */
  private async evaluate(upload: UploadRow, person: PersonRef, input: ExtensionInput, mode: 'preview' | 'apply', offset = 0): Promise<{ reply: Reply; previewed: boolean; applied?: number }> {
    const fileName = upload.fileName ?? 'tep.xlsx';
    const refuse = (code: SheetRefusal, layout?: string) => ({ reply: refusalReply(code, { name: fileName, layout }), previewed: false });
    const actor = `chat:${input.inbound.channel.toLowerCase()}:person:${person.id}`;
    const prepared = await prepareImport(upload.data!, fileName, { dryRun: mode === 'preview', today: input.today, now: input.now, actor });
    if (!prepared.ok) {
      const problems = prepared.outcome.problems;
      if (problems.every((p) => UNKNOWN_LAYOUT.has(p.code))) return refuse('unknown-layout');
      return { reply: problemsReply(fileName, problems.map((p) => describeProblem(p, this.deps.tr))), previewed: false };
    }
    const { parsed } = prepared;
    const progress = parsed.appendices.filter((s) => s.layout === 'progress');
    const layout = progress.length === parsed.appendices.length && !parsed.units.length && !parsed.people.length ? 'progress' : 'programme';
    if (layout === 'progress' && reporter(person)) {
      if (person.unitId === null) return refuse('no-unit');
      const [items, units] = await Promise.all([this.store.unitItems(person.unitId), new PrismaTaskQueries(this.tx).units()]);
      const unitName = units.find((u) => u.id === person.unitId)?.name ?? '';
      const preview = matchProgress(progress, { unitId: person.unitId }, items, units);
      if (mode === 'apply') {
        for (const change of preview.changes) await this.store.recordRow(change, { personId: person.id, upload: { id: upload.id, fileName }, now: input.now });
        await this.store.audit(person.id, 'sheet.progress', upload.id, { fileName, checksum: upload.checksum, updates: preview.changes.length });
        return { reply: { lines: [line(t('sheets-applied-progress', { name: fileName, count: preview.changes.length, unit: unitName }), { strong: true })] }, previewed: true, applied: preview.changes.length };
      }
      const any = preview.changes.length > 0;
      return { reply: progressPreview(preview, { fileName, unitName }, any ? upload.id : null, offset), previewed: any };
    }
    if (!person.roles.includes('ADMIN')) return refuse('not-allowed', layout);
    const outcome = prepared.finish(await importInTransaction(this.tx, prepared.input));
    if (!outcome.ok) return { reply: problemsReply(fileName, outcome.problems.map((p) => describeProblem(p, this.deps.tr))), previewed: false };
    if (mode === 'apply') {
      await this.store.audit(person.id, 'sheet.import', upload.id, { fileName, checksum: upload.checksum, summary: { ...outcome.summary } });
      const s = outcome.summary;
      return { reply: { lines: [line(t('sheets-applied-import', { name: fileName, created: s.tasksCreated, changed: s.tasksChanged, updates: s.updatesCreated, units: s.unitsCreated + s.unitsChanged, people: s.peopleCreated + s.peopleChanged }), { strong: true })] }, previewed: true };
    }
    if (!changedSomething(outcome.summary)) return { reply: { lines: [line(t('sheets-import-title', { name: fileName }), { strong: true }), line(t('sheets-nothing-new'))] }, previewed: false };
    return { reply: importPreview({ fileName, summary: outcome.summary, changes: outcome.changes ?? [] }, upload.id, offset), previewed: true };
  }

  // ── "Áp dụng" / "Huỷ" ─────────────────────────────────────────────────────

  private async decide(choice: SheetChoice, person: PersonRef, input: ExtensionInput): Promise<ExtensionResult> {
    const upload = await this.store.find(choice.uploadId);
    if (!upload || upload.personId !== person.id || upload.state !== 'PREVIEWED' || upload.expiresAt < input.now || !upload.data) {
      return { replies: [{ lines: [line(t('sheets-stale'))] }], toast: t('chat-old-choice-toast') };
    }
    // "Xem thêm": the preview's next page, read again from the kept file (nothing changes, the prompt stays)
    if (choice.action === 'more') return { replies: [(await this.evaluate(upload, person, input, 'preview', choice.offset)).reply] };
    if (choice.action === 'cancel') {
      await this.store.set(upload.id, { state: 'CANCELLED' });
      return { replies: [{ lines: [line(t('sheets-cancelled'))] }] };
    }
    const result = await this.evaluate(upload, person, input, 'apply');
    await this.store.set(upload.id, result.previewed ? { state: 'APPLIED', appliedAt: input.now } : { state: 'REFUSED' });
    return { replies: [result.reply] };
  }

  // ── The appendix to fill, and the upload page's link ──────────────────────

  private async appendix(person: PersonRef, today: Day): Promise<Reply> {
    if (person.unitId === null) return { lines: [line(t('sheets-appendix-no-unit'))] };
    const { data, units } = await exportProgressAppendix(this.tx as unknown as Db, { unitIds: [person.unitId], asOf: today });
    if (!units.length) return { lines: [line(t('sheets-appendix-none'))] };
    const unit = units[0]!;
    const fileName = `phu-luc-tien-do-${fold(unit).replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '')}-${today}.xlsx`;
    return {
      lines: [line(t('sheets-appendix-ready', { unit, day: formatDay(today) }))],
      files: [{ kind: 'document', fileName, mime: XLSX_MIME, data, caption: t('sheets-appendix-caption', { unit, day: formatDay(today) }) }],
    };
  }

  private async link(person: PersonRef, input: ExtensionInput, now: Date): Promise<Reply> {
    const telegram = input.inbound.channel === 'TELEGRAM' ? 'yes' : 'no';
    const page = this.deps.uploadPage;
    if (!page) return { lines: [line(t('sheets-upload-unavailable', { telegram }))] };
    const token = randomBytes(24).toString('base64url');
    await this.store.createLink({ personId: person.id, channel: input.inbound.channel, chatId: input.inbound.chatId, token, expiresAt: new Date(now.getTime() + page.ttlMinutes * 60_000) });
    const url = `${page.publicBaseUrl.replace(/\/$/, '')}${UPLOAD_PREFIX}${token}`;
    return { lines: [line(t('sheets-upload-link', { minutes: page.ttlMinutes, telegram, maxMb: Math.round(this.deps.maxBytes / 1048576) })), line({ raw: url })] };
  }
}
