import { UNIT_KINDS, type UnitKind } from '../units/types.ts';
import { readCommand, type CommandReading } from './commands.ts';
import { explain } from './explain.ts';
import { scanSignals, type Signal, type SignalHit } from './keywords.ts';
import { extractLeader, type Leader } from './leaders.ts';
import { extractMine } from './mine.ts';
import { extractRole, type Role } from './roles.ts';
import { extractMinDaysOverdue } from './overdue-days.ts';
import { readRequest } from './requests.ts';
import { knownPhrase } from './vocabulary.ts';
import { findDocumentRefs, type DocumentRef } from '../text/documents.ts';
import { extractPlan, type PlanReading } from './plans.ts';
import { decideRank, extractRank, type RankReading } from './rank.ts';
import { extractSection } from './section.ts';
import { extractTaskRef } from './task-ref.ts';
import { extractWindow, nextWindow, thisMonth, thisQuarter } from './time-window.ts';
import { isSignificant, leftoverRuns, markUsed, matchesAt, STOP_WORDS, tokenize, type Token } from './tokens.ts';
import type { Intent, Interpretation, QuestionContext, Rank, StatusFilter, TimeWindow } from './types.ts';
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
const REQUEST_LABEL = { UPDATE: 'yêu cầu sửa dữ liệu', DELETE: 'yêu cầu xoá', ASSIGN: 'yêu cầu giao việc', NOTIFY: 'yêu cầu nhắc, gửi thông báo' } as const;

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
    section: null,
    topic: null,
    rank: null,
    ignored: [],
    document: null,
    continuous: false,
    windowOn: null,
    role: null,
    person: null,
    countUnits: false,
    minDaysOverdue: null,
    request: null,
    understood: [],
    command: null,
  };
}

function has(hits: SignalHit[], k: Signal['k']): boolean {
  return hits.some((h) => h.signal.k === k);
}

/** Everything the question says, before deciding what it asks. */
interface Reading {
  toks: Token[];
  hits: SignalHit[];
  plan: PlanReading;
  unitIds: number[];
  ambiguousUnit: Interpretation['ambiguousUnit'];
  unknownUnit: string | null;
  unitKinds: UnitKind[];
  everyUnit: boolean;
  mine: Interpretation['mine'];
  window: TimeWindow | null;
  taskRef: string | null;
  section: string | null;
  rank: RankReading | null;
  statuses: StatusFilter[];
  itemKind: Interpretation['itemKind'];
  /** "tỷ lệ" + words: an indicator's name, not a rate. */
  indicatorByName: boolean;
  topic: string | null;
  /** Leftover phrases the tasks do not speak of, as typed. */
  ignored: string[];
  /** The topic is made of words the tasks use (checked against the vocabulary). */
  topicKnown: boolean;
  minDaysOverdue: number | null;
  role: Role | null;
  leader: Leader | null;
  document: string | null;
  continuous: boolean;
}

