/** Workbooks sent to the bot, the pure parts: what the bytes are, and how a unit's appendix rows match its tasks. */
import { describe, expect, it } from 'vitest';
import type { ParsedItem, ParsedSheet } from '../../domain/imports/appendix.ts';
import type { ProgressFields } from '../../domain/progress/fields.ts';
import { inspectWorkbook } from '../../domain/sheets/inspect.ts';
import { matchProgress, type UnitItem } from '../../domain/sheets/progress-match.ts';
import type { UnitRef } from '../../domain/units/types.ts';

const MB = 1024 * 1024;
const zip = (...names: string[]) => new Uint8Array([0x50, 0x4b, 0x03, 0x04, ...Buffer.from(names.join('\0'))]);
const ole = (...streams: string[]) => new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...Buffer.from(streams.join('\0'), 'utf16le')]);

describe('inspectWorkbook', () => {
  const cases: [string, Uint8Array, string | null][] = [
    ['phu-luc.xlsx', zip('[Content_Types].xml', 'xl/workbook.xml'), null],
    ['PHU-LUC.XLSX', zip('xl/workbook.xml'), null],
    ['macro.xlsx', zip('xl/workbook.xml', 'xl/vbaProject.bin'), 'macros'],
    ['macro.xlsm', zip('xl/workbook.xml'), 'macros'],
    ['khoa.xlsx', ole('EncryptionInfo', 'EncryptedPackage'), 'encrypted'],
    ['cu.xls', ole('Workbook'), 'old-xls'],
    ['tai-lieu.docx', zip('word/document.xml'), 'not-xlsx'],
    ['ghi-chu.xlsx', new TextEncoder().encode('không phải excel'), 'not-xlsx'],
    ['rong.xlsx', new Uint8Array(), 'empty'],
  ];
  it.each(cases.map(([fileName, bytes, expected]) => ({ fileName, bytes, expected })))('$fileName → $expected', ({ fileName, bytes, expected }) => {
    expect(inspectWorkbook({ fileName, bytes }, 10 * MB)).toBe(expected);
  });

  it('refuses on the announced size or name before any download', () => {
    expect(inspectWorkbook({ fileName: 'lon.xlsx', size: 10 * MB + 1 }, 10 * MB)).toBe('too-big');
    expect(inspectWorkbook({ fileName: 'vua.xlsx', size: 10 * MB }, 10 * MB)).toBeNull();
    expect(inspectWorkbook({ fileName: 'bao-cao.pdf', size: 1000 }, 10 * MB)).toBe('not-xlsx');
    expect(inspectWorkbook({ fileName: 'cu.xls' }, 10 * MB)).toBe('old-xls');
  });
});

const progress = (p: Partial<ProgressFields> = {}): ProgressFields => ({ state: 'IN_PROGRESS', percent: null, actualValue: null, actualText: null, outputDocument: null, expectedCompletionText: null, difficulties: null, proposals: null, ...p });
const plan = { code: '12-KH/TU', title: 'Kế hoạch số 12-KH/TU', issuedOn: null, year: 2025 };
const row = (r: number, number: string, title: string, p: Partial<ProgressFields>, extra: Partial<ParsedItem> = {}): ParsedItem => ({
  sheet: 'PL', row: r, plan, kind: 'TASK', sectionCode: 'A.II', sectionTitle: null, groupCode: null, groupTitle: null, label: number.split('.').pop()!, number, title,
  deadlineText: null, leadUnitText: null, coordinatingText: null, directingLeader: null, expectedOutput: null, progress: progress(p), reportingUnitText: null, ...extra,
});
const sheet = (items: ParsedItem[], titleUnitText: string | null = 'Đặc khu Cát Hải'): ParsedSheet => ({ sheet: 'PL', layout: 'progress', titleUnitText, items, flaggedDeadlines: [], asOf: null });
const item = (id: number, number: string, title: string, p: Partial<ProgressFields> | null): UnitItem => ({ assignmentId: id, taskId: id, planCode: '12-KH/TU', number, label: number.split('.').pop()!, title, kind: 'TASK', progress: p ? progress(p) : null });
const units: UnitRef[] = [
  { id: 1, code: 'dac-khu-cat-hai', name: 'Đặc khu Cát Hải', kind: 'SPECIAL_ZONE', parentId: null, aliases: ['Cát Hải'] },
  { id: 2, code: 'so-noi-vu', name: 'Sở Nội vụ', kind: 'DEPARTMENT', parentId: null, aliases: [] },
];
const mine = [item(10, 'A.II.6', 'Xây dựng chiến lược phát triển hạ tầng số', { percent: 30, actualText: 'Đang triển khai (30%)' }), item(11, 'A.II.7', 'Xây dựng chiến lược khởi nghiệp', null), item(12, 'A.II.8', 'Phát triển nguồn nhân lực', { state: 'DONE' })];

