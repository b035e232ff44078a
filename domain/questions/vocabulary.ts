import { fold } from '../shared/text.ts';
import { leadersOf, type Leader } from './leaders.ts';
import { sectionKeys } from './section.ts';

/**
 * The words the tasks are written in: every folded word and every pair of
 * neighbouring words of the titles, outputs and section headings. A leftover
 * phrase of a question is a subject ("học bạ số", "chữ ký số", "5G") only when
 * the tasks speak of it in those words; otherwise it is a word the parser did
 * not place ("có vc j", "căn cứ", "thế còn") and is ignored, and said so,
 * rather than emptying the answer.
 */
export interface Vocabulary extends TaskWords, TaskNames {}

/** The folded words and neighbouring pairs of the tasks' texts (only asked whether they hold one). */
export interface TaskWords {
  words: { has(word: string): boolean };
  pairs: { has(pair: string): boolean };
}

export interface TaskNames {
  /** The directing leaders the tasks name. */
  leaders: Leader[];
  /** The appendices' sections and groups with their parents ("A", "A.I", "A.I.3", "B.NV", "III"). */
  sections: ReadonlySet<string>;
}

/** Abbreviations officials write, and what they stand for in titles. */
export const ABBREVIATIONS: Record<string, string[]> = {
  cds: ['chuyen doi so'],
  khcn: ['khoa hoc cong nghe', 'khoa hoc va cong nghe'],
  dmst: ['doi moi sang tao'],
  attt: ['an toan thong tin'],
  csdl: ['co so du lieu'],
  tthc: ['thu tuc hanh chinh'],
  dvc: ['dich vu cong'],
  dvctt: ['dich vu cong truc tuyen'],
  ai: ['tri tue nhan tao'],
  ttnt: ['tri tue nhan tao'],
  cntt: ['cong nghe thong tin'],
  gddt: ['giao duc va dao tao', 'giao duc dao tao'],
};

/** The folded words of a text, punctuation dropped ("Sở KH&CN" → so, khcn). */
export function textWords(text: string): string[] {
  return fold(text.replace(/&/g, ''))
    .replace(/[^a-z0-9%]+/g, ' ')
    .split(' ')
    .filter(Boolean);
}

export function buildVocabulary(
  texts: Iterable<string | null | undefined>,
  leaderTexts: Iterable<string | null | undefined> = [],
  sections: Iterable<string> = [],
): Vocabulary {
  return { ...wordsOf(texts), ...namesOf(leaderTexts, sections) };
}

export function namesOf(leaderTexts: Iterable<string | null | undefined>, sections: Iterable<string>): TaskNames {
  return { leaders: leadersOf(leaderTexts), sections: sectionKeys(sections) };
}

export function wordsOf(texts: Iterable<string | null | undefined>): TaskWords {
  const words = new Set<string>();
  const pairs = new Set<string>();
  for (const text of texts) {
    if (!text) continue;
    const ws = textWords(text);
    for (let i = 0; i < ws.length; i++) {
      words.add(ws[i]!);
      if (i > 0) pairs.add(`${ws[i - 1]} ${ws[i]}`);
    }
  }
  return { words, pairs };
}

/**
 * True when the tasks speak of these words: each word is theirs (an
 * abbreviation through its expansion) and, for a phrase, at least half of its
 * neighbouring pairs are too ("xây dựng kế hoạch 2026" yes, "thế còn" no).
 * "và" / "hoặc" join phrases read apart ("kinh phí và nhân lực").
 */
export function knownPhrase(v: Vocabulary, words: string[]): boolean {
  const parts: string[][] = [[]];
  for (const w of words) {
    if (w === 'va' || w === 'hoac') parts.push([]);
    else parts[parts.length - 1]!.push(w);
  }
  const nonEmpty = parts.filter((p) => p.length > 0);
  return nonEmpty.length > 0 && nonEmpty.every((p) => knownPart(v, p));
}

function knownPart(v: Vocabulary, words: string[]): boolean {
  const expanded = words.flatMap((w) => (v.words.has(w) ? [w] : (ABBREVIATIONS[w]?.[0]?.split(' ') ?? [w])));
  if (!expanded.every((w) => v.words.has(w))) return false;
  let pairs = 0;
  for (let i = 1; i < expanded.length; i++) if (v.pairs.has(`${expanded[i - 1]} ${expanded[i]}`)) pairs++;
  return pairs * 2 >= expanded.length - 1;
}
