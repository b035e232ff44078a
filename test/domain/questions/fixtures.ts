import type { Day } from '../../../domain/shared/day.ts';
import type { Role } from '../../../domain/people/types.ts';
import type { UnitKind, UnitRef } from '../../../domain/units/types.ts';
import { readFileSync } from 'node:fs';
import type { PlanRef, QuestionContext } from '../../../domain/questions/types.ts';
import { buildVocabulary } from '../../../domain/questions/vocabulary.ts';

/**
 * A realistic slice of Hải Phòng's units after the 2025 merger. "Xã An Dương"
 * is invented on purpose, next to the real "Phường An Dương", to test that two
 * units named alike are never guessed between.
 */
function unit(id: number, name: string, kind: UnitKind, aliases: string[] = [], code?: string): UnitRef {
  return { id, code: code ?? `u-${id}`, name, kind, parentId: null, aliases };
}

export const U = {
  UBND_TP: 1,
  BCD_TP: 2,
  VP_TU: 3,
  BAN_TC_TU: 4,
  BAN_TGDV_TU: 5,
  UBKT_TU: 6,
  SO_KHCN: 7,
  SO_NOI_VU: 8,
  SO_TAI_CHINH: 9,
  SO_GDDT: 10,
  SO_XAY_DUNG: 11,
  CONG_AN: 12,
  MTTQ: 13,
  DH_HP: 14,
  CAT_HAI: 20,
  BACH_LONG_VI: 21,
  P_HONG_BANG: 30,
  P_LE_CHAN: 31,
  P_HAI_AN: 32,
  P_AN_DUONG: 33,
  P_KIEN_AN: 34,
  P_DO_SON: 35,
  P_THUY_NGUYEN: 36,
  X_AN_DUONG: 40,
  X_VINH_BAO: 41,
  X_TIEN_LANG: 42,
  X_AN_LAO: 43,
  X_KIEN_THUY: 44,
  X_NAM_SACH: 45,
} as const;

export const UNITS: UnitRef[] = [
  unit(U.UBND_TP, 'Ủy ban nhân dân thành phố', 'CITY', ['UBND thành phố', 'UBND TP']),
  unit(U.BCD_TP, 'Ban Chỉ đạo thành phố', 'CITY', ['BCĐ thành phố']),
  unit(U.VP_TU, 'Văn phòng Thành ủy', 'PARTY_BODY', ['VPTU']),
  unit(U.BAN_TC_TU, 'Ban Tổ chức Thành ủy', 'PARTY_BODY', ['BTCTU']),
  unit(U.BAN_TGDV_TU, 'Ban Tuyên giáo và Dân vận Thành ủy', 'PARTY_BODY'),
  unit(U.UBKT_TU, 'Ủy ban Kiểm tra Thành ủy', 'PARTY_BODY', ['UBKT Thành ủy']),
  unit(U.SO_KHCN, 'Sở Khoa học và Công nghệ', 'DEPARTMENT', ['Sở KH&CN', 'Sở KHCN'], 'so-khcn'),
  unit(U.SO_NOI_VU, 'Sở Nội vụ', 'DEPARTMENT'),
  unit(U.SO_TAI_CHINH, 'Sở Tài chính', 'DEPARTMENT'),
  unit(U.SO_GDDT, 'Sở Giáo dục và Đào tạo', 'DEPARTMENT', ['Sở GD&ĐT']),
  unit(U.SO_XAY_DUNG, 'Sở Xây dựng', 'DEPARTMENT'),
  unit(U.CONG_AN, 'Công an thành phố', 'AGENCY', ['Công an TP', 'CATP']),
  unit(U.MTTQ, 'Ủy ban Mặt trận Tổ quốc Việt Nam thành phố', 'AGENCY', ['Mặt trận Tổ quốc thành phố', 'UBMTTQ thành phố']),
  unit(U.DH_HP, 'Trường Đại học Hải Phòng', 'UNIVERSITY'),
  unit(U.CAT_HAI, 'Đặc khu Cát Hải', 'SPECIAL_ZONE', ['ĐK Cát Hải', 'UBND đặc khu Cát Hải', 'Cát Hải'], 'dac-khu-cat-hai'),
  unit(U.BACH_LONG_VI, 'Đặc khu Bạch Long Vĩ', 'SPECIAL_ZONE', ['ĐK Bạch Long Vĩ']),
  unit(U.P_HONG_BANG, 'Phường Hồng Bàng', 'WARD'),
  unit(U.P_LE_CHAN, 'Phường Lê Chân', 'WARD'),
  unit(U.P_HAI_AN, 'Phường Hải An', 'WARD'),
  unit(U.P_AN_DUONG, 'Phường An Dương', 'WARD'),
  unit(U.P_KIEN_AN, 'Phường Kiến An', 'WARD'),
  unit(U.P_DO_SON, 'Phường Đồ Sơn', 'WARD'),
  unit(U.P_THUY_NGUYEN, 'Phường Thủy Nguyên', 'WARD'),
  unit(U.X_AN_DUONG, 'Xã An Dương', 'COMMUNE'),
  unit(U.X_VINH_BAO, 'Xã Vĩnh Bảo', 'COMMUNE'),
  unit(U.X_TIEN_LANG, 'Xã Tiên Lãng', 'COMMUNE'),
  unit(U.X_AN_LAO, 'Xã An Lão', 'COMMUNE'),
  unit(U.X_KIEN_THUY, 'Xã Kiến Thụy', 'COMMUNE'),
  unit(U.X_NAM_SACH, 'Xã Nam Sách', 'COMMUNE'),
];

