/**
 * Output documents in a reply: "KH số 52/KH-UBND ngày 05/9/2025", "QĐ 1037/QĐ-UBND",
 * a bare "31/BC-STTTT", written back with the type spelled out as the appendix does.
 */
import { fold } from '../../shared/text.ts';
import { DATE_PART, group, NUMCODE_ANY, NUMCODE_SEP, SEP, W } from './patterns.ts';
import { orig, type Shadow } from './shadow.ts';
import type { Marker, Spec } from './types.ts';

/** "đã ban hành kế hoạch …", "đã ký quyết định …": the verb (group 1), then a document type. */
export const ISSUED_DOC = /^((?:da |vua )?(?:ban hanh|ky ban hanh|ky))\s+(?:ke hoach|quyet dinh|quy che|chuong trinh|de an|cong van|nghi quyet|huong dan|thong bao|chi thi|quy dinh|van ban)\b/;

const DOC_TYPE_WORDS: Record<string, string> = {
  'ke hoach': 'Kế hoạch',
  kh: 'Kế hoạch',
  'cong van': 'Công văn',
  cv: 'Công văn',
  'quyet dinh': 'Quyết định',
  qd: 'Quyết định',
  'bao cao': 'Báo cáo',
  bc: 'Báo cáo',
  'thong bao': 'Thông báo',
  tb: 'Thông báo',
  'nghi quyet': 'Nghị quyết',
  nq: 'Nghị quyết',
  'chuong trinh': 'Chương trình',
  ctr: 'Chương trình',
  'to trinh': 'Tờ trình',
  ttr: 'Tờ trình',
  'huong dan': 'Hướng dẫn',
  hd: 'Hướng dẫn',
  'chi thi': 'Chỉ thị',
  ct: 'Chỉ thị',
  'ket luan': 'Kết luận',
  kl: 'Kết luận',
  'van ban': 'Văn bản',
  vb: 'Văn bản',
};
/** The type segment inside a document code ("52/KH-UBND" is a plan). */
const CODE_TYPES: Record<string, string> = {
  kh: 'Kế hoạch',
  qd: 'Quyết định',
  bc: 'Báo cáo',
  tb: 'Thông báo',
  nq: 'Nghị quyết',
  ctr: 'Chương trình',
  ttr: 'Tờ trình',
  hd: 'Hướng dẫn',
  ct: 'Chỉ thị',
  kl: 'Kết luận',
};
const DOC_TYPE_ALT = Object.keys(DOC_TYPE_WORDS)
  .sort((a, b) => b.length - a.length)
  .join('|');

export const DOC_SPEC: Spec = {
  kind: 'DOC',
  re: W(
    `(?<type>${DOC_TYPE_ALT})(?<mid>(?:\\s+(?!so(?![a-z]))[a-z&]+){0,5}?)\\s*(?:so|s)\\s*[:.]?\\s*(?<code>${NUMCODE_ANY})${DATE_PART}` +
      `|(?<type2>${DOC_TYPE_ALT})\\s*[:.]?\\s*(?<code2>${NUMCODE_SEP})${DATE_PART.replace('<date>', '<date3>').replace('<date2>', '<date4>')}` +
      `|(?:so\\s*[:.]?\\s*)?(?<code3>\\d+[a-z]?${SEP}[a-z][a-z0-9&]*(?:${SEP}[a-z0-9&]+)*)${DATE_PART.replace('<date>', '<date5>').replace('<date2>', '<date6>')}`,
  ),
  anyAccent: true,
  build: (m, abs, sh) => formatDoc(m, abs, sh),
};

function formatDoc(m: RegExpExecArray, abs: (i: number) => number, sh: Shadow): Partial<Marker> | null {
  const pick = (...names: string[]): [number, number] | null => {
    for (const n of names) {
      const g = group(m, n);
      if (g) return g;
    }
    return null;
  };
  const typeG = pick('type', 'type2');
  const codeG = pick('code', 'code2', 'code3');
  if (!codeG) return null;
  const dateG = pick('date', 'date2', 'date3', 'date4', 'date5', 'date6');
  const code = orig(sh, abs(codeG[0]), abs(codeG[1]));
  let typeName: string | undefined;
  if (typeG) {
    const key = sh.f.slice(abs(typeG[0]), abs(typeG[1]));
    typeName = DOC_TYPE_WORDS[key];
    if (key === 'hd' && /đ/i.test(orig(sh, abs(typeG[0]), abs(typeG[1])))) typeName = 'Hợp đồng';
  } else {
    const segs = code.split(/\s*(?:\/{1,2}|-)\s*/).slice(1);
    for (const seg of segs) {
      const k = fold(seg);
      if (CODE_TYPES[k]) {
        typeName = k === 'hd' && /đ/i.test(seg) ? 'Hợp đồng' : CODE_TYPES[k];
        break;
      }
    }
    typeName ??= 'Công văn';
  }
  if (!typeName) return null;
  const midG = group(m, 'mid');
  const mid = midG && midG[1] > midG[0] ? orig(sh, abs(midG[0]), abs(midG[1])).trim() : '';
  const date = dateG ? orig(sh, abs(dateG[0]), abs(dateG[1])) : '';
  return { doc: `${typeName}${mid ? ` ${mid}` : ''} số ${code}${date ? ` ngày ${date}` : ''}`, dated: Boolean(date) };
}