function read(text: string, ctx: QuestionContext, cmd: CommandReading | null): Reading {
  const toks = tokenize(text);
  const index = buildUnitIndex(ctx.units);

  // document numbers: "quyết định 1037" before plans; "kế hoạch 52/KH-UBND" only when no plan fits
  const docs = findDocumentRefs(text);
  const claim = (d: DocumentRef) => toks.forEach((t) => (t.start >= d.start && t.end <= d.end ? (t.used = true) : undefined));
  let document: string | null = null;
  // "Kế hoạch số 12/KH-SKHCN" is a document when no plan carries that code ("12-KH/TU" does not)
  const codeOf = (c: string) => c.toUpperCase().replace(/[^A-Z0-9Đ]/g, '');
  const noPlanCarries = (d: DocumentRef) => d.number.includes('/') && !ctx.plans.some((p) => codeOf(p.code) === codeOf(d.number));
  for (const d of docs) if ((!d.planLike || noPlanCarries(d)) && document === null) (document = d.number), claim(d);
  const plan = extractPlan(text, toks, ctx.plans);
  for (const d of docs) {
    if (!d.planLike || document !== null) continue;
    const free = toks.filter((t) => t.start >= d.start && t.end <= d.end).every((t) => !t.used);
    if (d.number.includes('/') && (plan.unknown !== null || (free && plan.planId === null))) {
      document = d.number;
      plan.unknown = null;
      claim(d);
    }
  }
  // "quyết định 1037 là sản phẩm của nhiệm vụ nào": the words around a document name what it is to a task, not a subject
  if (document !== null) {
    for (let i = 0; i < toks.length; i++) {
      for (const w of DOCUMENT_ROLE_WORDS) if (matchesAt(toks, i, w)) markUsed(toks, i, i + w.length);
    }
  }
  const leader = ctx.vocabulary ? extractLeader(toks, ctx.vocabulary.leaders) : null;
  const unitMatches = matchUnits(text, toks, index, 'strong');
  const role = extractRole(toks);
  const section = ctx.vocabulary ? extractSection(toks, ctx.vocabulary.sections) : null;
  const taskRef = extractTaskRef(toks);
  const minDaysOverdue = extractMinDaysOverdue(toks, text);
  const window = extractWindow(toks, ctx.today);
  const rank = extractRank(toks);
  const mine = extractMine(toks);
  const hits = scanSignals(toks);
  readLooseWords(toks, hits);
  readDeadlineWords(toks, hits, window !== null);
  // "tình hình quá hạn ở …": the state names what is asked, the overdue tasks, not an overview
  for (const h of hits) if (h.signal.k === 'weakProgress' && hits.some((o) => o.signal.k === 'status' && o.start === h.end)) h.signal = { k: 'noise' };
  const plural = extractPluralKinds(toks);
  const vocabulary = ctx.vocabulary;
  unitMatches.push(...matchUnits(text, toks, index, 'weak', vocabulary ? (words) => knownPhrase(vocabulary, words) : undefined));
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

  let indicatorByName = false;
  for (const h of hits) {
    const next = toks[h.end];
    if (h.signal.k === 'ratio' && next && isSignificant(next) && !/^\d/.test(next.norm)) indicatorByName = true;
  }

  // "nhiệm vụ thường xuyên": the tasks whose deadline is "Thường xuyên", not the word searched in their titles
  let continuous = false;
  for (let i = 0; i < toks.length; i++) {
    if (matchesAt(toks, i, ['thuong', 'xuyen'])) {
      markUsed(toks, i, i + 2);
      continuous = true;
    }
  }
  // A command's argument names a unit: anything unread in it is an unknown unit, not a topic.
  const runs = leftoverRuns(toks);
  if (cmd?.unitArgument && unknownUnit === null && runs.length > 0) {
    const first = runs[0]!;
    const last = runs[runs.length - 1]!;
    unknownUnit = text.slice(toks[first.start]!.start, toks[last.end - 1]!.end).trim();
    markUsed(toks, first.start, last.end);
  }
  const { topic, ignored } = splitTopic(text, toks, leftoverRuns(toks), ctx);
  // "tiến độ cat hhaii": a question about one unit whose name was not read names an unknown unit, not the whole city
  const namesOneUnit = hits.some((h) => h.signal.k === 'progress' || h.signal.k === 'difficulty' || h.signal.k === 'proposal');
  if (namesOneUnit && taskRef === null && unknownUnit === null && unitMatches.length === 0 && bare.resolved.length === 0 && !bare.ambiguous && ignored.length > 0 && topic === null) {
    unknownUnit = ignored.pop()!;
  }

  const statuses: StatusFilter[] = [];
  for (const h of hits) if (h.signal.k === 'status') addStatus(statuses, h.signal.s);
  if (has(hits, 'rateStale')) addStatus(statuses, 'STALE');

  const items = new Set(hits.flatMap((h) => (h.signal.k === 'item' ? [h.signal.kind] : [])));
  let itemKind: Interpretation['itemKind'] = items.size === 1 ? [...items][0]! : null;
  // a document is searched among tasks and indicators alike ("công văn 1644 của nhiệm vụ nào" is an indicator's output)
  if (document !== null && !indicatorByName) itemKind = null;
  // "những việc hạn quý I đã xong chưa": the done ones of that set (the answer's total says how many there are)
  const asksDone = hits.some((h) => h.signal.k === 'yesno' && /xong|hoan thanh/.test(phraseOf(toks, h)));
  if (asksDone && statuses.length === 0 && taskRef === null && itemKind !== 'INDICATOR' && !indicatorByName) addStatus(statuses, 'DONE');
  if (items.size === 0 && indicatorByName) itemKind = 'INDICATOR';
  // "việc" is work to do: the tasks, not the indicators ("có vc j chậm ko"); "việc của tôi" is all a person answers for
  else if (items.size === 0 && mine === null && has(hits, 'genericItem')) itemKind = 'TASK';

  return {
    toks,
    hits,
    plan,
    unitIds,
    ambiguousUnit,
    unknownUnit,
    unitKinds: UNIT_KINDS.filter((k) => plural.kinds.includes(k) || bare.kinds.includes(k)),
    everyUnit: plural.everyUnit,
    mine,
    window,
    taskRef,
    section,
    rank,
    statuses,
    itemKind,
    indicatorByName,
    topic,
    ignored,
    topicKnown: topic !== null && ctx.vocabulary !== undefined,
    minDaysOverdue,
    role: role ?? (leader ? 'DIRECT' : null),
    leader,
    document,
    continuous,
  };
}

