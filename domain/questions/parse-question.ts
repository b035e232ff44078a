import { formatDay } from '../shared/day.ts';
import { UNIT_KINDS, type UnitKind } from '../units/types.ts';
import { readCommand, type CommandReading } from './commands.ts';
import { scanSignals, type Signal, type SignalHit } from './keywords.ts';
import { DEFAULT_MARK, INTENT_LABEL, KIND_LABEL, rankLabel, STATUS_LABEL } from './labels.ts';
import { extractMine } from './mine.ts';
import { extractPlan, type PlanReading } from './plans.ts';
import { decideRank, extractRank } from './rank.ts';
import { extractTaskRef } from './task-ref.ts';
import { extractWindow, nextWindow, thisMonth, thisQuarter } from './time-window.ts';
import { isSignificant, leftoverRuns, markUsed, STOP_WORDS, tokenize, type Token } from './tokens.ts';
import type { Intent, Interpretation, QuestionContext, StatusFilter, TimeWindow } from './types.ts';
import { extractPluralKinds, findUnknownUnit, resolveBareKinds } from './unit-kinds.ts';
import { buildUnitIndex, matchUnits } from './units.ts';

export type {
  Intent,
  Interpretation,
  PlanRef,
  QuestionContext,
  Rank,
  RankBy,
  StatusFilter,
  TimeWindow,
} from './types.ts';

/**
 * Reads a leader's question (or a command) into an Interpretation: what to
 * do, with which filters. Deterministic — the same text, context and day give
 * the same reading — and explainable: `understood` lists, in Vietnamese, every
 * part that was read, so an answer can say what it answered and a failure can
 * say what it did get.
 *
 * The reading runs in a fixed order, each step claiming the words it
 * understood: command → plans → unit names (exact) → task number → time
 * window → ranking words → "của tôi" → vocabulary (statuses, what is asked,
 * items) → plural kinds → unit names (bare place names, typos) → lone kind
 * words and unknown names → what is left becomes the topic.
 *
 * The caller must look at `ambiguousUnit` and `unknownUnit` before answering:
 * the parser never picks one of two units that fit equally.
 */

/** Shown when a question is not understood (intent UNKNOWN). */
export const EXAMPLE_QUESTIONS: string[] = [
  'nhiệm vụ nào quá hạn ở Cát Hải?',
  'các việc sắp đến hạn trong 2 tuần',
  'tỷ lệ hoàn thành của Sở KH&CN',
];

/** "sắp đến hạn" with no window: the next 7 days. */
export const DUE_SOON_DEFAULT_DAYS = 7;

const SINGLE_UNIT_INTENTS = new Set<Signal['k']>(['progress', 'weakProgress', 'difficulty', 'proposal']);
const STRONG_CUES = new Set<Signal['k']>(['progress', 'report', 'difficulty', 'proposal', 'ratio', 'rate', 'rateStale', 'yesno', 'value']);
const CITY_WIDE_ROLES = new Set(['CITY_LEADER', 'ADMIN']);

export function parseQuestion(text: string, ctx: QuestionContext): Interpretation {
  const input = text.normalize('NFC').trim();
  const cmd = readCommand(input);
  if (cmd && (cmd.intent === 'UNKNOWN' || cmd.invalid)) {
    const understood = cmd.invalid
      ? [`lệnh ${cmd.command}`, cmd.invalid]
      : [`lệnh không có: ${cmd.command}`];
    return { ...empty('UNKNOWN'), understood, command: cmd.command };
  }
  return interpret(cmd ? cmd.text : input, ctx, cmd);
}

function empty(intent: Intent): Interpretation {
  return {
    intent,
    statuses: [],
    unitIds: [],
    ambiguousUnit: null,
    unknownUnit: null,
    unitKinds: [],
    mine: null,
    window: null,
    planId: null,
    itemKind: null,
    taskRef: null,
    topic: null,
    rank: null,
    understood: [],
    command: null,
  };
}

function has(hits: SignalHit[], k: Signal['k']): boolean {
  return hits.some((h) => h.signal.k === k);
}

