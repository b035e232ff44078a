/**
 * Compares one answer of the bot with one leader case, field by field, by
 * NAME: the answer's json is read as a plain record, so that a field the
 * parser does not produce yet (ignored, counted, role, person,
 * minDaysOverdue, windowOn, section…) is simply a mismatch.
 */
import { renderReply } from '../../bot/chat/render.ts';
import { i18n } from '../../bot/i18n.ts';
import type { PersonRef } from '../../domain/people/types.ts';
import { answerQuestion, type Answer } from '../../domain/questions/answer.ts';
import { readQuestion } from '../../domain/questions/context.ts';
import type { Day } from '../../domain/shared/day.ts';
import type { PrismaQuestionData } from '../../prisma/stores/question-data.ts';
import type { PrismaTaskQueries } from '../../prisma/stores/task-queries.ts';
import { DEFAULT_TODAY, PEOPLE, type LeaderCase, type Who } from './leader-cases.ts';

const tr = i18n();

/** Lower case, NFC, no diacritics, single spaces: for comparing words a person typed. */
export function fold(s: string): string {
  return s
    .normalize('NFC')
    .toLowerCase()
    .replace(/đ/g, 'd')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

const show = (v: unknown) => JSON.stringify(v);

function str(v: unknown): string | null {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string') return v;
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>;
    for (const k of ['fullName', 'name', 'label', 'value']) if (typeof o[k] === 'string') return o[k] as string;
  }
  return String(v);
}

/** The number the answer leads with, under whatever name its shape gives it. */
export function leadingNumber(json: Record<string, unknown>): number | null {
  const totals = (json.totals ?? {}) as Record<string, unknown>;
  for (const k of ['matched', 'count', 'below', 'units', 'total']) {
    if (typeof totals[k] === 'number') return totals[k] as number;
  }
  return null;
}

/** The labels of the listed items: task numbers, or unit names. */
export function itemLabels(json: Record<string, unknown>): string[] {
  const items = Array.isArray(json.items) ? (json.items as Record<string, unknown>[]) : [];
  return items.map((it) => String(it.type === 'unit' ? it.unit : (it.number ?? it.unit ?? it.name ?? '')));
}

/** The mismatches between an answer and what the case expects (empty: it passes). */
export function checkCase(c: LeaderCase, json: Record<string, unknown>, text: string): string[] {
  const e = c.expect;
  const bad: string[] = [];
  const cmp = (field: string, got: unknown, want: unknown) => {
    if (show(got) !== show(want)) bad.push(`${field}: got ${show(got)}, want ${show(want)}`);
  };
  cmp('outcome', json.outcome, e.outcome ?? 'ANSWERED');
  if (e.intent !== undefined) cmp('intent', json.intent, e.intent);
  if (e.statuses !== undefined) cmp('statuses', Array.isArray(json.statuses) ? [...(json.statuses as string[])].sort() : json.statuses, [...e.statuses].sort());
  if (e.units !== undefined) {
    const units = Array.isArray(json.units) ? (json.units as Record<string, unknown>[]).map((u) => u.name) : json.units;
    cmp('units', units, e.units);
  }
  if (e.window !== undefined) {
    const w = json.window as Record<string, unknown> | null | undefined;
    cmp('window', w ? [w.from, w.to] : (w ?? null), e.window);
  }
  if (e.windowOn !== undefined) cmp('windowOn', json.windowOn, e.windowOn);
  if (e.minDaysOverdue !== undefined) cmp('minDaysOverdue', json.minDaysOverdue, e.minDaysOverdue);
  if (e.role !== undefined) cmp('role', json.role, e.role);
  if (e.person !== undefined) {
    const p = str(json.person);
    if (p === null || fold(p) !== fold(e.person)) bad.push(`person: got ${show(json.person)}, want ${show(e.person)}`);
  }
  if (e.topic !== undefined) {
    const t = str(json.topic);
    if (e.topic === null ? t !== null : t === null || fold(t) !== fold(e.topic)) bad.push(`topic: got ${show(json.topic)}, want ${show(e.topic)}`);
  }
  if (e.ignored !== undefined) {
    const got = Array.isArray(json.ignored) ? (json.ignored as unknown[]).map((x) => fold(String(str(x)))) : null;
    const missing = e.ignored.filter((w) => !got || !got.some((g) => g === fold(w) || g.split(' ').includes(fold(w))));
    if (missing.length) bad.push(`ignored: got ${show(json.ignored)}, want to include ${show(missing)}`);
  }
  if (e.counted !== undefined) cmp('counted', json.counted, e.counted);
  if (e.taskRef !== undefined) cmp('taskRef', json.taskRef, e.taskRef);
  if (e.section !== undefined) cmp('section', json.section, e.section);
  if (e.matched !== undefined) cmp('matched', leadingNumber(json), e.matched);
  if (e.first !== undefined) {
    const labels = itemLabels(json);
    const missing = e.first.filter((f) => !labels.includes(f));
    if (missing.length) bad.push(`first: got ${show(labels.slice(0, 10))}, want to include ${show(missing)}`);
  }
  if (e.candidates !== undefined) {
    const missing = e.candidates.filter((cand) => !fold(text).includes(fold(cand)));
    if (missing.length) bad.push(`candidates: ${show(missing)} not offered in ${show(text.slice(0, 300))}`);
  }
  return bad;
}

export interface Asker {
  ask(c: LeaderCase): Promise<{ answer: Answer; json: Record<string, unknown>; text: string }>;
}

/** Asks a case as its person at its day, on a seeded database. */
export async function makeAsker(data: PrismaQuestionData, queries: PrismaTaskQueries): Promise<Asker> {
  const people = new Map<Who, PersonRef>();
  for (const [who, name] of Object.entries(PEOPLE) as [Who, string][]) {
    const found = await queries.findPeople(name);
    if (found.length !== 1) throw new Error(`${who}: ${name} found ${found.length} times`);
    people.set(who, found[0]!);
  }
  return {
    async ask(c) {
      const person = people.get(c.as ?? 'city')!;
      const today = (c.today ?? DEFAULT_TODAY) as Day;
      const { interp } = await readQuestion(c.q, data, today, person);
      const answer = await answerQuestion(interp, { person, today, status: { dueSoonDays: 7 } }, data);
      const text = renderReply(answer.reply, tr, 'vi', { numberChoices: true });
      return { answer, json: answer.json as unknown as Record<string, unknown>, text };
    },
  };
}

/** Asks and checks; a throw while answering is a mismatch too. */
export async function runCase(asker: Asker, c: LeaderCase): Promise<string[]> {
  try {
    const { json, text } = await asker.ask(c);
    return checkCase(c, json, text);
  } catch (err) {
    return [`threw: ${err instanceof Error ? err.message : String(err)}`];
  }
}

export const caseName = (c: LeaderCase) => `[${c.kind}] ${c.q}${c.as ? ` (${c.as})` : ''}${c.today ? ` @${c.today}` : ''}`;
