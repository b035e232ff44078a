/**
 * One file, several sheets: each sheet is recognised by its header as an
 * appendix (assignment or progress layout), a units registry or a people
 * registry, and parsed. Problems from every sheet are gathered so that the
 * person fixing the file sees all of them at once.
 */
import { parseAppendixSheet, type ParseOptions, type ParsedSheet } from './appendix.ts';
import type { Grid, ImportProblem } from './grid.ts';
import { isPeopleRegistry, isUnitsRegistry, parsePeopleSheet, parseUnitsSheet, type ParsedPerson, type ParsedUnit } from './registry.ts';

export interface ParsedFile {
  appendices: ParsedSheet[];
  units: ParsedUnit[];
  unitsSheet?: string;
  people: ParsedPerson[];
  peopleSheet?: string;
  problems: ImportProblem[];
}

export function parseFile(grids: Grid[], options: ParseOptions = {}): ParsedFile {
  const out: ParsedFile = { appendices: [], units: [], people: [], problems: [] };
  const nonEmpty = grids.filter((g) => g.rows.some((r) => r.some(Boolean)));
  if (!nonEmpty.length) {
    out.problems.push({ sheet: grids[0]?.sheet ?? '', row: null, column: null, code: 'empty-file' });
    return out;
  }
  for (const grid of nonEmpty) {
    if (isUnitsRegistry(grid)) {
      const r = parseUnitsSheet(grid);
      out.units.push(...r.units);
      out.unitsSheet = grid.sheet;
      out.problems.push(...r.problems);
    } else if (isPeopleRegistry(grid)) {
      const r = parsePeopleSheet(grid);
      out.people.push(...r.people);
      out.peopleSheet = grid.sheet;
      out.problems.push(...r.problems);
    } else {
      const r = parseAppendixSheet(grid, options);
      if (r.sheet) out.appendices.push(r.sheet);
      out.problems.push(...r.problems);
    }
  }
  return out;
}
