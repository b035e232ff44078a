import { describe, expect, it } from 'vitest';
import type { Day } from '../../../domain/shared/day.ts';
import type { Role } from '../../../domain/people/types.ts';
import type { UnitKind } from '../../../domain/units/types.ts';
import { EXAMPLE_QUESTIONS, parseQuestion } from '../../../domain/questions/parse-question.ts';
import type { Intent, Interpretation, Rank, StatusFilter } from '../../../domain/questions/types.ts';
import { readQuestion } from '../../../domain/questions/context.ts';
import type { QuestionData } from '../../../domain/questions/ports.ts';
import { context, P, PLANS, TODAY, U, UNITS, VOCABULARY } from './fixtures.ts';

/**
 * The question table. Every field of the reading is compared: a field a case
 * does not mention must be empty (no statuses, no units, no window, no
 * topic…), so a stray reading fails the case. `understood` is checked only
 * for the phrases a case lists.
 */
interface Expected {
  intent: Intent;
  statuses?: StatusFilter[];
  units?: number[];
  ambiguous?: { text: string; candidateIds: number[] };
  unknownUnit?: string;
  kinds?: UnitKind[];
  mine?: 'ME' | 'MY_UNIT';
  window?: [Day, Day];
  plan?: number;
  item?: 'TASK' | 'INDICATOR';
  ref?: string;
  topic?: string;
  rank?: Rank;
  command?: string;
  understood?: string[];
}

interface Case {
  q: string;
  e: Expected;
  today?: Day;
  me?: { unitId: number | null; roles: Role[] };
}

const Q4_2026: [Day, Day] = ['2026-10-01', '2026-12-31'];
const NOV_2026: [Day, Day] = ['2026-11-01', '2026-11-30'];
const NEXT_7: [Day, Day] = ['2026-11-26', '2026-12-03'];
const NEXT_14: [Day, Day] = ['2026-11-26', '2026-12-10'];
const WEEK: [Day, Day] = ['2026-11-23', '2026-11-29'];
const SO_ALL = [U.SO_KHCN, U.SO_NOI_VU, U.SO_TAI_CHINH, U.SO_GDDT, U.SO_XAY_DUNG];
const AN_DUONG = [U.P_AN_DUONG, U.X_AN_DUONG];
const worst = (by: Rank['by'], limit = 5): Rank => ({ by, order: 'WORST', limit });
const best = (by: Rank['by'], limit = 5): Rank => ({ by, order: 'BEST', limit });

