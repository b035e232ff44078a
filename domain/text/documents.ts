import { fold } from '../shared/text.ts';

/**
 * Document references (số hiệu văn bản) as officials write them: "Quyết định
 * 2150", "QĐ số 1037/QĐ-UBND", "văn bản 118/KH-UBND", "công văn 1644", "KH
 * 52/KH-UBND", or a bare "52/KH-UBND". The number (and its code when given) is
 * what a task's output document or progress note is searched for.
 */
export interface DocumentRef {
  /** "1037", "52/KH-UBND" (as typed, upper-cased code). */
  number: string;
  /** Written as a plan would be ("kế hoạch 12", "KH 238"): a plan reference first, a document when no plan fits. */
  planLike: boolean;
  /** Offsets of the whole reference in the text. */
  start: number;
  end: number;
}

const KIND = '(?:quyết định|quyet dinh|qđ|qd|kế hoạch|ke hoach|kh|văn bản|van ban|vb|công văn|cong van|cv|thông báo|thong bao|nghị quyết|nghi quyet|nq|chỉ thị|chi thi|tờ trình|to trinh)';
/** "báo cáo 6 tháng", "kế hoạch 5 năm": a number of time units is not a document number. */
const NOT_TIME = '(?!\\s*(?:tháng|thang|năm|nam|ngày|ngay|quý|quy|tuần|tuan)\\b)';
const WITH_KIND = new RegExp(`(?<![\\p{L}\\p{N}])${KIND}\\s*(?:số\\s*|so\\s*)?(\\d{1,6}(?:\\/[\\p{L}\\d&.\\-]+)?)${NOT_TIME}`, 'giu');
const BARE_CODE = /(?<![\p{L}\p{N}/])(\d{1,6}\/(?:\d{4}\/)?[\p{Lu}Đ][\p{L}\d&.\-]*-[\p{L}\d&.\-]+)/gu;

export function findDocumentRefs(text: string): DocumentRef[] {
  const out: DocumentRef[] = [];
  for (const re of [WITH_KIND, BARE_CODE]) {
    for (const m of text.matchAll(re)) {
      const start = m.index ?? 0;
      if (out.some((d) => start < d.end && d.start < start + m[0].length)) continue;
      // a year is a time ("kế hoạch 2026"), not a document number
      if (/^(19|20)\d{2}$/.test(m[1]!)) continue;
      const planLike = re === BARE_CODE ? /\/(kh|ctr|nq)/i.test(m[1]!) : /^(kế hoạch|ke hoach|kh|nghị quyết|nghi quyet|nq)/i.test(m[0]);
      out.push({ number: m[1]!.toUpperCase(), planLike, start, end: start + m[0].length });
    }
  }
  return out.sort((a, b) => a.start - b.start);
}

/** True when a text cites the document: its number with its code, or the bare number as a whole number. */
export function citesDocument(text: string | null | undefined, ref: string): boolean {
  if (!text) return false;
  const hay = fold(text).toUpperCase();
  const [num, code] = ref.split('/', 2);
  const re = new RegExp(`(?<!\\d)${num}(?!\\d)${code ? `\\s*/\\s*${fold(ref.slice(num!.length + 1)).toUpperCase().replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}` : ''}`);
  return re.test(hay);
}
