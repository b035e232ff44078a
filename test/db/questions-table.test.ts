/**
 * The question table: what leaders type (a third without diacritics, some
 * with typos and abbreviations), what it is read as, and the answer it gets
 * on the sample data (seeded once) as of fixed days — the totals line as
 * rendered in Vietnamese, the first items, the totals. Every role also asks
 * about a unit outside its scope and is refused by name.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderReply } from '../../bot/chat/render.ts';
import { i18n } from '../../bot/i18n.ts';
import { seedSampleData } from '../../bot/services/seed.ts';
import type { PersonRef } from '../../domain/people/types.ts';
import { answerQuestion, type Answer, type AnswerOutcome } from '../../domain/questions/answer.ts';
import { readQuestion } from '../../domain/questions/context.ts';
import type { Intent, Interpretation, StatusFilter } from '../../domain/questions/types.ts';
import type { Day } from '../../domain/shared/day.ts';
import type { UnitKind } from '../../domain/units/types.ts';
import { PrismaQuestionData } from '../../prisma/stores/question-data.ts';
import { PrismaTaskQueries } from '../../prisma/stores/task-queries.ts';
import { createTestDatabase, type TestDatabase } from '../support/db.ts';

type Who = 'city' | 'zoneLeader' | 'officer' | 'communeOfficer' | 'team' | 'deptLeader' | 'admin' | 'resident' | 'nobody';

/** People of the sample registry (prisma/seed/can-bo.csv), and two who are not in it. */
const PEOPLE: Record<Who, string | PersonRef> = {
  city: 'Lê Minh Tuấn', // lãnh đạo thành phố
  zoneLeader: 'Phạm Văn Đức', // lãnh đạo đơn vị, Đặc khu Cát Hải
  officer: 'Trần Thị Hồng Nhung', // cán bộ đầu mối, Đặc khu Cát Hải
  communeOfficer: 'Đinh Thị Thu', // cán bộ đầu mối, Xã Tiên Lãng
  team: 'Bùi Thị Mai', // tổ công nghệ số, Đặc khu Cát Hải
  deptLeader: 'Vũ Thị Lan', // lãnh đạo đơn vị, Sở Khoa học và Công nghệ
  admin: 'Nguyễn Thu Hà', // quản trị (Văn phòng Thành ủy)
  resident: { id: 900, fullName: 'Cư dân đăng ký nhận tin', unitId: null, roles: ['RESIDENT'] },
  nobody: { id: 901, fullName: 'Người chưa có vai trò', unitId: null, roles: [] },
};

interface Case {
  q: string;
  as?: Who;
  today?: Day;
  /** The reading: intent always; the other fields when given (units by name, plan by code). */
  i: { intent: Intent; statuses?: StatusFilter[]; units?: string[]; kinds?: UnitKind[]; window?: [Day, Day]; plan?: string; ref?: string; topic?: string; mine?: 'ME' | 'MY_UNIT' };
  /** The answer: its first line as rendered, the first items (task numbers or unit names), totals, paging, choices. */
  a: { outcome?: AnswerOutcome; head: string; first?: string[]; totals?: Record<string, number>; more?: boolean; choices?: string[] };
}

const TODAY: Day = '2026-11-26';