/**
 * The leftover runs the tasks speak of (as neighbouring words of their
 * titles, outputs or headings) make the topic; the others are ignored and
 * listed. Without a vocabulary every run is a topic.
 */
function splitTopic(text: string, toks: Token[], runs: Array<{ start: number; end: number }>, ctx: QuestionContext): { topic: string | null; ignored: string[] } {
  const kept: string[] = [];
  const ignored: string[] = [];
  for (const r of runs) {
    const raw = text.slice(toks[r.start]!.start, toks[r.end - 1]!.end).trim();
    const words = toks.slice(r.start, r.end).map((t) => t.norm);
    // "đấy", "đây", "ấy", "thế" typed with their marks are particles ("quá hạn gì đấy"), never a subject
    if (toks.slice(r.start, r.end).every((t) => PARTICLES.has(t.raw.toLowerCase()))) {
      ignored.push(raw);
      continue;
    }
    if (!ctx.vocabulary) {
      kept.push(raw);
      continue;
    }
    // "về blockchain", "liên quan đến …": named as a subject, so a subject even when no task speaks of it (the answer then says there is none)
    const before = toks.slice(Math.max(0, r.start - 2), r.start).map((t) => t.norm).join(' ');
    if (knownPhrase(ctx.vocabulary, words) || /(^| )ve$|lien quan$|quan (den|toi)$/.test(before)) {
      kept.push(headOf(text, toks.slice(r.start, r.end), ctx.vocabulary) ?? raw);
      continue;
    }
    // the longest stretch of content words the tasks use ("nhiệm vụ về học bạ số nhé" → "học bạ số")
    const content = toks.slice(r.start, r.end).filter((t) => !STOP_WORDS.has(t.norm));
    const inner = content.map((t) => t.norm);
    if (content.length > 0 && content.length < words.length && knownPhrase(ctx.vocabulary, inner)) {
      kept.push(text.slice(content[0]!.start, content[content.length - 1]!.end).trim());
      continue;
    }
    ignored.push(raw);
  }
  return { topic: kept.length ? kept.join(', ') : null, ignored };
}

function isScoped(r: Reading): boolean {
  return (
    r.unitIds.length > 0 ||
    r.ambiguousUnit !== null ||
    r.unknownUnit !== null ||
    r.unitKinds.length > 0 ||
    r.mine !== null ||
    r.plan.planId !== null ||
    r.section !== null
  );
}

/**
 * What is asked, in a fixed order of precedence. A question with nothing
 * meaningful (no filter, no subject, no strong cue) is UNKNOWN — or HELP for
 * a greeting — however many time words it has.
 */
