import { describe, expect, it } from 'vitest';
import { parseQuestion } from '../../../domain/questions/parse-question.ts';
import type { Intent, StatusFilter } from '../../../domain/questions/types.ts';
import type { Day } from '../../../domain/shared/day.ts';
import { context, U } from './fixtures.ts';

/**
 * Phrasings written after the first tries by people who did not write the
 * parser (issue 9), by kind. Each case checks the fields its kind is about:
 * the intent always, then what the words must (and must not) become. A field
 * left out is not checked.
 */
interface Case {
  q: string;
  intent: Intent;
  statuses?: StatusFilter[];
  units?: number[];
  topic?: string | null;
  /** Each of these must be listed as ignored. */
  ignored?: string[];
  window?: [Day, Day] | null;
  minDaysOverdue?: number | null;
  request?: 'UPDATE' | 'DELETE' | 'ASSIGN';
  ref?: string | null;
  /** The question asks which unit, offering (at least) these. */
  asks?: number[];
  /** A section of an appendix ("mục II phần A" → "A.II"), not a task number. */
  section?: string | null;
}

const KINDS: Record<string, Case[]> = {
  '1 leftover words are not filters': [
    { q: 'có vc j chậm ko', intent: 'LIST', statuses: ['OVERDUE'], topic: null },
    { q: 'co viec gi cham khong', intent: 'LIST', statuses: ['OVERDUE'], topic: null },
    { q: 'chỗ nào chậm nhất', intent: 'RANK_UNITS', topic: null },
    { q: 'cho nao cham nhat vay', intent: 'RANK_UNITS', topic: null },
    { q: 'những gì đang quá hạn ạ', intent: 'LIST', statuses: ['OVERDUE'], topic: null },
    { q: 'giúp tôi xem nhiệm vụ quá hạn của Cát Hải nhỉ', intent: 'LIST', statuses: ['OVERDUE'], units: [U.CAT_HAI], topic: null },
    { q: 'giup toi xem nv qua han cat hai nhe', intent: 'LIST', statuses: ['OVERDUE'], units: [U.CAT_HAI], topic: null },
    { q: 'cho em hỏi Sở Nội vụ có việc nào trễ hạn không ạ', intent: 'LIST', statuses: ['OVERDUE'], units: [U.SO_NOI_VU], topic: null },
    { q: 'anh ơi việc nào quá hạn thế', intent: 'LIST', statuses: ['OVERDUE'], topic: null },
    { q: 'thế còn Cát Hải thì sao, có chậm không', intent: 'LIST', statuses: ['OVERDUE'], units: [U.CAT_HAI], topic: null },
    { q: 'hiện giờ có những nhiệm vụ nào bị chậm vậy ạ', intent: 'LIST', statuses: ['OVERDUE'], topic: null },
    { q: 'hien gio co nhung nhiem vu nao bi cham vay a', intent: 'LIST', statuses: ['OVERDUE'], topic: null },
    { q: 'nhiệm vụ quá hạn j', intent: 'LIST', statuses: ['OVERDUE'], topic: null },
    { q: 'báo giúp mình các việc quá hạn ở Sở Tài chính với', intent: 'LIST', statuses: ['OVERDUE'], units: [U.SO_TAI_CHINH], topic: null },
    { q: 'nhiệm vụ nào đang chậm tiến độ', intent: 'LIST', statuses: ['OVERDUE'], topic: null },
    // written before the change: asking someone to report is a question; 'nhờ', 'căn cứ kế hoạch', 'đấy' are no subject
    { q: 'báo cáo anh tình hình quá hạn ở Sở Nội vụ với', intent: 'LIST', statuses: ['OVERDUE'], units: [U.SO_NOI_VU], topic: null },
    { q: 'bao cao chi tinh hinh qua han cat hai', intent: 'LIST', statuses: ['OVERDUE'], units: [U.CAT_HAI], topic: null },
    { q: 'nhờ em xem giúp Cát Hải có việc nào quá hạn', intent: 'LIST', statuses: ['OVERDUE'], units: [U.CAT_HAI], topic: null },
    { q: 'nho anh tong hop tien do so tai chinh', intent: 'PROGRESS', units: [U.SO_TAI_CHINH], topic: null },
    { q: 'căn cứ kế hoạch thì Sở Tài chính quá hạn mấy việc', intent: 'COUNT', statuses: ['OVERDUE'], units: [U.SO_TAI_CHINH], topic: null },
    { q: 'theo ke hoach thi cat hai con bao nhieu viec qua han', intent: 'COUNT', statuses: ['OVERDUE'], units: [U.CAT_HAI], topic: null },
    { q: 'Sở Nội vụ quá hạn gì đấy', intent: 'LIST', statuses: ['OVERDUE'], units: [U.SO_NOI_VU], topic: null },
    { q: 'Cát Hải chậm những gì thế, cụ thể từng việc', intent: 'LIST', statuses: ['OVERDUE'], units: [U.CAT_HAI], topic: null },
  ],
  '3 deadline windows are not statuses': [
    { q: 'hạn chót tuần sau có việc gì', intent: 'LIST', statuses: [], window: ['2026-11-30', '2026-12-06'] },
    { q: 'han chot tuan sau co viec gi', intent: 'LIST', statuses: [], window: ['2026-11-30', '2026-12-06'] },
    { q: 'nhiệm vụ hạn cuối quý II', intent: 'LIST', statuses: [], window: ['2026-04-01', '2026-06-30'] },
    { q: 'nhiệm vụ chậm hơn 90 ngày', intent: 'LIST', statuses: ['OVERDUE'], minDaysOverdue: 90, topic: null, window: null },
    { q: 'nhiem vu qua han tren 30 ngay o cat hai', intent: 'LIST', statuses: ['OVERDUE'], minDaysOverdue: 30, units: [U.CAT_HAI], topic: null, window: null },
    { q: 'việc trễ quá 2 tháng', intent: 'LIST', statuses: ['OVERDUE'], minDaysOverdue: 60, topic: null, window: null },
  ],
  // written before the change: 'tới/đến/hết hạn' + a window is that deadline window, every state;
  // 'đã xong chưa' filters the done ones; 'hoàn thành trước …' is a deadline
  // a verb before what the tasks name is not part of the subject; a phrase the tasks write whole stays whole
  '6 the subject is what the tasks name': [
    { q: 'nhiệm vụ đăng ký bài toán lớn', intent: 'LIST', topic: 'bài toán lớn' },
    { q: 'viec cap chung thu so', intent: 'LIST', topic: 'chung thu so' },
    { q: 'việc tích hợp LGSP', intent: 'LIST', topic: 'LGSP' },
    { q: 'tiến độ xã hội số', intent: 'PROGRESS', topic: 'xã hội số' },
    { q: 'khó khăn về kinh phí và nhân lực', intent: 'DIFFICULTIES', topic: 'kinh phí và nhân lực' },
  ],
  '3 deadline words with a window': [
    { q: 'những việc tới hạn trong tháng tới', intent: 'LIST', statuses: [], window: ['2026-12-01', '2026-12-31'] },
    { q: 'viec den han trong quy nay', intent: 'LIST', statuses: [], window: ['2026-10-01', '2026-12-31'] },
    { q: 'nhiệm vụ hết hạn trong tháng 3/2026', intent: 'LIST', statuses: [], window: ['2026-03-01', '2026-03-31'] },
    { q: 'co viec nao het han thang 12 ko', intent: 'LIST', statuses: [], window: ['2026-12-01', '2026-12-31'] },
    { q: 'việc nào đến hạn từ nay đến cuối năm', intent: 'LIST', statuses: [], window: ['2026-11-26', '2026-12-31'] },
    { q: 'việc có hạn từ tháng 4 đến hết tháng 6', intent: 'LIST', statuses: [], window: ['2026-04-01', '2026-06-30'] },
    { q: 'viec han tu thang 7 den thang 9 nam nay', intent: 'LIST', statuses: [], window: ['2026-07-01', '2026-09-30'] },
    { q: 'những việc hạn quý I đã xong chưa', intent: 'LIST', statuses: ['DONE'], window: ['2026-01-01', '2026-03-31'] },
    { q: 'viec han thang 6 da hoan thanh chua', intent: 'LIST', statuses: ['DONE'], window: ['2026-06-01', '2026-06-30'] },
    { q: 'hoàn thành trước tháng 10/2025 là những việc nào', intent: 'LIST', statuses: [], window: ['2025-01-01', '2025-09-30'] },
    { q: 'việc phải xong trước 15/12', intent: 'LIST', statuses: [], window: ['2026-11-26', '2026-12-15'] },
    { q: 'việc quá hạn trong quý I', intent: 'LIST', statuses: ['OVERDUE'], window: ['2026-01-01', '2026-03-31'] },
    { q: 'việc sắp tới hạn', intent: 'LIST', statuses: ['DUE_SOON'] },
    { q: 'sap den han nhung viec gi', intent: 'LIST', statuses: ['DUE_SOON'] },
    // "năm nay / năm ngoái / năm sau" after a month or quarter is its year, not a subject
    { q: 'viec han quy 3 nam nay', intent: 'LIST', statuses: [], window: ['2026-07-01', '2026-09-30'], topic: null },
    { q: 'quá hạn tháng 6 năm ngoái', intent: 'LIST', statuses: ['OVERDUE'], window: ['2025-06-01', '2025-06-30'], topic: null },
    { q: 'việc hạn từ tháng 7 đến tháng 9 năm nay', intent: 'LIST', statuses: [], window: ['2026-07-01', '2026-09-30'], topic: null },
    // an indicator named after "tỷ lệ" and a bare "bao nhiêu" asks its value; "bao nhiêu chỉ tiêu" counts
    { q: 'ty le phu song 5G o cat hai bao nhieu', intent: 'VALUE', units: [U.CAT_HAI] },
    { q: 'tỷ lệ hồ sơ trực tuyến bao nhiêu chỉ tiêu đạt', intent: 'COUNT', statuses: ['MET'] },
  ],
  '2 a count of one task\'s units': [
    { q: 'bao nhiêu đơn vị đã xong nhiệm vụ 1', intent: 'COUNT', ref: '1', statuses: ['DONE'] },
    { q: 'bao nhieu don vi chua xong nv 1', intent: 'COUNT', ref: '1', statuses: ['OPEN'] },
    { q: 'nv 14 giao cho bao nhieu don vi', intent: 'COUNT', ref: '14', topic: null },
    { q: 'nhiệm vụ 28 giao mấy trường đại học', intent: 'COUNT', ref: '28', topic: null },
    { q: 'nhiệm vụ 1 đã có bao nhiêu xã hoàn thành', intent: 'COUNT', ref: '1', statuses: ['DONE'] },
    { q: 'nhiệm vụ 1 tiến độ thế nào', intent: 'TASK_DETAIL', ref: '1' },
    { q: 'tỷ lệ giao dịch phi tiếp xúc đạt bao nhiêu', intent: 'VALUE', ref: null },
    { q: 'Sở Giáo dục và Đào tạo có việc nào quá hạn', intent: 'LIST', statuses: ['OVERDUE'], topic: null },
  ],
  '6 a section of an appendix is not a task number': [
    { q: 'mục II phần A của Cát Hải', intent: 'LIST', section: 'A.II', units: [U.CAT_HAI], ref: null, topic: null },
    { q: 'muc 2 phan A cat hai', intent: 'LIST', section: 'A.II', units: [U.CAT_HAI], ref: null, topic: null },
    { q: 'các chỉ tiêu mục 3 phần A.I của Cát Hải', intent: 'LIST', section: 'A.I.3', units: [U.CAT_HAI], ref: null },
    { q: 'mục B.NV Cát Hải đã xong bao nhiêu', intent: 'COUNT', section: 'B.NV', statuses: ['DONE'], ref: null },
    { q: 'muc A.II cat hai con viec nao dang trien khai', intent: 'LIST', section: 'A.II', statuses: ['IN_PROGRESS'], ref: null },
    { q: 'phần B của Cát Hải có việc nào quá hạn', intent: 'LIST', section: 'B', statuses: ['OVERDUE'], ref: null, topic: null },
    { q: 'phan A.I cat hai dat bao nhieu chi tieu', intent: 'COUNT', section: 'A.I', ref: null },
    { q: 'mục III chương trình 2026', intent: 'LIST', section: 'III', ref: null, topic: null },
    { q: 'muc III chuong trinh 2026 con bao nhieu viec', intent: 'COUNT', section: 'III', ref: null },
    { q: 'Mục II phần A, Cát Hải, việc nào quá hạn?', intent: 'LIST', section: 'A.II', statuses: ['OVERDUE'], ref: null },
    { q: 'phần A mục 2 Cát Hải', intent: 'LIST', section: 'A.II', units: [U.CAT_HAI], ref: null },
    { q: 'mục 3 phần A.I', intent: 'LIST', section: 'A.I.3', ref: null },
    // task numbers stay task numbers; "phần mềm" is software
    { q: 'mục 22', intent: 'TASK_DETAIL', ref: '22', section: null },
    { q: 'nv II.6', intent: 'TASK_DETAIL', ref: 'II.6', section: null },
    { q: 'phần mềm theo dõi thi đua giao cho ai', intent: 'LIST', section: null },
    { q: 'nhiệm vụ A.II.3 của Cát Hải', intent: 'TASK_DETAIL', ref: 'A.II.3', section: null },
  ],
  '5 common forms of unit names': [
    { q: 'tiến độ VP Thành ủy', intent: 'PROGRESS', units: [U.VP_TU], ignored: [] },
    { q: 'tien do vp thanh uy', intent: 'PROGRESS', units: [U.VP_TU] },
    { q: 'Mặt trận chủ trì việc gì', intent: 'LIST', units: [U.MTTQ], topic: null },
    { q: 'mat tran to quoc qua han gi', intent: 'LIST', units: [U.MTTQ], statuses: ['OVERDUE'], topic: null },
    { q: 'ủy ban MTTQ có việc gì quá hạn', intent: 'LIST', units: [U.MTTQ], statuses: ['OVERDUE'] },
    { q: 'cong an tp chu tri nhung viec nao', intent: 'LIST', units: [U.CONG_AN], topic: null },
    { q: 'Sở KHCN cùng Công an thành phố chủ trì việc gì', intent: 'LIST', units: [U.SO_KHCN, U.CONG_AN], topic: null },
    { q: 'tiendo sonoivu', intent: 'PROGRESS', units: [U.SO_NOI_VU] },
    { q: 'nhiệm vụ quá hạng ở cát hải', intent: 'LIST', units: [U.CAT_HAI], statuses: ['OVERDUE'] },
  ],
  '8 requests are not questions': [
    { q: 'cập nhật tất cả thành hoàn thành', intent: 'REQUEST', request: 'UPDATE' },
    { q: 'cap nhat tat ca thanh hoan thanh', intent: 'REQUEST', request: 'UPDATE' },
    { q: 'xóa nhiệm vụ 3', intent: 'REQUEST', request: 'DELETE' },
    { q: 'xoa nv 3 di', intent: 'REQUEST', request: 'DELETE' },
    { q: 'giao việc này cho Sở Nội vụ', intent: 'REQUEST', request: 'ASSIGN' },
    { q: 'giao nhiệm vụ 5 cho anh Tuấn', intent: 'REQUEST', request: 'ASSIGN' },
    { q: 'đánh dấu nhiệm vụ 12 là đã xong', intent: 'REQUEST', request: 'UPDATE' },
    { q: 'sửa hạn nhiệm vụ 7 thành 31/12', intent: 'REQUEST', request: 'UPDATE' },
    { q: 'huỷ nhiệm vụ 4', intent: 'REQUEST', request: 'DELETE' },
    { q: 'chuyển nhiệm vụ 9 sang Sở Tài chính', intent: 'REQUEST', request: 'ASSIGN' },
    { q: 'thêm nhiệm vụ mới: xây dựng trung tâm dữ liệu', intent: 'REQUEST', request: 'UPDATE' },
    { q: 'them nhiem vu moi cho cat hai', intent: 'REQUEST', request: 'UPDATE' },
    { q: 'đặt hạn mới cho tất cả việc của Sở Tài chính là 31/12/2026', intent: 'REQUEST', request: 'UPDATE' },
    { q: 'đổi mới sáng tạo có việc nào quá hạn', intent: 'LIST', statuses: ['OVERDUE'] },
    { q: 'chuyển đổi số quá hạn', intent: 'LIST', statuses: ['OVERDUE'] },
  ],
  '7 a bare generic name asks which one': [
    // one unit named so in this registry: that unit
    { q: 'tiến độ của Văn phòng', intent: 'PROGRESS', units: [U.VP_TU], asks: [] },
    { q: 'uỷ ban có việc nào quá hạn', intent: 'LIST', statuses: ['OVERDUE'], asks: [U.UBND_TP, U.UBKT_TU] },
    { q: 'sở đang chậm những việc gì', intent: 'LIST', statuses: ['OVERDUE'], asks: [U.SO_NOI_VU, U.SO_TAI_CHINH] },
    { q: 'xã có vướng mắc gì không', intent: 'DIFFICULTIES', asks: [U.X_VINH_BAO, U.X_TIEN_LANG] },
    { q: 'xa co vuong mac gi khong', intent: 'DIFFICULTIES', asks: [U.X_VINH_BAO, U.X_TIEN_LANG] },
    { q: 'phường quá hạn việc gì', intent: 'LIST', statuses: ['OVERDUE'], asks: [U.P_HONG_BANG, U.P_LE_CHAN] },
    { q: 'tien do phuong', intent: 'PROGRESS', asks: [U.P_HONG_BANG, U.P_LE_CHAN] },
    { q: 'kien nghi cua van phong', intent: 'PROPOSALS', units: [U.VP_TU], asks: [] },
    { q: 'ban oi cho hoi tien do cat hai', intent: 'PROGRESS', units: [U.CAT_HAI], asks: [] },
    { q: 'top 3 xã cập nhật chậm nhất', intent: 'RANK_UNITS', asks: [] },
    { q: 'tiến độ Ban', intent: 'PROGRESS', asks: [U.BAN_TC_TU, U.BAN_TGDV_TU] },
    { q: 'tiến độ xã An', intent: 'PROGRESS', asks: [U.X_AN_DUONG, U.X_AN_LAO] },
    // plural or compound: a kind or a topic, never a question back
    { q: 'các sở quá hạn gì', intent: 'LIST', statuses: ['OVERDUE'], asks: [] },
    { q: 'xã nào chậm nhất', intent: 'RANK_UNITS', asks: [] },
    { q: 'tỷ lệ hồ sơ trực tuyến', intent: 'VALUE', asks: [] },
    { q: 'ty le ho so truc tuyen', intent: 'VALUE', asks: [] },
    { q: 'việc đã ban hành kế hoạch', intent: 'LIST', asks: [] },
    { q: 'tien do chuyen doi so', intent: 'PROGRESS', asks: [] },
    { q: 'so nhiem vu qua han', intent: 'COUNT', statuses: ['OVERDUE'], asks: [] },
  ],
  '9 what people type': [
    { q: 'nhieemj vuj quas hanj', intent: 'LIST', statuses: ['OVERDUE'], topic: null },
    { q: 'nhieemj vuj quas hanj owr Caats Hair', intent: 'LIST', statuses: ['OVERDUE'], units: [U.CAT_HAI] },
    { q: 'bn nv qua han o cat hai??', intent: 'COUNT', statuses: ['OVERDUE'], units: [U.CAT_HAI] },
    { q: 'bnhieu cv cham o so noi vu', intent: 'COUNT', statuses: ['OVERDUE'], units: [U.SO_NOI_VU], topic: null },
    { q: 'NHIỆM VỤ QUÁ HẠN CÁT HẢI', intent: 'LIST', statuses: ['OVERDUE'], units: [U.CAT_HAI] },
    { q: 'nv quá hạn cát hải 😡😡', intent: 'LIST', statuses: ['OVERDUE'], units: [U.CAT_HAI], topic: null },
    { q: 'tiến độ sở kh cn ntn', intent: 'PROGRESS', units: [U.SO_KHCN], topic: null },
    { q: 'tien do so khcn the nao', intent: 'PROGRESS', units: [U.SO_KHCN], topic: null },
    { q: 'đc bao nhiêu % nv xong r', intent: 'RATE', statuses: ['DONE'], topic: null },
    { q: 'quáhạn cát hải', intent: 'LIST', statuses: ['OVERDUE'], units: [U.CAT_HAI] },
    { q: 'ng nào phụ trách nv 5', intent: 'TASK_DETAIL', ref: '5' },
  ],
};

