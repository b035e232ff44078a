/**
 * Recognising the plan a heading or title speaks of: "Kế hoạch số
 * 12-KH/TU, ngày 26/8/2025 của Ban Thường vụ Thành ủy…" → 12-KH/TU, or
 * "Chương trình công tác năm 2026 của Ban Chỉ đạo…" (no number) → CTr-2026.
 */
import { makeDay, type Day } from '../shared/day.ts';

export interface PlanReference {
  code: string;
  title: string;
  issuedOn: Day | null;
  year: number | null;
}

const DOC_WORDS = '(?:Kế hoạch|Chương trình|Nghị quyết|Thông báo|Quyết định|Kết luận|Chỉ thị|Đề án)(?: hành động)?';
const NUMBERED = new RegExp(`(${DOC_WORDS})\\s+số\\s*(\\d+[\\w\\-/ĐđƯưƠơÂâĂăÊêÔô]*)(?:\\s*,?\\s*ngày\\s*(\\d{1,2})\\s*/\\s*(\\d{1,2})\\s*/\\s*(\\d{4}))?`, 'iu');
const PROGRAMME = /(Chương trình công tác năm (\d{4})[^)\n]*)/iu;

export function findPlanReference(text: string | null | undefined): PlanReference | null {
  if (!text) return null;
  const m = NUMBERED.exec(text);
  if (m) {
    const code = m[2]!.replace(/[.,;:]+$/, '');
    const issuedOn = m[3] ? makeDay(+m[5]!, +m[4]!, +m[3]!) : null;
    const title = text
      .slice(m.index)
      .replace(/\s*\(\d+\s*(chỉ tiêu|nhiệm vụ)\)\s*$/iu, '')
      .replace(/\s+/g, ' ')
      .trim();
    return { code, title, issuedOn, year: issuedOn ? +issuedOn.slice(0, 4) : null };
  }
  const p = PROGRAMME.exec(text);
  if (p) {
    return { code: `CTr-${p[2]}`, title: p[1]!.replace(/\s+/g, ' ').trim(), issuedOn: null, year: Number(p[2]) };
  }
  return null;
}
