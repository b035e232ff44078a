import { describe, expect, it } from 'vitest';
import { DEFAULT_HOLIDAYS, DEFAULT_MAKEUP_DAYS } from '../../domain/calendar/holidays.ts';
import { WorkingCalendar } from '../../domain/calendar/working-days.ts';
import { countProposals, escalationDay, isLate, lateStep, mayAnswer, readProposalAnswer, readProposalQuestion, readSendTo, recogniseAddressee, responseDue, splitProposals, withSendTo } from '../../domain/accountability/proposals.ts';
import type { UnitRef } from '../../domain/units/types.ts';
import type { UnitKind } from '../../domain/units/types.ts';

let nextId = 1;
const unit = (name: string, kind: UnitKind, aliases: string[] = []): UnitRef => ({ id: nextId++, code: name, name, kind, parentId: null, aliases });
const UNITS: UnitRef[] = [
  unit('Thành ủy Hải Phòng', 'CITY', ['Thành ủy', 'TU']),
  unit('Ủy ban nhân dân thành phố', 'CITY', ['UBND thành phố', 'UBND TP', 'UBND thành phố Hải Phòng']),
  unit('Ban Chỉ đạo phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số thành phố', 'CITY', ['Ban Chỉ đạo thành phố', 'BCĐ thành phố']),
  unit('Văn phòng Thành ủy', 'PARTY_BODY', ['VP Thành ủy', 'VPTU']),
  unit('Ban Tổ chức Thành ủy', 'PARTY_BODY', ['BTC Thành ủy']),
  unit('Văn phòng Ủy ban nhân dân thành phố', 'DEPARTMENT', ['Văn phòng UBND thành phố', 'VP UBND TP']),
  unit('Sở Khoa học và Công nghệ', 'DEPARTMENT', ['Sở KH&CN', 'Sở KHCN']),
  unit('Sở Nội vụ', 'DEPARTMENT'),
  unit('Sở Tài chính', 'DEPARTMENT'),
  unit('Sở Giáo dục và Đào tạo', 'DEPARTMENT', ['Sở GD&ĐT', 'Sở GDĐT']),
  unit('Sở Y tế', 'DEPARTMENT'),
  unit('Sở Xây dựng', 'DEPARTMENT'),
  unit('Sở Nông nghiệp và Môi trường', 'DEPARTMENT', ['Sở NN&MT']),
  unit('Sở Tư pháp', 'DEPARTMENT'),
  unit('Công an thành phố', 'AGENCY', ['Công an TP', 'CATP']),
  unit('Đặc khu Cát Hải', 'SPECIAL_ZONE', ['Cát Hải', 'ĐK Cát Hải', 'UBND đặc khu Cát Hải']),
  unit('Xã Tiên Lãng', 'COMMUNE', ['UBND xã Tiên Lãng']),
];
const named = (name: string) => UNITS.find((u) => u.name === name)!.name;

