/**
 * Rewrites the folded shadow (never the text shown back) so the markers see
 * one spelling of what people send in many:
 * - a percentage glued to words: "dat90%", "75%da nop", "khai40%" → spaced;
 * - keywords typed without their spaces: "hoanthanh", "tiendo", "xongroi";
 * - numbers said as words, as speech-to-text writes them: "bảy mươi lăm phần
 *   trăm" → "75 phan tram", "hai phần ba" → "66,7%", "ba mươi hay bốn mươi
 *   phần trăm" → "30 hay 40 phan tram", "tiến độ năm mươi" → "tien do 50".
 * Each rewritten character points at the original words it stands for, so
 * every span still maps back to what was typed.
 */
import { agreesWithNumberWord, denominator, DENOMINATOR_WORD, NUMBER_WORD, numberFromWords } from '../../text/numbers.ts';
import { splitGlued } from '../../text/telex.ts';
import { orig, type Shadow } from './shadow.ts';

interface Edit {
  s: number;
  e: number;
  to: string;
}

function apply(sh: Shadow, edits: Edit[]): Shadow {
  if (!edits.length) return sh;
  edits.sort((a, b) => a.s - b.s);
  let f = '';
  const at: number[] = [];
  let i = 0;
  for (const ed of edits) {
    if (ed.s < i) continue;
    for (; i < ed.s; i++) {
      f += sh.f[i];
      at.push(sh.at[i]!);
    }
    const to = sh.at[ed.s] ?? sh.o.length;
    for (const ch of ed.to) {
      f += ch;
      at.push(to);
    }
    i = ed.e;
  }
  for (; i < sh.f.length; i++) {
    f += sh.f[i];
    at.push(sh.at[i]!);
  }
  return { ...sh, f, at };
}

/** Spaces around a glued percentage: "dat90%" → "dat 90%", "75%da" → "75% da". */
function spacePercents(sh: Shadow): Shadow {
  const edits: Edit[] = [];
  for (const m of sh.f.matchAll(/[a-z](?=\d+(?:[.,]\d+)?\s?%)/g)) edits.push({ s: m.index + 1, e: m.index + 1, to: ' ' });
  for (const m of sh.f.matchAll(/%(?=[a-z0-9])/g)) edits.push({ s: m.index + 1, e: m.index + 1, to: ' ' });
  return apply(sh, edits);
}

/** Glued words split only when they spell a phrase the markers know (a stray split elsewhere would change nothing useful). */
const GLUED_PHRASES = new Set([
  'tien do', 'hoan thanh', 'trien khai', 'dang trien khai', 'chua trien khai', 'da trien khai', 'xong roi', 'da xong', 'vuong mac',
  'kho khan', 'de xuat', 'de nghi', 'kien nghi', 'du kien', 'dang lam', 'chua lam', 'thuc hien', 'dang thuc hien', 'da hoan thanh', 'hoan tat',
]);

function splitWords(sh: Shadow): Shadow {
  const edits: Edit[] = [];
  for (const m of sh.f.matchAll(/(?<![a-z0-9])[a-z]{4,18}(?![a-z0-9])/g)) {
    const parts = splitGlued(m[0]);
    if (!parts || !GLUED_PHRASES.has(parts.join(' '))) continue;
    let k = m.index;
    for (const p of parts.slice(0, -1)) {
      k += p.length;
      edits.push({ s: k, e: k, to: ' ' });
    }
  }
  return apply(sh, edits);
}

