import { fold } from '../shared/text.ts';
import { markUsed, normWords, type Token } from './tokens.ts';

/**
 * The directing leaders (lãnh đạo chỉ đạo) the plans name: "Đồng chí Hoàng
 * Minh Cường, Ủy viên Thành ủy, Phó Chủ tịch Ủy ban nhân dân thành phố", or
 * a post alone ("Đồng chí Chánh Văn phòng Thành ủy"). Leaders ask about them
 * by full name, by given name after "anh", "đồng chí", "đ/c", "PCT", or by a
 * title only one of them holds ("Phó Bí thư Thường trực").
 */
export interface Leader {
  /** As written after "Đồng chí": a name, or a post. */
  name: string;
  /** The titles after the name. */
  titles: string[];
}

const TITLE_HEAD = /^(giam doc|chanh|truong|pho|chu tich|chu nhiem|bi thu|uy vien|thu truong)\b/;

/** Every leader named in directing-leader texts, once each. */
export function leadersOf(texts: Iterable<string | null | undefined>): Leader[] {
  const byName = new Map<string, Leader>();
  for (const text of texts) {
    if (!text) continue;
    for (const part of text.split(/\n|(?:^|\s)-\s/)) {
      const m = /đồng chí\s+([^,\n]+)((?:,[^,\n]+)*)/i.exec(part.trim());
      if (!m) continue;
      const name = m[1]!.trim();
      const titles = m[2]!.split(',').map((s) => s.trim()).filter(Boolean);
      if (!byName.has(fold(name))) byName.set(fold(name), { name, titles });
    }
  }
  return [...byName.values()];
}

/** Words before a given name: "anh", "chị", "ông", "bà", chat's "a"/"c", titles' initials, "đ/c". */
const HONORIFICS = new Set(['anh', 'chi', 'a', 'c', 'ong', 'ba', 'pct', 'ct', 'bt', 'pbt', 'dc', 'd/c']);

function isPersonName(l: Leader): boolean {
  return !TITLE_HEAD.test(fold(l.name));
}

/** The leader a question names, claiming its words; null when none or when two fit. */
export function extractLeader(toks: Token[], leaders: Leader[]): Leader | null {
  // "dc"/"đ/c" before a name is "đồng chí", not "được"
  const norms = toks.map((t) => (t.used ? '\u0000' : /^(dc|d\/c)$/.test(fold(t.raw)) ? 'dc' : t.norm));
  const find = (words: string[]): number => {
    outer: for (let i = 0; i + words.length <= norms.length; i++) {
      for (let k = 0; k < words.length; k++) if (norms[i + k] !== words[k]) continue outer;
      return i;
    }
    return -1;
  };
  const hits: Array<{ leader: Leader; start: number; end: number }> = [];
  for (const l of leaders) {
    const name = normWords(l.name);
    // the full name, or a post written as the name ("Giám đốc Sở KHCN")
    let at = find(name);
    if (at >= 0) {
      hits.push({ leader: l, start: at, end: at + name.length });
      continue;
    }
    if (isPersonName(l)) {
      // "Minh Cường", or "anh Cường", "đồng chí Cường", "đ/c Phúc", "PCT Cường"
      const two = name.slice(-2);
      at = find(two);
      if (at >= 0) {
        hits.push({ leader: l, start: at, end: at + 2 });
        continue;
      }
      const given = name[name.length - 1]!;
      for (let i = 1; i < norms.length; i++) {
        const prev = norms[i - 1]!;
        const honor = HONORIFICS.has(prev) || (prev === 'chi' && norms[i - 2] === 'dong');
        if (norms[i] === given && honor) {
          hits.push({ leader: l, start: i, end: i + 1 });
          break;
        }
      }
      if (hits.some((h) => h.leader === l)) continue;
    }
    // a title only this leader holds, from its start ("Phó Bí thư Thường trực", "Trưởng Ban Tổ chức Thành ủy")
    for (const title of l.titles) {
      const words = normWords(title);
      // at least three words of a longer title: two may cut a compound ("thành phố chủ trì" is not "Phó Chủ tịch")
      for (let n = words.length; n >= Math.min(3, words.length); n--) {
        const head = words.slice(0, n);
        const unique = leaders.every((o) => o === l || !o.titles.some((t) => normWords(t).slice(0, n).join(' ') === head.join(' ')));
        at = find(head);
        if (at >= 0 && unique && TITLE_HEAD.test(head.join(' '))) {
          hits.push({ leader: l, start: at, end: at + n });
          break;
        }
      }
      if (hits.some((h) => h.leader === l)) break;
    }
  }
  const distinct = new Set(hits.map((h) => h.leader));
  if (distinct.size !== 1) return null;
  const hit = hits.sort((a, b) => b.end - b.start - (a.end - a.start))[0]!;
  markUsed(toks, hit.start, hit.end);
  // the honorific before a given name ("anh", "đồng chí")
  const before = hit.start > 0 ? toks[hit.start - 1] : undefined;
  if (before && (HONORIFICS.has(before.norm) || /^(dc|d\/c)$/.test(fold(before.raw)))) markUsed(toks, hit.start - 1, hit.start);
  if (before?.norm === 'chi' && toks[hit.start - 2]?.norm === 'dong') markUsed(toks, hit.start - 2, hit.start);
  return hit.leader;
}
