import { formatDay } from '../shared/day.ts';
import { DEFAULT_MARK, INTENT_LABEL, KIND_LABEL, rankLabel, STATUS_LABEL } from './labels.ts';
import type { Intent, Interpretation, QuestionContext } from './types.ts';

export interface Defaults {
  window: boolean;
  rate: boolean;
  mine: boolean;
  progress: boolean;
}

/**
 * The `understood` list: one short Vietnamese phrase per part that was read,
 * in a fixed order (command, what is asked, item kind, statuses, units, kinds,
 * mine, time, plan, number, topic, then problems). Parts filled in by a
 * default say "(mặc định)", so nothing is assumed silently.
 */
export function explain(r: Interpretation, asked: Intent, defaulted: Defaults, ctx: QuestionContext, notes: string[]): string[] {
  const out: string[] = [];
  const unitName = (id: number) => ctx.units.find((u) => u.id === id)?.name ?? `#${id}`;

  if (r.command) out.push(`lệnh ${r.command}`);
  // when a plan could not be resolved the question is UNKNOWN, but what was asked is still worth saying
  const label = INTENT_LABEL[r.intent === 'UNKNOWN' ? asked : r.intent];
  if (r.intent === 'RANK_UNITS' && r.rank) out.push(rankLabel(r.rank));
  else if (r.intent === 'TASK_DETAIL' && r.taskRef) out.push(`chi tiết ${r.itemKind === 'INDICATOR' ? 'chỉ tiêu' : 'nhiệm vụ'} số ${r.taskRef}`);
  else if (r.intent === 'RATE' && defaulted.rate) out.push(`tỷ lệ hoàn thành${DEFAULT_MARK}`);
  else if (defaulted.progress) out.push(`tiến độ${DEFAULT_MARK}`);
  else if (label) out.push(label);

  if (r.itemKind && r.intent !== 'TASK_DETAIL') out.push(r.itemKind === 'TASK' ? 'nhiệm vụ' : 'chỉ tiêu');
  for (const s of r.statuses) {
    if ((defaulted.rate && s === 'DONE') || (r.intent === 'STALE_UNITS' && s === 'STALE')) continue;
    out.push(STATUS_LABEL[s]);
  }
  if (r.unitIds.length > 0) out.push(`đơn vị: ${r.unitIds.map(unitName).join(', ')}`);
  if (r.ambiguousUnit) {
    const ids = r.ambiguousUnit.candidateIds;
    const more = ids.length > 5 ? ` và ${ids.length - 5} đơn vị khác` : '';
    out.push(`chưa rõ đơn vị «${r.ambiguousUnit.text}»: ${ids.slice(0, 5).map(unitName).join(', ')}${more}`);
  }
  if (r.unknownUnit) out.push(`không tìm thấy đơn vị «${r.unknownUnit}»`);
  if (r.unitKinds.length > 0) out.push(`loại đơn vị: ${r.unitKinds.map((k) => KIND_LABEL[k]).join(', ')}`);
  if (r.mine === 'ME') out.push('việc của tôi');
  if (r.mine === 'MY_UNIT') {
    const name = ctx.me.unitId !== null ? `: ${unitName(ctx.me.unitId)}` : '';
    out.push(`đơn vị của tôi${name}${defaulted.mine ? DEFAULT_MARK : ''}`);
  }
  if (r.window) {
    const w = r.window;
    const dates = w.label.includes(formatDay(w.to)) ? '' : ` (${formatDay(w.from)}–${formatDay(w.to)})`;
    out.push(`thời gian: ${w.label}${dates}${defaulted.window ? DEFAULT_MARK : ''}`);
  }
  if (r.planId !== null) out.push(`kế hoạch: ${ctx.plans.find((p) => p.id === r.planId)?.code ?? r.planId}`);
  if (r.taskRef && r.intent !== 'TASK_DETAIL') out.push(`số hiệu: ${r.taskRef}`);
  if (r.section) out.push(`mục ${r.section}`);
  if (r.continuous) out.push('thường xuyên (không có hạn cụ thể)');
  if (r.topic) out.push(`chủ đề: ${r.topic}`);
  out.push(...notes);
  return out;
}