const CASES: Case[] = [
  // ---- the questions of the brief
  { q: 'nhiệm vụ nào quá hạn ở Cát Hải?', e: { intent: 'LIST', statuses: ['OVERDUE'], units: [U.CAT_HAI], item: 'TASK', understood: ['quá hạn', 'đơn vị: Đặc khu Cát Hải'] } },
  { q: 'nhiem vu qua han cat hai', e: { intent: 'LIST', statuses: ['OVERDUE'], units: [U.CAT_HAI], item: 'TASK' } },
  { q: 'tiến độ Sở Nội vụ', e: { intent: 'PROGRESS', units: [U.SO_NOI_VU], understood: ['tiến độ', 'đơn vị: Sở Nội vụ'] } },
  { q: 'các việc sắp đến hạn trong 2 tuần', e: { item: 'TASK', intent: 'LIST', statuses: ['DUE_SOON'], window: NEXT_14 } },
  { q: 'đơn vị nào chưa cập nhật tháng 11', e: { intent: 'STALE_UNITS', statuses: ['STALE'], window: NOV_2026, understood: ['đơn vị chậm cập nhật'] } },
  { q: 'vướng mắc của đặc khu Cát Hải', e: { intent: 'DIFFICULTIES', units: [U.CAT_HAI] } },
  { q: 'chỉ tiêu 5G đạt chưa', e: { intent: 'VALUE', item: 'INDICATOR', topic: '5G', understood: ['chủ đề: 5G'] } },
  { q: 'xuất báo cáo quý IV', e: { intent: 'REPORT', window: Q4_2026, understood: ['thời gian: quý IV/2026 (01/10/2026–31/12/2026)'] } },
  { q: 'xã nào chưa xây dựng kế hoạch 2026?', e: { intent: 'LIST', statuses: ['OPEN'], kinds: ['COMMUNE'], topic: 'xây dựng kế hoạch 2026' } },
  { q: 'tổng hợp tiến độ quý IV', e: { intent: 'PROGRESS', window: Q4_2026 } },
  { q: 'có bao nhiêu nhiệm vụ quá hạn', e: { intent: 'COUNT', statuses: ['OVERDUE'], item: 'TASK' } },
  { q: 'tỷ lệ hoàn thành của Sở KH&CN', e: { intent: 'RATE', statuses: ['DONE'], units: [U.SO_KHCN] } },
  { q: 'đơn vị nào chậm nhất', e: { intent: 'RANK_UNITS', rank: worst('OVERDUE') } },
  { q: 'nhiệm vụ 22', e: { intent: 'TASK_DETAIL', item: 'TASK', ref: '22', understood: ['chi tiết nhiệm vụ số 22'] } },
  { q: 'nhiệm vụ II.6 của Cát Hải', e: { intent: 'TASK_DETAIL', item: 'TASK', ref: 'II.6', units: [U.CAT_HAI] } },

  // ---- the same without diacritics
  { q: 'tien do so noi vu', e: { intent: 'PROGRESS', units: [U.SO_NOI_VU] } },
  { q: 'cac viec sap den han trong 2 tuan', e: { item: 'TASK', intent: 'LIST', statuses: ['DUE_SOON'], window: NEXT_14 } },
  { q: 'don vi nao chua cap nhat thang 11', e: { intent: 'STALE_UNITS', statuses: ['STALE'], window: NOV_2026 } },
  { q: 'vuong mac cua dac khu cat hai', e: { intent: 'DIFFICULTIES', units: [U.CAT_HAI] } },
  { q: 'chi tieu 5G dat chua', e: { intent: 'VALUE', item: 'INDICATOR', topic: '5G' } },
  { q: 'xuat bao cao quy IV', e: { intent: 'REPORT', window: Q4_2026 } },
  { q: 'xa nao chua xay dung ke hoach 2026', e: { intent: 'LIST', statuses: ['OPEN'], kinds: ['COMMUNE'], topic: 'xay dung ke hoach 2026' } },
  { q: 'tong hop tien do quy 4', e: { intent: 'PROGRESS', window: Q4_2026 } },
  { q: 'co bao nhieu nhiem vu qua han', e: { intent: 'COUNT', statuses: ['OVERDUE'], item: 'TASK' } },
  { q: 'ty le hoan thanh cua so khcn', e: { intent: 'RATE', statuses: ['DONE'], units: [U.SO_KHCN] } },
  { q: 'don vi nao cham nhat', e: { intent: 'RANK_UNITS', rank: worst('OVERDUE') } },
  { q: 'nhiem vu 22', e: { intent: 'TASK_DETAIL', item: 'TASK', ref: '22' } },
  { q: 'nhiem vu ii.6 cua cat hai', e: { intent: 'TASK_DETAIL', item: 'TASK', ref: 'II.6', units: [U.CAT_HAI] } },

  // ---- unit names: aliases, abbreviations, initials, typos
  { q: 'quá hạn ĐK Cát Hải', e: { intent: 'LIST', statuses: ['OVERDUE'], units: [U.CAT_HAI] } },
  { q: 'dac khu CH qua han', e: { intent: 'LIST', statuses: ['OVERDUE'], units: [U.CAT_HAI] } },
  { q: 'ĐK CH có bao nhiêu nhiệm vụ quá hạn', e: { intent: 'COUNT', statuses: ['OVERDUE'], units: [U.CAT_HAI], item: 'TASK' } },
  { q: 'tiến độ UBND đặc khu Cát Hải', e: { intent: 'PROGRESS', units: [U.CAT_HAI] } },
  { q: 'tien do ubnd cat hai', e: { intent: 'PROGRESS', units: [U.CAT_HAI] } },
  { q: 'cat hay co nhiem vu nao qua han khong', e: { intent: 'LIST', statuses: ['OVERDUE'], units: [U.CAT_HAI], item: 'TASK' } },
  { q: 'tien do dac khu cat hia', e: { intent: 'PROGRESS', units: [U.CAT_HAI] } },
  { q: 'cathai qua han', e: { intent: 'LIST', statuses: ['OVERDUE'], units: [U.CAT_HAI] } },
  { q: 'tiến độ Bạch Long Vĩ', e: { intent: 'PROGRESS', units: [U.BACH_LONG_VI] } },
  { q: 'tien do bach long vy', e: { intent: 'PROGRESS', units: [U.BACH_LONG_VI] } },
  { q: 'tiến độ Sở KHCN', e: { intent: 'PROGRESS', units: [U.SO_KHCN] } },
  { q: 'tiến độ sở khoa học', e: { intent: 'PROGRESS', units: [U.SO_KHCN] } },
  { q: 'tien do so khoa hoc va cong nghe', e: { intent: 'PROGRESS', units: [U.SO_KHCN] } },
  { q: 'so khoa hoc co bao nhieu nhiem vu', e: { intent: 'COUNT', units: [U.SO_KHCN], item: 'TASK' } },
  { q: 'tiến độ Sở KH & CN', e: { intent: 'PROGRESS', units: [U.SO_KHCN] } },
  { q: 'tien do so noi vuu', e: { intent: 'PROGRESS', units: [U.SO_NOI_VU] } },
  { q: 'tiến độ sở tài chin', e: { intent: 'PROGRESS', units: [U.SO_TAI_CHINH] } },
  { q: 'tiến độ Sở GD&ĐT', e: { intent: 'PROGRESS', units: [U.SO_GDDT] } },
  { q: 'tiến độ sở giáo dục', e: { intent: 'PROGRESS', units: [U.SO_GDDT] } },
  { q: 'tiến độ sở xây dựng', e: { intent: 'PROGRESS', units: [U.SO_XAY_DUNG] } },
  { q: 'tiến độ Công an TP', e: { intent: 'PROGRESS', units: [U.CONG_AN] } },
  { q: 'tien do CATP', e: { intent: 'PROGRESS', units: [U.CONG_AN] } },
  { q: 'tiến độ ban tổ chức', e: { intent: 'PROGRESS', units: [U.BAN_TC_TU] } },
  { q: 'tiến độ Văn phòng Thành uỷ', e: { intent: 'PROGRESS', units: [U.VP_TU] } },
  { q: 'tien do VPTU', e: { intent: 'PROGRESS', units: [U.VP_TU] } },
  { q: 'tiến độ UBND TP', e: { intent: 'PROGRESS', units: [U.UBND_TP] } },
  { q: 'tiến độ Mặt trận Tổ quốc thành phố', e: { intent: 'PROGRESS', units: [U.MTTQ] } },
  { q: 'tiến độ trường đại học Hải Phòng', e: { intent: 'PROGRESS', units: [U.DH_HP] } },
  { q: 'nhiệm vụ quá hạn ở phường An Dương', e: { intent: 'LIST', statuses: ['OVERDUE'], units: [U.P_AN_DUONG], item: 'TASK' } },
  { q: 'nhiem vu qua han o xa an duong', e: { intent: 'LIST', statuses: ['OVERDUE'], units: [U.X_AN_DUONG], item: 'TASK' } },
  { q: 'quá hạn P. An Dương', e: { intent: 'LIST', statuses: ['OVERDUE'], units: [U.P_AN_DUONG] } },
  { q: 'nhiệm vụ quá hạn ở Cát Hải và Bạch Long Vĩ', e: { intent: 'LIST', statuses: ['OVERDUE'], units: [U.CAT_HAI, U.BACH_LONG_VI], item: 'TASK' } },
  { q: 'tiến độ sở nội vụ và sở tài chính', e: { intent: 'PROGRESS', units: [U.SO_NOI_VU, U.SO_TAI_CHINH] } },
  { q: 'tien do p hong bag', e: { intent: 'PROGRESS', units: [U.P_HONG_BANG] } },
  { q: 'tiến độ hồng bàng', e: { intent: 'PROGRESS', units: [U.P_HONG_BANG] } },
  { q: 'tien do kien thuy', e: { intent: 'PROGRESS', units: [U.X_KIEN_THUY] } },
  { q: 'tiến độ kiến an', e: { intent: 'PROGRESS', units: [U.P_KIEN_AN] } },
  { q: 'tiến độ xã Nam Sách năm 2025', e: { intent: 'PROGRESS', units: [U.X_NAM_SACH], window: ['2025-01-01', '2025-12-31'] } },
  { q: 'tien do le chan', e: { intent: 'PROGRESS', units: [U.P_LE_CHAN] } },
  { q: 'tiến độ Hải An', e: { intent: 'PROGRESS', units: [U.P_HAI_AN] } },
  { q: 'quá hạn Tiên Lãng', e: { intent: 'LIST', statuses: ['OVERDUE'], units: [U.X_TIEN_LANG] } },
  { q: 'vuong mac an lao', e: { intent: 'DIFFICULTIES', units: [U.X_AN_LAO] } },
  { q: 'tien do thuy nguyen', e: { intent: 'PROGRESS', units: [U.P_THUY_NGUYEN] } },
  { q: 'tien do do son', e: { intent: 'PROGRESS', units: [U.P_DO_SON] } },
  { q: 'Cát Hải', e: { intent: 'PROGRESS', units: [U.CAT_HAI], understood: ['tiến độ (mặc định)'] } },
  { q: 'tien do an duog', e: { intent: 'PROGRESS', ambiguous: { text: 'an duog', candidateIds: AN_DUONG } } },
  { q: 'tiến độ Phường An Dương và Xã An Dương', e: { intent: 'PROGRESS', units: [U.P_AN_DUONG, U.X_AN_DUONG] } },
  { q: 'tien do cat hhaii', e: { intent: 'PROGRESS', unknownUnit: 'cat hhaii' } },
  { q: 'tien do dac khu cta hia', e: { intent: 'PROGRESS', unknownUnit: 'dac khu cta hia' } },
  { q: 'ban oi cho hoi tien do cat hai', e: { intent: 'PROGRESS', units: [U.CAT_HAI] } },
  { q: 'nhiệm vụ sở nội vụ chủ trì', e: { intent: 'LIST', units: [U.SO_NOI_VU], item: 'TASK' } },
  { q: 'tien do hai phong', e: { intent: 'PROGRESS' } },

  // ---- two units fit, or none
  { q: 'tiến độ An Dương', e: { intent: 'PROGRESS', ambiguous: { text: 'An Dương', candidateIds: AN_DUONG }, understood: ['chưa rõ đơn vị «An Dương»: Phường An Dương, Xã An Dương'] } },
  { q: 'tien do an duong', e: { intent: 'PROGRESS', ambiguous: { text: 'an duong', candidateIds: AN_DUONG } } },
  { q: 'nhiệm vụ quá hạn ở An Dương', e: { intent: 'LIST', statuses: ['OVERDUE'], item: 'TASK', ambiguous: { text: 'An Dương', candidateIds: AN_DUONG } } },
  { q: 'tiến độ của Sở', e: { intent: 'PROGRESS', ambiguous: { text: 'Sở', candidateIds: SO_ALL } } },
  { q: 'vướng mắc của đặc khu', e: { intent: 'DIFFICULTIES', ambiguous: { text: 'đặc khu', candidateIds: [U.CAT_HAI, U.BACH_LONG_VI] } } },
  { q: 'vuong mac cua dac khu', e: { intent: 'DIFFICULTIES', ambiguous: { text: 'dac khu', candidateIds: [U.CAT_HAI, U.BACH_LONG_VI] } } },
  { q: 'tiến độ xã Tân Tiến', e: { intent: 'PROGRESS', unknownUnit: 'xã Tân Tiến', understood: ['không tìm thấy đơn vị «xã Tân Tiến»'] } },
  { q: 'tien do xa tan tien', e: { intent: 'PROGRESS', unknownUnit: 'xa tan tien' } },
  { q: 'tiến độ Sở Y tế', e: { intent: 'PROGRESS', unknownUnit: 'Sở Y tế' } },
  { q: 'quá hạn ở Hà Nội', e: { intent: 'LIST', statuses: ['OVERDUE'], unknownUnit: 'Hà Nội' } },
  { q: 'tiến độ Tân Tiến', e: { intent: 'PROGRESS', unknownUnit: 'Tân Tiến' } },
  { q: 'tiến độ phường', e: { intent: 'PROGRESS', ambiguous: { text: 'phường', candidateIds: [30, 31, 32, 33, 34, 35, 36] } } },
  { q: 'vướng mắc về tài chính', e: { intent: 'DIFFICULTIES', topic: 'tài chính' } },
  { q: 'vuong mac ve tai chinh', e: { intent: 'DIFFICULTIES', topic: 'tai chinh' } },
  { q: 'vướng mắc về cơ sở dữ liệu', e: { intent: 'DIFFICULTIES', topic: 'cơ sở dữ liệu' } },
  { q: 'tiến độ xã hội số', e: { intent: 'PROGRESS', topic: 'xã hội số' } },
  { q: 'xa hoi so qua han', e: { intent: 'LIST', statuses: ['OVERDUE'], topic: 'xa hoi so' } },
  { q: 'nhiệm vụ Bình Dân Học Vụ Số', e: { intent: 'LIST', item: 'TASK', topic: 'Bình Dân Học Vụ Số' } },
  { q: 'an toan thong tin qua han', e: { intent: 'LIST', statuses: ['OVERDUE'], topic: 'an toan thong tin' } },
  { q: 'kho khan ve dat dai', e: { intent: 'DIFFICULTIES', topic: 'dat dai' } },

  // ---- unit kinds
  { q: 'các xã chậm cập nhật', e: { intent: 'STALE_UNITS', statuses: ['STALE'], kinds: ['COMMUNE'], window: NOV_2026, understood: ['thời gian: tháng 11/2026 (01/11/2026–30/11/2026) (mặc định)'] } },
  { q: 'xã, phường nào chưa cập nhật tháng này', e: { intent: 'STALE_UNITS', statuses: ['STALE'], kinds: ['COMMUNE', 'WARD'], window: NOV_2026 } },
  { q: 'có bao nhiêu xã chậm cập nhật', e: { intent: 'STALE_UNITS', statuses: ['STALE'], kinds: ['COMMUNE'], window: NOV_2026 } },
  { q: 'sở nào chậm nhất', e: { intent: 'RANK_UNITS', kinds: ['DEPARTMENT'], rank: worst('OVERDUE') } },
  { q: 'các sở, ban, ngành chưa hoàn thành', e: { intent: 'LIST', statuses: ['OPEN'], kinds: ['PARTY_BODY', 'DEPARTMENT', 'AGENCY'] } },
  { q: 'địa phương nào có nhiều nhiệm vụ quá hạn nhất', e: { intent: 'RANK_UNITS', kinds: ['COMMUNE', 'WARD', 'SPECIAL_ZONE'], item: 'TASK', rank: worst('OVERDUE') } },
  { q: 'tiến độ các phường', e: { intent: 'PROGRESS', kinds: ['WARD'] } },
  { q: 'các đặc khu có vướng mắc gì', e: { intent: 'DIFFICULTIES', kinds: ['SPECIAL_ZONE'] } },
  { q: 'cac phuong co bao nhieu nhiem vu qua han', e: { intent: 'COUNT', statuses: ['OVERDUE'], kinds: ['WARD'], item: 'TASK' } },
  { q: 'phuong nao chua cap nhat', e: { intent: 'STALE_UNITS', statuses: ['STALE'], kinds: ['WARD'], window: NOV_2026 } },
  { q: 'các trường đại học chưa triển khai', e: { intent: 'LIST', statuses: ['NOT_STARTED'], kinds: ['UNIVERSITY'] } },
  { q: 'danh sách xã quá hạn', e: { intent: 'LIST', statuses: ['OVERDUE'], kinds: ['COMMUNE'] } },
  { q: 'đặc khu nào chậm nhất', e: { intent: 'RANK_UNITS', kinds: ['SPECIAL_ZONE'], rank: worst('OVERDUE') } },
  { q: 'cac so chua cap nhat', e: { intent: 'STALE_UNITS', statuses: ['STALE'], kinds: ['DEPARTMENT'], window: NOV_2026 } },
  { q: 'Sở Tài chính đã gửi báo cáo chưa', e: { intent: 'STALE_UNITS', statuses: ['STALE'], units: [U.SO_TAI_CHINH], window: NOV_2026 } },
  { q: 'so xa chua cap nhat thang 10', e: { intent: 'STALE_UNITS', statuses: ['STALE'], kinds: ['COMMUNE'], window: ['2026-10-01', '2026-10-31'] } },

  // ---- statuses
  { q: 'nhiệm vụ trễ hạn', e: { intent: 'LIST', statuses: ['OVERDUE'], item: 'TASK' } },
  { q: 'nhiem vu bi cham', e: { intent: 'LIST', statuses: ['OVERDUE'], item: 'TASK' } },
  { q: 'việc nào trễ', e: { item: 'TASK', intent: 'LIST', statuses: ['OVERDUE'] } },
  { q: 'nhiệm vụ đã hoàn thành quý III', e: { intent: 'LIST', statuses: ['DONE'], item: 'TASK', window: ['2026-07-01', '2026-09-30'] } },
  { q: 'nhiem vu da xong cua cat hai', e: { intent: 'LIST', statuses: ['DONE'], item: 'TASK', units: [U.CAT_HAI] } },
  { q: 'nhiệm vụ đang triển khai', e: { intent: 'LIST', statuses: ['IN_PROGRESS'], item: 'TASK' } },
  { q: 'nhiệm vụ đang triển khai trong hạn', e: { intent: 'LIST', statuses: ['ON_TRACK'], item: 'TASK' } },
  { q: 'nhiem vu dung tien do cua so tai chinh', e: { intent: 'LIST', statuses: ['ON_TRACK'], item: 'TASK', units: [U.SO_TAI_CHINH] } },
  { q: 'nhiệm vụ chưa triển khai của Sở Tài chính', e: { intent: 'LIST', statuses: ['NOT_STARTED'], item: 'TASK', units: [U.SO_TAI_CHINH] } },
  { q: 'nhiem vu chua thuc hien', e: { intent: 'LIST', statuses: ['NOT_STARTED'], item: 'TASK' } },
  { q: 'các nhiệm vụ tồn đọng', e: { intent: 'LIST', statuses: ['OPEN'], item: 'TASK' } },
  { q: 'nhiệm vụ chưa hoàn thành năm 2025', e: { intent: 'LIST', statuses: ['OPEN'], item: 'TASK', window: ['2025-01-01', '2025-12-31'] } },
  { q: 'chỉ tiêu nào chưa đạt', e: { intent: 'LIST', statuses: ['NOT_MET'], item: 'INDICATOR' } },
  { q: 'các chỉ tiêu đã đạt của Cát Hải', e: { intent: 'LIST', statuses: ['MET'], item: 'INDICATOR', units: [U.CAT_HAI] } },
  { q: 'chi tieu nao chua dat o cat hai', e: { intent: 'LIST', statuses: ['NOT_MET'], item: 'INDICATOR', units: [U.CAT_HAI] } },
  { q: 'chi tieu khong dat', e: { intent: 'LIST', statuses: ['NOT_MET'], item: 'INDICATOR' } },
  { q: 'việc nào có vướng mắc', e: { item: 'TASK', intent: 'LIST', statuses: ['HAS_DIFFICULTIES'] } },
  { q: 'bao nhiêu nhiệm vụ có vướng mắc', e: { intent: 'COUNT', statuses: ['HAS_DIFFICULTIES'], item: 'TASK' } },
  { q: 'nhiệm vụ nào chậm cập nhật', e: { intent: 'LIST', statuses: ['STALE'], item: 'TASK' } },
  { q: 'nhiệm vụ quá hạn chậm cập nhật của Cát Hải', e: { intent: 'LIST', statuses: ['OVERDUE', 'STALE'], item: 'TASK', units: [U.CAT_HAI] } },
  // a deadline arriving in a window the question names ("đến hạn tuần này", "hết hạn trước 31/12") is that deadline window, every state
  { q: 'nhiệm vụ hết hạn trước 31/12', e: { intent: 'LIST', statuses: [], item: 'TASK', window: ['2026-11-26', '2026-12-31'] } },
  { q: 'chuyển đổi số quá hạn', e: { intent: 'LIST', statuses: ['OVERDUE'], topic: 'chuyển đổi số' } },
  { q: 'nhiệm vụ CĐS quá hạn', e: { intent: 'LIST', statuses: ['OVERDUE'], item: 'TASK', topic: 'CĐS' } },
  { q: 'tien do chuyen doi so cua cat hai', e: { intent: 'PROGRESS', units: [U.CAT_HAI], topic: 'chuyen doi so' } },
  { q: 'nhiệm vụ khoa học công nghệ sắp đến hạn', e: { intent: 'LIST', statuses: ['DUE_SOON'], item: 'TASK', window: NEXT_7, topic: 'khoa học công nghệ' } },
  { q: 'co nhiem vu nao qua han khong', e: { intent: 'LIST', statuses: ['OVERDUE'], item: 'TASK' } },
  { q: 'chi tieu nao dat', e: { intent: 'LIST', statuses: ['MET'], item: 'INDICATOR' } },
  { q: 'Cát Hải có bao nhiêu chỉ tiêu đạt', e: { intent: 'COUNT', statuses: ['MET'], units: [U.CAT_HAI], item: 'INDICATOR' } },
  { q: 'hôm nay có việc gì đến hạn không', e: { item: 'TASK', intent: 'LIST', statuses: [], window: ['2026-11-26', '2026-11-26'] } },

  // ---- time windows, today = Thursday 26/11/2026
  { q: 'nhiệm vụ đến hạn tuần này', e: { intent: 'LIST', statuses: [], item: 'TASK', window: WEEK } },
  { q: 'nhiem vu den han tuan sau', e: { intent: 'LIST', statuses: [], item: 'TASK', window: ['2026-11-30', '2026-12-06'] } },
  { q: 'sắp đến hạn', e: { intent: 'LIST', statuses: ['DUE_SOON'], window: NEXT_7, understood: ['thời gian: 7 ngày tới (26/11–03/12/2026) (mặc định)'] } },
  { q: 'sap het han trong 7 ngay toi', e: { intent: 'LIST', statuses: ['DUE_SOON'], window: NEXT_7 } },
  { q: 'sắp đến hạn 1 tháng tới', e: { intent: 'LIST', statuses: ['DUE_SOON'], window: ['2026-11-26', '2026-12-26'] } },
  { q: 'việc tới hạn tuần này', e: { item: 'TASK', intent: 'LIST', statuses: [], window: WEEK } },
  { q: 'hạn hôm nay', e: { intent: 'LIST', window: ['2026-11-26', '2026-11-26'] } },
  { q: 'nhiệm vụ đến hạn ngày mai', e: { intent: 'LIST', statuses: [], item: 'TASK', window: ['2026-11-27', '2026-11-27'] } },
  { q: 'quá hạn tháng 10', e: { intent: 'LIST', statuses: ['OVERDUE'], window: ['2026-10-01', '2026-10-31'] } },
  { q: 'qua han thang 11/2025', e: { intent: 'LIST', statuses: ['OVERDUE'], window: ['2025-11-01', '2025-11-30'] } },
  { q: 'quá hạn quý IV/2025', e: { intent: 'LIST', statuses: ['OVERDUE'], window: ['2025-10-01', '2025-12-31'] } },
  { q: 'bao cao Q4', e: { intent: 'REPORT', window: Q4_2026 } },
  { q: 'báo cáo quý 4 năm 2025', e: { intent: 'REPORT', window: ['2025-10-01', '2025-12-31'] } },
  { q: 'bao cao nam 2025', e: { intent: 'REPORT', window: ['2025-01-01', '2025-12-31'] } },
  { q: 'nhiệm vụ của 6 tháng đầu năm', e: { intent: 'LIST', item: 'TASK', window: ['2026-01-01', '2026-06-30'] } },
  { q: 'báo cáo 6 tháng đầu năm 2025', e: { intent: 'REPORT', window: ['2025-01-01', '2025-06-30'] } },
  { q: 'den han tu nay den cuoi nam', e: { intent: 'LIST', statuses: [], window: ['2026-11-26', '2026-12-31'] } },
  { q: 'quá hạn từ 1/10 đến 15/10', e: { intent: 'LIST', statuses: ['OVERDUE'], window: ['2026-10-01', '2026-10-15'] } },
  { q: 'sap den han trong vong 10 ngay', e: { intent: 'LIST', statuses: ['DUE_SOON'], window: ['2026-11-26', '2026-12-06'] } },
  { q: 'chậm cập nhật 30 ngày qua', e: { intent: 'STALE_UNITS', statuses: ['STALE'], window: ['2026-10-27', '2026-11-26'] } },
  { q: 'đến hạn tháng sau', e: { intent: 'LIST', statuses: [], window: ['2026-12-01', '2026-12-31'] } },
  { q: 'bao cao thang truoc', e: { intent: 'REPORT', window: ['2026-10-01', '2026-10-31'] } },
  { q: 'xuất báo cáo', e: { intent: 'REPORT', window: Q4_2026, understood: ['thời gian: quý IV/2026 (01/10/2026–31/12/2026) (mặc định)'] } },
  { q: 'quá hạn năm nay', e: { intent: 'LIST', statuses: ['OVERDUE'], window: ['2026-01-01', '2026-12-31'] } },
  { q: 'tien do 2025', e: { intent: 'PROGRESS', window: ['2025-01-01', '2025-12-31'] } },
  { q: 'den han truoc 15/12', e: { intent: 'LIST', statuses: [], window: ['2026-11-26', '2026-12-15'] } },
  { q: 'đến hạn trước tháng 12', e: { intent: 'LIST', statuses: [], window: ['2026-11-26', '2026-11-30'] } },

  // ---- other days: a Sunday, New Year's Eve, early January
  { q: 'quá hạn tuần này', today: '2026-03-01', e: { intent: 'LIST', statuses: ['OVERDUE'], window: ['2026-02-23', '2026-03-01'] } },
  { q: 'sap den han', today: '2026-03-01', e: { intent: 'LIST', statuses: ['DUE_SOON'], window: ['2026-03-01', '2026-03-08'] } },
  { q: 'quá hạn trước 31/12', today: '2026-03-01', e: { intent: 'LIST', statuses: ['OVERDUE'], window: ['2026-03-01', '2026-12-31'] } },
  { q: 'quá hạn trước 15/2', today: '2026-03-01', e: { intent: 'LIST', statuses: ['OVERDUE'], window: ['2026-01-01', '2026-02-15'] } },
  { q: 'báo cáo quý này', today: '2026-03-01', e: { intent: 'REPORT', window: ['2026-01-01', '2026-03-31'] } },
  { q: 'đến hạn tuần sau', today: '2025-12-31', e: { intent: 'LIST', statuses: [], window: ['2026-01-05', '2026-01-11'] } },
  { q: 'den han truoc 15/1', today: '2025-12-31', e: { intent: 'LIST', statuses: [], window: ['2025-12-31', '2026-01-15'] } },
  { q: 'báo cáo quý sau', today: '2025-12-31', e: { intent: 'REPORT', window: ['2026-01-01', '2026-03-31'] } },
  { q: 'sắp đến hạn', today: '2025-12-31', e: { intent: 'LIST', statuses: ['DUE_SOON'], window: ['2025-12-31', '2026-01-07'] } },
  { q: 'quá hạn tháng 11', today: '2026-01-05', e: { intent: 'LIST', statuses: ['OVERDUE'], window: ['2026-11-01', '2026-11-30'] } },
  { q: 'đơn vị chậm cập nhật', today: '2026-01-05', e: { intent: 'STALE_UNITS', statuses: ['STALE'], window: ['2026-01-01', '2026-01-31'] } },
  { q: 'xuất báo cáo quý IV', today: '2026-01-05', e: { intent: 'REPORT', window: Q4_2026 } },
  { q: 'bao cao thang truoc', today: '2026-01-05', e: { intent: 'REPORT', window: ['2025-12-01', '2025-12-31'] } },

  // ---- plans
  { q: 'kế hoạch 12 quá hạn', e: { intent: 'LIST', statuses: ['OVERDUE'], plan: P.KH12, understood: ['kế hoạch: 12-KH/TU'] } },
  { q: 'tiến độ KH 12', e: { intent: 'PROGRESS', plan: P.KH12 } },
  { q: 'tien do kh12', e: { intent: 'PROGRESS', plan: P.KH12 } },
  { q: 'tiến độ kế hoạch 238', e: { intent: 'PROGRESS', plan: P.KH238 } },
  { q: '238/KH-UBND có bao nhiêu nhiệm vụ quá hạn', e: { intent: 'COUNT', statuses: ['OVERDUE'], plan: P.KH238, item: 'TASK' } },
  { q: 'tiến độ 447-KH/TU', e: { intent: 'PROGRESS', plan: P.KH447 } },
  { q: 'ke hoach so 447 qua han', e: { intent: 'LIST', statuses: ['OVERDUE'], plan: P.KH447 } },
  { q: 'chương trình 2026 có bao nhiêu nhiệm vụ', e: { intent: 'COUNT', plan: P.CTR2026, item: 'TASK' } },
  { q: 'nhiem vu 22 chuong trinh 2026', e: { intent: 'TASK_DETAIL', plan: P.CTR2026, item: 'TASK', ref: '22' } },
  { q: 'chương trình công tác năm 2026 quá hạn', e: { intent: 'LIST', statuses: ['OVERDUE'], plan: P.CTR2026 } },
  { q: 'CTr-2026 sắp đến hạn', e: { intent: 'LIST', statuses: ['DUE_SOON'], plan: P.CTR2026, window: NEXT_7 } },
  { q: 'kế hoạch số 02 tiến độ', e: { intent: 'PROGRESS', plan: P.KH02_BCD } },
  { q: 'tiến độ kế hoạch hành động của Thành ủy', e: { intent: 'PROGRESS', plan: P.KH12 } },
  { q: 'nghị quyết 57 có bao nhiêu nhiệm vụ', e: { intent: 'COUNT', item: 'TASK' } },
  { q: 'KH 999 tiến độ', e: { intent: 'UNKNOWN', understood: ['tiến độ', 'không tìm thấy kế hoạch «KH 999»'] } },
  {
    q: 'tiến độ kế hoạch 12',
    e: { intent: 'UNKNOWN', understood: ['kế hoạch chưa rõ, có thể là: 12-KH/TU, 12/KH-UBND'] },
  },

  // ---- mine
  { q: 'việc của tôi sắp đến hạn', e: { intent: 'LIST', statuses: ['DUE_SOON'], mine: 'ME', window: NEXT_7, understood: ['việc của tôi'] } },
  { q: 'nhiệm vụ của tôi', e: { intent: 'LIST', mine: 'ME', item: 'TASK' } },
  { q: 'viec cua toi qua han', e: { intent: 'LIST', statuses: ['OVERDUE'], mine: 'ME' } },
  { q: 'việc tôi phụ trách', e: { intent: 'LIST', mine: 'ME' } },
  { q: 'nhiệm vụ được giao cho tôi', e: { intent: 'LIST', mine: 'ME', item: 'TASK' } },
  { q: 'đơn vị tôi có bao nhiêu nhiệm vụ quá hạn', e: { intent: 'COUNT', statuses: ['OVERDUE'], mine: 'MY_UNIT', item: 'TASK' } },
  { q: 'tiến độ đơn vị mình', e: { intent: 'PROGRESS', mine: 'MY_UNIT' } },
  { q: 'tien do xa toi', e: { intent: 'PROGRESS', mine: 'MY_UNIT' } },
  { q: 'tỷ lệ hoàn thành của đơn vị tôi', e: { intent: 'RATE', statuses: ['DONE'], mine: 'MY_UNIT' } },
  { q: 'vướng mắc của chúng tôi', e: { intent: 'DIFFICULTIES', mine: 'MY_UNIT' } },
  { q: 'tôi có việc gì quá hạn không', e: { intent: 'LIST', statuses: ['OVERDUE'], mine: 'ME' } },
  {
    q: 'tiến độ',
    me: { unitId: U.SO_NOI_VU, roles: ['UNIT_LEADER'] },
    e: { intent: 'PROGRESS', mine: 'MY_UNIT', understood: ['đơn vị của tôi: Sở Nội vụ (mặc định)'] },
  },
  { q: 'tiến độ', e: { intent: 'PROGRESS' } },
  { q: 'vuong mac', me: { unitId: U.CAT_HAI, roles: ['OFFICER'] }, e: { intent: 'DIFFICULTIES', mine: 'MY_UNIT' } },
  { q: 'vuong mac', me: { unitId: U.VP_TU, roles: ['OFFICER', 'CITY_LEADER'] }, e: { intent: 'DIFFICULTIES' } },

  // ---- counts, rates, rankings
  { q: 'tỷ lệ quá hạn của Cát Hải', e: { intent: 'RATE', statuses: ['OVERDUE'], units: [U.CAT_HAI] } },
  { q: 'tỷ lệ cập nhật tháng này', e: { intent: 'RATE', statuses: ['STALE'], window: NOV_2026 } },
  { q: 'tỷ lệ hoàn thành', e: { intent: 'RATE', statuses: ['DONE'] } },
  { q: 'ty le cua cat hai', e: { intent: 'RATE', statuses: ['DONE'], units: [U.CAT_HAI], understood: ['tỷ lệ hoàn thành (mặc định)'] } },
  { q: 'bao nhiêu phần trăm nhiệm vụ đã hoàn thành', e: { intent: 'RATE', statuses: ['DONE'], item: 'TASK' } },
  { q: 'tỷ lệ phủ sóng 5G đạt bao nhiêu', e: { intent: 'VALUE', item: 'INDICATOR', topic: 'phủ sóng 5G' } },
  { q: 'số nhiệm vụ quá hạn của Sở Nội vụ', e: { intent: 'COUNT', statuses: ['OVERDUE'], units: [U.SO_NOI_VU], item: 'TASK' } },
  { q: 'dem nhiem vu sap den han', e: { intent: 'COUNT', statuses: ['DUE_SOON'], item: 'TASK', window: NEXT_7 } },
  { q: 'top 3 xã cập nhật chậm nhất', e: { intent: 'RANK_UNITS', kinds: ['COMMUNE'], rank: worst('STALE', 3) } },
  { q: 'đơn vị nào có tỷ lệ hoàn thành thấp nhất', e: { intent: 'RANK_UNITS', rank: worst('DONE_RATE') } },
  { q: 'đơn vị nào hoàn thành tốt nhất', e: { intent: 'RANK_UNITS', rank: best('DONE_RATE') } },
  { q: 'xếp hạng các xã', e: { intent: 'RANK_UNITS', kinds: ['COMMUNE'], rank: best('DONE_RATE') } },
  { q: 'đơn vị nào ít quá hạn nhất', e: { intent: 'RANK_UNITS', rank: best('OVERDUE') } },
  { q: 'xa nao cham cap nhat nhat', e: { intent: 'RANK_UNITS', kinds: ['COMMUNE'], rank: worst('STALE') } },
  { q: 'xã nào chậm cập nhật nhất', e: { intent: 'RANK_UNITS', kinds: ['COMMUNE'], rank: worst('STALE') } },
  { q: '10 đơn vị chậm nhất', e: { intent: 'RANK_UNITS', rank: worst('OVERDUE', 10) } },
  { q: 'nhiệm vụ nào chậm nhất', e: { intent: 'LIST', statuses: ['OVERDUE'], item: 'TASK' } },
  { q: 'don vi doi so', e: { intent: 'RANK_UNITS', rank: worst('DONE_RATE') } },
  { q: 'đơn vị nào quá hạn nhiều nhất quý IV', e: { intent: 'RANK_UNITS', window: Q4_2026, rank: worst('OVERDUE') } },
  { q: 'phuong nao dan dau ve ty le hoan thanh', e: { intent: 'RANK_UNITS', kinds: ['WARD'], rank: best('DONE_RATE') } },

  // ---- difficulties and proposals, by unit or topic
  { q: 'khó khăn về kinh phí và nhân lực', e: { intent: 'DIFFICULTIES', topic: 'kinh phí và nhân lực' } },
  { q: 'vuong mac ve nhan luc', e: { intent: 'DIFFICULTIES', topic: 'nhan luc' } },
  { q: 'kiến nghị về kinh phí', e: { intent: 'PROPOSALS', topic: 'kinh phí' } },
  { q: 'de xuat cua dac khu bach long vi', e: { intent: 'PROPOSALS', units: [U.BACH_LONG_VI] } },
  { q: 'đề xuất, kiến nghị của Sở Tài chính', e: { intent: 'PROPOSALS', units: [U.SO_TAI_CHINH] } },
  { q: 'khó khăn vướng mắc chỉ tiêu 5G', e: { intent: 'DIFFICULTIES', item: 'INDICATOR', topic: '5G' } },
  { q: 'vướng mắc nhiệm vụ II.6', e: { intent: 'DIFFICULTIES', item: 'TASK', ref: 'II.6' } },
  { q: 'vuong mac xa vinh bao', e: { intent: 'DIFFICULTIES', units: [U.X_VINH_BAO] } },
  { q: 'cat hai co kho khan gi ve ha tang', e: { intent: 'DIFFICULTIES', units: [U.CAT_HAI], topic: 'ha tang' } },

  // ---- task numbers
  { q: 'nv 22', e: { intent: 'TASK_DETAIL', item: 'TASK', ref: '22' } },
  { q: 'mục II.6', e: { intent: 'TASK_DETAIL', ref: 'II.6' } },
  { q: 'II.6 cát hải', e: { intent: 'TASK_DETAIL', ref: 'II.6', units: [U.CAT_HAI] } },
  { q: 'tiến độ nhiệm vụ A.I.1.3', e: { intent: 'TASK_DETAIL', item: 'TASK', ref: 'A.I.1.3' } },
  { q: 'chỉ tiêu 3.4 của Cát Hải', e: { intent: 'TASK_DETAIL', item: 'INDICATOR', ref: '3.4', units: [U.CAT_HAI], understood: ['chi tiết chỉ tiêu số 3.4'] } },
  { q: 'nhiệm vụ số 7 kế hoạch 12', e: { intent: 'TASK_DETAIL', item: 'TASK', ref: '7', plan: P.KH12 } },
  { q: 'nhiệm vụ 22 quá hạn chưa', e: { intent: 'TASK_DETAIL', item: 'TASK', ref: '22' } },
  { q: 'nhiệm vụ 6 cát hải tiến độ bao nhiêu phần trăm', e: { intent: 'TASK_DETAIL', item: 'TASK', ref: '6', units: [U.CAT_HAI] } },
  { q: 'nhiem vu so 1 cua so noi vu xong chua', e: { intent: 'TASK_DETAIL', item: 'TASK', ref: '1', units: [U.SO_NOI_VU] } },

  // ---- commands
  { q: '/quahan', e: { intent: 'LIST', statuses: ['OVERDUE'], command: '/quahan', understood: ['lệnh /quahan'] } },
  { q: '/quahan Cát Hải', e: { intent: 'LIST', statuses: ['OVERDUE'], units: [U.CAT_HAI], command: '/quahan' } },
  { q: '/quahan dk ch', e: { intent: 'LIST', statuses: ['OVERDUE'], units: [U.CAT_HAI], command: '/quahan' } },
  { q: '/QuaHan cat hai', e: { intent: 'LIST', statuses: ['OVERDUE'], units: [U.CAT_HAI], command: '/quahan' } },
  { q: '/quahan xyz', e: { intent: 'LIST', statuses: ['OVERDUE'], unknownUnit: 'xyz', command: '/quahan' } },
  { q: '/sapden', e: { intent: 'LIST', statuses: ['DUE_SOON'], window: NEXT_7, command: '/sapden' } },
  { q: '/sapden 14', e: { intent: 'LIST', statuses: ['DUE_SOON'], window: NEXT_14, command: '/sapden' } },
  { q: '/sapden 2 tuần', e: { intent: 'LIST', statuses: ['DUE_SOON'], window: NEXT_14, command: '/sapden' } },
  { q: '/sapden 0', e: { intent: 'UNKNOWN', command: '/sapden', understood: ['số ngày phải từ 1 đến 366: 0'] } },
  { q: '/tiendo so noi vu', e: { intent: 'PROGRESS', units: [U.SO_NOI_VU], command: '/tiendo' } },
  { q: '/tiendo', e: { intent: 'PROGRESS', command: '/tiendo' } },
  { q: '/tiendo@nq57_bot An Dương', e: { intent: 'PROGRESS', ambiguous: { text: 'An Dương', candidateIds: AN_DUONG }, command: '/tiendo' } },
  { q: '/vuongmac ĐK CH', e: { intent: 'DIFFICULTIES', units: [U.CAT_HAI], command: '/vuongmac' } },
  { q: '/vuongmac', e: { intent: 'DIFFICULTIES', command: '/vuongmac' } },
  { q: '/chamcapnhat', e: { intent: 'STALE_UNITS', statuses: ['STALE'], window: NOV_2026, command: '/chamcapnhat' } },
  { q: '/chamcapnhat tháng 10', e: { intent: 'STALE_UNITS', statuses: ['STALE'], window: ['2026-10-01', '2026-10-31'], command: '/chamcapnhat' } },
  { q: '/chamcapnhat cac xa', e: { intent: 'STALE_UNITS', statuses: ['STALE'], kinds: ['COMMUNE'], window: NOV_2026, command: '/chamcapnhat' } },
  { q: '/baocao', e: { intent: 'REPORT', window: Q4_2026, command: '/baocao' } },
  { q: '/baocao quý III', e: { intent: 'REPORT', window: ['2026-07-01', '2026-09-30'], command: '/baocao' } },
  { q: '/baocao 2025', e: { intent: 'REPORT', window: ['2025-01-01', '2025-12-31'], command: '/baocao' } },
  { q: '/help', e: { intent: 'HELP', command: '/help' } },
  { q: '/start', e: { intent: 'HELP', command: '/start' } },
  { q: '/abc', e: { intent: 'UNKNOWN', command: '/abc', understood: ['lệnh không có: /abc'] } },

  // ---- not understood (and help)
  { q: 'thời tiết hôm nay thế nào', e: { intent: 'UNKNOWN', window: ['2026-11-26', '2026-11-26'], understood: ['thời gian: hôm nay (26/11/2026)'] } },
  { q: 'gia vang hom nay', e: { intent: 'UNKNOWN', window: ['2026-11-26', '2026-11-26'] } },
  { q: 'abc xyz', e: { intent: 'UNKNOWN' } },
  { q: 'tháng 11', e: { intent: 'UNKNOWN', window: NOV_2026 } },
  { q: 'thế nào', e: { intent: 'UNKNOWN' } },
  { q: 'bao nhieu', e: { intent: 'UNKNOWN' } },
  { q: 'thoi tiet cat hai', e: { intent: 'UNKNOWN', units: [U.CAT_HAI], understood: ['đơn vị: Đặc khu Cát Hải'] } },
  { q: 'ok', e: { intent: 'UNKNOWN' } },
  { q: 'UBND', e: { intent: 'UNKNOWN' } },
  // a subject the tasks speak of is a question on its own: the tasks about it
  { q: 'chuyen doi so cua cac xa', e: { intent: 'LIST', kinds: ['COMMUNE'], topic: 'chuyen doi so' } },
  { q: '5G', e: { intent: 'LIST', topic: '5G' } },
  { q: 'danh sach don vi', e: { intent: 'UNKNOWN' } },
  { q: '', e: { intent: 'UNKNOWN' } },
  { q: '???', e: { intent: 'UNKNOWN' } },
  { q: 'xin chào', e: { intent: 'HELP' } },
  { q: 'huong dan', e: { intent: 'HELP' } },
  { q: 'bot làm được gì', e: { intent: 'HELP' } },
];