const SEQ = `${NUMBER_WORD}(?: ${NUMBER_WORD})*`;
const PCT_AFTER = ' ?(?:phan tram|%)';
const SPOKEN = new RegExp(
  [
    // "bảy tám mươi phần trăm": two digits in a row before "mươi/chục" say a range (70 to 80)
    `(?<![a-z0-9])(?<ra>${NUMBER_WORD}) (?<rb>${NUMBER_WORD}) (?:muoi|chuc)(?=${PCT_AFTER})`,
    // "tháng mười hai", "nhiệm vụ hai mươi hai": a month or a task said as words
    `(?<=(?:thang|(?:nhiem vu|nv)(?: so)?) )(?<t>${SEQ})(?![a-z0-9])(?! ?\\d)`,
    // "hai phần ba", "một phần tư": a fraction (not followed by "trăm")
    `(?<![a-z0-9])(?<fa>${NUMBER_WORD}) phan (?<fb>${DENOMINATOR_WORD})(?![a-z0-9]| tram)`,
    // "năm mươi phần trăm", and the first of "ba mươi hay bốn mươi phần trăm"
    `(?<![a-z0-9])(?<p>${SEQ})(?=${PCT_AFTER}|(?: (?:hay|hoac|den|toi|-|–|~)(?: khoang)? ${SEQ}${PCT_AFTER}))`,
    // "tiến độ năm mươi", "đạt sáu mươi": a number said to be progress
    `(?<=(?:tien do|dat|duoc) (?:khoang )?)(?<n>${SEQ})(?![a-z0-9])`,
  ].join('|'),
  'gd',
);

/** The number words of a match as typed, dropping leading words whose accents disagree ("tầm năm mươi") or make it over 100. */
function readWords(sh: Shadow, s: number, e: number): { s: number; value: number } | null {
  const folded = sh.f.slice(s, e).split(' ');
  const typed = orig(sh, s, e).split(/\s+/);
  let start = s;
  for (let k = 0; k < folded.length; k++) {
    const rest = folded.slice(k);
    const ok = typed.length === folded.length ? typed.slice(k).every(agreesWithNumberWord) : true;
    const value = numberFromWords(rest);
    if (ok && value !== null && value <= 100) return { s: start, value };
    start += folded[k]!.length + 1;
  }
  return null;
}

function spokenNumbers(sh: Shadow): Shadow {
  const edits: Edit[] = [];
  for (const m of sh.f.matchAll(SPOKEN)) {
    const g = m.indices!.groups!;
    if (g.fa) {
      const a = numberFromWords([m.groups!.fa!]);
      const b = denominator(m.groups!.fb!);
      const typed = orig(sh, m.index, m.index + m[0].length).split(/\s+/);
      if (a === null || !b || a > b || !agreesWithNumberWord(typed[0]!) || !agreesWithNumberWord(typed[2]!)) continue;
      edits.push({ s: m.index, e: m.index + m[0].length, to: `${String(Math.round((a / b) * 1000) / 10).replace('.', ',')}%` });
      continue;
    }
    if (g.ra) {
      const a = numberFromWords([m.groups!.ra!]);
      const b = numberFromWords([m.groups!.rb!]);
      const typed = orig(sh, m.index, m.index + m[0].length).split(/\s+/);
      if (a === null || b !== a + 1 || !typed.every(agreesWithNumberWord)) continue;
      edits.push({ s: m.index, e: m.index + m[0].length, to: `${a * 10}-${b * 10}` });
      continue;
    }
    if (g.t) {
      // one plain word ("nv sau", "thang nam") is too ambiguous without its accents
      const typed = orig(sh, g.t[0], g.t[1]);
      const read = readWords(sh, g.t[0], g.t[1]);
      const month = sh.f.slice(Math.max(0, g.t[0] - 6), g.t[0]) === 'thang ';
      if (!read || read.s !== g.t[0] || (month && (read.value < 1 || read.value > 12))) continue;
      if (!typed.includes(' ') && typed === sh.f.slice(g.t[0], g.t[1])) continue;
      edits.push({ s: g.t[0], e: g.t[1], to: String(read.value) });
      continue;
    }
    const span = g.p ?? g.n;
    if (!span) continue;
    const read = readWords(sh, span[0], span[1]);
    if (read) edits.push({ s: read.s, e: span[1], to: String(read.value) });
  }
  return apply(sh, edits);
}

export function respell(sh: Shadow): Shadow {
  return spokenNumbers(splitWords(spacePercents(sh)));
}