/** Proposal texts → the unit that must answer ("city" = the standing office; "ask" = the officer is asked). */
const CORPUS: [string, string][] = [
  ['đề nghị Sở Tài chính bố trí vốn', named('Sở Tài chính')],
  ['de nghi So Tai chinh bo tri von', named('Sở Tài chính')],
  ['Đề nghị thành phố bổ sung kinh phí', 'city'],
  ['de nghi thanh pho bo sung kinh phi', 'city'],
  ['đề nghị TP bổ sung vốn', 'city'],
  ['de nghi TP bo sung von', 'city'],
  ['Kiến nghị UBND thành phố chỉ đạo các sở hỗ trợ', 'city'],
  ['kien nghi UBND TP chi dao cac so ho tro', 'city'],
  ['Đối với UBND Thành phố Hải Phòng: chỉ đạo các sở, ngành liên quan hỗ trợ đặc khu', 'city'],
  ['Đề xuất Ban Chỉ đạo thành phố xem xét điều chỉnh chỉ tiêu', 'city'],
  ['de xuat Ban Chi dao thanh pho xem xet dieu chinh chi tieu', 'city'],
  ['Kiến nghị Thành ủy ban hành quy chế', 'city'],
  ['đề nghị Sở Nội vụ hướng dẫn vị trí việc làm', named('Sở Nội vụ')],
  ['de nghi so noi vu huong dan vi tri viec lam', named('Sở Nội vụ')],
  ['Đề nghị Sở KH&CN hướng dẫn thủ tục đề tài', named('Sở Khoa học và Công nghệ')],
  ['de nghi so KHCN huong dan thu tuc de tai', named('Sở Khoa học và Công nghệ')],
  ['Đề nghị Sở Khoa học và Công nghệ sớm thẩm định', named('Sở Khoa học và Công nghệ')],
  ['Kiến nghị Sở Giáo dục và Đào tạo triển khai học bạ số', named('Sở Giáo dục và Đào tạo')],
  ['kien nghi so GD&DT trien khai hoc ba so', named('Sở Giáo dục và Đào tạo')],
  ['Đề nghị Sở Y tế hỗ trợ bệnh án điện tử', named('Sở Y tế')],
  ['de nghi so y te ho tro benh an dien tu', named('Sở Y tế')],
  ['Đề nghị Sở Xây dựng cấp phép trạm BTS nhanh hơn', named('Sở Xây dựng')],
  ['de nghi so xay dung cap phep tram BTS nhanh hon', named('Sở Xây dựng')],
  ['Kiến nghị Sở Nông nghiệp và Môi trường số hóa dữ liệu đất đai', named('Sở Nông nghiệp và Môi trường')],
  ['kien nghi so NN&MT so hoa du lieu dat dai', named('Sở Nông nghiệp và Môi trường')],
  ['Đề nghị Sở Tư pháp hướng dẫn chứng thực điện tử', named('Sở Tư pháp')],
  ['Đề nghị Công an thành phố hỗ trợ làm sạch dữ liệu dân cư', named('Công an thành phố')],
  ['de nghi cong an thanh pho ho tro lam sach du lieu dan cu', named('Công an thành phố')],
  ['Đề nghị Công an TP cấp tài khoản định danh', named('Công an thành phố')],
  ['Đề nghị Văn phòng UBND thành phố nâng cấp hệ thống một cửa', named('Văn phòng Ủy ban nhân dân thành phố')],
  ['de nghi van phong UBND thanh pho nang cap he thong mot cua', named('Văn phòng Ủy ban nhân dân thành phố')],
  ['Đề nghị Văn phòng Thành ủy hướng dẫn mẫu báo cáo', named('Văn phòng Thành ủy')],
  ['Đề nghị Ban Tổ chức Thành ủy bố trí biên chế', named('Ban Tổ chức Thành ủy')],
  ['de nghi ban to chuc thanh uy bo tri bien che', named('Ban Tổ chức Thành ủy')],
  ['Đề nghị UBND đặc khu Cát Hải phối hợp', named('Đặc khu Cát Hải')],
  ['Đề nghị thành phố chỉ đạo Sở Tài chính bố trí vốn', 'city'],
  ['Đề nghị Sở Tài chính tham mưu UBND thành phố bố trí vốn', named('Sở Tài chính')],
  ['Vướng kinh phí, đề nghị Sở Tài chính cân đối', named('Sở Tài chính')],
  ['vuong kinh phi, de nghi so tai chinh can doi', named('Sở Tài chính')],
  ['Xin bổ sung kinh phí từ ngân sách thành phố', 'city'],
  ['Mong Sở Nội vụ sớm có hướng dẫn', named('Sở Nội vụ')],
  ['Kính đề nghị Ban Chỉ đạo xem xét', 'city'],
  ['Đề nghị các sở, ngành hỗ trợ đào tạo', 'city'],
  ['de nghi cac so nganh ho tro dao tao', 'city'],
  ['Đề nghị cấp trên quan tâm', 'city'],
  ['Đề nghị Trung ương sớm ban hành hướng dẫn', 'city'],
  ['Đề nghị bổ sung biên chế cho bộ phận công nghệ thông tin', 'ask'],
  ['de nghi bo sung bien che cho bo phan CNTT', 'ask'],
  ['Đề xuất tăng cường tập huấn kỹ năng số', 'ask'],
  ['de xuat tang cuong tap huan ky nang so', 'ask'],
  ['Cần thêm kinh phí mua sắm thiết bị', 'ask'],
  ['Kiến nghị được hỗ trợ thêm máy tính', 'ask'],
  ['Đề nghị hỗ trợ', 'ask'],
  ['Đề nghị doanh nghiệp viễn thông mở rộng vùng phủ sóng', 'ask'],
  ['Đề nghị Sở Tài chính và Sở Nội vụ thống nhất hướng dẫn', named('Sở Tài chính')],
  ['Đề nghị Sở Nội vụ, Sở Tài chính phối hợp', named('Sở Nội vụ')],
  ['Kiến nghị Thanh tra hướng dẫn', 'ask'],
  ['Đề xuất UBND xã Tiên Lãng bố trí mặt bằng', named('Xã Tiên Lãng')],
  ['Đề nghị Sở Y tế chủ trì, Công an thành phố phối hợp', named('Sở Y tế')],
  ['Kiến nghị lãnh đạo thành phố quan tâm chỉ đạo', 'city'],
  ['de nghi thuong truc thanh uy cho y kien', 'city'],
  ['de nghi cong an TP cap tai khoan dinh danh', named('Công an thành phố')],
  ['de nghi van phong thanh uy huong dan mau bao cao', named('Văn phòng Thành ủy')],
  ['de nghi so tu phap huong dan chung thuc dien tu', named('Sở Tư pháp')],
  ['de xuat UBND xa Tien Lang bo tri mat bang', named('Xã Tiên Lãng')],
  ['kien nghi thanh uy ban hanh quy che', 'city'],
  ['can them kinh phi mua sam thiet bi', 'ask'],
  ['de nghi doanh nghiep vien thong mo rong vung phu song', 'ask'],
];

