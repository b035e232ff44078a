/**
 * Clauses: the reply cut at commas, semicolons, new lines, sentence dots and
 * " - " (never inside "52/KH-UBND", "05/9/2025" or "62,5%"); and whether a
 * clause is a question or a leader's query rather than a report.
 */
import { accentsAgree, agrees, orig, type Shadow } from './shadow.ts';

export interface Clause {
  s: number;
  e: number;
  sep: 'start' | 'comma' | 'strong';
  /** The clause is an item of a numbered list ("1. … 2. …", "1) … 2) …", inline or one a line); its number is cut off. */
  item?: boolean;
}

/**
 * Where the items of a numbered list start, inline or one a line: "1." / "1)"
 * after the start, a space or a colon, then "2.", "3." … in order. A lone
 * "tháng 12." or "đạt 2." is no list: the numbers must run from 1, at least two.
 */
function listItems(f: string): Map<number, number> {
  const found: Array<{ at: number; n: number; len: number }> = [];
  for (const m of f.matchAll(/(?<![^\s:])(\d{1,2})[.)]\s+(?=\S)/g)) found.push({ at: m.index, n: Number(m[1]), len: m[0].length });
  const items = new Map<number, number>();
  let run: typeof found = [];
  const close = () => {
    if (run.length >= 2) for (const r of run) items.set(r.at, r.len);
    run = [];
  };
  for (const x of found) {
    if (x.n === 1) {
      close();
      run = [x];
    } else if (run.length && x.n === run[run.length - 1]!.n + 1) run.push(x);
  }
  close();
  return items;
}

const NO_DOT_SPLIT_AFTER = new Set(['tp', 'tx', 'ths', 'ts', 'pgs', 'gs', 'v.v', 'p', 'q', 'st', 'ong', 'ba', 'tt', 'vv']);

export function segment(sh: Shadow): Clause[] {
  const f = sh.f;
  const cuts: Array<{ s: number; e: number; kind: 'comma' | 'strong' }> = [];
  const isDigit = (c: string | undefined) => c !== undefined && c >= '0' && c <= '9';
  let clauseStart = 0;
  const items = listItems(f);
  const itemStarts = new Set<number>();
  for (let i = 0; i < f.length; i++) {
    const c = f[i]!;
    let cut: { s: number; e: number; kind: 'comma' | 'strong' } | null = null;
    const item = items.get(i);
    if (item !== undefined) {
      cut = { s: i, e: i + item, kind: 'strong' };
      itemStarts.add(i + item);
    } else if (c === '\n' || c === ';' || c === '!' || c === '\u2026') cut = { s: i, e: i + 1, kind: 'strong' };
    else if (c === ',') {
      const before = f.slice(clauseStart, i);
      const after = f.slice(i + 1);
      if (isDigit(f[i - 1]) && isDigit(f[i + 1])) cut = null;
      else if (/(?:kho khan|vuong mac|de xuat|kien nghi)\s*$/.test(before) && /^\s*(?:va\s+)?(?:kho khan|vuong mac|de xuat|kien nghi)/.test(after)) cut = null;
      else cut = { s: i, e: i + 1, kind: 'comma' };
    } else if (c === '?') {
      if (f[i + 1] === undefined || /\s/.test(f[i + 1]!)) cut = { s: i + 1, e: i + 1, kind: 'strong' };
    } else if (c === '.') {
      const next = f[i + 1];
      if (next === undefined || /\s/.test(next)) {
        const before = f.slice(clauseStart, i).trim();
        const lastWord = /([a-z.]+)$/.exec(before)?.[1] ?? '';
        const listNumber = /^(?:[a-d]\.)?(?:\d+|[ivx]{1,4})(?:\.(?:\d+|[ivx]{1,4}))*$/.test(before);
        // not after "TP." and the like, nor after a list/task number ("22. xong"); always after "..."
        if (f[i - 1] === '.' || (!NO_DOT_SPLIT_AFTER.has(lastWord) && !listNumber)) cut = { s: i, e: i + 1, kind: 'strong' };
      }
    } else if ((c === '-' || c === '\u2013' || c === '\u2014') && f[i - 1] === ' ' && f[i + 1] === ' ') {
      if (!(isDigit(f[i - 2]) && isDigit(f[i + 2]))) cut = { s: i - 1, e: i + 2, kind: 'strong' };
    }
    if (cut) {
      cuts.push(cut);
      clauseStart = cut.e;
      i = Math.max(i, cut.e - 1);
    }
  }
  const clauses: Clause[] = [];
  let s = 0;
  // the separator seen since the last clause: a strong one wins over commas
  let pending: 'comma' | 'strong' | null = null;
  for (const cut of [...cuts, { s: f.length, e: f.length, kind: 'strong' as const }]) {
    let a = s;
    let b = cut.s;
    // bullets ("- ", "+ ", "• "), but not the minus of "-10%"
    while (a < b && /[\s\-\u2013\u2014+*\u2022\u00b7>]/.test(f[a]!) && !(f[a] === '-' && /\d/.test(f[a + 1] ?? ''))) a++;
    while (b > a && /\s/.test(f[b - 1]!)) b--;
    if (b > a) {
      clauses.push({ s: a, e: b, sep: clauses.length === 0 ? 'start' : (pending ?? 'strong'), ...(itemStarts.has(s) ? { item: true } : {}) });
      pending = cut.kind;
    } else if (pending !== null) {
      pending = pending === 'strong' || cut.kind === 'strong' ? 'strong' : 'comma';
    }
    s = cut.e;
  }
  // "Kế hoạch số 52/KH-UBND, ngày 05/9/2025": the date belongs to the document.
  const merged: Clause[] = [];
  for (const c of clauses) {
    const prev = merged[merged.length - 1];
    if (prev && /^(?:ngay|ng)\s*[:.]?\s*\d{1,2}\s?[/.-]/.test(f.slice(c.s, c.e)) && /\d+[a-z]?\s?(?:\/{1,2}|-)\s?[a-z]/.test(f.slice(prev.s, prev.e))) {
      prev.e = c.e;
    } else merged.push({ ...c });
  }
  return merged;
}

