/** Regex pieces shared by the markers, on folded text. */

export const TK = 't(?:rie|rei|ie|ri)n ?k(?:hai|hia|ai|ahi)'; // triển khai, and common typos
export const HT = 'ho(?:an|na) ?th(?:anh|nah|ahn|ang)'; // hoàn thành, and typos
export const XONG = 'x(?:ong|og|onh)';
export const NUM = '\\d+(?:[.,]\\d+)*';
export const PCT = '(?:%|phan ?tram)';
export const PURE_VERB = `${TK}(?: thuc hien)?|tk|lam(?: tiep)?|thuc hien|th|tien hanh|xu ly`;
/**
 * Words that may precede a percentage ("tiến độ đạt được khoảng 62,5%"). Each is
 * a whole word and the spacing between them is unambiguous, so the regex stays
 * linear on long inputs.
 */
export const INTRO =
  '(?:(?:da|duoc|dc|moi|vua|chi|gan|hon|tren|khoang|tam|uoc|dat|hoan thanh|ht|tien do|td|la|len|muc)(?![a-z])\\s*(?::\\s*)?)*';

export const TPRE = '(?:(?:truoc|cuoi|dau|giua|het|sau)\\s+)?';
export const YR = '(?:\\d{4}|\\d{2})';
export const TCORE = [
  `(?:quy|q)\\s*(?:iv|iii|ii|i|[1-4])(?:\\s*(?:\\/|-|nam)\\s*${YR})?`,
  `quy\\s+(?:mot|hai|ba|bon|tu)(?:\\s*(?:\\/|-|nam)\\s*${YR})?`,
  `(?:thang|th)\\s*\\d{1,2}(?:\\s*(?:\\/|-|nam)\\s*${YR})?`,
  `t\\d{1,2}(?:\\/${YR})?`,
  `\\d{1,2}\\s?[\\/.-]\\s?\\d{1,2}(?:\\s?[\\/.-]\\s?${YR})?`,
  `nam\\s*\\d{4}(?:\\s*-\\s*\\d{4})?`,
  `\\d+\\s+thang\\s+(?:cuoi|dau)\\s+nam(?:\\s+\\d{4})?`,
  `(?:cuoi|dau|giua|het)\\s+(?:nam|thang|quy|tuan)(?:\\s+(?:nay|sau|toi|\\d{4}))?`,
  `(?:nam|thang|quy|tuan)\\s+(?:nay|sau|toi)`,
  `(?:\\d+|mot|hai|ba)\\s+(?:ngay|tuan|thang|nam)\\s+(?:nua|toi)`,
  `20\\d{2}`,
].join('|');
export const TIME = `${TPRE}(?:${TCORE})(?![a-z0-9\\/])`;
export const TIME_LEAD = '(?:(?:vao|trong|khoang|tam|la|den|ngay|:)\\s*)*';

export const SEP = '\\s?(?:\\/{1,2}|-)\\s?';
export const NUMCODE_SEP = `\\d+[a-z]?(?:${SEP}[a-z0-9&]+(?:\\.[a-z0-9&]+)*)+`;
export const NUMCODE_ANY = `\\d+[a-z]?(?:${SEP}[a-z0-9&]+(?:\\.[a-z0-9&]+)*)*`;
export const DATE = '\\d{1,2}\\s?[\\/.-]\\s?\\d{1,2}\\s?[\\/.-]\\s?\\d{2,4}(?!\\d)';
export const DATE_PART = `(?:\\s*,?\\s*(?:ngay|ng)\\s*[:.]?\\s*(?<date>${DATE})|\\s+(?<date2>${DATE}))?`;

// A.II.6, II.6, 22, and the unnamed sections of an appendix: B.NV.2, B.CT.II.1.
export const REF = '(?:[a-h]\\.)?(?:(?:ct|nv)\\.)?(?:\\d+|[ivx]{1,4})(?:\\.(?:\\d+|[ivx]{1,4}))*';

export function W(src: string, flags = 'gd'): RegExp {
  return new RegExp(`(?<![a-z0-9])(?:${src})(?![a-z0-9])`, flags);
}

export function group(m: RegExpExecArray, name: string): [number, number] | null {
  const g = m.indices?.groups?.[name];
  return g ? [g[0], g[1]] : null;
}