function decideIntent(r: Reading): { intent: Intent; byDefault: boolean } {
  const { hits, statuses } = r;
  const itemSubject = r.itemKind !== null || hits.some((h) => h.signal.k === 'item' || h.signal.k === 'genericItem');
  const unitSubject = has(hits, 'unitSubject') || r.unitKinds.length > 0 || r.everyUnit;
  const deadlineWindow = r.window !== null && (has(hits, 'deadline') || has(hits, 'expected'));
  const meaningful =
    isScoped(r) ||
    r.leader !== null ||
    r.document !== null ||
    r.continuous ||
    r.topicKnown ||
    statuses.length > 0 ||
    r.taskRef !== null ||
    r.itemKind !== null ||
    r.rank !== null ||
    deadlineWindow ||
    hits.some((h) => STRONG_CUES.has(h.signal.k));
  const asksRate = has(hits, 'rate') || has(hits, 'rateStale') || (has(hits, 'ratio') && !r.indicatorByName);
  const is = (intent: Intent) => ({ intent, byDefault: false });

  if (!meaningful) return is(has(hits, 'help') || has(hits, 'greet') ? 'HELP' : 'UNKNOWN');
  if (has(hits, 'report')) return is('REPORT');
  if (r.role === 'DIRECT' && r.taskRef !== null) return is('TASK_DETAIL');
  if (r.rank && (!itemSubject || unitSubject)) return is('RANK_UNITS');
  // "bao nhiêu đơn vị đã xong nhiệm vụ 1", "nhiệm vụ 14 giao cho bao nhiêu đơn vị": a count of that task's units
  if (r.taskRef !== null && has(hits, 'count') && (unitSubject || asksWhichUnits(r.toks))) return is('COUNT');
  if (r.taskRef !== null && !has(hits, 'difficulty') && !has(hits, 'proposal')) return is('TASK_DETAIL');
  if (asksRate) return is('RATE');
  // "tỷ lệ phủ sóng 5G ở Cát Hải đạt bao nhiêu", "chỉ tiêu 5G đạt chưa": the indicators' values against their targets
  const aboutIndicators = r.itemKind === 'INDICATOR' || r.indicatorByName;
  if ((has(hits, 'value') && (aboutIndicators || r.topic !== null)) || (aboutIndicators && has(hits, 'yesno') && r.topic !== null) || (r.indicatorByName && !countsThings(hits) && statuses.length === 0)) return is('VALUE');
  if (statuses.includes('STALE') && (!itemSubject || unitSubject)) return is('STALE_UNITS');
  if (has(hits, 'count')) return is('COUNT');
  if (has(hits, 'difficulty')) return is('DIFFICULTIES');
  if (has(hits, 'proposal')) return is('PROPOSALS');
  if (has(hits, 'progress') || has(hits, 'weakProgress')) return is('PROGRESS');
  if (statuses.includes('HAS_DIFFICULTIES') && !itemSubject) return is('DIFFICULTIES');
  if (
    statuses.length > 0 ||
    (r.role !== null && r.leader !== null) ||
    r.itemKind !== null ||
    has(hits, 'yesno') ||
    has(hits, 'value') ||
    r.mine === 'ME' ||
    r.rank !== null ||
    deadlineWindow
  ) {
    return is('LIST');
  }
  // "Sở Tài chính phối hợp những việc gì", "việc anh Cường theo dõi": the tasks in that part
  if (r.role !== null && (r.unitIds.length > 0 || r.leader !== null || r.mine !== null)) return is('LIST');
  // a document number, or a subject the tasks speak of, alone: the tasks about it
  if (r.document !== null || r.section !== null || r.continuous || (r.topicKnown && !has(hits, 'count'))) return is('LIST');
  // Only a unit, a plan or "đơn vị tôi": its overview, said so in `understood`.
  // words it could not place mean it was asked something else: not understood rather than an overview nobody asked for
  if (isScoped(r) && r.topic === null && r.ignored.length === 0) return { intent: 'PROGRESS', byDefault: true };
  return is('UNKNOWN');
}