export const P = { KH12: 1, KH238: 2, KH447: 3, CTR2026: 4, KH02_BCD: 5 } as const;

export const PLANS: PlanRef[] = [
  {
    id: P.KH12,
    code: '12-KH/TU',
    title: 'Kế hoạch số 12-KH/TU ngày 26/8/2025 của Ban Thường vụ Thành ủy thực hiện Nghị quyết số 57-NQ/TW',
    year: 2025,
    aliases: ['Kế hoạch hành động của Thành ủy'],
  },
  { id: P.KH238, code: '238/KH-UBND', title: 'Kế hoạch số 238/KH-UBND của Ủy ban nhân dân thành phố', year: 2025, aliases: [] },
  { id: P.KH447, code: '447-KH/TU', title: 'Kế hoạch số 447-KH/TU của Ban Thường vụ Thành ủy', year: null, aliases: [] },
  {
    id: P.CTR2026,
    code: 'CTr-2026',
    title: 'Chương trình công tác năm 2026 của Ban Chỉ đạo thành phố',
    year: 2026,
    aliases: ['chương trình công tác 2026'],
  },
  { id: P.KH02_BCD, code: '02-KH/BCĐTW', title: 'Kế hoạch số 02-KH/BCĐTW của Ban Chỉ đạo Trung ương', year: 2025, aliases: [] },
];

/** The day most cases are read on: a Thursday in the fourth quarter. */
export const TODAY: Day = '2026-11-26';

/** The task texts of the two sample appendices (titles, outputs, units, leaders, headings; not progress notes): the words the tasks are written in. */
const TASK_KEYS = new Set(['title', 'output', 'outputs', 'leadUnit', 'coordinatingUnits', 'directingLeader', 'plan']);

function sampleTexts(): string[] {
  const out: string[] = [];
  const walk = (v: unknown): void => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') {
      for (const [k, x] of Object.entries(v)) {
        if (typeof x === 'string' && TASK_KEYS.has(k)) out.push(x);
        else walk(x);
      }
    }
  };
  for (const f of ['chuong-trinh-cong-tac-2026-phu-luc.json', 'dac-khu-cat-hai-phu-luc-1.json']) {
    walk(JSON.parse(readFileSync(new URL(`../../../prisma/seed/${f}`, import.meta.url), 'utf8')));
  }
  return out;
}

/** The sections and groups of the two sample appendices ("A.I", "A.I.3", "B.NV", "III"), as the store reads them from the tasks. */
function sampleSections(): string[] {
  const out: string[] = [];
  for (const f of ['chuong-trinh-cong-tac-2026-phu-luc.json', 'dac-khu-cat-hai-phu-luc-1.json']) {
    const j = JSON.parse(readFileSync(new URL(`../../../prisma/seed/${f}`, import.meta.url), 'utf8')) as { sections: { code: string; groups?: { code: string }[] }[] };
    for (const s of j.sections) {
      out.push(s.code);
      for (const g of s.groups ?? []) out.push(`${s.code}.${g.code}`);
    }
  }
  return out;
}

export const VOCABULARY = buildVocabulary(sampleTexts(), [], sampleSections());

export function context(
  today: Day = TODAY,
  me: { unitId: number | null; roles: Role[] } = { unitId: null, roles: ['CITY_LEADER'] },
  plans: PlanRef[] = PLANS,
): QuestionContext {
  return { today, units: UNITS, plans, me, vocabulary: VOCABULARY };
}