function interpret(text: string, ctx: QuestionContext, cmd: CommandReading | null): Interpretation {
  const toks = tokenize(text);
  const index = buildUnitIndex(ctx.units);

  const plan = extractPlan(text, toks, ctx.plans);
  const unitMatches = matchUnits(text, toks, index, 'strong');
  const taskRef = extractTaskRef(toks);
  let window: TimeWindow | null = extractWindow(toks, ctx.today);
  const rankReading = extractRank(toks);
  let mine = extractMine(toks);
  const hits = scanSignals(toks);
  readLooseWords(toks, hits);
  const plural = extractPluralKinds(toks);
  unitMatches.push(...matchUnits(text, toks, index, 'weak'));
  unitMatches.sort((a, b) => a.start - b.start);

  const singular = hits.some((h) => SINGLE_UNIT_INTENTS.has(h.signal.k)) || taskRef !== null || cmd?.unitArgument === true;
  const bare = resolveBareKinds(text, toks, ctx.units, singular);

  const unitIds: number[] = [];
  let ambiguousUnit: Interpretation['ambiguousUnit'] = null;
  for (const m of unitMatches) {
    if (m.unitIds.length === 1) {
      if (!unitIds.includes(m.unitIds[0]!)) unitIds.push(m.unitIds[0]!);
    } else ambiguousUnit ??= { text: m.text, candidateIds: m.unitIds };
  }
  for (const id of bare.resolved) if (!unitIds.includes(id)) unitIds.push(id);
  ambiguousUnit ??= bare.ambiguous;

  let unknownUnit = bare.unknown ?? findUnknownUnit(text, toks);

  // "tỷ lệ" followed by words of its own is an indicator's name ("tỷ lệ phủ sóng 5G"), not a rate.
  let indicatorByName = false;
  for (const h of hits) {
    if (h.signal.k !== 'ratio') continue;
    const next = toks[h.end];
    if (next && isSignificant(next) && !/^\d/.test(next.norm)) indicatorByName = true;
  }
  const asksRate = has(hits, 'rate') || has(hits, 'rateStale') || (has(hits, 'ratio') && !indicatorByName);

  // A command's argument names a unit: anything unread in it is an unknown unit.
  const runs = leftoverRuns(toks);
  if (cmd?.unitArgument && unknownUnit === null && runs.length > 0) {
    const first = runs[0]!;
    const last = runs[runs.length - 1]!;
    unknownUnit = text.slice(toks[first.start]!.start, toks[last.end - 1]!.end).trim();
    markUsed(toks, first.start, last.end);
  }
  const topicRuns = leftoverRuns(toks);
  const topic = topicRuns.length > 0 ? topicRuns.map((r) => text.slice(toks[r.start]!.start, toks[r.end - 1]!.end).trim()).join(', ') : null;

  // statuses as read, in order
  const statuses: StatusFilter[] = [];
  const addStatus = (s: StatusFilter) => {
    if (!statuses.includes(s)) statuses.push(s);
  };
  for (const h of hits) if (h.signal.k === 'status') addStatus(h.signal.s);
  if (has(hits, 'rateStale')) addStatus('STALE');

  const items = new Set(hits.flatMap((h) => (h.signal.k === 'item' ? [h.signal.kind] : [])));
  let itemKind: Interpretation['itemKind'] = items.size === 1 ? [...items][0]! : null;
  if (itemKind === null && items.size === 0 && indicatorByName) itemKind = 'INDICATOR';
  const itemSubject = items.size > 0 || has(hits, 'genericItem');

  const unitKinds = UNIT_KINDS.filter((k: UnitKind) => plural.kinds.includes(k) || bare.kinds.includes(k));
  const unitSubject = has(hits, 'unitSubject') || unitKinds.length > 0 || plural.everyUnit;

  const scoped =
    unitIds.length > 0 || ambiguousUnit !== null || unknownUnit !== null || unitKinds.length > 0 || mine !== null || plan.planId !== null;
  const meaningful =
    scoped ||
    statuses.length > 0 ||
    taskRef !== null ||
    itemKind !== null ||
    rankReading !== null ||
    (window !== null && has(hits, 'deadline')) ||
    hits.some((h) => STRONG_CUES.has(h.signal.k));
  const hasLeftover = topic !== null;

  // ---- what is asked
  let intent: Intent;
  let progressByDefault = false;
  if (cmd) intent = cmd.intent;
  else if (!meaningful) intent = has(hits, 'help') || has(hits, 'greet') ? 'HELP' : 'UNKNOWN';
  else if (has(hits, 'report')) intent = 'REPORT';
  else if (rankReading && (!itemSubject || unitSubject)) intent = 'RANK_UNITS';
  else if (taskRef !== null && !has(hits, 'difficulty') && !has(hits, 'proposal')) intent = 'TASK_DETAIL';
  else if (asksRate) intent = 'RATE';
  else if (statuses.includes('STALE') && (!itemSubject || unitSubject)) intent = 'STALE_UNITS';
  else if (has(hits, 'count')) intent = 'COUNT';
  else if (has(hits, 'difficulty')) intent = 'DIFFICULTIES';
  else if (has(hits, 'proposal')) intent = 'PROPOSALS';
  else if (taskRef !== null) intent = 'TASK_DETAIL';
  else if (has(hits, 'progress') || has(hits, 'weakProgress')) intent = 'PROGRESS';
  else if (statuses.includes('HAS_DIFFICULTIES') && !itemSubject) intent = 'DIFFICULTIES';
  else if (
    statuses.length > 0 ||
    itemKind !== null ||
    has(hits, 'yesno') ||
    has(hits, 'value') ||
    mine === 'ME' ||
    rankReading ||
    (window !== null && has(hits, 'deadline'))
  )
    intent = 'LIST';
  else if (scoped && !hasLeftover) {
    intent = 'PROGRESS';
    progressByDefault = true;
  } else intent = 'UNKNOWN';

  const understood: string[] = [];
  const notes: string[] = [];
  const asked = intent;
  if (plan.candidates.length > 1) {
    intent = 'UNKNOWN';
    notes.push(`kế hoạch chưa rõ, có thể là: ${plan.candidates.map((p) => p.code).join(', ')}`);
  } else if (plan.unknown) {
    intent = 'UNKNOWN';
    notes.push(`không tìm thấy kế hoạch «${plan.unknown}»`);
  }

  // ---- rules that depend on the intent
  let rank: Interpretation['rank'] = null;
  const measure = {
    stale: statuses.includes('STALE') || /\b(cap nhat|cap nhap|bao cao)\b/.test(toks.map((t) => t.norm).join(' ')),
    overdue: statuses.includes('OVERDUE'),
    done: statuses.includes('DONE') || has(hits, 'ratio'),
  };
  if (intent === 'RANK_UNITS' && rankReading) {
    rank = decideRank(rankReading, measure);
    statuses.length = 0;
  } else if (rankReading && intent !== 'UNKNOWN') {
    // "nhiệm vụ nào chậm nhất": tasks, sorted worst first (the list default); the adjective still filters
    const r = decideRank(rankReading, measure);
    if (r.order === 'WORST' && r.by !== 'DONE_RATE') addStatus(r.by === 'STALE' ? 'STALE' : 'OVERDUE');
  }
  // "nhiệm vụ 22 quá hạn chưa" asks about one task: its state is shown, not used to filter it away
  if (intent === 'TASK_DETAIL') statuses.length = 0;
  if (intent === 'DIFFICULTIES') removeStatus(statuses, 'HAS_DIFFICULTIES');
  else if (has(hits, 'difficulty') && intent !== 'PROPOSALS' && intent !== 'UNKNOWN' && intent !== 'HELP') addStatus('HAS_DIFFICULTIES');

  let defaulted = { window: false, rate: false, mine: false };
  if (intent === 'RATE' && statuses.length === 0) {
    statuses.push('DONE');
    defaulted.rate = true;
  }
  if (intent === 'STALE_UNITS' && !statuses.includes('STALE')) statuses.push('STALE');
  if (window === null && intent !== 'UNKNOWN' && intent !== 'HELP') {
    if (statuses.includes('DUE_SOON') && intent !== 'RANK_UNITS') window = nextWindow(ctx.today, DUE_SOON_DEFAULT_DAYS, 'ngay');
    else if (intent === 'STALE_UNITS') window = thisMonth(ctx.today);
    else if (intent === 'REPORT') window = thisQuarter(ctx.today);
    defaulted.window = window !== null;
  }
  if (
    (intent === 'PROGRESS' || intent === 'DIFFICULTIES' || intent === 'PROPOSALS') &&
    !scoped &&
    taskRef === null &&
    topic === null &&
    ctx.me.unitId !== null &&
    !ctx.me.roles.some((r) => CITY_WIDE_ROLES.has(r))
  ) {
    mine = 'MY_UNIT';
    defaulted.mine = true;
  }
  if (intent === 'HELP' || intent === 'UNKNOWN') defaulted = { window: false, rate: false, mine: false };

  // ---- what was understood, in Vietnamese
  if (cmd) understood.push(`lệnh ${cmd.command}`);
  // a plan that cannot be resolved makes the question UNKNOWN, but what was asked is still worth saying
  const intentLabel = INTENT_LABEL[intent === 'UNKNOWN' ? asked : intent];
  if (intent === 'RANK_UNITS' && rank) understood.push(rankLabel(rank));
  else if (intent === 'TASK_DETAIL' && taskRef) understood.push(`chi tiết ${itemKind === 'INDICATOR' ? 'chỉ tiêu' : 'nhiệm vụ'} số ${taskRef}`);
  else if (intent === 'RATE' && defaulted.rate) understood.push(`tỷ lệ hoàn thành${DEFAULT_MARK}`);
  else if (progressByDefault) understood.push(`tiến độ${DEFAULT_MARK}`);
  else if (intentLabel) understood.push(intentLabel);
  if (itemKind && intent !== 'TASK_DETAIL') understood.push(itemKind === 'TASK' ? 'nhiệm vụ' : 'chỉ tiêu');
  for (const s of statuses) {
    if ((defaulted.rate && s === 'DONE') || (intent === 'STALE_UNITS' && s === 'STALE')) continue;
    understood.push(STATUS_LABEL[s]);
  }
  const name = (id: number) => index.units.get(id)?.name ?? `#${id}`;
  if (unitIds.length > 0) understood.push(`đơn vị: ${unitIds.map(name).join(', ')}`);
  if (ambiguousUnit) {
    const shown = ambiguousUnit.candidateIds.slice(0, 5).map(name);
    const more = ambiguousUnit.candidateIds.length > 5 ? ` và ${ambiguousUnit.candidateIds.length - 5} đơn vị khác` : '';
    understood.push(`chưa rõ đơn vị «${ambiguousUnit.text}»: ${shown.join(', ')}${more}`);
  }
  if (unknownUnit) understood.push(`không tìm thấy đơn vị «${unknownUnit}»`);
  if (unitKinds.length > 0) understood.push(`loại đơn vị: ${unitKinds.map((k) => KIND_LABEL[k]).join(', ')}`);
  if (mine === 'ME') understood.push('việc của tôi');
  if (mine === 'MY_UNIT') {
    const mineName = ctx.me.unitId !== null ? `: ${name(ctx.me.unitId)}` : '';
    understood.push(`đơn vị của tôi${mineName}${defaulted.mine ? DEFAULT_MARK : ''}`);
  }
  if (window) {
    understood.push(`thời gian: ${window.label}${window.label.includes(formatDay(window.to)) ? '' : ` (${formatDay(window.from)}–${formatDay(window.to)})`}${defaulted.window ? DEFAULT_MARK : ''}`);
  }
  if (plan.planId !== null) {
    const p = ctx.plans.find((x) => x.id === plan.planId);
    understood.push(`kế hoạch: ${p?.code ?? plan.planId}`);
  }
  if (taskRef && intent !== 'TASK_DETAIL') understood.push(`số hiệu: ${taskRef}`);
  const keepTopic = intent !== 'UNKNOWN' && intent !== 'HELP' ? topic : null;
  if (keepTopic) understood.push(`chủ đề: ${keepTopic}`);
  understood.push(...notes);

  return {
    intent,
    statuses,
    unitIds,
    ambiguousUnit,
    unknownUnit,
    unitKinds,
    mine,
    window,
    planId: plan.planId,
    itemKind,
    taskRef,
    topic: keepTopic,
    rank,
    understood,
    command: cmd?.command ?? null,
  };
}

