/**
 * Leaders' questions and reports in chat, as an engine extension: free text
 * the engine did not take for anything else is read by parseQuestion and
 * answered by answerQuestion; "xem thêm" and the choice of a unit continue
 * the last question (kept in the conversation's memory); /baocao and "xuất
 * báo cáo quý IV" build the report (summary, .xlsx, chart).
 */
import type { Extension, ExtensionInput, ExtensionResult, Memory } from '../../domain/chat/engine.ts';
import { say } from '../../domain/chat/reply.ts';
import type { PersonRef } from '../../domain/people/types.ts';
import { answerQuestion, chooseUnit, DEFAULT_PAGE, nextPage, reportRequest, type AnswerPage } from '../../domain/questions/answer.ts';
import { readQuestion } from '../../domain/questions/context.ts';
import type { Interpretation } from '../../domain/questions/types.ts';
import type { StatusOptions } from '../../domain/status/derive-status.ts';
import type { Db } from '../../prisma/database.ts';
import type { Prisma } from '../../prisma/generated/client.ts';
import { PrismaQuestionData, QuestionReference, withReference } from '../../prisma/stores/question-data.ts';
import type { Translator } from '../i18n.ts';
import { buildReport } from '../services/report.ts';

interface LastQuestion {
  interp: Interpretation;
  next: AnswerPage | null;
}

const QUESTION_COMMANDS = /^\/(quahan|sapden|tiendo|vuongmac|chamcapnhat|baocao)(@\w+)?(\s|$)/i;

export class QuestionsExtension implements Extension {
  private readonly reference: QuestionReference;

  constructor(
    private readonly tx: Prisma.TransactionClient,
    private readonly deps: { tr: Translator; status: StatusOptions; mode: 'commands' | 'fallback'; reference?: QuestionReference },
  ) {
    // made per message: the reference data (units, plans, the tasks' words) lives in `reference`, checked by each answer
    this.reference = deps.reference ?? new QuestionReference();
  }

  /** Reads (and answers) with the process's reference data, again if the answer's statement finds it changed; only reads. */
  private read<T>(work: (data: PrismaQuestionData) => Promise<T>): Promise<T> {
    return withReference(this.tx as unknown as Db, this.reference, work);
  }

  async handle(input: ExtensionInput): Promise<ExtensionResult | null> {
    const { person, choiceId, inbound, memory } = input;
    if (!person) return null;
    const last = memory.lastQuestion as LastQuestion | undefined;
    if (this.deps.mode === 'commands') {
      if (choiceId === 'q:more') {
        const next = last?.next;
        if (!last || !next) return { replies: [say('answer-no-more')] };
        return this.read((data) => this.answer(last.interp, next, input, person, data));
      }
      if (choiceId?.startsWith('qu:')) {
        return this.read(async (data) => {
          const chosen = last ? chooseUnit(last.interp, choiceId, await data.units()) : null;
          if (!chosen) return { replies: [say('chat-old-choice')], toast: { key: 'chat-old-choice-toast' } };
          return this.answer(chosen, DEFAULT_PAGE, input, person, data);
        });
      }
      if (!inbound.text || !QUESTION_COMMANDS.test(inbound.text.trim())) return null;
    } else if (!inbound.text?.trim() || choiceId) return null;
    const read = await this.read(async (data) => {
      const { interp, units } = await readQuestion(inbound.text!, data, input.today, person);
      // a report is built once the reading is settled (it writes its run)
      if (interp.intent === 'REPORT') return { report: { interp, units }, result: null };
      return { report: null, result: await this.answer(interp, DEFAULT_PAGE, input, person, data) };
    });
    return read.report ? this.report(read.report.interp, input, person, read.report.units) : read.result!;
  }

  private async answer(interp: Interpretation, page: AnswerPage, input: ExtensionInput, person: PersonRef, data: PrismaQuestionData): Promise<ExtensionResult> {
    const ctx = { person, today: input.today, status: this.deps.status };
    const answer = await answerQuestion(interp, ctx, data, page);
    const memory: Memory = { ...input.memory, lastQuestion: { interp, next: nextPage(answer, page) } satisfies LastQuestion };
    return { replies: [answer.reply], memory };
  }

  private async report(interp: Interpretation, input: ExtensionInput, person: PersonRef, units: Awaited<ReturnType<PrismaQuestionData['units']>>): Promise<ExtensionResult> {
    const ctx = { person, today: input.today, status: this.deps.status };
    const req = reportRequest(interp, ctx, units);
    if ('refused' in req) return { replies: [req.refused] };
    const result = await buildReport(
      { prisma: this.tx as unknown as Db, tr: this.deps.tr, status: this.deps.status },
      { unitIds: req.unitIds, planId: req.planId, asOf: req.asOf, person, actor: input.inbound.channel.toLowerCase(), locale: input.identity.locale },
    );
    return { replies: [result.reply] };
  }
}