describe.each(Object.entries(KINDS))('kind %s', (_kind, cases) => {
  it.each(cases.map((c) => [c.q, c] as const))('%s', (_q, c) => {
    const r = parseQuestion(c.q, context()) as unknown as Record<string, unknown> & { window: { from: Day; to: Day } | null; statuses: StatusFilter[] };
    expect(r.intent).toBe(c.intent);
    if (c.statuses) expect([...r.statuses].sort()).toEqual(c.statuses);
    if (c.units) expect(r.unitIds).toEqual(c.units);
    if (c.topic !== undefined) expect(r.topic).toBe(c.topic);
    for (const w of c.ignored ?? []) expect(r.ignored as string[]).toContain(w);
    if (c.window !== undefined) expect(r.window ? [r.window.from, r.window.to] : null).toEqual(c.window);
    if (c.minDaysOverdue !== undefined) expect(r.minDaysOverdue ?? null).toBe(c.minDaysOverdue);
    if (c.request) expect(r.request).toBe(c.request);
    if (c.ref !== undefined) expect(r.taskRef).toBe(c.ref);
    if (c.section !== undefined) expect(r.section ?? null).toBe(c.section);
    if (c.asks) {
      const asked = (r.ambiguousUnit as { candidateIds: number[] } | null)?.candidateIds ?? [];
      if (c.asks.length === 0) expect(asked).toEqual([]);
      else expect(asked).toEqual(expect.arrayContaining(c.asks));
    }
  });
});

describe('deadline kinds', () => {
  it('"nhiệm vụ thường xuyên" is the continuous tasks (no deadline), not a word searched in titles', () => {
    for (const q of ['chương trình 2026 có bao nhiêu nhiệm vụ thường xuyên', 'nhiem vu thuong xuyen cua cat hai']) {
      const r = parseQuestion(q, context());
      expect(r.continuous, q).toBe(true);
      expect(r.topic, q).toBeNull();
    }
    expect(parseQuestion('nhiệm vụ quá hạn', context()).continuous).toBe(false);
  });
});
