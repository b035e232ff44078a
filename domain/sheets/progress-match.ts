/**
 * A unit's progress appendix sent back by one of its officers or leaders:
 * each row is matched to one of that unit's tasks or indicators (by number
 * within the plan, then by title), compared with what is known, and turned
 * into a preview of what would change. Rows of another unit are listed and
 * ignored; rows that match nothing are listed; rows that say what is
 * already known add nothing. Pure: the caller loads the unit's items.
 */
import { isEmptyProgress, type ParsedItem, type ParsedSheet } from '../imports/appendix.ts';
import { sameProgress } from '../exports/progress-appendix.ts';
import { PROGRESS_FIELDS, type ProgressFields } from '../progress/fields.ts';
import { fold } from '../shared/text.ts';
import { lookupUnit } from '../units/lookup.ts';
import type { UnitRef } from '../units/types.ts';

/** One of the sender's unit's assignments, with what it shows now. */
export interface UnitItem {
  assignmentId: number;
  taskId: number;
  planCode: string;
  number: string;
  label: string;
  title: string;
  kind: 'TASK' | 'INDICATOR';
  progress: ProgressFields | null;
}

export interface RowChange {
  sheet: string;
  row: number;
  item: UnitItem;
  before: ProgressFields | null;
  after: ProgressFields;
  fields: (keyof ProgressFields)[];
}

export interface ProgressPreview {
  changes: RowChange[];
  unchanged: number;
  unmatched: { sheet: string; row: number; label: string; title: string }[];
  /** Rows (or whole sheets, row null) about another unit: ignored. */
  otherUnits: { sheet: string; row: number | null; unitName: string; rows: number }[];
}

/** The unit a title or column names, when it is recognisably one unit other than `ownId`. */
function otherUnit(text: string | null, ownId: number, units: UnitRef[]): UnitRef | null {
  if (!text) return null;
  const found = lookupUnit(text, units);
  return found.kind === 'one' && found.unit.id !== ownId ? found.unit : null;
}

function findItem(row: ParsedItem, items: UnitItem[]): UnitItem | null {
  const numbers = new Set([row.number, row.number.replace(/^[A-Z]\./, ''), row.label.replace(/\.$/, '')]);
  const byNumber = items.filter((i) => numbers.has(i.number) || numbers.has(i.number.replace(/^[A-Z]\./, '')));
  const samePlan = byNumber.filter((i) => i.planCode === row.plan.code);
  const pool = samePlan.length ? samePlan : byNumber;
  const title = fold(row.title);
  if (pool.length === 1 && (samePlan.length || fold(pool[0]!.title) === title)) return pool[0]!;
  const byTitle = (pool.length > 1 ? pool : items).filter((i) => fold(i.title) === title);
  return byTitle.length === 1 ? byTitle[0]! : null;
}

export function matchProgress(sheets: ParsedSheet[], own: { unitId: number }, items: UnitItem[], units: UnitRef[]): ProgressPreview {
  const out: ProgressPreview = { changes: [], unchanged: 0, unmatched: [], otherUnits: [] };
  const seen = new Set<number>();
  for (const sheet of sheets.filter((s) => s.layout === 'progress')) {
    const sheetUnit = otherUnit(sheet.titleUnitText, own.unitId, units);
    if (sheetUnit && !sheet.items.some((i) => i.reportingUnitText)) {
      out.otherUnits.push({ sheet: sheet.sheet, row: null, unitName: sheetUnit.name, rows: sheet.items.length });
      continue;
    }
    for (const row of sheet.items) {
      const rowUnit = row.reportingUnitText ? otherUnit(row.reportingUnitText, own.unitId, units) : sheetUnit;
      if (rowUnit) {
        out.otherUnits.push({ sheet: sheet.sheet, row: row.row, unitName: rowUnit.name, rows: 1 });
        continue;
      }
      const item = findItem(row, items);
      if (!item || seen.has(item.assignmentId)) {
        out.unmatched.push({ sheet: sheet.sheet, row: row.row, label: row.label, title: row.title });
        continue;
      }
      seen.add(item.assignmentId);
      const after = row.progress!;
      // A blank row is no news; a row that says what is known adds nothing.
      if (isEmptyProgress(after) || (item.progress && sameProgress(item.progress, after, item.kind))) {
        out.unchanged++;
        continue;
      }
      const before = item.progress;
      const fields = PROGRESS_FIELDS.filter((f) => (before?.[f] ?? null) !== (after[f] ?? null));
      out.changes.push({ sheet: sheet.sheet, row: row.row, item, before, after, fields });
    }
  }
  return out;
}