const CASES: Case[] = [
  { q: 'nhiệm vụ nào quá hạn ở Cát Hải?', i: { intent: 'LIST', statuses: ['OVERDUE'], units: ['Đặc khu Cát Hải'] }, a: { head: 'Đặc khu Cát Hải: 2 nhiệm vụ quá hạn / 37', first: ['14', '15'], totals: { matched: 2, total: 37 } } },
  { q: 'nhiem vu qua han cat hai', i: { intent: 'LIST', statuses: ['OVERDUE'], units: ['Đặc khu Cát Hải'] }, a: { head: 'Đặc khu Cát Hải: 2 nhiệm vụ quá hạn / 37', first: ['14', '15'], totals: { matched: 2, total: 37 } } },
  { q: 'tiến độ Sở Nội vụ', i: { intent: 'PROGRESS', units: ['Sở Nội vụ'] }, a: { head: 'Sở Nội vụ: được giao 18 nhiệm vụ, đã hoàn thành 1, đang triển khai 1 trong hạn, 2 quá hạn, 14 chưa triển khai.', first: ['17', '15', '20'], totals: { total: 18, done: 1, inTime: 1, overdue: 2, notStarted: 14, open: 17, updatedThisMonth: 0 }, more: true } },
  { q: 'tien do so noi vu', i: { intent: 'PROGRESS', units: ['Sở Nội vụ'] }, a: { head: 'Sở Nội vụ: được giao 18 nhiệm vụ, đã hoàn thành 1, đang triển khai 1 trong hạn, 2 quá hạn, 14 chưa triển khai.', first: ['17', '15', '20'], totals: { total: 18, done: 1, inTime: 1, overdue: 2, notStarted: 14, open: 17, updatedThisMonth: 0 }, more: true } },
  { q: 'đơn vị nào chưa cập nhật tháng này', i: { intent: 'STALE_UNITS', statuses: ['STALE'], window: ['2026-11-01', '2026-11-30'] }, a: { head: 'Toàn thành phố, từ 01/11/2026 đến 30/11/2026: 48/48 đơn vị chưa cập nhật đủ 90% nhiệm vụ đang mở (ít nhất trước):', first: ['Đặc khu Cát Hải', 'Sở Khoa học và Công nghệ', 'Văn phòng Thành ủy'], totals: { units: 48, below: 48 }, more: true } },
  { q: 'don vi nao chua cap nhat thang nay', i: { intent: 'STALE_UNITS', statuses: ['STALE'], window: ['2026-11-01', '2026-11-30'] }, a: { head: 'Toàn thành phố, từ 01/11/2026 đến 30/11/2026: 48/48 đơn vị chưa cập nhật đủ 90% nhiệm vụ đang mở (ít nhất trước):', first: ['Đặc khu Cát Hải', 'Sở Khoa học và Công nghệ', 'Văn phòng Thành ủy'], totals: { units: 48, below: 48 }, more: true } },
  { q: 'các việc sắp đến hạn trong 2 tuần', i: { intent: 'LIST', statuses: ['DUE_SOON'], window: ['2026-11-26', '2026-12-10'] }, a: { head: 'Toàn thành phố: không có nhiệm vụ nào sắp đến hạn (hạn từ 26/11/2026 đến 10/12/2026) (trên tổng số 61).', totals: { matched: 0, total: 61 } } },
  { q: 'sap den han trong 45 ngay', i: { intent: 'LIST', statuses: ['DUE_SOON'], window: ['2026-11-26', '2027-01-10'] }, a: { head: 'Toàn thành phố: 23 nhiệm vụ sắp đến hạn (hạn từ 26/11/2026 đến 10/01/2027) / 94 (225 lượt đơn vị)', first: ['A.II.4', 'A.II.9', 'B.NV.10'], totals: { matched: 23, total: 94 }, more: true } },
  { q: '/sapden 40', i: { intent: 'LIST', statuses: ['DUE_SOON'], window: ['2026-11-26', '2027-01-05'] }, a: { head: 'Toàn thành phố: 23 nhiệm vụ sắp đến hạn (hạn từ 26/11/2026 đến 05/01/2027) / 94 (225 lượt đơn vị)', first: ['A.II.4', 'A.II.9', 'B.NV.10'], totals: { matched: 23, total: 94 }, more: true } },
  { q: '/quahan', i: { intent: 'LIST', statuses: ['OVERDUE'] }, a: { head: 'Toàn thành phố: 13 nhiệm vụ quá hạn / 94 (149 lượt đơn vị)', first: ['A.I.1.3', 'A.I.3.1', 'A.I.3.2'], totals: { matched: 13, total: 94 }, more: true } },
  { q: '/quahan Cát Hải', i: { intent: 'LIST', statuses: ['OVERDUE'], units: ['Đặc khu Cát Hải'] }, a: { head: 'Đặc khu Cát Hải: 8 nhiệm vụ quá hạn / 70', first: ['A.I.1.3', 'A.I.3.1', 'A.I.3.2'], totals: { matched: 8, total: 70 } } },
  { q: '/quahan dk ch', i: { intent: 'LIST', statuses: ['OVERDUE'], units: ['Đặc khu Cát Hải'] }, a: { head: 'Đặc khu Cát Hải: 8 nhiệm vụ quá hạn / 70', first: ['A.I.1.3', 'A.I.3.1', 'A.I.3.2'], totals: { matched: 8, total: 70 } } },
  { q: '/tiendo', i: { intent: 'PROGRESS' }, a: { head: 'Toàn thành phố: được giao 870 nhiệm vụ, đã hoàn thành 42, đang triển khai 11 trong hạn, 149 quá hạn, 668 chưa triển khai.', first: ['Đặc khu Cát Hải', 'Ban Nội chính Thành ủy', 'Ban Tổ chức Thành ủy'], totals: { total: 870, done: 42, inTime: 11, overdue: 149, notStarted: 668, open: 828, updatedThisMonth: 0 } } },
  { q: '/tiendo so khcn', i: { intent: 'PROGRESS', units: ['Sở Khoa học và Công nghệ'] }, a: { head: 'Sở Khoa học và Công nghệ: được giao 24 nhiệm vụ, đã hoàn thành 1, đang triển khai 1 trong hạn, 2 quá hạn, 20 chưa triển khai.', first: ['17', '15', '20'], totals: { total: 24, done: 1, inTime: 1, overdue: 2, notStarted: 20, open: 23, updatedThisMonth: 0 }, more: true } },
  { q: '/vuongmac', i: { intent: 'DIFFICULTIES' }, a: { head: 'Toàn thành phố: 8 nhiệm vụ có khó khăn, vướng mắc / 870', first: ['A.I.1.3', 'A.I.3.1', 'B.CT.II.1'], totals: { matched: 8, total: 870 } } },
  { q: '/vuongmac ĐK CH', i: { intent: 'DIFFICULTIES', units: ['Đặc khu Cát Hải'] }, a: { head: 'Đặc khu Cát Hải: 6 nhiệm vụ có khó khăn, vướng mắc / 70', first: ['A.I.1.3', 'A.I.3.1', 'B.CT.II.1'], totals: { matched: 6, total: 70 } } },
  { q: '/chamcapnhat', i: { intent: 'STALE_UNITS', statuses: ['STALE'], window: ['2026-11-01', '2026-11-30'] }, a: { head: 'Toàn thành phố, từ 01/11/2026 đến 30/11/2026: 48/48 đơn vị chưa cập nhật đủ 90% nhiệm vụ đang mở (ít nhất trước):', first: ['Đặc khu Cát Hải', 'Sở Khoa học và Công nghệ', 'Văn phòng Thành ủy'], totals: { units: 48, below: 48 }, more: true } },
  { q: '/chamcapnhat cac xa', i: { intent: 'STALE_UNITS', statuses: ['STALE'], kinds: ['COMMUNE'], window: ['2026-11-01', '2026-11-30'] }, a: { head: 'Các xã, từ 01/11/2026 đến 30/11/2026: 13/13 đơn vị chưa cập nhật đủ 90% nhiệm vụ đang mở (ít nhất trước):', first: ['Xã An Lão', 'Xã Bình Giang', 'Xã Cẩm Giàng'], totals: { units: 13, below: 13 }, more: true } },
  { q: '/baocao', i: { intent: 'REPORT', window: ['2026-10-01', '2026-12-31'] }, a: { outcome: 'REPORT', head: 'Báo cáo tiến độ (Toàn thành phố), số liệu đến ngày 26/11/2026, kỳ từ 01/10/2026 đến 31/12/2026: phụ lục Excel theo mẫu, bản tóm tắt và biểu đồ theo đơn vị.' } },
  { q: '/baocao quý III', i: { intent: 'REPORT', window: ['2026-07-01', '2026-09-30'] }, a: { outcome: 'REPORT', head: 'Báo cáo tiến độ (Toàn thành phố), số liệu đến ngày 30/09/2026, kỳ từ 01/07/2026 đến 30/09/2026: phụ lục Excel theo mẫu, bản tóm tắt và biểu đồ theo đơn vị.' } },
  { q: 'xuất báo cáo quý IV', i: { intent: 'REPORT', window: ['2026-10-01', '2026-12-31'] }, a: { outcome: 'REPORT', head: 'Báo cáo tiến độ (Toàn thành phố), số liệu đến ngày 26/11/2026, kỳ từ 01/10/2026 đến 31/12/2026: phụ lục Excel theo mẫu, bản tóm tắt và biểu đồ theo đơn vị.' } },
  { q: 'có bao nhiêu nhiệm vụ quá hạn', i: { intent: 'COUNT', statuses: ['OVERDUE'] }, a: { head: 'Toàn thành phố: 7 nhiệm vụ quá hạn / 61 (143 lượt đơn vị)', first: ['Văn phòng Thành ủy', 'Ban Tổ chức Thành ủy', 'Ban Tuyên giáo và Dân vận Thành ủy'], totals: { matched: 7, total: 61 } } },
  { q: 'co bao nhieu nhiem vu qua han', i: { intent: 'COUNT', statuses: ['OVERDUE'] }, a: { head: 'Toàn thành phố: 7 nhiệm vụ quá hạn / 61 (143 lượt đơn vị)', first: ['Văn phòng Thành ủy', 'Ban Tổ chức Thành ủy', 'Ban Tuyên giáo và Dân vận Thành ủy'], totals: { matched: 7, total: 61 } } },
  { q: 'có bao nhiêu nhiệm vụ', i: { intent: 'COUNT' }, a: { head: 'Toàn thành phố: 61 nhiệm vụ (837 lượt đơn vị)', totals: { matched: 61, total: 61, done: 16, inTime: 10, overdue: 143, notStarted: 668 } } },
  { q: 'tỷ lệ hoàn thành của Sở KH&CN', i: { intent: 'RATE', statuses: ['DONE'], units: ['Sở Khoa học và Công nghệ'] }, a: { head: 'Sở Khoa học và Công nghệ: tỷ lệ nhiệm vụ đã hoàn thành là 4,2% (1/24).', totals: { matched: 1, total: 24, rate: 4.2 } } },
  { q: 'ty le hoan thanh cua so khcn', i: { intent: 'RATE', statuses: ['DONE'], units: ['Sở Khoa học và Công nghệ'] }, a: { head: 'Sở Khoa học và Công nghệ: tỷ lệ nhiệm vụ đã hoàn thành là 4,2% (1/24).', totals: { matched: 1, total: 24, rate: 4.2 } } },
  { q: 'đơn vị nào chậm nhất', i: { intent: 'RANK_UNITS' }, a: { head: 'Toàn thành phố: xếp hạng theo số nhiệm vụ quá hạn, kém nhất trước (5/48 đơn vị):', first: ['Đặc khu Cát Hải', 'Văn phòng Thành ủy', 'Ban Tổ chức Thành ủy'], totals: { units: 48 }, more: true } },
  { q: 'don vi nao cham nhat', i: { intent: 'RANK_UNITS' }, a: { head: 'Toàn thành phố: xếp hạng theo số nhiệm vụ quá hạn, kém nhất trước (5/48 đơn vị):', first: ['Đặc khu Cát Hải', 'Văn phòng Thành ủy', 'Ban Tổ chức Thành ủy'], totals: { units: 48 }, more: true } },
  { q: 'xã nào chưa xây dựng kế hoạch 2026?', i: { intent: 'LIST', statuses: ['OPEN'], kinds: ['COMMUNE'], topic: 'xây dựng kế hoạch 2026' }, a: { head: 'Các xã: 13 nhiệm vụ chưa hoàn thành về "xây dựng kế hoạch 2026" / 13', first: ['1', '1', '1'], totals: { matched: 13, total: 13 }, more: true } },
  { q: 'xa nao chua xay dung ke hoach 2026', i: { intent: 'LIST', statuses: ['OPEN'], kinds: ['COMMUNE'], topic: 'xay dung ke hoach 2026' }, a: { head: 'Các xã: 13 nhiệm vụ chưa hoàn thành về "xay dung ke hoach 2026" / 13', first: ['1', '1', '1'], totals: { matched: 13, total: 13 }, more: true } },
  { q: 'vướng mắc của đặc khu Cát Hải', i: { intent: 'DIFFICULTIES', units: ['Đặc khu Cát Hải'] }, a: { head: 'Đặc khu Cát Hải: 6 nhiệm vụ có khó khăn, vướng mắc / 70', first: ['A.I.1.3', 'A.I.3.1', 'B.CT.II.1'], totals: { matched: 6, total: 70 } } },
  { q: 'vuong mac cua dac khu cat hai', i: { intent: 'DIFFICULTIES', units: ['Đặc khu Cát Hải'] }, a: { head: 'Đặc khu Cát Hải: 6 nhiệm vụ có khó khăn, vướng mắc / 70', first: ['A.I.1.3', 'A.I.3.1', 'B.CT.II.1'], totals: { matched: 6, total: 70 } } },
  { q: 'tổng hợp tiến độ', i: { intent: 'PROGRESS' }, a: { head: 'Toàn thành phố: được giao 870 nhiệm vụ, đã hoàn thành 42, đang triển khai 11 trong hạn, 149 quá hạn, 668 chưa triển khai.', first: ['Đặc khu Cát Hải', 'Ban Nội chính Thành ủy', 'Ban Tổ chức Thành ủy'], totals: { total: 870, done: 42, inTime: 11, overdue: 149, notStarted: 668, open: 828, updatedThisMonth: 0 } } },
  { q: 'tong hop tien do quy 4', i: { intent: 'PROGRESS', window: ['2026-10-01', '2026-12-31'] }, a: { head: 'Toàn thành phố (hạn từ 01/10/2026 đến 31/12/2026): được giao 225 nhiệm vụ, đã hoàn thành 0, đang triển khai 5 trong hạn, 0 quá hạn, 220 chưa triển khai.', totals: { total: 225, done: 0, inTime: 5, overdue: 0, notStarted: 220, open: 225, updatedThisMonth: 0 } } },
  { q: 'nv 1 chương trình 2026', i: { intent: 'TASK_DETAIL', ref: '1', plan: 'CTr-2026' }, a: { head: '📋 Nhiệm vụ 1 · CTr-2026', first: ['1', '1', '1'], totals: { units: 48, done: 5, overdue: 43, open: 43 }, more: true } },
  { q: 'nhiệm vụ II.6 của Cát Hải', i: { intent: 'TASK_DETAIL', units: ['Đặc khu Cát Hải'], ref: 'II.6' }, a: { head: '🟢 Nhiệm vụ A.II.6 · 12-KH/TU', first: ['A.II.6'], totals: { units: 1 } } },
  { q: 'nhiem vu ii.6 cua cat hai', i: { intent: 'TASK_DETAIL', units: ['Đặc khu Cát Hải'], ref: 'II.6' }, a: { head: '🟢 Nhiệm vụ A.II.6 · 12-KH/TU', first: ['A.II.6'], totals: { units: 1 } } },
  { q: 'nv 22', i: { intent: 'TASK_DETAIL', ref: '22' }, a: { head: '📋 Nhiệm vụ 22 · CTr-2026', first: ['22', '22', '22'], totals: { units: 48, done: 0, overdue: 0, open: 48 }, more: true } },
  { q: 'chỉ tiêu 3.4 của Cát Hải', i: { intent: 'TASK_DETAIL', units: ['Đặc khu Cát Hải'], ref: '3.4' }, a: { head: '🔴 Chỉ tiêu A.I.3.4 · 12-KH/TU', first: ['A.I.3.4'], totals: { units: 1 } } },
  { q: 'nhiệm vụ 12', i: { intent: 'TASK_DETAIL', ref: '12' }, a: { head: '🟢 Nhiệm vụ 12 · CTr-2026', first: ['12'], totals: { units: 1 } } },
  { q: 'nv 13', i: { intent: 'TASK_DETAIL', ref: '13' }, a: { head: '🔴 Nhiệm vụ 13 · CTr-2026', first: ['13'], totals: { units: 1 } } },
  { q: 'tiến độ An Dương', i: { intent: 'PROGRESS', units: ['Phường An Dương'] }, a: { head: 'Phường An Dương: được giao 16 nhiệm vụ, đã hoàn thành 0, đang triển khai 0 trong hạn, 3 quá hạn, 13 chưa triển khai.', first: ['1', '14', '15'], totals: { total: 16, done: 0, inTime: 0, overdue: 3, notStarted: 13, open: 16, updatedThisMonth: 0 }, more: true } },
  { q: 'tiến độ của Sở', i: { intent: 'PROGRESS' }, a: { outcome: 'ASK_UNIT', head: '"Sở" có thể là 10 đơn vị. Anh/chị muốn hỏi về đơn vị nào?', choices: ['qu:10', 'qu:11', 'qu:12', 'qu:13', 'qu:14', 'qu:15', 'qu:16', 'qu:17', 'qu:18', 'qu:19'] } },
  // a number that three plans use: which one, never a silent pick
  { q: 'nv 1', i: { intent: 'TASK_DETAIL', ref: '1' }, a: { outcome: 'ASK_TASK', head: 'Có 3 nhiệm vụ số "1". Anh/chị muốn xem nhiệm vụ nào?', first: ['1', 'A.II.1', 'B.NV.1'], choices: ['nv:1', 'nv:64', 'nv:85'] } },
  { q: 'vướng mắc của đặc khu', i: { intent: 'DIFFICULTIES' }, a: { outcome: 'ASK_UNIT', head: '"đặc khu" có thể là 2 đơn vị. Anh/chị muốn hỏi về đơn vị nào?', choices: ['qu:26', 'qu:27'] } },
  { q: 'tiến độ phường', i: { intent: 'PROGRESS' }, a: { outcome: 'ASK_UNIT', head: '"phường" có thể là 11 đơn vị. Anh/chị muốn hỏi về đơn vị nào?', choices: ['qu:28', 'qu:29', 'qu:30', 'qu:31', 'qu:32', 'qu:33', 'qu:34', 'qu:35', 'qu:36', 'qu:37', 'qu:38'] } },
  { q: 'tiến độ xã Tân Tiến', i: { intent: 'PROGRESS' }, a: { outcome: 'UNKNOWN_UNIT', head: 'Tôi không tìm thấy đơn vị "xã Tân Tiến" trong danh sách đơn vị.' } },
  { q: 'tien do xa tan tien', i: { intent: 'PROGRESS' }, a: { outcome: 'UNKNOWN_UNIT', head: 'Tôi không tìm thấy đơn vị "xa tan tien" trong danh sách đơn vị.' } },
  { q: 'quá hạn ở Hà Nội', i: { intent: 'LIST', statuses: ['OVERDUE'] }, a: { outcome: 'UNKNOWN_UNIT', head: 'Tôi không tìm thấy đơn vị "Hà Nội" trong danh sách đơn vị.' } },
  { q: '/quahan xyz', i: { intent: 'LIST', statuses: ['OVERDUE'] }, a: { outcome: 'UNKNOWN_UNIT', head: 'Tôi không tìm thấy đơn vị "xyz" trong danh sách đơn vị.' } },
  { q: 'tiến độ Sở Y tế', i: { intent: 'PROGRESS', units: ['Sở Y tế'] }, a: { head: 'Sở Y tế: được giao 17 nhiệm vụ, đã hoàn thành 0, đang triển khai 0 trong hạn, 3 quá hạn, 14 chưa triển khai.', first: ['1', '17', '15'], totals: { total: 17, done: 0, inTime: 0, overdue: 3, notStarted: 14, open: 17, updatedThisMonth: 0 }, more: true } },
  { q: 'thời tiết hôm nay thế nào', i: { intent: 'UNKNOWN', window: ['2026-11-26', '2026-11-26'] }, a: { outcome: 'NOT_UNDERSTOOD', head: 'Xin lỗi, tôi chưa hiểu câu hỏi này.' } },
  { q: 'abc xyz', i: { intent: 'UNKNOWN' }, a: { outcome: 'NOT_UNDERSTOOD', head: 'Xin lỗi, tôi chưa hiểu câu hỏi này.' } },
  { q: 'xin chào', i: { intent: 'HELP' }, a: { outcome: 'HELP', head: 'Tôi trả lời các câu hỏi về tiến độ thực hiện Nghị quyết 57-NQ/TW, trong phạm vi anh/chị được xem.' } },
  { q: 'huong dan', i: { intent: 'HELP' }, a: { outcome: 'HELP', head: 'Tôi trả lời các câu hỏi về tiến độ thực hiện Nghị quyết 57-NQ/TW, trong phạm vi anh/chị được xem.' } },
  { q: '/help', i: { intent: 'HELP' }, a: { outcome: 'HELP', head: 'Tôi trả lời các câu hỏi về tiến độ thực hiện Nghị quyết 57-NQ/TW, trong phạm vi anh/chị được xem.' } },
  { q: '/abc', i: { intent: 'UNKNOWN' }, a: { outcome: 'NOT_UNDERSTOOD', head: 'Xin lỗi, tôi chưa hiểu câu hỏi này.' } },
  { q: '/sapden 0', i: { intent: 'UNKNOWN' }, a: { outcome: 'NOT_UNDERSTOOD', head: 'Xin lỗi, tôi chưa hiểu câu hỏi này.' } },
  { q: 'KH 999 tiến độ', i: { intent: 'UNKNOWN' }, a: { outcome: 'NOT_UNDERSTOOD', head: 'Xin lỗi, tôi chưa hiểu câu hỏi này.' } },
  { q: 'tiến độ KH 12', i: { intent: 'PROGRESS', plan: '12-KH/TU' }, a: { head: 'Toàn thành phố (kế hoạch 12-KH/TU): được giao 34 nhiệm vụ, đã hoàn thành 21, đang triển khai 6 trong hạn, 5 quá hạn, 2 chưa triển khai.', first: ['Đặc khu Cát Hải'], totals: { total: 34, done: 21, inTime: 6, overdue: 5, notStarted: 2, open: 13, updatedThisMonth: 0 } } },
  { q: 'tien do kh12', i: { intent: 'PROGRESS', plan: '12-KH/TU' }, a: { head: 'Toàn thành phố (kế hoạch 12-KH/TU): được giao 34 nhiệm vụ, đã hoàn thành 21, đang triển khai 6 trong hạn, 5 quá hạn, 2 chưa triển khai.', first: ['Đặc khu Cát Hải'], totals: { total: 34, done: 21, inTime: 6, overdue: 5, notStarted: 2, open: 13, updatedThisMonth: 0 } } },
  { q: 'kế hoạch 238 quá hạn', i: { intent: 'LIST', statuses: ['OVERDUE'], plan: '238/KH-UBND' }, a: { head: 'Toàn thành phố (kế hoạch 238/KH-UBND): 1 nhiệm vụ quá hạn / 20', first: ['B.CT.II.1'], totals: { matched: 1, total: 20 } } },
  { q: 'chương trình 2026 có bao nhiêu nhiệm vụ', i: { intent: 'COUNT', plan: 'CTr-2026' }, a: { head: 'Toàn thành phố (kế hoạch CTr-2026): 40 nhiệm vụ (816 lượt đơn vị)', totals: { matched: 40, total: 40, done: 5, inTime: 3, overdue: 143, notStarted: 665 } } },
  { q: 'CTr-2026 sắp đến hạn', i: { intent: 'LIST', statuses: ['DUE_SOON'], window: ['2026-11-26', '2026-12-03'], plan: 'CTr-2026' }, a: { head: 'Toàn thành phố (kế hoạch CTr-2026): không có nhiệm vụ nào sắp đến hạn (hạn từ 26/11/2026 đến 03/12/2026) (trên tổng số 40).', totals: { matched: 0, total: 40 } } },
  { q: 'chỉ tiêu nào chưa đạt', i: { intent: 'LIST', statuses: ['NOT_MET'] }, a: { head: 'Toàn thành phố: 7 chỉ tiêu chưa đạt / 33', first: ['A.I.1.3', 'A.I.3.1', 'A.I.3.2'], totals: { matched: 7, total: 33 } } },
  { q: 'chi tieu nao chua dat o cat hai', i: { intent: 'LIST', statuses: ['NOT_MET'], units: ['Đặc khu Cát Hải'] }, a: { head: 'Đặc khu Cát Hải: 7 chỉ tiêu chưa đạt / 33', first: ['A.I.1.3', 'A.I.3.1', 'A.I.3.2'], totals: { matched: 7, total: 33 } } },
  { q: 'các chỉ tiêu đã đạt của Cát Hải', i: { intent: 'LIST', statuses: ['MET'], units: ['Đặc khu Cát Hải'] }, a: { head: 'Đặc khu Cát Hải: 26 chỉ tiêu đã đạt / 33', first: ['A.I.1.1', 'A.I.1.2', 'A.I.2.2'], totals: { matched: 26, total: 33 }, more: true } },
  { q: 'Cát Hải có bao nhiêu chỉ tiêu đạt', i: { intent: 'COUNT', statuses: ['MET'], units: ['Đặc khu Cát Hải'] }, a: { head: 'Đặc khu Cát Hải: 26 chỉ tiêu đã đạt / 33', first: ['Đặc khu Cát Hải'], totals: { matched: 26, total: 33 } } },
  { q: 'chỉ tiêu 5G đạt chưa', i: { intent: 'VALUE', topic: '5G' }, a: { head: 'Toàn thành phố: 2 chỉ tiêu về "5G"', first: ['A.I.1.1', 'A.I.1.2'], totals: { matched: 2, total: 2 } } },
  { q: 'chi tieu 5G dat chua', i: { intent: 'VALUE', topic: '5G' }, a: { head: 'Toàn thành phố: 2 chỉ tiêu về "5G"', first: ['A.I.1.1', 'A.I.1.2'], totals: { matched: 2, total: 2 } } },
  { q: 'tỷ lệ phủ sóng 5G đạt bao nhiêu', i: { intent: 'VALUE', topic: 'phủ sóng 5G' }, a: { head: 'Toàn thành phố: 2 chỉ tiêu về "phủ sóng 5G"', first: ['A.I.1.1', 'A.I.1.2'], totals: { matched: 2, total: 2 } } },
  { q: 'nhiệm vụ CĐS quá hạn', i: { intent: 'LIST', statuses: ['OVERDUE'], topic: 'CĐS' }, a: { head: 'Toàn thành phố: 1 nhiệm vụ quá hạn về "CĐS" / 19 (26 lượt đơn vị)', first: ['14'], totals: { matched: 1, total: 19 } } },
  { q: 'chuyển đổi số quá hạn', i: { intent: 'LIST', statuses: ['OVERDUE'], topic: 'chuyển đổi số' }, a: { head: 'Toàn thành phố: 1 nhiệm vụ quá hạn về "chuyển đổi số" / 12 (26 lượt đơn vị)', first: ['14'], totals: { matched: 1, total: 12 } } },
  { q: 'an toan thong tin qua han', i: { intent: 'LIST', statuses: ['OVERDUE'], topic: 'an toan thong tin' }, a: { head: 'Toàn thành phố: 1 nhiệm vụ quá hạn về "an toan thong tin" / 5 (5 lượt đơn vị)', first: ['34'], totals: { matched: 1, total: 5 } } },
  // "việc" is the tasks: the indicators' difficulties are asked with "chỉ tiêu"
  { q: 'việc nào có vướng mắc', i: { intent: 'LIST', statuses: ['HAS_DIFFICULTIES'] }, a: { head: 'Toàn thành phố: 4 nhiệm vụ có vướng mắc / 61', first: ['1', '13', 'B.NV.2'], totals: { matched: 4, total: 61 } } },
  { q: 'bao nhiêu nhiệm vụ có vướng mắc', i: { intent: 'COUNT', statuses: ['HAS_DIFFICULTIES'] }, a: { head: 'Toàn thành phố: 4 nhiệm vụ có vướng mắc / 61', first: ['Đặc khu Cát Hải', 'Sở Tài chính', 'Xã Tiên Lãng'], totals: { matched: 4, total: 61 } } },
  { q: 'kiến nghị về kinh phí', i: { intent: 'PROPOSALS', topic: 'kinh phí' }, a: { head: 'Toàn thành phố: 1 nhiệm vụ có đề xuất, kiến nghị về "kinh phí" / 77', first: ['8'], totals: { matched: 1, total: 77 } } },
  { q: 'de xuat cua dac khu bach long vi', i: { intent: 'PROPOSALS', units: ['Đặc khu Bạch Long Vĩ'] }, a: { head: 'Đặc khu Bạch Long Vĩ: không có nhiệm vụ nào có đề xuất, kiến nghị.', totals: { matched: 0, total: 16 } } },
  { q: 'đề xuất, kiến nghị của Sở Tài chính', i: { intent: 'PROPOSALS', units: ['Sở Tài chính'] }, a: { head: 'Sở Tài chính: 1 nhiệm vụ có đề xuất, kiến nghị / 19', first: ['13'], totals: { matched: 1, total: 19 } } },
  { q: 'khó khăn về kinh phí và nhân lực', i: { intent: 'DIFFICULTIES', topic: 'kinh phí và nhân lực' }, a: { head: 'Toàn thành phố: 3 nhiệm vụ có khó khăn, vướng mắc về "kinh phí và nhân lực" / 155', first: ['A.I.1.3', 'A.I.2.1', '8'], totals: { matched: 3, total: 155 } } },
  { q: 'vuong mac ve nhan luc', i: { intent: 'DIFFICULTIES', topic: 'nhan luc' }, a: { head: 'Toàn thành phố: 2 nhiệm vụ có khó khăn, vướng mắc về "nhan luc" / 78', first: ['A.I.1.3', '8'], totals: { matched: 2, total: 78 } } },
  { q: 'vướng mắc nhiệm vụ II.6', i: { intent: 'DIFFICULTIES', ref: 'II.6' }, a: { head: 'Toàn thành phố (nhiệm vụ số II.6): không có nhiệm vụ nào có khó khăn, vướng mắc.', totals: { matched: 0, total: 1 } } },
  { q: 'cat hai co kho khan gi ve ha tang', i: { intent: 'DIFFICULTIES', units: ['Đặc khu Cát Hải'], topic: 'ha tang' }, a: { head: 'Đặc khu Cát Hải: 2 nhiệm vụ có khó khăn, vướng mắc về "ha tang" / 6', first: ['A.I.1.3', '8'], totals: { matched: 2, total: 6 } } },
  { q: 'các xã chậm cập nhật', i: { intent: 'STALE_UNITS', statuses: ['STALE'], kinds: ['COMMUNE'], window: ['2026-11-01', '2026-11-30'] }, a: { head: 'Các xã, từ 01/11/2026 đến 30/11/2026: 13/13 đơn vị chưa cập nhật đủ 90% nhiệm vụ đang mở (ít nhất trước):', first: ['Xã An Lão', 'Xã Bình Giang', 'Xã Cẩm Giàng'], totals: { units: 13, below: 13 }, more: true } },
  { q: 'cac so chua cap nhat', i: { intent: 'STALE_UNITS', statuses: ['STALE'], kinds: ['DEPARTMENT'], window: ['2026-11-01', '2026-11-30'] }, a: { head: 'Các sở, ngành, từ 01/11/2026 đến 30/11/2026: 12/12 đơn vị chưa cập nhật đủ 90% nhiệm vụ đang mở (ít nhất trước):', first: ['Sở Khoa học và Công nghệ', 'Sở Tài chính', 'Sở Công Thương'], totals: { units: 12, below: 12 }, more: true } },
  { q: 'Sở Tài chính đã gửi báo cáo chưa', i: { intent: 'STALE_UNITS', statuses: ['STALE'], units: ['Sở Tài chính'], window: ['2026-11-01', '2026-11-30'] }, a: { head: 'Sở Tài chính, từ 01/11/2026 đến 30/11/2026: mới cập nhật 0/19 nhiệm vụ đang mở (0%), chưa đạt yêu cầu ít nhất 90%.', first: ['Sở Tài chính'], totals: { units: 1, below: 1 } } },
  { q: 'phuong nao chua cap nhat', i: { intent: 'STALE_UNITS', statuses: ['STALE'], kinds: ['WARD'], window: ['2026-11-01', '2026-11-30'] }, a: { head: 'Các phường, từ 01/11/2026 đến 30/11/2026: 11/11 đơn vị chưa cập nhật đủ 90% nhiệm vụ đang mở (ít nhất trước):', first: ['Phường An Dương', 'Phường Chí Linh', 'Phường Đồ Sơn'], totals: { units: 11, below: 11 }, more: true } },
  { q: 'top 3 xã cập nhật chậm nhất', i: { intent: 'RANK_UNITS', kinds: ['COMMUNE'] }, a: { head: 'Các xã: xếp hạng theo tỷ lệ nhiệm vụ đã cập nhật, kém nhất trước (3/13 đơn vị):', first: ['Xã An Lão', 'Xã Bình Giang', 'Xã Cẩm Giàng'], totals: { units: 13 }, more: true } },
  { q: 'đơn vị nào có tỷ lệ hoàn thành thấp nhất', i: { intent: 'RANK_UNITS' }, a: { head: 'Toàn thành phố: xếp hạng theo tỷ lệ hoàn thành, kém nhất trước (5/48 đơn vị):', first: ['Ban Tổ chức Thành ủy', 'Ban Tuyên giáo và Dân vận Thành ủy', 'Ủy ban kiểm tra Thành ủy'], totals: { units: 48 }, more: true } },
  { q: 'đơn vị nào hoàn thành tốt nhất', i: { intent: 'RANK_UNITS' }, a: { head: 'Toàn thành phố: xếp hạng theo tỷ lệ hoàn thành, tốt nhất trước (5/48 đơn vị):', first: ['Đặc khu Cát Hải', 'Phường Hồng Bàng', 'Sở Nội vụ'], totals: { units: 48 }, more: true } },
  { q: 'xếp hạng các xã', i: { intent: 'RANK_UNITS', kinds: ['COMMUNE'] }, a: { head: 'Các xã: xếp hạng theo tỷ lệ hoàn thành, tốt nhất trước (5/13 đơn vị):', first: ['Xã An Lão', 'Xã Bình Giang', 'Xã Cẩm Giàng'], totals: { units: 13 }, more: true } },
  { q: '10 đơn vị chậm nhất', i: { intent: 'RANK_UNITS' }, a: { head: 'Toàn thành phố: xếp hạng theo số nhiệm vụ quá hạn, kém nhất trước (10/48 đơn vị):', first: ['Đặc khu Cát Hải', 'Văn phòng Thành ủy', 'Ban Tổ chức Thành ủy'], totals: { units: 48 }, more: true } },
  { q: 'sở nào chậm nhất', i: { intent: 'RANK_UNITS', kinds: ['DEPARTMENT'] }, a: { head: 'Các sở, ngành: xếp hạng theo số nhiệm vụ quá hạn, kém nhất trước (5/12 đơn vị):', first: ['Sở Tài chính', 'Sở Công Thương', 'Sở Giáo dục và Đào tạo'], totals: { units: 12 }, more: true } },
  // programme task 1 was finished by 5 of its 48 units in the quarter: the task itself is not done (DOMAIN: done when every unit is)
  { q: 'nhiệm vụ đã hoàn thành quý IV', i: { intent: 'LIST', statuses: ['DONE'], window: ['2026-10-01', '2026-12-31'] }, a: { head: 'Toàn thành phố: không có nhiệm vụ nào đã hoàn thành (hoàn thành từ 01/10/2026 đến 31/12/2026) (trên tổng số 61).', totals: { matched: 0, total: 61 } } },
  { q: 'nhiem vu da xong cua cat hai', i: { intent: 'LIST', statuses: ['DONE'], units: ['Đặc khu Cát Hải'] }, a: { head: 'Đặc khu Cát Hải: 12 nhiệm vụ đã hoàn thành / 37', first: ['B.NV.7', 'A.II.1', 'A.II.2'], totals: { matched: 12, total: 37 }, more: true } },
  { q: 'nhiệm vụ đang triển khai', i: { intent: 'LIST', statuses: ['IN_PROGRESS'] }, a: { head: 'Toàn thành phố: 12 nhiệm vụ đang triển khai / 61', first: ['1', '13', 'A.II.7'], totals: { matched: 12, total: 61 }, more: true } },
  { q: 'nhiệm vụ đang triển khai trong hạn', i: { intent: 'LIST', statuses: ['ON_TRACK'] }, a: { head: 'Toàn thành phố: 10 nhiệm vụ đang triển khai trong hạn / 61', first: ['A.II.7', 'A.II.8', 'A.II.11'], totals: { matched: 10, total: 61 }, more: true } },
  { q: 'nhiệm vụ chưa triển khai của Sở Tài chính', i: { intent: 'LIST', statuses: ['NOT_STARTED'], units: ['Sở Tài chính'] }, a: { head: 'Sở Tài chính: 15 nhiệm vụ chưa triển khai / 19', first: ['20', '22', '30'], totals: { matched: 15, total: 19 }, more: true } },
  { q: 'nhiem vu chua thuc hien', i: { intent: 'LIST', statuses: ['NOT_STARTED'] }, a: { head: 'Toàn thành phố: 34 nhiệm vụ chưa triển khai / 61 (668 lượt đơn vị)', first: ['A.II.4', 'A.II.9', 'B.NV.10'], totals: { matched: 34, total: 61 }, more: true } },
  { q: 'các nhiệm vụ tồn đọng', i: { intent: 'LIST', statuses: ['OPEN'] }, a: { head: 'Toàn thành phố: 50 nhiệm vụ chưa hoàn thành / 61 (821 lượt đơn vị)', first: ['1', '13', '17'], totals: { matched: 50, total: 61 }, more: true } },
  { q: 'nhiệm vụ chưa hoàn thành năm 2025', i: { intent: 'LIST', statuses: ['OPEN'], window: ['2025-01-01', '2025-12-31'] }, a: { head: 'Toàn thành phố: không có nhiệm vụ nào chưa hoàn thành (hạn từ 01/01/2025 đến 31/12/2025) (trên tổng số 61).', totals: { matched: 0, total: 61 } } },
  { q: 'nhiệm vụ nào chậm cập nhật', i: { intent: 'LIST', statuses: ['STALE'] }, a: { head: 'Toàn thành phố: 47 nhiệm vụ chậm cập nhật / 61 (816 lượt đơn vị)', first: ['1', '17', '34'], totals: { matched: 47, total: 61 }, more: true } },
  { q: 'nhiệm vụ quá hạn chậm cập nhật của Cát Hải', i: { intent: 'LIST', statuses: ['OVERDUE', 'STALE'], units: ['Đặc khu Cát Hải'] }, a: { head: 'Đặc khu Cát Hải: 2 nhiệm vụ quá hạn, chậm cập nhật / 37', first: ['14', '15'], totals: { matched: 2, total: 37 } } },
  { q: 'nhiệm vụ hết hạn trước 31/12', i: { intent: 'LIST', statuses: [], window: ['2026-11-26', '2026-12-31'] }, a: { head: 'Toàn thành phố: 23 nhiệm vụ (hạn từ 26/11/2026 đến 31/12/2026) / 61 (225 lượt đơn vị)', first: ['A.II.4', 'A.II.9', 'B.NV.10'], totals: { matched: 23, total: 61 }, more: true } },
  { q: 'quá hạn tháng 6', i: { intent: 'LIST', statuses: ['OVERDUE'], window: ['2026-06-01', '2026-06-30'] }, a: { head: 'Toàn thành phố: 2 nhiệm vụ quá hạn (hạn từ 01/06/2026 đến 30/06/2026) / 94 (74 lượt đơn vị)', first: ['14', '15'], totals: { matched: 2, total: 94 } } },
  { q: 'qua han quy 2', i: { intent: 'LIST', statuses: ['OVERDUE'], window: ['2026-04-01', '2026-06-30'] }, a: { head: 'Toàn thành phố: 2 nhiệm vụ quá hạn (hạn từ 01/04/2026 đến 30/06/2026) / 94 (74 lượt đơn vị)', first: ['14', '15'], totals: { matched: 2, total: 94 } } },
  { q: 'quá hạn năm nay', i: { intent: 'LIST', statuses: ['OVERDUE'], window: ['2026-01-01', '2026-12-31'] }, a: { head: 'Toàn thành phố: 7 nhiệm vụ quá hạn (hạn từ 01/01/2026 đến 31/12/2026) / 94 (143 lượt đơn vị)', first: ['1', '13', '17'], totals: { matched: 7, total: 94 } } },
  { q: 'sắp đến hạn', i: { intent: 'LIST', statuses: ['DUE_SOON'], window: ['2026-11-26', '2026-12-03'] }, a: { head: 'Toàn thành phố: không có nhiệm vụ nào sắp đến hạn (hạn từ 26/11/2026 đến 03/12/2026) (trên tổng số 94).', totals: { matched: 0, total: 94 } } },
  { q: 'sap den han trong 6 tuan', i: { intent: 'LIST', statuses: ['DUE_SOON'], window: ['2026-11-26', '2027-01-07'] }, a: { head: 'Toàn thành phố: 23 nhiệm vụ sắp đến hạn (hạn từ 26/11/2026 đến 07/01/2027) / 94 (225 lượt đơn vị)', first: ['A.II.4', 'A.II.9', 'B.NV.10'], totals: { matched: 23, total: 94 }, more: true } },
  { q: 'hạn hôm nay', i: { intent: 'LIST', window: ['2026-11-26', '2026-11-26'] }, a: { head: 'Toàn thành phố: không có nhiệm vụ nào (hạn từ 26/11/2026 đến 26/11/2026) (trên tổng số 94).', totals: { matched: 0, total: 94 } } },
  { q: 'đến hạn tháng sau', i: { intent: 'LIST', statuses: [], window: ['2026-12-01', '2026-12-31'] }, a: { head: 'Toàn thành phố: 23 nhiệm vụ (hạn từ 01/12/2026 đến 31/12/2026) / 94 (225 lượt đơn vị)', first: ['A.II.4', 'A.II.9', 'B.NV.10'], totals: { matched: 23, total: 94 }, more: true } },
  { q: 'den han truoc 15/12', i: { intent: 'LIST', statuses: [], window: ['2026-11-26', '2026-12-15'] }, a: { head: 'Toàn thành phố: không có nhiệm vụ nào (hạn từ 26/11/2026 đến 15/12/2026) (trên tổng số 94).', totals: { matched: 0, total: 94 } } },
  { q: 'tỷ lệ quá hạn của Cát Hải', i: { intent: 'RATE', statuses: ['OVERDUE'], units: ['Đặc khu Cát Hải'] }, a: { head: 'Đặc khu Cát Hải: tỷ lệ nhiệm vụ quá hạn là 11,4% (8/70).', totals: { matched: 8, total: 70, rate: 11.4 } } },
  { q: 'ty le cua cat hai', i: { intent: 'RATE', statuses: ['DONE'], units: ['Đặc khu Cát Hải'] }, a: { head: 'Đặc khu Cát Hải: tỷ lệ nhiệm vụ đã hoàn thành là 54,3% (38/70).', totals: { matched: 38, total: 70, rate: 54.3 } } },
  { q: 'tỷ lệ cập nhật tháng này', i: { intent: 'RATE', statuses: ['STALE'], window: ['2026-11-01', '2026-11-30'] }, a: { head: 'Toàn thành phố, từ 01/11/2026 đến 30/11/2026: đã cập nhật 0/828 nhiệm vụ đang mở (0%), chưa đạt yêu cầu ít nhất 90%.', totals: { updated: 0, open: 828, rate: 0 } } },
  { q: 'bao nhiêu phần trăm nhiệm vụ đã hoàn thành', i: { intent: 'RATE', statuses: ['DONE'] }, a: { head: 'Toàn thành phố: tỷ lệ nhiệm vụ đã hoàn thành là 1,9% (16/837).', totals: { matched: 16, total: 837, rate: 1.9 } } },
  { q: 'số nhiệm vụ quá hạn của Sở Nội vụ', i: { intent: 'COUNT', statuses: ['OVERDUE'], units: ['Sở Nội vụ'] }, a: { head: 'Sở Nội vụ: 2 nhiệm vụ quá hạn / 18', first: ['Sở Nội vụ'], totals: { matched: 2, total: 18 } } },
  { q: 'dem nhiem vu sap den han', i: { intent: 'COUNT', statuses: ['DUE_SOON'], window: ['2026-11-26', '2026-12-03'] }, a: { head: 'Toàn thành phố: không có nhiệm vụ nào sắp đến hạn (hạn từ 26/11/2026 đến 03/12/2026) (trên tổng số 61).', totals: { matched: 0, total: 61 } } },
  { q: 'tien do hai phong', i: { intent: 'PROGRESS' }, a: { head: 'Toàn thành phố: được giao 870 nhiệm vụ, đã hoàn thành 42, đang triển khai 11 trong hạn, 149 quá hạn, 668 chưa triển khai.', first: ['Đặc khu Cát Hải', 'Ban Nội chính Thành ủy', 'Ban Tổ chức Thành ủy'], totals: { total: 870, done: 42, inTime: 11, overdue: 149, notStarted: 668, open: 828, updatedThisMonth: 0 } } },
  { q: 'tien do thuy nguyen', i: { intent: 'PROGRESS', units: ['Phường Thủy Nguyên'] }, a: { head: 'Phường Thủy Nguyên: được giao 16 nhiệm vụ, đã hoàn thành 0, đang triển khai 0 trong hạn, 3 quá hạn, 13 chưa triển khai.', first: ['1', '14', '15'], totals: { total: 16, done: 0, inTime: 0, overdue: 3, notStarted: 13, open: 16, updatedThisMonth: 0 }, more: true } },
  { q: 'tiến độ Bạch Long Vĩ', i: { intent: 'PROGRESS', units: ['Đặc khu Bạch Long Vĩ'] }, a: { head: 'Đặc khu Bạch Long Vĩ: được giao 16 nhiệm vụ, đã hoàn thành 0, đang triển khai 0 trong hạn, 3 quá hạn, 13 chưa triển khai.', first: ['1', '14', '15'], totals: { total: 16, done: 0, inTime: 0, overdue: 3, notStarted: 13, open: 16, updatedThisMonth: 0 }, more: true } },
  { q: 'tien do bach long vy', i: { intent: 'PROGRESS', units: ['Đặc khu Bạch Long Vĩ'] }, a: { head: 'Đặc khu Bạch Long Vĩ: được giao 16 nhiệm vụ, đã hoàn thành 0, đang triển khai 0 trong hạn, 3 quá hạn, 13 chưa triển khai.', first: ['1', '14', '15'], totals: { total: 16, done: 0, inTime: 0, overdue: 3, notStarted: 13, open: 16, updatedThisMonth: 0 }, more: true } },
  { q: 'tien do dac khu cat hia', i: { intent: 'PROGRESS', units: ['Đặc khu Cát Hải'] }, a: { head: 'Đặc khu Cát Hải: được giao 70 nhiệm vụ, đã hoàn thành 38, đang triển khai 9 trong hạn, 8 quá hạn, 15 chưa triển khai.', first: ['A.I.1.3', 'A.I.3.1', 'A.I.3.2'], totals: { total: 70, done: 38, inTime: 9, overdue: 8, notStarted: 15, open: 32, updatedThisMonth: 0 }, more: true } },
  { q: 'cathai qua han', i: { intent: 'LIST', statuses: ['OVERDUE'], units: ['Đặc khu Cát Hải'] }, a: { head: 'Đặc khu Cát Hải: 8 nhiệm vụ quá hạn / 70', first: ['A.I.1.3', 'A.I.3.1', 'A.I.3.2'], totals: { matched: 8, total: 70 } } },
  { q: 'cat hay co nhiem vu nao qua han khong', i: { intent: 'LIST', statuses: ['OVERDUE'], units: ['Đặc khu Cát Hải'] }, a: { head: 'Đặc khu Cát Hải: 2 nhiệm vụ quá hạn / 37', first: ['14', '15'], totals: { matched: 2, total: 37 } } },
  { q: 'tien do so noi vuu', i: { intent: 'PROGRESS', units: ['Sở Nội vụ'] }, a: { head: 'Sở Nội vụ: được giao 18 nhiệm vụ, đã hoàn thành 1, đang triển khai 1 trong hạn, 2 quá hạn, 14 chưa triển khai.', first: ['17', '15', '20'], totals: { total: 18, done: 1, inTime: 1, overdue: 2, notStarted: 14, open: 17, updatedThisMonth: 0 }, more: true } },
  { q: 'tiến độ sở tài chin', i: { intent: 'PROGRESS', units: ['Sở Tài chính'] }, a: { head: 'Sở Tài chính: được giao 19 nhiệm vụ, đã hoàn thành 0, đang triển khai 0 trong hạn, 4 quá hạn, 15 chưa triển khai.', first: ['1', '13', '17'], totals: { total: 19, done: 0, inTime: 0, overdue: 4, notStarted: 15, open: 19, updatedThisMonth: 0 }, more: true } },
  { q: 'tien do CATP', i: { intent: 'PROGRESS', units: ['Công an thành phố'] }, a: { head: 'Công an thành phố: được giao 19 nhiệm vụ, đã hoàn thành 0, đang triển khai 0 trong hạn, 3 quá hạn, 16 chưa triển khai.', first: ['1', '17', '15'], totals: { total: 19, done: 0, inTime: 0, overdue: 3, notStarted: 16, open: 19, updatedThisMonth: 0 }, more: true } },
  { q: 'tiến độ Công an TP', i: { intent: 'PROGRESS', units: ['Công an thành phố'] }, a: { head: 'Công an thành phố: được giao 19 nhiệm vụ, đã hoàn thành 0, đang triển khai 0 trong hạn, 3 quá hạn, 16 chưa triển khai.', first: ['1', '17', '15'], totals: { total: 19, done: 0, inTime: 0, overdue: 3, notStarted: 16, open: 19, updatedThisMonth: 0 }, more: true } },
  { q: 'tien do VPTU', i: { intent: 'PROGRESS', units: ['Văn phòng Thành ủy'] }, a: { head: 'Văn phòng Thành ủy: được giao 24 nhiệm vụ, đã hoàn thành 1, đang triển khai 0 trong hạn, 4 quá hạn, 19 chưa triển khai.', first: ['17', '34', '38'], totals: { total: 24, done: 1, inTime: 0, overdue: 4, notStarted: 19, open: 23, updatedThisMonth: 0 }, more: true } },
  { q: 'tiến độ UBND TP', i: { intent: 'PROGRESS', units: ['Ủy ban nhân dân thành phố'] }, a: { head: 'Ủy ban nhân dân thành phố: chưa có nhiệm vụ nào.', totals: { total: 0, done: 0, inTime: 0, overdue: 0, notStarted: 0, open: 0, updatedThisMonth: 0 } } },
  { q: 'tiến độ trường đại học Hải Phòng', i: { intent: 'PROGRESS', units: ['Trường Đại học Hải Phòng'] }, a: { head: 'Trường Đại học Hải Phòng: được giao 14 nhiệm vụ, đã hoàn thành 0, đang triển khai 0 trong hạn, 2 quá hạn, 12 chưa triển khai.', first: ['1', '15', '20'], totals: { total: 14, done: 0, inTime: 0, overdue: 2, notStarted: 12, open: 14, updatedThisMonth: 0 }, more: true } },
  { q: 'tiến độ sở giáo dục', i: { intent: 'PROGRESS', units: ['Sở Giáo dục và Đào tạo'] }, a: { head: 'Sở Giáo dục và Đào tạo: được giao 17 nhiệm vụ, đã hoàn thành 0, đang triển khai 0 trong hạn, 3 quá hạn, 14 chưa triển khai.', first: ['1', '17', '15'], totals: { total: 17, done: 0, inTime: 0, overdue: 3, notStarted: 14, open: 17, updatedThisMonth: 0 }, more: true } },
  { q: 'tien do p hong bag', i: { intent: 'PROGRESS', units: ['Phường Hồng Bàng'] }, a: { head: 'Phường Hồng Bàng: được giao 16 nhiệm vụ, đã hoàn thành 1, đang triển khai 0 trong hạn, 2 quá hạn, 13 chưa triển khai.', first: ['14', '15', '20'], totals: { total: 16, done: 1, inTime: 0, overdue: 2, notStarted: 13, open: 15, updatedThisMonth: 0 }, more: true } },
  { q: 'tien do kien thuy', i: { intent: 'PROGRESS', units: ['Xã Kiến Thụy'] }, a: { head: 'Xã Kiến Thụy: được giao 16 nhiệm vụ, đã hoàn thành 0, đang triển khai 0 trong hạn, 3 quá hạn, 13 chưa triển khai.', first: ['1', '14', '15'], totals: { total: 16, done: 0, inTime: 0, overdue: 3, notStarted: 13, open: 16, updatedThisMonth: 0 }, more: true } },
  { q: 'tiến độ Hải An', i: { intent: 'PROGRESS', units: ['Phường Hải An'] }, a: { head: 'Phường Hải An: được giao 16 nhiệm vụ, đã hoàn thành 0, đang triển khai 0 trong hạn, 3 quá hạn, 13 chưa triển khai.', first: ['1', '14', '15'], totals: { total: 16, done: 0, inTime: 0, overdue: 3, notStarted: 13, open: 16, updatedThisMonth: 0 }, more: true } },
  { q: 'quá hạn Tiên Lãng', i: { intent: 'LIST', statuses: ['OVERDUE'], units: ['Xã Tiên Lãng'] }, a: { head: 'Xã Tiên Lãng: 3 nhiệm vụ quá hạn / 16', first: ['1', '14', '15'], totals: { matched: 3, total: 16 } } },
  // "chủ trì": the tasks the plan names the unit itself to lead, not its shares of collective tasks
  { q: 'nhiệm vụ sở nội vụ chủ trì', i: { intent: 'LIST', units: ['Sở Nội vụ'] }, a: { head: 'Sở Nội vụ: 1 nhiệm vụ', first: ['29'], totals: { matched: 1, total: 1 } } },
  { q: 'Cát Hải', i: { intent: 'PROGRESS', units: ['Đặc khu Cát Hải'] }, a: { head: 'Đặc khu Cát Hải: được giao 70 nhiệm vụ, đã hoàn thành 38, đang triển khai 9 trong hạn, 8 quá hạn, 15 chưa triển khai.', first: ['A.I.1.3', 'A.I.3.1', 'A.I.3.2'], totals: { total: 70, done: 38, inTime: 9, overdue: 8, notStarted: 15, open: 32, updatedThisMonth: 0 }, more: true } },
  { q: 'tiến độ sở nội vụ và sở tài chính', i: { intent: 'PROGRESS', units: ['Sở Nội vụ', 'Sở Tài chính'] }, a: { head: 'Sở Nội vụ, Sở Tài chính: được giao 37 nhiệm vụ, đã hoàn thành 1, đang triển khai 1 trong hạn, 6 quá hạn, 29 chưa triển khai.', first: ['Sở Tài chính', 'Sở Nội vụ'], totals: { total: 37, done: 1, inTime: 1, overdue: 6, notStarted: 29, open: 36, updatedThisMonth: 0 } } },
  { q: 'nhiệm vụ quá hạn ở Cát Hải và Bạch Long Vĩ', i: { intent: 'LIST', statuses: ['OVERDUE'], units: ['Đặc khu Cát Hải', 'Đặc khu Bạch Long Vĩ'] }, a: { head: 'Đặc khu Cát Hải, Đặc khu Bạch Long Vĩ: 3 nhiệm vụ quá hạn / 37 (5 lượt đơn vị)', first: ['1', '14', '15'], totals: { matched: 3, total: 37 } } },
  { q: 'các đặc khu có vướng mắc gì', i: { intent: 'DIFFICULTIES', kinds: ['SPECIAL_ZONE'] }, a: { head: 'Các đặc khu: 6 nhiệm vụ có khó khăn, vướng mắc / 86', first: ['A.I.1.3', 'A.I.3.1', 'B.CT.II.1'], totals: { matched: 6, total: 86 } } },
  { q: 'cac phuong co bao nhieu nhiem vu qua han', i: { intent: 'COUNT', statuses: ['OVERDUE'], kinds: ['WARD'] }, a: { head: 'Các phường: 3 nhiệm vụ quá hạn / 16 (32 lượt đơn vị)', first: ['Phường Lê Chân', 'Phường Ngô Quyền', 'Phường Hải An'], totals: { matched: 3, total: 16 } } },
  { q: 'danh sách xã quá hạn', i: { intent: 'LIST', statuses: ['OVERDUE'], kinds: ['COMMUNE'] }, a: { head: 'Các xã: 3 nhiệm vụ quá hạn / 16 (39 lượt đơn vị)', first: ['1', '14', '15'], totals: { matched: 3, total: 16 } } },
  { q: 'các trường đại học chưa triển khai', i: { intent: 'LIST', statuses: ['NOT_STARTED'], kinds: ['UNIVERSITY'] }, a: { head: 'Các trường đại học: 12 nhiệm vụ chưa triển khai / 14 (36 lượt đơn vị)', first: ['20', '22', '28'], totals: { matched: 12, total: 14 }, more: true } },
  { q: 'địa phương nào có nhiều nhiệm vụ quá hạn nhất', i: { intent: 'RANK_UNITS', kinds: ['COMMUNE', 'WARD', 'SPECIAL_ZONE'] }, a: { head: 'Các xã, phường, đặc khu: xếp hạng theo số nhiệm vụ quá hạn, kém nhất trước (5/26 đơn vị):', first: ['Đặc khu Bạch Long Vĩ', 'Phường An Dương', 'Phường Chí Linh'], totals: { units: 26 }, more: true } },
  { q: 'tiến độ các phường', i: { intent: 'PROGRESS', kinds: ['WARD'] }, a: { head: 'Các phường: được giao 176 nhiệm vụ, đã hoàn thành 1, đang triển khai 0 trong hạn, 32 quá hạn, 143 chưa triển khai.', first: ['Phường An Dương', 'Phường Chí Linh', 'Phường Đồ Sơn'], totals: { total: 176, done: 1, inTime: 0, overdue: 32, notStarted: 143, open: 175, updatedThisMonth: 0 } } },
  { q: 'đơn vị nào quá hạn nhiều nhất quý II', i: { intent: 'RANK_UNITS', window: ['2026-04-01', '2026-06-30'] }, a: { head: 'Toàn thành phố (hạn từ 01/04/2026 đến 30/06/2026): xếp hạng theo số nhiệm vụ quá hạn, kém nhất trước (5/48 đơn vị):', first: ['Đặc khu Cát Hải', 'Đặc khu Bạch Long Vĩ', 'Phường An Dương'], totals: { units: 48 }, more: true } },
  { q: '/chamcapnhat tháng 10', i: { intent: 'STALE_UNITS', statuses: ['STALE'], window: ['2026-10-01', '2026-10-31'] }, a: { head: 'Toàn thành phố, từ 01/10/2026 đến 31/10/2026: 48/48 đơn vị chưa cập nhật đủ 90% nhiệm vụ đang mở (ít nhất trước):', first: ['Văn phòng Thành ủy', 'Ban Tổ chức Thành ủy', 'Ban Tuyên giáo và Dân vận Thành ủy'], totals: { units: 48, below: 48 }, more: true } },
  { q: 'chậm cập nhật 30 ngày qua', i: { intent: 'STALE_UNITS', statuses: ['STALE'], window: ['2026-10-27', '2026-11-26'] }, a: { head: 'Toàn thành phố, từ 27/10/2026 đến 26/11/2026: 48/48 đơn vị chưa cập nhật đủ 90% nhiệm vụ đang mở (ít nhất trước):', first: ['Văn phòng Thành ủy', 'Ban Tổ chức Thành ủy', 'Ban Tuyên giáo và Dân vận Thành ủy'], totals: { units: 48, below: 48 }, more: true } },
  { q: 'tien do 2025', i: { intent: 'PROGRESS', window: ['2025-01-01', '2025-12-31'] }, a: { head: 'Toàn thành phố (hạn từ 01/01/2025 đến 31/12/2025): được giao 39 nhiệm vụ, đã hoàn thành 33, đang triển khai 0 trong hạn, 6 quá hạn, 0 chưa triển khai.', first: ['Đặc khu Cát Hải'], totals: { total: 39, done: 33, inTime: 0, overdue: 6, notStarted: 0, open: 6, updatedThisMonth: 0 } } },
  { q: 'viec cua toi', i: { intent: 'LIST', mine: 'ME' }, a: { head: 'Việc của anh/chị: không có nhiệm vụ nào.', totals: { matched: 0, total: 0 } } },
  { q: 'nhiem vu qua han cua so tai chinh', i: { intent: 'LIST', statuses: ['OVERDUE'], units: ['Sở Tài chính'] }, a: { head: 'Sở Tài chính: 4 nhiệm vụ quá hạn / 19', first: ['1', '13', '17'], totals: { matched: 4, total: 19 } } },
  { q: 'tien do so y te', i: { intent: 'PROGRESS', units: ['Sở Y tế'] }, a: { head: 'Sở Y tế: được giao 17 nhiệm vụ, đã hoàn thành 0, đang triển khai 0 trong hạn, 3 quá hạn, 14 chưa triển khai.', first: ['1', '17', '15'], totals: { total: 17, done: 0, inTime: 0, overdue: 3, notStarted: 14, open: 17, updatedThisMonth: 0 }, more: true } },
  { q: 'tiến độ', as: 'zoneLeader', i: { intent: 'PROGRESS', mine: 'MY_UNIT' }, a: { head: 'Đặc khu Cát Hải: được giao 70 nhiệm vụ, đã hoàn thành 38, đang triển khai 9 trong hạn, 8 quá hạn, 15 chưa triển khai.', first: ['A.I.1.3', 'A.I.3.1', 'A.I.3.2'], totals: { total: 70, done: 38, inTime: 9, overdue: 8, notStarted: 15, open: 32, updatedThisMonth: 0 }, more: true } },
  { q: 'quá hạn Sở Nội vụ', as: 'zoneLeader', i: { intent: 'LIST', statuses: ['OVERDUE'], units: ['Sở Nội vụ'] }, a: { outcome: 'REFUSED', head: 'Xin lỗi, anh/chị không có quyền xem thông tin của Sở Nội vụ. Anh/chị có thể hỏi về các đơn vị thuộc phạm vi của mình.' } },
  { q: 'tien do so tai chinh', as: 'zoneLeader', i: { intent: 'PROGRESS', units: ['Sở Tài chính'] }, a: { outcome: 'REFUSED', head: 'Xin lỗi, anh/chị không có quyền xem thông tin của Sở Tài chính. Anh/chị có thể hỏi về các đơn vị thuộc phạm vi của mình.' } },
  { q: 'các xã quá hạn', as: 'zoneLeader', i: { intent: 'LIST', statuses: ['OVERDUE'], kinds: ['COMMUNE'] }, a: { outcome: 'REFUSED', head: 'Trong phạm vi của anh/chị không có xã nào.' } },
  { q: 'đơn vị nào chậm nhất', as: 'zoneLeader', i: { intent: 'RANK_UNITS' }, a: { head: 'Đặc khu Cát Hải: xếp hạng theo số nhiệm vụ quá hạn, kém nhất trước (1/1 đơn vị):', first: ['Đặc khu Cát Hải'], totals: { units: 1 } } },
  { q: 'vướng mắc của đặc khu', as: 'zoneLeader', i: { intent: 'DIFFICULTIES' }, a: { outcome: 'ASK_UNIT', head: 'Trong phạm vi của anh/chị, "đặc khu" là đơn vị dưới đây. Anh/chị chọn để xem:', choices: ['qu:26'] } },
  { q: 'tiến độ An Dương', as: 'zoneLeader', i: { intent: 'PROGRESS', units: ['Phường An Dương'] }, a: { outcome: 'REFUSED', head: 'Xin lỗi, anh/chị không có quyền xem thông tin của Phường An Dương. Anh/chị có thể hỏi về các đơn vị thuộc phạm vi của mình.' } },
  { q: 'don vi toi co bao nhieu nhiem vu qua han', as: 'zoneLeader', i: { intent: 'COUNT', statuses: ['OVERDUE'], mine: 'MY_UNIT' }, a: { head: 'Đặc khu Cát Hải: 2 nhiệm vụ quá hạn / 37', first: ['Đặc khu Cát Hải'], totals: { matched: 2, total: 37 } } },
  { q: 'việc của tôi quá hạn', as: 'officer', i: { intent: 'LIST', statuses: ['OVERDUE'], mine: 'ME' }, a: { head: 'Việc của anh/chị: 8 nhiệm vụ quá hạn / 70', first: ['A.I.1.3', 'A.I.3.1', 'A.I.3.2'], totals: { matched: 8, total: 70 } } },
  { q: 'tien do so noi vu', as: 'officer', i: { intent: 'PROGRESS', units: ['Sở Nội vụ'] }, a: { outcome: 'REFUSED', head: 'Xin lỗi, anh/chị không có quyền xem thông tin của Sở Nội vụ. Anh/chị có thể hỏi về các đơn vị thuộc phạm vi của mình.' } },
  { q: 'quá hạn', as: 'officer', i: { intent: 'LIST', statuses: ['OVERDUE'] }, a: { head: 'Đặc khu Cát Hải: 8 nhiệm vụ quá hạn / 70', first: ['A.I.1.3', 'A.I.3.1', 'A.I.3.2'], totals: { matched: 8, total: 70 } } },
  { q: 'nhiệm vụ của tôi', as: 'officer', i: { intent: 'LIST', mine: 'ME' }, a: { head: 'Việc của anh/chị: 37 nhiệm vụ', first: ['14', '15', 'A.II.4'], totals: { matched: 37, total: 37 }, more: true } },
  { q: 'vuong mac', as: 'officer', i: { intent: 'DIFFICULTIES', mine: 'MY_UNIT' }, a: { head: 'Đặc khu Cát Hải: 6 nhiệm vụ có khó khăn, vướng mắc / 70', first: ['A.I.1.3', 'A.I.3.1', 'B.CT.II.1'], totals: { matched: 6, total: 70 } } },
  { q: 'tiến độ', as: 'communeOfficer', i: { intent: 'PROGRESS', mine: 'MY_UNIT' }, a: { head: 'Xã Tiên Lãng: được giao 16 nhiệm vụ, đã hoàn thành 0, đang triển khai 0 trong hạn, 3 quá hạn, 13 chưa triển khai.', first: ['1', '14', '15'], totals: { total: 16, done: 0, inTime: 0, overdue: 3, notStarted: 13, open: 16, updatedThisMonth: 0 }, more: true } },
  { q: 'vướng mắc của Cát Hải', as: 'communeOfficer', i: { intent: 'DIFFICULTIES', units: ['Đặc khu Cát Hải'] }, a: { outcome: 'REFUSED', head: 'Xin lỗi, anh/chị không có quyền xem thông tin của Đặc khu Cát Hải. Anh/chị có thể hỏi về các đơn vị thuộc phạm vi của mình.' } },
  { q: 'nv 1', as: 'communeOfficer', i: { intent: 'TASK_DETAIL', ref: '1' }, a: { head: '🔴 Nhiệm vụ 1 · CTr-2026', first: ['1'], totals: { units: 1 } } },
  { q: 'nhiệm vụ II.6', as: 'communeOfficer', i: { intent: 'TASK_DETAIL', ref: 'II.6' }, a: { outcome: 'REFUSED', head: 'Nhiệm vụ số "II.6" không thuộc phạm vi anh/chị được xem.' } },
  { q: 'viec cua toi', as: 'communeOfficer', i: { intent: 'LIST', mine: 'ME' }, a: { head: 'Việc của anh/chị: 16 nhiệm vụ', first: ['1', '14', '15'], totals: { matched: 16, total: 16 }, more: true } },
  { q: 'tiến độ Sở Tài chính', as: 'team', i: { intent: 'PROGRESS', units: ['Sở Tài chính'] }, a: { outcome: 'REFUSED', head: 'Xin lỗi, anh/chị không có quyền xem thông tin của Sở Tài chính. Anh/chị có thể hỏi về các đơn vị thuộc phạm vi của mình.' } },
  { q: 'quá hạn', as: 'team', i: { intent: 'LIST', statuses: ['OVERDUE'] }, a: { head: 'Đặc khu Cát Hải: 8 nhiệm vụ quá hạn / 70', first: ['A.I.1.3', 'A.I.3.1', 'A.I.3.2'], totals: { matched: 8, total: 70 } } },
  { q: 'tien do', as: 'deptLeader', i: { intent: 'PROGRESS', mine: 'MY_UNIT' }, a: { head: 'Sở Khoa học và Công nghệ: được giao 24 nhiệm vụ, đã hoàn thành 1, đang triển khai 1 trong hạn, 2 quá hạn, 20 chưa triển khai.', first: ['17', '15', '20'], totals: { total: 24, done: 1, inTime: 1, overdue: 2, notStarted: 20, open: 23, updatedThisMonth: 0 }, more: true } },
  { q: 'quá hạn ở Cát Hải', as: 'deptLeader', i: { intent: 'LIST', statuses: ['OVERDUE'], units: ['Đặc khu Cát Hải'] }, a: { outcome: 'REFUSED', head: 'Xin lỗi, anh/chị không có quyền xem thông tin của Đặc khu Cát Hải. Anh/chị có thể hỏi về các đơn vị thuộc phạm vi của mình.' } },
  { q: 'tien do so khcn', as: 'deptLeader', i: { intent: 'PROGRESS', units: ['Sở Khoa học và Công nghệ'] }, a: { head: 'Sở Khoa học và Công nghệ: được giao 24 nhiệm vụ, đã hoàn thành 1, đang triển khai 1 trong hạn, 2 quá hạn, 20 chưa triển khai.', first: ['17', '15', '20'], totals: { total: 24, done: 1, inTime: 1, overdue: 2, notStarted: 20, open: 23, updatedThisMonth: 0 }, more: true } },
  { q: 'quá hạn ở Cát Hải', as: 'admin', i: { intent: 'LIST', statuses: ['OVERDUE'], units: ['Đặc khu Cát Hải'] }, a: { head: 'Đặc khu Cát Hải: 8 nhiệm vụ quá hạn / 70', first: ['A.I.1.3', 'A.I.3.1', 'A.I.3.2'], totals: { matched: 8, total: 70 } } },
  { q: 'quá hạn ở Cát Hải', as: 'resident', i: { intent: 'LIST', statuses: ['OVERDUE'], units: ['Đặc khu Cát Hải'] }, a: { outcome: 'REFUSED', head: 'Xin lỗi, anh/chị không có quyền xem thông tin của Đặc khu Cát Hải. Anh/chị có thể hỏi về các đơn vị thuộc phạm vi của mình.' } },
  { q: 'tiến độ', as: 'resident', i: { intent: 'PROGRESS' }, a: { outcome: 'REFUSED', head: 'Xin lỗi, tài khoản của anh/chị chưa được phân quyền xem thông tin nhiệm vụ. Nếu cần, xin liên hệ Văn phòng Thường trực.' } },
  { q: 'tiến độ Sở Nội vụ', as: 'nobody', i: { intent: 'PROGRESS', units: ['Sở Nội vụ'] }, a: { outcome: 'REFUSED', head: 'Xin lỗi, anh/chị không có quyền xem thông tin của Sở Nội vụ. Anh/chị có thể hỏi về các đơn vị thuộc phạm vi của mình.' } },
  { q: 'xin chào', as: 'resident', i: { intent: 'HELP' }, a: { outcome: 'HELP', head: 'Tôi trả lời các câu hỏi về tiến độ thực hiện Nghị quyết 57-NQ/TW, trong phạm vi anh/chị được xem.' } },
  { q: 'nhiệm vụ nào quá hạn ở Cát Hải', today: '2025-11-14', i: { intent: 'LIST', statuses: ['OVERDUE'], units: ['Đặc khu Cát Hải'] }, a: { head: 'Đặc khu Cát Hải: không có nhiệm vụ nào quá hạn (trên tổng số 37).', totals: { matched: 0, total: 37 } } },
  { q: 'tiến độ Cát Hải', today: '2025-11-14', i: { intent: 'PROGRESS', units: ['Đặc khu Cát Hải'] }, a: { head: 'Đặc khu Cát Hải: được giao 70 nhiệm vụ, đã hoàn thành 41, đang triển khai 15 trong hạn, 0 quá hạn, 14 chưa triển khai.', first: ['14', '15', '20'], totals: { total: 70, done: 41, inTime: 15, overdue: 0, notStarted: 14, open: 29, updatedThisMonth: 14 }, more: true } },
  { q: 'sắp đến hạn', today: '2025-12-26', i: { intent: 'LIST', statuses: ['DUE_SOON'], window: ['2025-12-26', '2026-01-02'] }, a: { head: 'Toàn thành phố: 7 nhiệm vụ sắp đến hạn (hạn từ 26/12/2025 đến 02/01/2026) / 94', first: ['A.I.1.3', 'A.I.3.1', 'A.I.3.2'], totals: { matched: 7, total: 94 } } },
  { q: 'đơn vị nào chưa cập nhật tháng này', today: '2026-10-31', i: { intent: 'STALE_UNITS', statuses: ['STALE'], window: ['2026-10-01', '2026-10-31'] }, a: { head: 'Toàn thành phố, từ 01/10/2026 đến 31/10/2026: 48/48 đơn vị chưa cập nhật đủ 90% nhiệm vụ đang mở (ít nhất trước):', first: ['Văn phòng Thành ủy', 'Ban Tổ chức Thành ủy', 'Ban Tuyên giáo và Dân vận Thành ủy'], totals: { units: 48, below: 48 }, more: true } },
  { q: 'tỷ lệ cập nhật tháng này', today: '2026-10-31', i: { intent: 'RATE', statuses: ['STALE'], window: ['2026-10-01', '2026-10-31'] }, a: { head: 'Toàn thành phố, từ 01/10/2026 đến 31/10/2026: đã cập nhật 5/828 nhiệm vụ đang mở (0,6%), chưa đạt yêu cầu ít nhất 90%.', totals: { updated: 5, open: 828, rate: 0.6 } } },
  { q: 'quá hạn tháng 11', today: '2026-01-05', i: { intent: 'LIST', statuses: ['OVERDUE'], window: ['2026-11-01', '2026-11-30'] }, a: { head: 'Toàn thành phố: không có nhiệm vụ nào sắp đến hạn (hạn từ 01/11/2026 đến 30/11/2026) (trên tổng số 94).', totals: { matched: 0, total: 94 } } },
  { q: 'sap den han', today: '2026-01-28', i: { intent: 'LIST', statuses: ['DUE_SOON'], window: ['2026-01-28', '2026-02-04'] }, a: { head: 'Toàn thành phố: 1 nhiệm vụ sắp đến hạn (hạn từ 28/01/2026 đến 04/02/2026) / 94 (43 lượt đơn vị)', first: ['1'], totals: { matched: 1, total: 94 } } },
  { q: 'qua han', today: '2026-02-01', i: { intent: 'LIST', statuses: ['OVERDUE'] }, a: { head: 'Toàn thành phố: 7 nhiệm vụ quá hạn / 94 (49 lượt đơn vị)', first: ['A.I.1.3', 'A.I.3.1', 'A.I.3.2'], totals: { matched: 7, total: 94 } } },
  { q: 'tiến độ Sở Tài chính', today: '2026-10-31', i: { intent: 'PROGRESS', units: ['Sở Tài chính'] }, a: { head: 'Sở Tài chính: được giao 19 nhiệm vụ, đã hoàn thành 0, đang triển khai 0 trong hạn, 4 quá hạn, 15 chưa triển khai.', first: ['1', '13', '17'], totals: { total: 19, done: 0, inTime: 0, overdue: 4, notStarted: 15, open: 19, updatedThisMonth: 1 }, more: true } },
  { q: 'Sở Tài chính đã gửi báo cáo chưa', today: '2026-10-31', i: { intent: 'STALE_UNITS', statuses: ['STALE'], units: ['Sở Tài chính'], window: ['2026-10-01', '2026-10-31'] }, a: { head: 'Sở Tài chính, từ 01/10/2026 đến 31/10/2026: mới cập nhật 1/19 nhiệm vụ đang mở (5,3%), chưa đạt yêu cầu ít nhất 90%.', first: ['Sở Tài chính'], totals: { units: 1, below: 1 } } },
];

