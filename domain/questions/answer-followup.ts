/**
 * What the conversation engine does with the choices an answer offers. It
 * keeps the interpretation and page of the last answer in the conversation's
 * memory (plain JSON), and on a choice:
 *   `q:more`      → the same interpretation, the next page (`nextPage`);
 *   `qu:<unitId>` → the interpretation with the chosen unit (`chooseUnit`),
 *                   answered from its first page.
 */
import type { UnitRef } from '../units/types.ts';
import type { Answer, AnswerPage } from './answer-common.ts';
import type { Interpretation } from './types.ts';

/** The page after the one answered, or null when there is none. */
export function nextPage(answer: Answer, page: AnswerPage): AnswerPage | null {
  return answer.nextOffset === null ? null : { offset: answer.nextOffset, size: page.size };
}

/**
 * The question with the unit chosen among those that fitted its words
 * equally, or null when the choice is not one of them (an old button).
 */
export function chooseUnit(interp: Interpretation, choiceId: string, units: UnitRef[]): Interpretation | null {
  const m = /^qu:(\d+)$/.exec(choiceId);
  if (!m || !interp.ambiguousUnit) return null;
  const id = Number(m[1]);
  const unit = units.find((u) => u.id === id);
  if (!unit || !interp.ambiguousUnit.candidateIds.includes(id)) return null;
  const unitIds = interp.unitIds.includes(id) ? interp.unitIds : [...interp.unitIds, id];
  const understood = interp.understood.filter((p) => !p.startsWith('chưa rõ đơn vị') && !p.startsWith('đơn vị: '));
  understood.push(`đơn vị: ${unitIds.map((u) => units.find((x) => x.id === u)?.name ?? `#${u}`).join(', ')}`);
  return { ...interp, unitIds, ambiguousUnit: null, understood };
}
