import type { Day } from '../shared/day.ts';
import type { UnitKind, UnitRef } from '../units/types.ts';
import type { Role } from '../people/types.ts';
import type { Vocabulary } from './vocabulary.ts';

/** What the person wants done with the items their question selects. */
export type Intent =
  | 'LIST'
  | 'COUNT'
  | 'RATE'
  | 'RANK_UNITS'
  | 'PROGRESS'
  | 'DIFFICULTIES'
  | 'PROPOSALS'
  | 'STALE_UNITS'
  | 'TASK_DETAIL'
  | 'VALUE'
  | 'REPORT'
  | 'HELP'
  | 'REQUEST'
  | 'UNKNOWN';

/** Derived states a question can filter on (see DOMAIN.md "Derived status"). */
export type StatusFilter =
  | 'OVERDUE'
  | 'DUE_SOON'
  | 'DONE'
  | 'IN_PROGRESS'
  | 'ON_TRACK'
  | 'NOT_STARTED'
  | 'OPEN'
  | 'STALE'
  | 'HAS_DIFFICULTIES'
  | 'MET'
  | 'NOT_MET';

/** A plan as questions see it; `code` like '12-KH/TU', '238/KH-UBND', 'CTr-2026'. */
export interface PlanRef {
  id: number;
  code: string;
  title: string;
  year: number | null;
  aliases: string[];
}

export interface QuestionContext {
  today: Day;
  units: UnitRef[];
  plans: PlanRef[];
  me: { unitId: number | null; roles: Role[] };
  /** The words the tasks are written in: a leftover phrase becomes a topic only when they use it. Absent: every leftover is a topic. */
  vocabulary?: Vocabulary;
}

/** An inclusive range of days with the Vietnamese words to show it. */
export interface TimeWindow {
  from: Day;
  to: Day;
  label: string;
}

export type RankBy = 'OVERDUE' | 'STALE' | 'DONE_RATE';

export interface Rank {
  by: RankBy;
  order: 'WORST' | 'BEST';
  limit: number;
}

export interface Interpretation {
  intent: Intent;
  statuses: StatusFilter[];
  /** Resolved units, in the order they were named. */
  unitIds: number[];
  /** Two or more units fit one phrase equally: the bot must ask which. */
  ambiguousUnit: { text: string; candidateIds: number[] } | null;
  /** A phrase that looks like a unit name but matches none (as typed). */
  unknownUnit: string | null;
  /** Unit kinds the question selects by ("xã nào", "các phường"). */
  unitKinds: UnitKind[];
  mine: 'ME' | 'MY_UNIT' | null;
  /** Deadline window (LIST, DUE_SOON…), update window (STALE_UNITS) or report period (REPORT). */
  window: TimeWindow | null;
  planId: number | null;
  itemKind: 'TASK' | 'INDICATOR' | null;
  /** Task or indicator number inside its plan: "22", "II.6", "A.I.1.3". */
  taskRef: string | null;
  /** A section of the appendices ("mục II phần A" → "A.II", "mục III", "phần B"): its tasks, with the groups under it. */
  section: string | null;
  /** Free words that narrow by subject: "5G", "kinh phí", "xây dựng kế hoạch 2026" (as typed). */
  topic: string | null;
  rank: Rank | null;
  /** Words of the question that were not used, as typed: shown as "(bỏ qua: …)". */
  ignored: string[];
  /** A document number asked about ("quyết định 1037", "52/KH-UBND"): tasks whose output or reports cite it. */
  document: string | null;
  /** "nhiệm vụ thường xuyên": the continuous tasks (no deadline, reported monthly). */
  continuous: boolean;
  /** The part the named units or person play: chủ trì, phối hợp, cùng chủ trì, chỉ đạo. */
  role: 'LEAD' | 'COORDINATE' | 'CO_LEAD' | 'DIRECT' | null;
  /** The directing leader asked about, as the plans name them ("Hoàng Minh Cường"). */
  person: string | null;
  /** The question is about units ("bao nhiêu đơn vị…", "mỗi xã…"): counts are of units' shares, not of tasks. */
  countUnits: boolean;
  /** "chậm hơn 90 ngày": only tasks overdue by more than this many days ("từ 90 ngày": more than 89). */
  minDaysOverdue: number | null;
  /** What the window dates: the deadline (most questions), the expected completion ("dự kiến hoàn thành năm 2027"), completion ("hoàn thành quý IV"), reports (staleness), a report period. */
  windowOn: 'DEADLINE' | 'EXPECTED' | 'DONE' | 'REPORTED' | 'PERIOD' | null;
  /** A request to change data ("xóa nhiệm vụ 3", "cập nhật … thành hoàn thành"), which questions never do. */
  request: 'UPDATE' | 'DELETE' | 'ASSIGN' | 'NOTIFY' | null;
  /** Short Vietnamese phrases of what was read, to explain the answer or the failure. */
  understood: string[];
  /** The command it came as ('/quahan'…), or null for free text. */
  command: string | null;
}