function removeStatus(list: StatusFilter[], s: StatusFilter): void {
  const i = list.indexOf(s);
  if (i >= 0) list.splice(i, 1);
}

/**
 * Words whose meaning depends on their neighbour, read after the vocabulary:
 * "chưa" + a verb ("chưa xây dựng", "chưa gửi") means not done, while "chưa"
 * at the end is a question particle; "số" before an item ("số nhiệm vụ quá
 * hạn") asks a count.
 */
function readLooseWords(toks: Token[], hits: SignalHit[]): void {
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i]!;
    if (t.used) continue;
    const next = toks[i + 1];
    if (t.norm === 'chua' && next && !next.used && !STOP_WORDS.has(next.norm) && !/^\d/.test(next.norm)) {
      markUsed(toks, i, i + 1);
      hits.push({ signal: { k: 'status', s: 'OPEN' }, start: i, end: i + 1 });
    } else if (
      t.norm === 'so' &&
      t.raw.toLowerCase() !== 'sở' &&
      next &&
      ['nhiem', 'chi', 'viec', 'don', 'xa', 'phuong', 'dac', 'dia', 'co', 'cong'].includes(next.norm)
    ) {
      markUsed(toks, i, i + 1);
      hits.push({ signal: { k: 'count' }, start: i, end: i + 1 });
    }
  }
  hits.sort((a, b) => a.start - b.start);
}

export type { PlanReading };
