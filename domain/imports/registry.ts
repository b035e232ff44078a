/**
 * The units and people registries, as sheets the standing office keeps:
 * units (Tên đơn vị, Loại, Trực thuộc, Tên gọi khác) and people (Họ và tên,
 * Chức vụ, Đơn vị, Vai trò, Điện thoại, Email, Telegram, Zalo, Đầu mối).
 */
import type { Role } from '../people/types.ts';
import { fold } from '../shared/text.ts';
import { inferUnitKind } from '../units/names.ts';
import type { UnitKind } from '../units/types.ts';
import { describeColumn, findHeader, type ColumnKey } from './columns.ts';
import { cell, type Grid, type ImportProblem } from './grid.ts';

export interface ParsedUnit {
  row: number;
  name: string;
  kind: UnitKind;
  parentName: string | null;
  aliases: string[];
}

export interface ParsedPerson {
  row: number;
  fullName: string;
  title: string | null;
  unitName: string | null;
  roles: Role[];
  phone: string | null;
  email: string | null;
  usernames: string[];
  isFocal: boolean;
}

const KIND_WORDS: [RegExp, UnitKind][] = [
  [/^(thanh pho|cap thanh pho|city)$/, 'CITY'],
  [/dang|thanh uy|party/, 'PARTY_BODY'],
  [/^so|department|ban nganh/, 'DEPARTMENT'],
  [/co quan|agency|to chuc/, 'AGENCY'],
  [/^xa$|commune/, 'COMMUNE'],
  [/^phuong$|ward/, 'WARD'],
  [/dac khu|special/, 'SPECIAL_ZONE'],
  [/dai hoc|truong|university/, 'UNIVERSITY'],
  [/khac|other/, 'OTHER'],
];

const ROLE_WORDS: [RegExp, Role][] = [
  [/lanh dao thanh pho|ban chi dao|thuong truc|city leader/, 'CITY_LEADER'],
  [/lanh dao don vi|lanh dao|truong|pho|unit leader/, 'UNIT_LEADER'],
  [/to cong nghe so|cong nghe so cong dong|community/, 'COMMUNITY_TEAM'],
  [/quan tri|admin|van phong thuong truc|tong hop/, 'ADMIN'],
  [/nguoi dan|resident/, 'RESIDENT'],
  [/can bo|dau moi|chuyen vien|officer/, 'OFFICER'],
];

/** Vietnamese mobile numbers to +84…; null when it is not one. */
export function normalisePhone(raw: string): string | null {
  const digits = raw.replace(/[\s.\-()]/g, '');
  const m = /^(?:\+?84|0)(\d{9})$/.exec(digits);
  return m ? `+84${m[1]}` : null;
}

function splitList(text: string): string[] {
  return text
    .split(/[;,\n]/)
    .map((s) => s.trim())
    .filter(Boolean);
}

export function isUnitsRegistry(grid: Grid): boolean {
  const h = findHeader(grid, 2);
  return Boolean(h && h.columns.unitName !== undefined && h.columns.fullName === undefined && h.columns.title === undefined);
}

export function isPeopleRegistry(grid: Grid): boolean {
  const h = findHeader(grid, 2);
  return Boolean(h && h.columns.fullName !== undefined);
}

export function parseUnitsSheet(grid: Grid): { units: ParsedUnit[]; problems: ImportProblem[] } {
  const header = findHeader(grid, 2)!;
  const col = header.columns;
  const get = (row: number, key: ColumnKey) => (col[key] !== undefined ? cell(grid, row, col[key]!).trim() : '');
  const units: ParsedUnit[] = [];
  const problems: ImportProblem[] = [];
  const seen = new Map<string, number>();
  for (let row = header.firstDataRow; row <= grid.rows.length; row++) {
    const name = get(row, 'unitName');
    if (!(grid.rows[row - 1] ?? []).some(Boolean)) continue;
    if (!name) {
      problems.push({ sheet: grid.sheet, row, column: describeColumn(header, col.unitName!), code: 'missing-name' });
      continue;
    }
    const kindText = get(row, 'unitKind');
    let kind: UnitKind = inferUnitKind(name);
    if (kindText) {
      const f = fold(kindText);
      const found = KIND_WORDS.find(([re]) => re.test(f));
      if (!found) {
        problems.push({ sheet: grid.sheet, row, column: describeColumn(header, col.unitKind!), code: 'bad-unit-kind', args: { value: kindText } });
        continue;
      }
      kind = found[1];
    }
    const key = fold(name);
    if (seen.has(key)) {
      problems.push({ sheet: grid.sheet, row, column: describeColumn(header, col.unitName!), code: 'duplicate-number', args: { value: name, first: seen.get(key)! } });
      continue;
    }
    seen.set(key, row);
    units.push({ row, name, kind, parentName: get(row, 'parentUnit') || null, aliases: splitList(get(row, 'aliases')) });
  }
  // Parents are checked by the store: they may already be in the database.
  return { units, problems };
}

export function parsePeopleSheet(grid: Grid): { people: ParsedPerson[]; problems: ImportProblem[] } {
  const header = findHeader(grid, 2)!;
  const col = header.columns;
  const get = (row: number, key: ColumnKey) => (col[key] !== undefined ? cell(grid, row, col[key]!).trim() : '');
  const people: ParsedPerson[] = [];
  const problems: ImportProblem[] = [];
  const seenPhones = new Map<string, number>();
  for (let row = header.firstDataRow; row <= grid.rows.length; row++) {
    if (!(grid.rows[row - 1] ?? []).some(Boolean)) continue;
    const fullName = get(row, 'fullName');
    if (!fullName) {
      problems.push({ sheet: grid.sheet, row, column: describeColumn(header, col.fullName!), code: 'missing-name' });
      continue;
    }
    const roles = new Set<Role>();
    const roleText = get(row, 'roles');
    let bad = false;
    for (const r of splitList(roleText)) {
      const f = fold(r);
      const found = ROLE_WORDS.find(([re]) => re.test(f));
      if (!found) {
        problems.push({ sheet: grid.sheet, row, column: describeColumn(header, col.roles!), code: 'bad-role', args: { value: r } });
        bad = true;
      } else roles.add(found[1]);
    }
    const phoneText = get(row, 'phone');
    const phone = phoneText ? normalisePhone(phoneText) : null;
    if (phoneText && !phone) {
      // The value itself is a phone-like personal datum: it is not echoed in the message.
      problems.push({ sheet: grid.sheet, row, column: describeColumn(header, col.phone!), code: 'bad-phone' });
      bad = true;
    }
    if (phone) {
      if (seenPhones.has(phone)) {
        problems.push({ sheet: grid.sheet, row, column: describeColumn(header, col.phone!), code: 'duplicate-person', args: { first: seenPhones.get(phone)! } });
        bad = true;
      } else seenPhones.set(phone, row);
    }
    if (bad) continue;
    if (roles.size === 0) roles.add('OFFICER');
    const focalText = fold(get(row, 'focal'));
    const usernames = [get(row, 'telegram'), get(row, 'zalo')].filter(Boolean).map((u) => u.replace(/^@/, ''));
    people.push({
      row,
      fullName,
      title: get(row, 'jobTitle') || null,
      unitName: get(row, 'unit') || null,
      roles: [...roles],
      phone,
      email: get(row, 'email') || null,
      usernames,
      isFocal: ['x', 'co', '1', 'true', 'dau moi', 'v'].includes(focalText),
    });
  }
  return { people, problems };
}