describe('who must answer a proposal', () => {
  it('has at least 60 texts, a third without diacritics', () => {
    expect(CORPUS.length).toBeGreaterThanOrEqual(60);
    const plain = CORPUS.filter(([t]) => t === t.normalize('NFD').replace(/[\u0300-\u036f]/g, '') && !/[đĐ]/.test(t));
    expect(plain.length * 3).toBeGreaterThanOrEqual(CORPUS.length);
  });
  it.each(CORPUS)('%s → %s', (text, expected) => {
    const a = recogniseAddressee(text, UNITS);
    expect(a.kind === 'unit' ? a.unit.name : a.kind).toBe(expected);
  });
});

describe('proposals, answers and deadlines', () => {
  it('splits numbered and listed proposals', () => {
    expect(splitProposals('1. Đề nghị Sở Tài chính bố trí vốn. 2. Đề nghị Sở Nội vụ hướng dẫn')).toEqual(['Đề nghị Sở Tài chính bố trí vốn.', 'Đề nghị Sở Nội vụ hướng dẫn']);
    expect(splitProposals('- đề nghị TP bổ sung vốn\n- đề nghị Sở Y tế hỗ trợ')).toEqual(['đề nghị TP bổ sung vốn', 'đề nghị Sở Y tế hỗ trợ']);
    expect(splitProposals('đề nghị TP bổ sung vốn; đề nghị Sở Y tế hỗ trợ')).toEqual(['đề nghị TP bổ sung vốn', 'đề nghị Sở Y tế hỗ trợ']);
    expect(splitProposals('đề nghị TP bổ sung vốn')).toEqual(['đề nghị TP bổ sung vốn']);
    expect(splitProposals('  ')).toEqual([]);
  });

  it.each([
    ['1. Đề nghị Sở Tài chính bố trí vốn 2. Đề nghị Sở Nội vụ hướng dẫn', ['Đề nghị Sở Tài chính bố trí vốn', 'Đề nghị Sở Nội vụ hướng dẫn']],
    ['1. de nghi so tai chinh bo tri von 2. de nghi so noi vu huong dan', ['de nghi so tai chinh bo tri von', 'de nghi so noi vu huong dan']],
    ['1) Sở Tài chính bố trí vốn 2) Sở Nội vụ hướng dẫn 3) Sở Y tế hỗ trợ', ['Sở Tài chính bố trí vốn', 'Sở Nội vụ hướng dẫn', 'Sở Y tế hỗ trợ']],
    ['1. So tai chinh bo tri von\n2. So noi vu huong dan', ['So tai chinh bo tri von', 'So noi vu huong dan']],
    // as the reply reader joined them before it cut numbered lists (texts already saved)
    ['1; Sở Tài chính bố trí vốn 2; Sở Nội vụ hướng dẫn', ['Sở Tài chính bố trí vốn', 'Sở Nội vụ hướng dẫn']],
    ['1; So tai chinh bo tri von 2; So noi vu huong dan 3; So y te ho tro', ['So tai chinh bo tri von', 'So noi vu huong dan', 'So y te ho tro']],
    // a number that is part of the text stays
    ['Đề nghị bố trí phòng họp tầng 2', ['Đề nghị bố trí phòng họp tầng 2']],
    ['de nghi bo sung 2 bien che; de nghi cap 3 may tinh', ['de nghi bo sung 2 bien che', 'de nghi cap 3 may tinh']],
  ])('splits %j with no stray item number', (text, expected) => {
    expect(splitProposals(text)).toEqual(expected);
  });

  it.each([
    ['đã tiếp thu', { kind: 'ACKNOWLEDGED', text: null }],
    ['Da tiep thu, se bo tri trong quy I', { kind: 'ACKNOWLEDGED', text: 'se bo tri trong quy I' }],
    ['đã giải quyết: đã bố trí 2 tỷ đồng', { kind: 'RESOLVED', text: 'đã bố trí 2 tỷ đồng' }],
    ['da giai quyet - QD 123/QD-STC', { kind: 'RESOLVED', text: 'QD 123/QD-STC' }],
    ['chuyển cho Sở Xây dựng', { kind: 'FORWARDED', to: 'Sở Xây dựng' }],
    ['chuyen cho so noi vu', { kind: 'FORWARDED', to: 'so noi vu' }],
    ['không thể: hết nguồn ngân sách 2026', { kind: 'REFUSED', text: 'hết nguồn ngân sách 2026' }],
    ['khong the vi khong thuoc tham quyen', { kind: 'REFUSED', text: 'vi khong thuoc tham quyen' }],
    ['đã giải quyết', { problem: 'resolved-needs-text' }],
    ['không thể', { problem: 'refused-needs-reason' }],
    ['chuyển cho', { problem: 'forward-needs-unit' }],
    ['ok để xem', { problem: 'unknown' }],
  ])('answer "%s"', (text, expected) => {
    expect(readProposalAnswer(text)).toEqual(expected);
  });

  const calendar = new WorkingCalendar({ holidays: DEFAULT_HOLIDAYS, makeupDays: DEFAULT_MAKEUP_DAYS });
  it.each([
    ['2026-11-26', 10, '2026-12-10'], // Thursday + 10 working days: two weekends
    ['2026-11-27', 1, '2026-11-30'], // Friday + 1 = Monday
    ['2026-02-10', 10, '2026-03-03'], // Tết Bính Ngọ (16–20/02/2026) is skipped
    ['2026-04-24', 5, '2026-05-06'], // Hùng Kings' day (27/04), 30/4 and 1/5
    ['2026-12-31', 1, '2027-01-04'], // New Year's Day
  ])('raised %s, %i working days → due %s', (raised, days, due) => {
    expect(responseDue(raised, days, calendar)).toBe(due);
  });

  it('only the addressee unit\'s leaders answer; the standing office answers for the city', () => {
    const stc = UNITS.find((u) => u.name === 'Sở Tài chính')!.id;
    expect(mayAnswer({ id: 1, fullName: 'Lãnh đạo STC', unitId: stc, roles: ['UNIT_LEADER'] }, stc)).toBe(true);
    expect(mayAnswer({ id: 2, fullName: 'Cán bộ STC', unitId: stc, roles: ['OFFICER'] }, stc)).toBe(false);
    expect(mayAnswer({ id: 3, fullName: 'Lãnh đạo khác', unitId: stc + 1, roles: ['UNIT_LEADER'] }, stc)).toBe(false);
    expect(mayAnswer({ id: 4, fullName: 'VPTU', unitId: 4, roles: ['ADMIN'] }, null)).toBe(true);
    expect(mayAnswer({ id: 5, fullName: 'PCT', unitId: 2, roles: ['CITY_LEADER'] }, null)).toBe(true);
    expect(mayAnswer({ id: 6, fullName: 'Lãnh đạo STC', unitId: stc, roles: ['UNIT_LEADER'] }, null)).toBe(false);
  });

  it('late: open past the due day; acknowledged is answered but still pending', () => {
    expect(isLate({ state: 'OPEN', dueOn: '2026-12-10' }, '2026-12-11')).toBe(true);
    expect(isLate({ state: 'OPEN', dueOn: '2026-12-10' }, '2026-12-10')).toBe(false);
    expect(isLate({ state: 'ACKNOWLEDGED', dueOn: '2026-12-10' }, '2026-12-11')).toBe(false);
  });

  it.each([
    ['kiến nghị nào chưa được trả lời', { late: false }],
    ['kien nghi nao chua duoc tra loi?', { late: false }],
    ['Sở Tài chính còn bao nhiêu kiến nghị quá hạn', { late: true }],
    ['so tai chinh con bao nhieu kien nghi qua han', { late: true }],
    ['/kiennghi', { late: false }],
    ['đề xuất nào đang chờ trả lời', { late: false }],
    ['vướng mắc của Cát Hải', null],
    ['kiến nghị của Cát Hải', null],
  ])('question "%s"', (text, expected) => {
    const q = readProposalQuestion(text);
    expect(q ? { late: q.late } : null).toEqual(expected);
  });

  it.each([
    ['gửi Sở Xây dựng', { n: null, to: 'Sở Xây dựng' }],
    ['gui so xay dung', { n: null, to: 'so xay dung' }],
    ['gửi 2 Sở Xây dựng', { n: 2, to: 'Sở Xây dựng' }],
    ['gửi kiến nghị 2 cho Sở Y tế.', { n: 2, to: 'Sở Y tế' }],
    ['chuyen kn 1: so noi vu', { n: 1, to: 'so noi vu' }],
    ['gửi', null],
    ['ok', null],
  ])('the officer names the addressee in the summary: %j', (text, expected) => {
    expect(readSendTo(text)).toEqual(expected);
  });

  it('tags the chosen proposal, and recognition takes the tag first', () => {
    expect(withSendTo('Sở Tài chính bố trí vốn; Hỗ trợ máy tính', 2, 'Sở Xây dựng')).toEqual({ text: 'Sở Tài chính bố trí vốn; Hỗ trợ máy tính [gửi Sở Xây dựng]' });
    expect(withSendTo('Hỗ trợ máy tính [gửi Sở Y tế]', null, 'so xay dung')).toEqual({ text: 'Hỗ trợ máy tính [gửi so xay dung]' });
    expect(withSendTo('A bố trí vốn; B hỗ trợ', null, 'Sở Y tế')).toEqual({ problem: 'which', count: 2 });
    expect(withSendTo('A bố trí vốn; B hỗ trợ', 3, 'Sở Y tế')).toEqual({ problem: 'out-of-range', count: 2 });
    expect(withSendTo(null, null, 'Sở Y tế')).toEqual({ problem: 'no-proposals', count: 0 });
    const a = recogniseAddressee('Đề nghị Sở Tài chính bố trí vốn [gửi so xay dung]', UNITS);
    expect(a).toMatchObject({ kind: 'unit', chosen: true, unit: { name: 'Sở Xây dựng' } });
    expect(recogniseAddressee('Hỗ trợ máy tính [gửi thành phố]', UNITS)).toEqual({ kind: 'city', chosen: true });
    // an unknown unit in the tag: what the text itself says
    expect(recogniseAddressee('Đề nghị Sở Y tế hỗ trợ [gửi Sở Ngoại giao]', UNITS)).toMatchObject({ kind: 'unit', unit: { name: 'Sở Y tế' } });
  });

  it.each([
    // due Thursday 10/12/2026: Fri 11, Mon 14, Tue 15
    ['2026-12-10', '2026-12-15'],
    // due Friday 13/02/2026, the last working day before Tết Bính Ngọ (16–20/02): escalated Wed 25/02
    ['2026-02-13', '2026-02-25'],
    // due 24/04/2026: Hùng Kings' day (Mon 27/04), 30/4 and 1/5 skipped
    ['2026-04-24', '2026-05-04'],
    // due 31/12/2026: New Year's Day skipped
    ['2026-12-31', '2027-01-06'],
  ])('due %s → escalated %s (3 working days, holidays and Tết skipped)', (due, escalated) => {
    expect(escalationDay(due, calendar)).toBe(escalated);
  });

  it('late steps: a reminder from the due day, escalation from the escalation day; answered ones never', () => {
    const open = { state: 'OPEN' as const, dueOn: '2026-02-13' };
    expect(lateStep(open, '2026-02-12', calendar)).toBeNull();
    expect(lateStep(open, '2026-02-13', calendar)).toBe('remind');
    expect(lateStep(open, '2026-02-24', calendar)).toBe('remind');
    expect(lateStep(open, '2026-02-25', calendar)).toBe('escalate');
    expect(lateStep({ ...open, state: 'ACKNOWLEDGED' }, '2026-02-25', calendar)).toBeNull();
    expect(lateStep({ ...open, state: 'RESOLVED' }, '2026-02-25', calendar)).toBeNull();
  });

  it('counts proposals for a report: pending, late at the report day, answered after the previous report, top addressees', () => {
    const p = (state: 'OPEN' | 'ACKNOWLEDGED' | 'RESOLVED' | 'REFUSED', dueOn: string, addresseeName: string | null, answeredOn: string | null = null) => ({ state, dueOn, addresseeName, answeredOn });
    const c = countProposals(
      [
        p('OPEN', '2026-12-01', 'Sở Tài chính'),
        p('OPEN', '2026-12-20', 'Sở Tài chính'),
        p('OPEN', '2026-12-02', null),
        p('ACKNOWLEDGED', '2026-12-01', 'Sở Y tế', '2026-11-30'),
        p('RESOLVED', '2026-12-01', 'Sở Nội vụ', '2026-12-10'),
        p('REFUSED', '2026-12-01', 'Sở Nội vụ', '2026-09-15'),
        p('OPEN', '2026-12-30', 'Sở Xây dựng'),
      ],
      '2026-09-30',
      '2026-12-15',
    );
    expect(c).toEqual({
      open: 5,
      late: 2,
      answered: 2,
      top: [
        { addressee: 'Sở Tài chính', open: 2, late: 1 },
        { addressee: null, open: 1, late: 1 },
        { addressee: 'Sở Xây dựng', open: 1, late: 0 },
      ],
    });
  });
});
