/**
 * Unit names as documents write them: kind prefixes, abbreviations (UBND,
 * TP, KHCN), "Thành uỷ"/"Thành ủy", lists ("Sở KH&CN/Công an thành phố") and
 * collective groups ("Các xã, phường, đặc khu").
 */
import { fold } from '../shared/text.ts';
import type { UnitKind } from './types.ts';

export type Collective = 'ALL_UNITS' | 'CITY_AGENCIES' | 'LOCALITIES' | 'UNIVERSITIES' | 'PARTY_BODIES';

const ABBREVIATIONS: [RegExp, string][] = [
  [/\bubnd\b/g, 'uy ban nhan dan'],
  [/\bhdnd\b/g, 'hoi dong nhan dan'],
  [/\bubmttq(vn)?\b/g, 'uy ban mat tran to quoc viet nam'],
  [/\btp\.?(?=\s|$)/g, 'thanh pho'],
  [/\bkh\s*&\s*cn\b|\bkhcn\b/g, 'khoa hoc va cong nghe'],
  [/\bdk\b/g, 'dac khu'],
  [/\bvp\b/g, 'van phong'],
  [/\btu\b(?=\s*$)/g, 'thanh uy'],
];

/** The comparable key of a unit name: folded, abbreviations expanded, punctuation dropped. */
export function unitKey(name: string): string {
  let s = fold(name).replace(/[.,;:()"“”]/g, ' ');
  for (const [re, full] of ABBREVIATIONS) s = s.replace(re, full);
  return s.replace(/\s+/g, ' ').trim();
}

/** A URL-safe code for a unit: "Đặc khu Cát Hải" → "dac-khu-cat-hai". */
export function unitCode(name: string): string {
  return unitKey(name)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

const KIND_RULES: [RegExp, UnitKind][] = [
  [/^dac khu\b/, 'SPECIAL_ZONE'],
  [/^phuong\b/, 'WARD'],
  [/^xa\b/, 'COMMUNE'],
  [/^so\b/, 'DEPARTMENT'],
  [/^(truong )?dai hoc\b|^truong dai hoc\b|^hoc vien\b/, 'UNIVERSITY'],
  [/thanh uy$|^ban .*thanh uy|^van phong thanh uy|^uy ban kiem tra thanh uy|^dang uy\b/, 'PARTY_BODY'],
  [/^(uy ban nhan dan|hoi dong nhan dan) thanh pho$|^thanh uy$|^ban chi dao\b/, 'CITY'],
  [/^cong an\b|^uy ban mat tran|^bo chi huy|^ban quan ly|^hoi\b|^lien doan|^thanh doan|^doan\b|^vien\b|^trung tam\b|^toa an|^vien kiem sat|^kho bac|^thue\b|^ngan hang/, 'AGENCY'],
];

export function inferUnitKind(name: string): UnitKind {
  const key = unitKey(name);
  for (const [re, kind] of KIND_RULES) if (re.test(key)) return kind;
  return 'OTHER';
}

/** Names people also use for a unit: the place name alone for localities, "ĐK …", "UBND …". */
export function defaultAliases(name: string, kind: UnitKind): string[] {
  const out = new Set<string>();
  const m = /^(Đặc khu|Phường|Xã)\s+(.+)$/iu.exec(name.trim());
  if (m && (kind === 'SPECIAL_ZONE' || kind === 'WARD' || kind === 'COMMUNE')) {
    const place = m[2]!;
    if (kind === 'SPECIAL_ZONE') {
      out.add(place);
      out.add(`ĐK ${place}`);
    }
    out.add(`UBND ${m[1]!.toLowerCase()} ${place}`);
  }
  if (/thành phố$/iu.test(name)) out.add(name.replace(/thành phố$/iu, 'TP'));
  return [...out].filter((a) => unitKey(a) !== unitKey(name));
}

const COLLECTIVES: [RegExp, Collective][] = [
  [/^cac (co quan|so), (don vi|ban, nganh), dia phuong/, 'ALL_UNITS'],
  [/^cac co quan, don vi, dia phuong/, 'ALL_UNITS'],
  [/^cac so, ban, nganh thanh pho/, 'CITY_AGENCIES'],
  [/^cac so, ban, nganh$/, 'CITY_AGENCIES'],
  [/^cac xa, phuong, dac khu/, 'LOCALITIES'],
  [/^(uy ban nhan dan|ubnd) cap xa/, 'LOCALITIES'],
  [/^cac truong dai hoc/, 'UNIVERSITIES'],
  [/^cac ban (cua |thuoc )?thanh uy/, 'PARTY_BODIES'],
];

/** Recognises a collective lead unit ("Các xã, phường, đặc khu" → LOCALITIES). */
export function collectiveOf(text: string): Collective | null {
  const f = fold(text).replace(/\.$/, '');
  for (const [re, c] of COLLECTIVES) if (re.test(f)) return c;
  return null;
}

/** Generic words that name no particular unit ("Các đơn vị liên quan"). */
function isGeneric(f: string): boolean {
  return /^(cac )?(don vi|co quan|dia phuong)( co)?( lien quan)?$|^cac (don vi|co quan)(, dia phuong)?( co)? lien quan$|^cac don vi, dia phuong lien quan$/.test(f);
}

const UNIT_START = /^(so|ban|van phong|cong an|uy ban|ubnd|hoi dong|thanh uy|truong|dai hoc|xa|phuong|dac khu|bo chi huy|cac|thanh doan|lien doan)\b/;

/**
 * Splits a lead/coordinating text into a collective group and unit names:
 * "Sở Khoa học và Công nghệ và Sở Tài chính" → two names (the "và" inside a
 * name stays), "Văn phòng Thành ủy/Công an TP" → two, "Các đơn vị liên quan" → none.
 */
export function parseUnitList(text: string | null | undefined): { collective: Collective | null; names: string[] } {
  if (!text) return { collective: null, names: [] };
  const whole = collectiveOf(text);
  if (whole) return { collective: whole, names: [] };
  const names: string[] = [];
  let collective: Collective | null = null;
  const parts = text.replace(/\.$/, '').split(/\s*[/;,\n]\s*|\s+-\s+/);
  for (const part of parts) {
    // split "A và B" only where B starts a unit name
    const pieces: string[] = [];
    let rest = part.trim();
    for (;;) {
      const idx = [...rest.matchAll(/\s+và\s+/giu)].find((m) => UNIT_START.test(fold(rest.slice(m.index! + m[0].length))));
      if (!idx) break;
      pieces.push(rest.slice(0, idx.index));
      rest = rest.slice(idx.index! + idx[0].length);
    }
    pieces.push(rest);
    for (const p of pieces.map((x) => x.trim().replace(/^-\s*/, '')).filter(Boolean)) {
      const f = fold(p);
      const c = collectiveOf(p);
      if (c) collective ??= c;
      else if (!isGeneric(f) && !/lien quan$/.test(f)) names.push(p.charAt(0).toUpperCase() + p.slice(1));
    }
  }
  return { collective, names };
}
