/**
 * The tasks whose titles hold a topic — `topicMatcher` on the title alone —
 * found without reading every assignment (issue 12: "nhiệm vụ về chuyển đổi
 * số quá hạn" read the whole city's shares into JavaScript to test their
 * titles). Built once per change of the tasks: each title's words are
 * indexed; a topic's words narrow to the titles holding all of them (for an
 * abbreviation, its expansion's words), and only when an expansion was used
 * are those titles checked by the matcher itself, which wants the expansion's
 * words in a row. test/domain/title-index.test.ts holds it to `topicMatcher`.
 */
import { hayMatches, topicAlternatives, topicHay } from './answer-filter.ts';
import { ABBREVIATIONS, textWords } from './vocabulary.ts';

/** Positions in both ascending lists. */
function intersect(a: readonly number[], b: readonly number[]): number[] {
  const out: number[] = [];
  for (let i = 0, j = 0; i < a.length && j < b.length; ) {
    if (a[i]! < b[j]!) i++;
    else if (a[i]! > b[j]!) j++;
    else {
      out.push(a[i]!);
      i++;
      j++;
    }
  }
  return out;
}

function union(lists: readonly (readonly number[])[]): number[] {
  const nonEmpty = lists.filter((l) => l.length > 0);
  if (nonEmpty.length <= 1) return [...(nonEmpty[0] ?? [])];
  return [...new Set(nonEmpty.flat())].sort((a, b) => a - b);
}

export class TitleIndex {
  private readonly ids: number[];
  private readonly titles: string[];
  /** Word → positions of the titles holding it, ascending. */
  private readonly postings = new Map<string, number[]>();

  constructor(rows: readonly { id: number; title: string }[]) {
    this.ids = rows.map((r) => r.id);
    this.titles = rows.map((r) => r.title);
    rows.forEach((r, i) => {
      for (const w of new Set(textWords(r.title))) {
        const list = this.postings.get(w);
        if (list) list.push(i);
        else this.postings.set(w, [i]);
      }
    });
  }

  get size(): number {
    return this.ids.length;
  }

  /** The ids (in the rows' order) of the tasks whose title holds the topic; null when the topic holds no word to match (it narrows nothing). */
  tasks(topic: string): number[] | null {
    const alternatives = topicAlternatives(topic);
    if (!alternatives) return null;
    let check = false;
    const hits: number[][] = [];
    for (const words of alternatives) {
      let acc: number[] | null = null;
      for (const w of words) {
        const expansions = ABBREVIATIONS[w] ?? [];
        if (expansions.length) check = true;
        const here = union([this.holding([w]), ...expansions.map((x) => this.holding(x.split(' ')))]);
        acc = acc === null ? here : intersect(acc, here);
        if (acc.length === 0) break;
      }
      if (acc) hits.push(acc);
    }
    const positions = union(hits);
    const exact = check ? positions.filter((p) => hayMatches(topicHay(this.titles[p]!), alternatives)) : positions;
    return exact.map((p) => this.ids[p]!);
  }

  /** Positions of the titles holding every word. */
  private holding(words: readonly string[]): number[] {
    let acc: readonly number[] | null = null;
    for (const w of words) {
      const list: readonly number[] = this.postings.get(w) ?? [];
      acc = acc === null ? list : intersect(acc, list);
      if (acc.length === 0) return [];
    }
    return [...(acc ?? [])];
  }
}
