/** The progress appendix of one unit or of every unit, as of a day, as an .xlsx file. */
import { appendixRows } from '../../domain/exports/progress-appendix.ts';
import type { Day } from '../../domain/shared/day.ts';
import type { Db } from '../../prisma/database.ts';
import { exportItems, unitsWithAssignments } from '../../prisma/stores/export-store.ts';
import { writeAppendixWorkbook } from '../files/appendix-xlsx.ts';

export async function exportProgressAppendix(prisma: Db, options: { unitIds: number[] | null; asOf: Day }): Promise<{ data: Buffer; units: string[] }> {
  const units = await unitsWithAssignments(prisma, options.unitIds);
  const sheets = [];
  for (const unit of units) {
    const items = await exportItems(prisma, unit.id, options.asOf);
    sheets.push({ unitName: unit.name, asOf: options.asOf, rows: appendixRows(items) });
  }
  return { data: await writeAppendixWorkbook(sheets), units: units.map((u) => u.name) };
}