describe('matchProgress', () => {
  it('matches by number, then by title; lists what matches nothing; a blank or unchanged row adds nothing', () => {
    const p = matchProgress(
      [sheet([
        row(10, 'A.II.6', 'Xây dựng chiến lược phát triển hạ tầng số', { percent: 50, actualText: 'Đang triển khai (50%)' }),
        row(11, 'B.II.99', 'xay dung chien luoc khoi nghiep', { difficulties: 'Thiếu người' }), // wrong number, same title without diacritics
        row(12, 'A.II.8', 'Phát triển nguồn nhân lực', { state: 'DONE' }),
        row(13, 'A.II.9', 'Một việc không có', { percent: 10 }),
        row(14, 'A.II.6', 'Xây dựng chiến lược phát triển hạ tầng số', { state: 'NOT_STARTED' }), // the same task twice: listed, not applied twice
      ])],
      { unitId: 1 }, mine, units,
    );
    expect(p.changes.map((c) => [c.item.number, c.fields])).toEqual([
      ['A.II.6', ['percent', 'actualText']],
      ['A.II.7', ['state', 'difficulties']], // never reported: its status is news too
    ]);
    expect(p.changes[0]!.before?.percent).toBe(30);
    expect(p.unchanged).toBe(1);
    expect(p.unmatched.map((u) => u.row)).toEqual([13, 14]);
  });

  it('a sheet or a row of another unit is listed and ignored', () => {
    const p = matchProgress(
      [
        sheet([row(10, 'A.II.6', 'Xây dựng chiến lược phát triển hạ tầng số', { percent: 90 })], 'SỞ NỘI VỤ'),
        sheet([row(20, 'A.II.6', 'Xây dựng chiến lược phát triển hạ tầng số', { percent: 90 }, { reportingUnitText: 'Sở Nội vụ' }), row(21, 'A.II.7', 'Xây dựng chiến lược khởi nghiệp', { percent: 5 }, { reportingUnitText: 'Cát Hải' })], null),
      ],
      { unitId: 1 }, mine, units,
    );
    expect(p.otherUnits).toEqual([
      { sheet: 'PL', row: null, unitName: 'Sở Nội vụ', rows: 1 },
      { sheet: 'PL', row: 20, unitName: 'Sở Nội vụ', rows: 1 },
    ]);
    expect(p.changes.map((c) => c.item.number)).toEqual(['A.II.7']);
  });
});

describe('importPreview', () => {
  it('lists the first page of changes (15) and counts the rest; the prompt carries the upload id', async () => {
    const { importPreview, PREVIEW_PAGE } = await import('../../domain/sheets/preview.ts');
    const changes = Array.from({ length: 20 }, (_, i) => ({ change: (i < 3 ? 'created' : 'changed') as 'created' | 'changed', number: `${i + 1}`, title: `Nhiệm vụ ${i + 1}` }));
    const summary = { tasksCreated: 3, tasksChanged: 17, tasksUnchanged: 20, unitsCreated: 0, unitsChanged: 0, peopleCreated: 0, peopleChanged: 0, updatesCreated: 0 };
    const reply = importPreview({ fileName: 'ct.xlsx', summary, changes }, 7);
    const keys = reply.lines.map((l) => ('key' in l.text ? l.text.key : 'raw'));
    expect(keys.filter((k) => k.startsWith('sheets-change-'))).toHaveLength(PREVIEW_PAGE);
    const more = reply.lines.find((l) => 'key' in l.text && l.text.key === 'sheets-more')!;
    expect(more.text).toEqual({ key: 'sheets-more', args: { count: 20 - PREVIEW_PAGE } });
    expect(reply.choices!.map((c) => c.id)).toEqual(['sh:apply:7', 'sh:cancel:7', 'sh:more:7:15']);
    // "Xem thêm" (or typed "xem thêm") shows the rest, still with "Áp dụng" / "Huỷ"
    const { parseSheetChoice } = await import('../../domain/sheets/preview.ts');
    expect(parseSheetChoice('sh:more:7:15')).toEqual({ action: 'more', uploadId: 7, offset: 15 });
    expect(reply.choices!.at(-1)!.words).toContain('xem them');
    const next = importPreview({ fileName: 'ct.xlsx', summary, changes }, 7, 15);
    const shown = next.lines.filter((l) => 'key' in l.text && l.text.key.startsWith('sheets-change-')).map((l) => ('args' in l.text ? l.text.args?.number : null));
    expect(shown).toEqual(['16', '17', '18', '19', '20']);
    expect(next.lines.some((l) => 'key' in l.text && l.text.key === 'sheets-more')).toBe(false);
    expect(next.choices!.map((c) => c.id)).toEqual(['sh:apply:7', 'sh:cancel:7']);
  });
});