/** A second plan numbered 12, to check that "kế hoạch 12" is not guessed between them. */
const PLANS_WITH_TWO_12 = [...PLANS, { id: 9, code: '12/KH-UBND', title: 'Kế hoạch số 12/KH-UBND', year: 2026, aliases: [] }];

function project(r: Interpretation) {
  return {
    intent: r.intent,
    statuses: [...r.statuses].sort(),
    units: r.unitIds,
    ambiguous: r.ambiguousUnit,
    unknownUnit: r.unknownUnit,
    kinds: r.unitKinds,
    mine: r.mine,
    window: r.window ? [r.window.from, r.window.to] : null,
    plan: r.planId,
    item: r.itemKind,
    ref: r.taskRef,
    topic: r.topic,
    rank: r.rank,
    command: r.command,
  };
}

function expected(e: Expected) {
  return {
    intent: e.intent,
    statuses: [...(e.statuses ?? [])].sort(),
    units: e.units ?? [],
    ambiguous: e.ambiguous ?? null,
    unknownUnit: e.unknownUnit ?? null,
    kinds: e.kinds ?? [],
    mine: e.mine ?? null,
    window: e.window ?? null,
    plan: e.plan ?? null,
    item: e.item ?? null,
    ref: e.ref ?? null,
    topic: e.topic ?? null,
    rank: e.rank ?? null,
    command: e.command ?? null,
  };
}

