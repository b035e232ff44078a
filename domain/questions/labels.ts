import type { UnitKind } from '../units/types.ts';
import type { Intent, Rank, StatusFilter } from './types.ts';

/** Vietnamese words for what a question was read as (the "understood" list). */

export const STATUS_LABEL: Record<StatusFilter, string> = {
  OVERDUE: 'quá hạn',
  DUE_SOON: 'sắp đến hạn',
  DONE: 'đã hoàn thành',
  IN_PROGRESS: 'đang triển khai',
  ON_TRACK: 'đang triển khai trong hạn',
  NOT_STARTED: 'chưa triển khai',
  OPEN: 'chưa hoàn thành',
  STALE: 'chậm cập nhật',
  HAS_DIFFICULTIES: 'có vướng mắc',
  MET: 'đạt',
  NOT_MET: 'chưa đạt',
};

export const KIND_LABEL: Record<UnitKind, string> = {
  CITY: 'cơ quan cấp thành phố',
  PARTY_BODY: 'các ban, văn phòng Thành ủy',
  DEPARTMENT: 'sở, ngành',
  AGENCY: 'cơ quan khác của thành phố',
  COMMUNE: 'xã',
  WARD: 'phường',
  SPECIAL_ZONE: 'đặc khu',
  UNIVERSITY: 'trường đại học',
  OTHER: 'đơn vị khác',
};

export const INTENT_LABEL: Record<Intent, string | null> = {
  LIST: 'liệt kê',
  COUNT: 'đếm số lượng',
  RATE: 'tỷ lệ',
  RANK_UNITS: 'xếp hạng đơn vị',
  PROGRESS: 'tiến độ',
  DIFFICULTIES: 'khó khăn, vướng mắc',
  PROPOSALS: 'đề xuất, kiến nghị',
  STALE_UNITS: 'đơn vị chậm cập nhật',
  REQUEST: null,
  VALUE: 'giá trị chỉ tiêu',
  TASK_DETAIL: 'chi tiết',
  REPORT: 'xuất báo cáo',
  HELP: 'hướng dẫn sử dụng',
  UNKNOWN: null,
};

export function rankLabel(r: Rank): string {
  const by = r.by === 'OVERDUE' ? 'số nhiệm vụ quá hạn' : r.by === 'STALE' ? 'mức chậm cập nhật' : 'tỷ lệ hoàn thành';
  const order = r.order === 'WORST' ? 'kém nhất trước' : 'tốt nhất trước';
  return `xếp hạng đơn vị theo ${by}, ${order} (${r.limit} đơn vị)`;
}

export const DEFAULT_MARK = ' (mặc định)';