function interpret(text: string, ctx: QuestionContext, cmd: CommandReading | null): Interpretation {
  if (!cmd) {
    const request = readRequest(tokenize(text));
    if (request) return { ...empty('REQUEST'), request, understood: [REQUEST_LABEL[request]] };
  }
  const r = read(text, ctx, cmd);
  const { hits, statuses } = r;
  if (r.minDaysOverdue !== null) addStatus(statuses, 'OVERDUE');
  const decided = cmd ? { intent: cmd.intent, byDefault: false } : decideIntent(r);
  const asked = decided.intent;
  let intent = asked;

  // A plan reference that fits several plans, or none, is never guessed.
  const notes: string[] = [];
  if (r.plan.candidates.length > 1) {
    intent = 'UNKNOWN';
    notes.push(`kế hoạch chưa rõ, có thể là: ${r.plan.candidates.map((p) => p.code).join(', ')}`);
  } else if (r.plan.unknown) {
    intent = 'UNKNOWN';
    notes.push(`không tìm thấy kế hoạch «${r.plan.unknown}»`);
  }

  // ---- rules that depend on the intent
  let rank: Rank | null = null;
  if (r.rank && intent !== 'UNKNOWN') {
    const measure = {
      stale: statuses.includes('STALE') || /\b(cap nhat|cap nhap|bao cao)\b/.test(r.toks.map((t) => t.norm).join(' ')),
      overdue: statuses.includes('OVERDUE'),
      done: statuses.includes('DONE') || has(hits, 'ratio'),
    };
    const decidedRank = decideRank(r.rank, measure);
    if (intent === 'RANK_UNITS') {
      // the measure is in `rank.by`; a status filter on top would rank the wrong set
      rank = decidedRank;
      statuses.length = 0;
    } else if (decidedRank.order === 'WORST' && decidedRank.by !== 'DONE_RATE') {
      // "nhiệm vụ nào chậm nhất": tasks (listed worst first anyway), filtered by the adjective
      addStatus(statuses, decidedRank.by === 'STALE' ? 'STALE' : 'OVERDUE');
    }
  }
  // "nhiệm vụ 22 quá hạn chưa" asks about one task: its state is shown, not used to filter it away
  if (intent === 'TASK_DETAIL') statuses.length = 0;
  if (intent === 'DIFFICULTIES') removeStatus(statuses, 'HAS_DIFFICULTIES');
  else if (has(hits, 'difficulty') && !['PROPOSALS', 'UNKNOWN', 'HELP'].includes(intent)) addStatus(statuses, 'HAS_DIFFICULTIES');

  const answerable = intent !== 'UNKNOWN' && intent !== 'HELP';
  const defaulted = { window: false, rate: false, mine: false, progress: decided.byDefault && answerable };
  if (intent === 'RATE' && statuses.length === 0) {
    statuses.push('DONE');
    defaulted.rate = true;
  }
  if (intent === 'STALE_UNITS') addStatus(statuses, 'STALE');
  let window = r.window;
  if (window === null && answerable) {
    if (statuses.includes('DUE_SOON') && intent !== 'RANK_UNITS') window = nextWindow(ctx.today, DUE_SOON_DEFAULT_DAYS, 'ngay');
    else if (intent === 'STALE_UNITS') window = thisMonth(ctx.today);
    else if (intent === 'REPORT') window = thisQuarter(ctx.today);
    defaulted.window = window !== null;
  }
  // A unit leader or officer asking "tiến độ" with no subject means their own unit; city leaders mean the city.
  let mine = r.mine;
  if (
    (intent === 'PROGRESS' || intent === 'DIFFICULTIES' || intent === 'PROPOSALS') &&
    !isScoped(r) &&
    r.taskRef === null &&
    r.topic === null &&
    ctx.me.unitId !== null &&
    !ctx.me.roles.some((role) => CITY_WIDE_ROLES.has(role))
  ) {
    mine = 'MY_UNIT';
    defaulted.mine = true;
  }

  const result: Interpretation = {
    intent,
    statuses,
    unitIds: r.unitIds,
    ambiguousUnit: r.ambiguousUnit,
    unknownUnit: r.unknownUnit,
    unitKinds: r.unitKinds,
    mine,
    window,
    planId: r.plan.planId,
    itemKind: r.itemKind,
    taskRef: r.taskRef,
    section: r.section,
    topic: answerable ? r.topic : null,
    rank,
    ignored: r.ignored,
    document: r.document,
    continuous: r.continuous,
    windowOn: window === null ? null : windowOn(intent, statuses, hits),
    role: readRole(r, mine, ctx),
    person: r.leader?.name ?? null,
    countUnits: has(hits, 'unitSubject') || r.everyUnit || asksWhichUnits(r.toks),
    minDaysOverdue: r.minDaysOverdue,
    request: null,
    understood: [],
    command: cmd?.command ?? null,
  };
  result.understood = explain(result, asked, defaulted, ctx, notes);
  return result;
}

const PARTICLES = new Set(['đấy', 'đây', 'ấy', 'thế', 'nhé', 'nhỉ', 'ạ', 'đó', 'vậy', 'hả', 'hử', 'chứ']);

const DOCUMENT_ROLE_WORDS = [['san', 'pham'], ['ket', 'qua'], ['dau', 'ra']];

/** "bao nhiêu nhiệm vụ/chỉ tiêu/đơn vị" counts things; "tỷ lệ phủ sóng 5G … bao nhiêu" asks a value. */
function countsThings(hits: SignalHit[]): boolean {
  const things = new Set<Signal['k']>(['item', 'genericItem', 'unitSubject']);
  return hits.some((h) => h.signal.k === 'count' && hits.some((o) => things.has(o.signal.k) && o.start >= h.end && o.start <= h.end + 1));
}

/**
 * The subject of "đăng ký bài toán lớn", "cấp chứng thư số", "tích hợp LGSP":
 * where the tasks never write two neighbouring words together, the phrase is
 * a verb and its object, and the object (the last stretch the tasks do write
 * together) is what tasks are searched for. Null when the phrase is one stretch.
 */