const isAscii = (s: string) => /^[\x20-\x7e]*$/.test(s);

describe('parseQuestion: the question table', () => {
  it('is large and varied enough', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(160);
    const unmarked = CASES.filter((c) => isAscii(c.q) && /[a-z]{3}/i.test(c.q)).length;
    expect(unmarked / CASES.length).toBeGreaterThanOrEqual(1 / 3);
    expect(CASES.filter((c) => c.e.intent === 'UNKNOWN').length).toBeGreaterThanOrEqual(10);
    for (const cmd of ['/quahan', '/sapden', '/tiendo', '/vuongmac', '/chamcapnhat', '/baocao']) {
      expect(CASES.some((c) => c.e.command === cmd)).toBe(true);
    }
  });

  it.each(CASES.map((c) => [`${c.q}${c.today ? ` @${c.today}` : ''}${c.me ? ` as ${c.me.roles.join('+')}` : ''}`, c] as const))(
    '%s',
    (_name, c) => {
      const plans = c.q === 'tiến độ kế hoạch 12' ? PLANS_WITH_TWO_12 : PLANS;
      const r = parseQuestion(c.q, context(c.today, c.me, plans));
      expect(project(r)).toEqual(expected(c.e));
      for (const phrase of c.e.understood ?? []) expect(r.understood).toContain(phrase);
    },
  );
});

