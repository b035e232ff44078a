import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const SEED_DIR = fileURLToPath(new URL('../../prisma/seed/', import.meta.url));
export const CAT_HAI_XLSX = `${SEED_DIR}dac-khu-cat-hai-phu-luc-1.xlsx`;
export const PROGRAMME_XLSX = `${SEED_DIR}chuong-trinh-cong-tac-2026-phu-luc.xlsx`;

export interface CatHaiRow {
  no: string;
  title: string;
  deadlineText: string;
  outputs: string | null;
  done: boolean;
  progressText: string | null;
  percent: number | null;
  expectedCompletionText: string | null;
  blockers: string | null;
  proposals: string | null;
}
export interface CatHaiJson {
  unit: string;
  sections: { code: string; plan: string; title: string; kind: 'TASK' | 'INDICATOR'; groups: { code: string | null; title: string | null; rows: CatHaiRow[] }[] }[];
}
export interface ProgrammeRow {
  no: string;
  title: string;
  directingLeader: string;
  leadUnit: string;
  coordinatingUnits: string;
  output: string;
  deadlineText: string;
}
export interface ProgrammeJson {
  plan: string;
  sections: { code: string; title: string; rows: ProgrammeRow[] }[];
}

export const catHaiJson = (): CatHaiJson => JSON.parse(readFileSync(`${SEED_DIR}dac-khu-cat-hai-phu-luc-1.json`, 'utf8'));
export const programmeJson = (): ProgrammeJson => JSON.parse(readFileSync(`${SEED_DIR}chuong-trinh-cong-tac-2026-phu-luc.json`, 'utf8'));