const LEADING_VERBS = new Set(['dang ky', 'cap', 'tich hop', 'trien khai', 'ung dung', 'su dung', 'ket noi', 'dao tao', 'ho tro', 'lap', 'mua', 'thue', 'nang cap', 'cai dat', 'van hanh']);

function headOf(text: string, run: Token[], v: NonNullable<QuestionContext['vocabulary']>): string | null {
  let from = 0;
  for (let i = 1; i < run.length; i++) if (!v.pairs.has(`${run[i - 1]!.norm} ${run[i]!.norm}`)) from = i;
  const verb = run.slice(0, from).map((t) => t.norm).join(' ');
  if (from === 0 || !LEADING_VERBS.has(verb) || !knownPhrase(v, run.slice(from).map((t) => t.norm))) return null;
  return text.slice(run[from]!.start, run[run.length - 1]!.end).trim();
}

const phraseOf = (toks: Token[], h: SignalHit) => toks.slice(h.start, h.end).map((t) => t.norm).join(' ');

/** A deadline arriving ("tới hạn", "đến hạn", "hết hạn") within a window the question names. */
const ARRIVAL = new Set(['toi han', 'den han', 'het han', 'dao han']);

/**
 * Deadline words that look like states: "tới hạn / hết hạn trong tháng 3" is
 * the deadline window (every state), not "sắp đến hạn" or "quá hạn"; a bare
 * "hoàn thành trước tháng 10/2025" is the deadline text of the plans, not
 * "đã hoàn thành" (which keeps its meaning).
 */
function readDeadlineWords(toks: Token[], hits: SignalHit[], windowNamed: boolean): void {
  if (!windowNamed) return;
  for (const h of hits) {
    if (h.signal.k !== 'status') continue;
    const phrase = phraseOf(toks, h);
    const next = toks[h.end];
    const before = toks[h.start - 1]?.norm;
    if (ARRIVAL.has(phrase) || ((phrase === 'hoan thanh' || phrase === 'xong') && next?.used && next.norm === 'truoc' && before !== 'da' && before !== 'duoc')) {
      h.signal = { k: 'deadline' };
    }
  }
}

function windowOn(intent: Intent, statuses: StatusFilter[], hits: SignalHit[]): Interpretation['windowOn'] {
  if (intent === 'REPORT') return 'PERIOD';
  if (intent === 'STALE_UNITS' || intent === 'DIFFICULTIES' || intent === 'PROPOSALS') return 'REPORTED';
  if (has(hits, 'expected')) return 'EXPECTED';
  if (statuses.includes('DONE') && !has(hits, 'deadline')) return 'DONE';
  return 'DEADLINE';
}

/** Two units leading one task ("A và B chủ trì", "A cùng B chủ trì") lead it together; a coordinating or directing part needs someone to play it. */
function readRole(r: Reading, mine: Interpretation['mine'], ctx: QuestionContext): Role | null {
  if (r.role === null) return null;
  if ((r.role === 'LEAD' || r.role === 'CO_LEAD') && r.unitIds.length >= 2) return 'CO_LEAD';
  if (r.role === 'DIRECT' && r.leader === null && r.taskRef === null) return null;
  if ((r.role === 'COORDINATE' || r.role === 'LEAD') && r.unitIds.length === 0 && !(mine === 'MY_UNIT' && ctx.me.unitId !== null)) return null;
  return r.role;
}

/** "xã nào…", "đơn vị nào…", "mỗi phường…", "bao nhiêu sở…": the question is about units, so counts are of units' shares. */
function asksWhichUnits(toks: Token[]): boolean {
  const words = ` ${toks.map((t) => t.norm).join(' ')} `;
  return /\b(don vi|xa|phuong|dac khu|so|co quan|dia phuong|nganh|ban) nao\b|\b(moi|tung|bao nhieu|may) (don vi|xa|phuong|dac khu|so|co quan|dia phuong|truong)\b/.test(words);
}

function addStatus(list: StatusFilter[], s: StatusFilter): void {
  if (!list.includes(s)) list.push(s);
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
  // "đạt bao nhiêu chỉ tiêu" counts the indicators met; "chỉ tiêu 5G đạt bao nhiêu" asks a value
  for (const h of hits) {
    if (h.signal.k !== 'value' || !/^dat /.test(`${toks[h.start]!.norm} `)) continue;
    if (hits.some((n) => n.start === h.end && n.signal.k === 'item')) {
      h.signal = { k: 'count' };
      hits.push({ signal: { k: 'status', s: 'MET' }, start: h.start, end: h.start + 1 });
    }
  }
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