const tr = i18n();
const isAscii = (s: string) => /^[\x20-\x7e]*$/.test(s);

describe('answering questions on the sample data', () => {
  let db: TestDatabase;
  let data: PrismaQuestionData;
  const people = new Map<Who, PersonRef>();
  let unitName: (id: number) => string;

  beforeAll(async () => {
    db = await createTestDatabase();
    await seedSampleData(db.prisma);
    data = new PrismaQuestionData(db.prisma);
    const queries = new PrismaTaskQueries(db.prisma);
    for (const [who, p] of Object.entries(PEOPLE) as [Who, string | PersonRef][]) {
      const found = typeof p === 'string' ? await queries.findPeople(p) : [p];
      expect(found, who).toHaveLength(1);
      people.set(who, found[0]!);
    }
    const units = await data.units();
    unitName = (id) => units.find((u) => u.id === id)!.name;
  });
  afterAll(async () => {
    await db.destroy();
  });

  async function ask(q: string, who: Who = 'city', today: Day = TODAY, page?: { offset: number; size: number }): Promise<{ interp: Interpretation; answer: Answer; text: string }> {
    const person = people.get(who)!;
    const { interp } = await readQuestion(q, data, today, person);
    const answer = await answerQuestion(interp, { person, today, status: { dueSoonDays: 7 } }, data, page);
    return { interp, answer, text: renderReply(answer.reply, tr, 'vi', { numberChoices: true }) };
  }

  it('the table is large and varied', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(150);
    const unmarked = CASES.filter((c) => isAscii(c.q) && /[a-z]{3}/i.test(c.q)).length;
    expect(unmarked / CASES.length).toBeGreaterThanOrEqual(1 / 3);
    for (const intent of ['LIST', 'COUNT', 'RATE', 'RANK_UNITS', 'PROGRESS', 'DIFFICULTIES', 'PROPOSALS', 'STALE_UNITS', 'TASK_DETAIL', 'REPORT', 'HELP', 'UNKNOWN']) {
      expect(CASES.some((c) => c.i.intent === intent), intent).toBe(true);
    }
    for (const cmd of ['/quahan', '/sapden', '/tiendo', '/vuongmac', '/chamcapnhat', '/baocao']) expect(CASES.some((c) => c.q.startsWith(cmd)), cmd).toBe(true);
    for (const outcome of ['REFUSED', 'ASK_UNIT', 'UNKNOWN_UNIT', 'NOT_UNDERSTOOD', 'HELP', 'REPORT', 'ANSWERED']) {
      expect(CASES.some((c) => (c.a.outcome ?? 'ANSWERED') === outcome), outcome).toBe(true);
    }
    expect(new Set(CASES.map((c) => c.today ?? TODAY)).size).toBeGreaterThanOrEqual(5);
    expect(new Set(CASES.map((c) => c.as ?? 'city')).size).toBe(Object.keys(PEOPLE).length);
  });

  it.each(CASES.map((c) => [`${c.q}${c.as ? ` (${c.as})` : ''}${c.today ? ` @${c.today}` : ''}`, c] as const))('%s', async (_name, c) => {
    const { interp, answer, text } = await ask(c.q, c.as, c.today);
    // the reading
    expect(interp.intent).toBe(c.i.intent);
    if (c.i.statuses) expect([...interp.statuses].sort()).toEqual(c.i.statuses);
    expect(interp.unitIds.map(unitName)).toEqual(c.i.units ?? []);
    if (c.i.kinds) expect(interp.unitKinds).toEqual(c.i.kinds);
    expect(interp.window ? [interp.window.from, interp.window.to] : null).toEqual(c.i.window ?? null);
    expect(answer.json.plan).toBe(c.i.plan ?? null);
    expect(interp.taskRef).toBe(c.i.ref ?? null);
    expect(interp.topic).toBe(c.i.topic ?? null);
    expect(interp.mine).toBe(c.i.mine ?? null);
    // the answer
    expect(answer.json.outcome).toBe(c.a.outcome ?? 'ANSWERED');
    expect(text.split('\n')[0]).toBe(c.a.head);
    const first = answer.json.items.slice(0, c.a.first?.length ?? 3).map((i) => (i.type === 'task' ? i.number : i.unit));
    expect(first).toEqual(c.a.first ?? []);
    if (c.a.totals) expect(answer.json.totals).toMatchObject(c.a.totals);
    expect(answer.hasMore).toBe(c.a.more ?? false);
    expect(answer.reply.choices?.some((ch) => ch.id === 'q:more') ?? false).toBe(c.a.more ?? false);
    // "Yêu cầu giải trình" under overdue items (issue 15): only on questions about overdue work,
    // only for those who may ask (city leaders, admins, a unit leader about units under theirs), one per item at most.
    const ids = (answer.reply.choices ?? []).map((ch) => ch.id);
    const offers = ids.filter((id) => id.startsWith('gt:rq:'));
    if (offers.length) {
      expect(interp.statuses.includes('OVERDUE') || interp.minDaysOverdue !== null).toBe(true);
      expect(['city', 'admin', 'zoneLeader', 'deptLeader']).toContain(c.as ?? 'city');
      expect(offers.length).toBeLessThanOrEqual(answer.json.items.length);
    }
    if ((c.as ?? 'city') === 'city' && interp.intent === 'LIST' && interp.statuses.includes('OVERDUE') && answer.json.items.some((i) => i.type === 'task' && i.status === 'OVERDUE')) expect(offers.length).toBeGreaterThan(0);
    const other = ids.filter((id) => id !== 'q:more' && !id.startsWith('gt:rq:'));
    expect(other.slice(0, c.a.choices?.length ?? 0)).toEqual(c.a.choices ?? []);
    if (!c.a.choices) expect(other).toEqual([]);
    // counted: the totals line agrees with the items
    if (answer.json.totals.matched !== undefined && answer.json.items[0]?.type === 'task') {
      // a list of tasks shows each once, as the head counts them; a question about units lists their shares
      const totals = answer.json.totals;
      const listed = answer.json.counted === 'TASKS' && answer.json.intent === 'LIST' ? totals.matched : (totals.shares ?? totals.matched);
      expect(answer.json.items.length).toBe(Math.min(8, Number(listed)));
    }
  });

  it('every role asking about a unit outside its scope is refused, politely and by name', async () => {
    const asks: [Who, string, string][] = [
      ['zoneLeader', 'quá hạn Sở Nội vụ', 'Sở Nội vụ'],
      ['officer', 'tien do so noi vu', 'Sở Nội vụ'],
      ['communeOfficer', 'vướng mắc của Cát Hải', 'Đặc khu Cát Hải'],
      ['team', 'tiến độ Sở Tài chính', 'Sở Tài chính'],
      ['deptLeader', 'quá hạn ở Cát Hải', 'Đặc khu Cát Hải'],
      ['resident', 'quá hạn ở Cát Hải', 'Đặc khu Cát Hải'],
      ['nobody', 'tiến độ Sở Nội vụ', 'Sở Nội vụ'],
      ['officer', 'các xã có bao nhiêu nhiệm vụ quá hạn', ''],
    ];
    for (const [who, q, unit] of asks) {
      const { answer, text } = await ask(q, who);
      expect(answer.json.outcome, `${who}: ${q}`).toBe('REFUSED');
      expect(answer.json.items).toEqual([]);
      expect(text).toMatch(/^(Xin lỗi, anh\/chị không có quyền xem thông tin của |Trong phạm vi của anh\/chị không có )/);
      if (unit) expect(text).toContain(unit);
    }
    // a city leader sees everything; an unknown unit is said to be unknown, not refused
    expect((await ask('quá hạn ở Cát Hải')).answer.json.outcome).toBe('ANSWERED');
    expect((await ask('quá hạn ở Hà Nội')).answer.json.outcome).toBe('UNKNOWN_UNIT');
    // nothing leaks: a resident's city-wide question is refused too
    expect((await ask('có bao nhiêu nhiệm vụ quá hạn', 'resident')).text).toBe('Xin lỗi, tài khoản của anh/chị chưa được phân quyền xem thông tin nhiệm vụ. Nếu cần, xin liên hệ Văn phòng Thường trực.');
  });

  it('"xem thêm" pages through a list to its end, tasks once each, without repeats, in the same order', async () => {
    const seen: string[] = [];
    let offset = 0;
    let pages = 0;
    for (;;) {
      const { answer, text } = await ask('/quahan', 'city', TODAY, { offset, size: 8 });
      expect(text.split('\n')[0]).toBe('Toàn thành phố: 13 nhiệm vụ quá hạn / 94 (149 lượt đơn vị)');
      seen.push(...answer.json.items.map((i) => (i.type === 'task' ? `${i.plan} ${i.number}` : '')));
      pages++;
      if (!answer.hasMore) {
        expect(answer.nextOffset).toBeNull();
        // the last page: no "xem thêm"; the overdue items' explanation requests remain
        expect((answer.reply.choices ?? []).filter((c) => !c.id.startsWith('gt:rq:'))).toEqual([]);
        expect((answer.reply.choices ?? []).length).toBe(answer.json.items.length);
        break;
      }
      const more = answer.reply.choices!.find((c) => c.id === 'q:more')!;
      expect(more).toEqual({ id: 'q:more', label: { key: 'answer-more' }, words: expect.arrayContaining(['xem thêm', 'xem them', 'thêm']) });
      expect(answer.nextOffset).toBe(offset + 8);
      offset = answer.nextOffset!;
    }
    expect(pages).toBe(2);
    expect(seen).toHaveLength(13);
    expect(new Set(seen).size).toBe(13);
    // the longest overdue first, throughout
    const { answer: all } = await ask('/quahan', 'city', TODAY, { offset: 0, size: 200 });
    const days = all.json.items.map((i) => (i.type === 'task' ? i.daysOverdue : 0));
    expect(days).toEqual([...days].sort((a, b) => b - a));
    expect(all.json.items.map((i) => (i.type === 'task' ? `${i.plan} ${i.number}` : ''))).toEqual(seen);
    // a page past the end says so
    expect((await ask('/quahan', 'city', TODAY, { offset: 200, size: 8 })).text).toContain('Không còn mục nào nữa.');
  });

  it('rankings page by their own length', async () => {
    const first = await ask('top 3 xã cập nhật chậm nhất');
    expect(first.answer.nextOffset).toBe(3);
    const second = await ask('top 3 xã cập nhật chậm nhất', 'city', TODAY, { offset: 3, size: 8 });
    expect(second.text).toContain('   4. ');
    expect(second.answer.json.items).toHaveLength(3);
  });

  it('asks which unit with choices qu:<id>, numbered on text channels', async () => {
    const { answer, text } = await ask('vướng mắc của đặc khu');
    expect(answer.reply.choices).toEqual([
      { id: `qu:${answer.reply.choices![0]!.id.slice(3)}`, label: { raw: 'Đặc khu Cát Hải' } },
      { id: `qu:${answer.reply.choices![1]!.id.slice(3)}`, label: { raw: 'Đặc khu Bạch Long Vĩ' } },
    ]);
    expect(text).toBe('"đặc khu" có thể là 2 đơn vị. Anh/chị muốn hỏi về đơn vị nào?\n\n1. Đặc khu Cát Hải\n2. Đặc khu Bạch Long Vĩ\nTrả lời 1 hoặc 2.');
  });

  it('says what it understood when it does not understand, with example questions', async () => {
    const { text } = await ask('thời tiết hôm nay thế nào');
    expect(text).toBe(
      'Xin lỗi, tôi chưa hiểu câu hỏi này.\nTôi mới hiểu được: thời gian: hôm nay (26/11/2026).\nAnh/chị có thể hỏi, ví dụ:\n   “nhiệm vụ nào quá hạn ở Cát Hải?”\n   “các việc sắp đến hạn trong 2 tuần”\n   “tỷ lệ hoàn thành của Sở KH&CN”',
    );
  });

  it('a filter that empties the answer says so, never a bare zero; words not placed are ignored and said', async () => {
    const empty = await ask('nhiệm vụ về học bạ số ở Sở Y tế');
    expect(empty.text.split('\n')[0]).toBe('Sở Y tế: không có nhiệm vụ nào về "học bạ số".');
    const ignored = await ask('nhiệm vụ quá hạn abcxyz');
    expect(ignored.interp.topic).toBeNull();
    expect(ignored.answer.json.ignored).toEqual(['abcxyz']);
    expect(ignored.text.split('\n').slice(0, 2)).toEqual(['Toàn thành phố: 7 nhiệm vụ quá hạn / 61 (143 lượt đơn vị)', '(bỏ qua: “abcxyz”)']);
    for (const q of ['có vc j chậm ko', 'căn cứ nhiệm vụ quá hạn', 'hien gio co nhung nhiem vu nao bi cham vay a']) {
      const { text, answer } = await ask(q);
      expect(answer.json.topic, q).toBeNull();
      expect(text.split('\n')[0], q).not.toMatch(/không có|: 0 /);
    }
  });

  it('lists read like the brief: totals first, then number, title, unit, deadline, days overdue, %, age of the update', async () => {
    const { text } = await ask('quá hạn ở Cát Hải');
    expect(text.split('\n').slice(0, 7)).toEqual([
      'Đặc khu Cát Hải: 8 nhiệm vụ quá hạn / 70',
      '🔴 A.I.1.3 · Tỷ lệ người sử dụng có khả năng truy cập băng rộng cố định tốc độ trên 01 Gbps/s',
      '   Đặc khu Cát Hải · quá hạn 330 ngày · cập nhật 377 ngày trước',
      '   Hạn: 31/12/2025',
      '🔴 A.I.3.1 · Tỷ lệ thủ tục hành chính được tiếp nhận, giải quyết phi địa giới hành chính…',
      '   Đặc khu Cát Hải · quá hạn 330 ngày · 62% · chưa đạt chỉ tiêu · cập nhật 377 ngày trước',
      '   Hạn: 31/12/2025',
    ]);
    // one task shared by several units shows once, then a line per unit
    const communes = (await ask('xã nào chưa xây dựng kế hoạch 2026?')).text.split('\n');
    expect(communes.slice(0, 4)).toEqual([
      'Các xã: 13 nhiệm vụ chưa hoàn thành về "xây dựng kế hoạch 2026" / 13',
      '🔴 1 · Xây dựng Kế hoạch thực hiện Nghị quyết 57-NQ/TW năm 2026 của cơ quan/địa…',
      '   Xã Tiên Lãng · quá hạn 299 ngày · 80% · cập nhật 26 ngày trước',
      '   Xã Vĩnh Bảo · quá hạn 299 ngày · chưa cập nhật',
    ]);
  });

  it('renders in English without a missing message, and the same answer twice', async () => {
    for (const c of CASES) {
      const { answer } = await ask(c.q, c.as, c.today);
      for (const locale of ['vi', 'en'] as const) {
        const text = renderReply(answer.reply, tr, locale, { numberChoices: true });
        expect(text, `${locale}: ${c.q}`).not.toMatch(/\b(answer|report|task|detail|due|history)-[a-z-]+\b/);
      }
      if (CASES.indexOf(c) < 30) expect((await ask(c.q, c.as, c.today)).answer).toEqual(answer);
    }
  }, 120_000);
});