describe('parseQuestion: contracts around the table', () => {
  it('reads every example question it offers', () => {
    expect(EXAMPLE_QUESTIONS).toHaveLength(3);
    for (const q of EXAMPLE_QUESTIONS) expect(parseQuestion(q, context()).intent).not.toBe('UNKNOWN');
  });

  it('says what it understood whenever it understood something', () => {
    for (const c of CASES) {
      const r = parseQuestion(c.q, context(c.today, c.me));
      const readSomething =
        r.intent !== 'UNKNOWN' || r.unitIds.length > 0 || r.window !== null || r.statuses.length > 0 || r.command !== null;
      if (readSomething) expect(r.understood.length, c.q).toBeGreaterThan(0);
    }
  });

  it('never names a unit it also calls ambiguous or unknown', () => {
    for (const c of CASES) {
      const r = parseQuestion(c.q, context(c.today, c.me));
      if (r.ambiguousUnit) {
        expect(r.ambiguousUnit.candidateIds.length, c.q).toBeGreaterThanOrEqual(2);
        for (const id of r.ambiguousUnit.candidateIds) expect(r.unitIds, c.q).not.toContain(id);
      }
    }
  });

  it('gives the same reading for the same text, context and day', () => {
    for (const c of CASES.slice(0, 40)) {
      expect(parseQuestion(c.q, context(c.today, c.me))).toEqual(parseQuestion(c.q, context(c.today, c.me)));
    }
  });

  it('reads a question alike when the words of the tasks are loaded only if asked for (readQuestion)', async () => {
    const { leaders, sections, words, pairs } = VOCABULARY;
    let loads = 0;
    const data = {
      units: async () => UNITS,
      plans: async () => PLANS,
      taskNames: async () => ({ leaders, sections }),
      taskWords: async () => {
        loads++;
        return { words, pairs };
      },
    } as unknown as QuestionData;
    for (const c of CASES) {
      const me = c.me ?? { unitId: null, roles: ['CITY_LEADER' as const] };
      expect((await readQuestion(c.q, data, c.today ?? TODAY, me)).interp, c.q).toEqual(parseQuestion(c.q, context(c.today, me)));
    }
    expect(loads).toBeGreaterThan(0);
    loads = 0;
    await readQuestion('nhiệm vụ nào quá hạn ở Cát Hải?', data, TODAY, { unitId: null, roles: ['CITY_LEADER'] });
    expect(loads).toBe(0);
  });

  it('reads diacritics, case and spacing alike', () => {
    const a = parseQuestion('Nhiệm vụ nào QUÁ HẠN   ở Cát Hải', context());
    const b = parseQuestion('nhiem vu nao qua han o cat hai', context());
    expect(project(a)).toEqual(project(b));
  });

  it('reads decomposed (NFD) input like composed input', () => {
    const q = 'tiến độ Sở Nội vụ';
    expect(project(parseQuestion(q.normalize('NFD'), context()))).toEqual(project(parseQuestion(q, context())));
  });

  it('labels a quarter in Vietnamese with Roman numerals', () => {
    expect(parseQuestion('báo cáo quý 4', context()).window?.label).toBe('quý IV/2026');
    expect(parseQuestion('báo cáo tháng 11', context()).window?.label).toBe('tháng 11/2026');
  });
});

describe('commands mean the same as the questions they stand for', () => {
  const pairs: Array<[string, string]> = [
    ['/quahan Cát Hải', 'quá hạn Cát Hải'],
    ['/quahan', 'quá hạn'],
    ['/sapden 14', 'sắp đến hạn trong 14 ngày tới'],
    ['/sapden', 'sắp đến hạn'],
    ['/tiendo Sở Nội vụ', 'tiến độ Sở Nội vụ'],
    ['/vuongmac đặc khu Cát Hải', 'vướng mắc của đặc khu Cát Hải'],
    ['/chamcapnhat', 'đơn vị nào chậm cập nhật'],
    ['/chamcapnhat tháng 10', 'đơn vị nào chưa cập nhật tháng 10'],
    ['/baocao quý IV', 'xuất báo cáo quý IV'],
    ['/baocao', 'xuất báo cáo'],
  ];
  it.each(pairs)('%s ≡ %s', (command, question) => {
    const a = project(parseQuestion(command, context()));
    const b = project(parseQuestion(question, context()));
    expect({ ...a, command: null }).toEqual(b);
    expect(a.command).toBe(command.split(' ')[0]);
  });
});