// ---------------------------------------------------------------------------
// Questions and leader queries ("nhiệm vụ nào quá hạn ở Cát Hải?").

const QUERY_START =
  /^(?:xuat|tong hop|thong ke|liet ke|danh sach|ds|xem|tra cuu|tim|loc|hien thi|cho\s+(?:(?:toi|em|minh|anh|chi)\s+)?(?:xin\s+)?(?:xem|biet|danh sach|ds|hoi))(?![a-z0-9])/;
const QUERY_UNITS =
  '(?:cua|so|phong|ban|xa|phuong|dac khu|ubnd|uy ban|quan|huyen|thanh pho|tp|cac|quy|thang|nam|tuan|don vi|chung|tong the|toan|the nao|ra sao|sao|nao)';

export function isQuery(sh: Shadow, c: Clause): boolean {
  const f = sh.f.slice(c.s, c.e);
  if (f.includes('?')) return true;
  if (QUERY_START.test(f)) return true;
  if (new RegExp(`(?<![a-z0-9])tien do\\s+${QUERY_UNITS}(?![a-z0-9])`).test(f)) return true;
  // "vướng mắc của đặc khu Cát Hải", "khó khăn ở các xã": a leader asking, not an officer reporting
  if (/(?<![a-z0-9])(?:kho khan|vuong mac|vuong)(?:\s*,?\s*(?:kho khan|vuong mac))?\s+(?:cua|o\s+(?:cac\s+)?(?:xa|phuong|dac khu|so|huyen|quan|thanh pho|tp|don vi|dia phuong|nganh))(?![a-z0-9])/.test(f)) return true;
  const qre = /(?<![a-z0-9])(nao|gi|bao nhieu|bao gio|may|dau|ai|tai sao|vi sao|ra sao|khi nao|luc nao|the nao)(?![a-z0-9])/g;
  let m: RegExpExecArray | null;
  while ((m = qre.exec(f))) {
    if (!accentsAgree(sh, c.s + m.index, c.s + m.index + m[0].length)) continue;
    if ((m[1] === 'gi' || m[1] === 'nao') && /^\s+(?:do|day)(?![a-z0-9])/.test(f.slice(m.index + m[0].length))) continue; // "gì đó": something, not a question
    if (m[1] === 'gi' && /(?:khong|ko|k|chua|chang)(?:\s+\S+){0,2}\s+$/.test(f.slice(0, m.index))) continue;
    if (m[1] === 'ai' && (!sh.accented || orig(sh, c.s + m.index, c.s + m.index + 2) !== 'ai')) continue; // "ai" (who), not AI
    if (m[1] === 'may' && !sh.accented) continue; // "may" without accents is too ambiguous
    if (m[1] === 'dau' && (!sh.accented || !agrees(orig(sh, c.s + m.index, c.s + m.index + 3), 'đâu'))) continue; // đâu, not đầu/đấu
    return true;
  }
  if (/(?<![a-z0-9])(?:xong|hoan thanh|ht|dat|trien khai|lam|co)\s+(?:chua|khong|ko|k)$/.test(f)) return true;
  const fin = /(?:^|\s)(\S+)\s+chua$/.exec(f);
  if (fin && !['van', 'cung', 'con', 'ma', 'deu'].includes(fin[1]!) && accentsAgree(sh, c.e - 4, c.e)) return true;
  return false;
}
