/**
 * An independent development table of leaders' questions (issue 9), written
 * without reading how the parser handles them: what a city leader, a unit
 * leader or a secretary types on a phone, organised by the nine kinds of the
 * issue, with the reading and the answer expected on the sample data
 * (prisma/seed/) at 2026-11-26 unless a case says otherwise.
 *
 * Every number was computed from the seed files, never from the bot:
 * - the 2026 programme (CTr-2026) has 40 tasks; deadlines: 1 → 31/01/2026;
 *   13, 17, 34, 38 → 31/03/2026; 14, 15 → 30/06/2026; 17 tasks → 31/12/2026
 *   (12 20 21 22 23 24 25 28 29 30 32 33 35 36 37 39 40); 16 "Thường xuyên".
 *   Progress (tien-do-mau-2026.csv): task 1 done by Cát Hải, Sở KH&CN, Sở Nội
 *   vụ, Phường Hồng Bàng, Văn phòng Thành ủy (5 of 48 units), Tiên Lãng 80%;
 *   8 Cát Hải 50%; 12 Sở KH&CN 70%; 13 Sở Tài chính 60%; 29 Sở Nội vụ 40%.
 *   A collective task is done only when every unit is: no programme task is
 *   done; overdue at 26/11/2026: 1 13 14 15 17 34 38 (7 tasks; days overdue
 *   299, 240, 149, 149, 240, 240, 240).
 * - Cát Hải's appendix: 23 + 10 indicators (A.I, B.CT) and 11 + 10 tasks
 *   (A.II of 12-KH/TU, B.NV of 238/KH-UBND); tasks done: A.II 1 2 3 4 5 9,
 *   B.NV 3-10; none of its own tasks is overdue. Cát Hải also holds its share
 *   of 16 programme tasks (13 for every unit, 3 for communes/wards/zones):
 *   37 tasks, 15 done, 2 overdue (programme 14 and 15).
 * - Per unit, overdue tasks: Sở Nội vụ 2 (15, 17), Sở KH&CN 2 (15, 17),
 *   Sở Tài chính 4 (1, 13, 15, 17), Sở Y tế 3 (1, 15, 17), every commune 3
 *   (1, 14, 15), Phường Hồng Bàng 2 (14, 15), other wards 3.
 * - Directing leaders: Hoàng Minh Cường 28 tasks (overdue 1 13 14 15 17),
 *   Đỗ Mạnh Hiến 34-40 (7; overdue 34 38), Nguyễn Quang Phúc 2, Lê Trí Vũ 3,
 *   Phạm Văn Lập 4, Nguyễn Anh Tuấn 5.
 * Counting (DOMAIN.md): "bao nhiêu nhiệm vụ" counts tasks once each;
 * unit shares only when the question is about units; indicators apart.
 */

export type Who = 'city' | 'zoneLeader' | 'officer' | 'deptLeader';

/** The people of the sample registry (prisma/seed/can-bo.csv) who ask. */
export const PEOPLE: Record<Who, string> = {
  city: 'Lê Minh Tuấn', // lãnh đạo thành phố
  zoneLeader: 'Phạm Văn Đức', // lãnh đạo đơn vị, Đặc khu Cát Hải
  officer: 'Trần Thị Hồng Nhung', // cán bộ đầu mối, Đặc khu Cát Hải
  deptLeader: 'Vũ Thị Lan', // lãnh đạo đơn vị, Sở Khoa học và Công nghệ
};

export const DEFAULT_TODAY = '2026-11-26';

export interface LeaderCase {
  kind: 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9;
  q: string;
  as?: Who;
  today?: string;
  expect: {
    outcome?: 'ANSWERED' | 'REFUSED' | 'ASK_UNIT' | 'ASK_TASK' | 'UNKNOWN_UNIT' | 'NOT_FOUND' | 'NOT_UNDERSTOOD' | 'HELP' | 'REPORT' | 'NOT_A_QUESTION';
    intent?: 'LIST' | 'COUNT' | 'RATE' | 'RANK_UNITS' | 'PROGRESS' | 'DIFFICULTIES' | 'PROPOSALS' | 'STALE_UNITS' | 'TASK_DETAIL' | 'REPORT' | 'HELP' | 'UNKNOWN' | 'VALUE';
    statuses?: string[];
    units?: string[];
    window?: [string, string] | null;
    windowOn?: 'DEADLINE' | 'EXPECTED';
    minDaysOverdue?: number;
    role?: 'LEAD' | 'COORDINATE' | 'CO_LEAD' | 'DIRECT';
    person?: string;
    topic?: string | null;
    ignored?: string[];
    counted?: 'TASKS' | 'UNIT_SHARES';
    matched?: number;
    first?: string[];
    candidates?: string[];
    taskRef?: string;
    section?: string;
  };
}

// Registry names (prisma/seed/don-vi.csv).
const CH = 'Đặc khu Cát Hải';
const BLV = 'Đặc khu Bạch Long Vĩ';
const KHCN = 'Sở Khoa học và Công nghệ';
const SNV = 'Sở Nội vụ';
const STC = 'Sở Tài chính';
const SYT = 'Sở Y tế';
const GD = 'Sở Giáo dục và Đào tạo';
const SXD = 'Sở Xây dựng';
const SCT = 'Sở Công Thương';
const NNMT = 'Sở Nông nghiệp và Môi trường';
const VHTT = 'Sở Văn hóa, Thể thao và Du lịch';
const STP = 'Sở Tư pháp';
const VPTU = 'Văn phòng Thành ủy';
const VPUB = 'Văn phòng Ủy ban nhân dân thành phố';
const BTC = 'Ban Tổ chức Thành ủy';
const BTG = 'Ban Tuyên giáo và Dân vận Thành ủy';
const BNC = 'Ban Nội chính Thành ủy';
const UBKT = 'Ủy ban kiểm tra Thành ủy';
const MTTQ = 'Ủy ban Mặt trận Tổ quốc Việt Nam thành phố';
const CATP = 'Công an thành phố';
const BCD = 'Ban Chỉ đạo phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số thành phố';
const UBND = 'Ủy ban nhân dân thành phố';
const TTTP = 'Thanh tra thành phố';
const DHHH = 'Trường Đại học Hàng hải Việt Nam';
const DHHP = 'Trường Đại học Hải Phòng';
const DHYD = 'Trường Đại học Y Dược Hải Phòng';
const TIEN_LANG = 'Xã Tiên Lãng';
const VINH_BAO = 'Xã Vĩnh Bảo';
const KIEN_THUY = 'Xã Kiến Thụy';
const TU_KY = 'Xã Tứ Kỳ';
const THANH_HA = 'Xã Thanh Hà';
const THANH_MIEN = 'Xã Thanh Miện';
const BINH_GIANG = 'Xã Bình Giang';
const HONG_BANG = 'Phường Hồng Bàng';
const LE_CHAN = 'Phường Lê Chân';
const KIEN_AN = 'Phường Kiến An';
const DO_SON = 'Phường Đồ Sơn';
const HAI_AN = 'Phường Hải An';
const CHI_LINH = 'Phường Chí Linh';

const OVERDUE = ['OVERDUE'];
const DONE = ['DONE'];

// ── 1. Leftover words must not become a filter ──────────────────────────────
const KIND1: LeaderCase[] = [
  { kind: 1, q: 'có vc j chậm ko', expect: { statuses: OVERDUE, units: [], topic: null, matched: 7 } },
  { kind: 1, q: 'co viec gi cham khong a', expect: { statuses: OVERDUE, units: [], topic: null, matched: 7 } },
  { kind: 1, q: 'Sở Nội vụ có việc nào chậm không ạ?', expect: { intent: 'LIST', statuses: OVERDUE, units: [SNV], topic: null, matched: 2, first: ['15', '17'] } },
  { kind: 1, q: 'so noi vu co viec nao cham khong nhi', expect: { intent: 'LIST', statuses: OVERDUE, units: [SNV], topic: null, matched: 2 } },
  { kind: 1, q: 'giúp tôi xem Sở Tài chính đang trễ hạn những gì', expect: { intent: 'LIST', statuses: OVERDUE, units: [STC], topic: null, matched: 4, first: ['13'] } },
  { kind: 1, q: 'giup toi xem so tai chinh dang tre han nhung gi', expect: { intent: 'LIST', statuses: OVERDUE, units: [STC], topic: null, matched: 4 } },
  { kind: 1, q: 'căn cứ kế hoạch thì Sở Y tế đang quá hạn mấy việc', expect: { intent: 'COUNT', statuses: OVERDUE, units: [SYT], topic: null, matched: 3 } },
  { kind: 1, q: 'can cu theo ke hoach so y te qua han may viec', expect: { intent: 'COUNT', statuses: OVERDUE, units: [SYT], topic: null, matched: 3 } },
  { kind: 1, q: 'chỗ nào đang chậm nhất thành phố', expect: { intent: 'RANK_UNITS', units: [], topic: null } },
  { kind: 1, q: 'cho nao dang cham nhat', expect: { intent: 'RANK_UNITS', units: [], topic: null } },
  { kind: 1, q: 'anh hỏi nhanh: xã Vĩnh Bảo còn bao nhiêu việc quá hạn nhỉ', expect: { intent: 'COUNT', statuses: OVERDUE, units: [VINH_BAO], topic: null, matched: 3 } },
  { kind: 1, q: 'anh hoi nhanh xa vinh bao con bao nhieu viec qua han nhi', expect: { intent: 'COUNT', statuses: OVERDUE, units: [VINH_BAO], topic: null, matched: 3 } },
  { kind: 1, q: 'cho tôi hỏi là hiện nay Cát Hải có những nhiệm vụ nào bị quá hạn vậy', expect: { intent: 'LIST', statuses: OVERDUE, units: [CH], topic: null, matched: 2, first: ['14', '15'] } },
  { kind: 1, q: 'cho toi hoi hien nay cat hai co nhung nhiem vu nao bi qua han vay', expect: { intent: 'LIST', statuses: OVERDUE, units: [CH], topic: null, matched: 2 } },
  { kind: 1, q: 'Thưa anh, các nhiệm vụ của Sở KH&CN đã quá hạn gồm những gì ạ', expect: { intent: 'LIST', statuses: OVERDUE, units: [KHCN], topic: null, matched: 2, first: ['15', '17'] } },
  { kind: 1, q: 'báo cáo anh tình hình quá hạn ở phường Hồng Bàng với', expect: { statuses: OVERDUE, units: [HONG_BANG], topic: null, matched: 2 } },
  { kind: 1, q: 'tinh hinh qua han o phuong hong bang the nao', expect: { statuses: OVERDUE, units: [HONG_BANG], topic: null, matched: 2 } },
  { kind: 1, q: 'việc nào chậm hơn 90 ngày', expect: { statuses: OVERDUE, units: [], topic: null, minDaysOverdue: 90, matched: 7 } },
  { kind: 1, q: 'viec nao tre hon 200 ngay roi', expect: { statuses: OVERDUE, units: [], topic: null, minDaysOverdue: 200, matched: 5 } },
  { kind: 1, q: 'xyz Sở Y tế quá hạn', expect: { statuses: OVERDUE, units: [SYT], topic: null, ignored: ['xyz'], matched: 3 } },
  { kind: 1, q: 'qua han so y te abc', expect: { statuses: OVERDUE, units: [SYT], topic: null, ignored: ['abc'], matched: 3 } },
  { kind: 1, q: 'nhiệm vụ quá hạn ở Tiên Lãng hihi', expect: { statuses: OVERDUE, units: [TIEN_LANG], topic: null, ignored: ['hihi'], matched: 3 } },
  { kind: 1, q: 'nhiem vu qua han o tien lang test', expect: { statuses: OVERDUE, units: [TIEN_LANG], topic: null, ignored: ['test'], matched: 3 } },
  { kind: 1, q: 'Cát Hải quá hạn gì đấy, cụ thể từng việc', expect: { statuses: OVERDUE, units: [CH], topic: null, matched: 2 } },
  { kind: 1, q: 'những gì Sở Nội vụ đã làm xong', expect: { statuses: DONE, units: [SNV], topic: null, matched: 1, first: ['1'] } },
  { kind: 1, q: 'nhung gi so noi vu da lam xong roi', expect: { statuses: DONE, units: [SNV], topic: null, matched: 1, first: ['1'] } },
  { kind: 1, q: 'Sở KHCN đã hoàn thành được những việc gì rồi nhỉ', expect: { statuses: DONE, units: [KHCN], topic: null, matched: 1, first: ['1'] } },
  { kind: 1, q: 'thế bây giờ bao nhiêu nhiệm vụ đang quá hạn trên toàn thành phố', expect: { intent: 'COUNT', statuses: OVERDUE, units: [], topic: null, matched: 7 } },
  { kind: 1, q: 'the bay gio toan thanh pho bao nhieu nhiem vu qua han', expect: { intent: 'COUNT', statuses: OVERDUE, units: [], topic: null, matched: 7 } },
  { kind: 1, q: 'em ơi Cát Hải có bao nhiêu nhiệm vụ tất cả', expect: { intent: 'COUNT', units: [CH], topic: null, matched: 37 } },
  { kind: 1, q: 'em oi cat hai co tat ca bao nhieu nhiem vu', expect: { intent: 'COUNT', units: [CH], topic: null, matched: 37 } },
  { kind: 1, q: 'vướng mắc của Sở Tài chính là gì vậy', expect: { intent: 'DIFFICULTIES', units: [STC], topic: null, matched: 1, first: ['13'] } },
  { kind: 1, q: 'vuong mac cua so tai chinh la gi vay', expect: { intent: 'DIFFICULTIES', units: [STC], topic: null, matched: 1, first: ['13'] } },
  { kind: 1, q: 'kiến nghị của Sở Tài chính đang là gì thế', expect: { intent: 'PROPOSALS', units: [STC], topic: null, matched: 1, first: ['13'] } },
  { kind: 1, q: 'xã Tiên Lãng đang gặp khó khăn gì không', expect: { intent: 'DIFFICULTIES', units: [TIEN_LANG], topic: null, matched: 1, first: ['1'] } },
  { kind: 1, q: 'xa tien lang gap kho khan gi ko', expect: { intent: 'DIFFICULTIES', units: [TIEN_LANG], topic: null, matched: 1, first: ['1'] } },
  { kind: 1, q: 'trong chương trình 2026 thì có những việc nào quá hạn rồi vậy em', expect: { intent: 'LIST', statuses: OVERDUE, topic: null, matched: 7, first: ['1'] } },
  { kind: 1, q: 'chuong trinh 2026 co viec nao qua han roi vay em', expect: { intent: 'LIST', statuses: OVERDUE, topic: null, matched: 7, first: ['1'] } },
  { kind: 1, q: 'nhờ em tổng hợp giúp tiến độ Sở Nội vụ', expect: { intent: 'PROGRESS', units: [SNV], topic: null } },
  { kind: 1, q: 'nho em tong hop giup tien do so noi vu', expect: { intent: 'PROGRESS', units: [SNV], topic: null } },
  { kind: 1, q: 'tiến độ chung của Cát Hải hiện tại ra sao', expect: { intent: 'PROGRESS', units: [CH], topic: null } },
  { kind: 1, q: 'tien do chung cua cat hai hien tai ra sao', expect: { intent: 'PROGRESS', units: [CH], topic: null } },
  { kind: 1, q: 'Sở Y tế có nhiệm vụ nào về blockchain không', expect: { units: [SYT], matched: 0 } },
  { kind: 1, q: 'cho anh danh sách quá hạn của xã Tứ Kỳ nhé', expect: { intent: 'LIST', statuses: OVERDUE, units: [TU_KY], topic: null, matched: 3, first: ['1', '14', '15'] } },
  { kind: 1, q: 'cho anh danh sach qua han xa tu ky nhe', expect: { intent: 'LIST', statuses: OVERDUE, units: [TU_KY], topic: null, matched: 3 } },
  { kind: 1, q: 'hiện giờ đặc khu Bạch Long Vĩ chậm những việc gì', expect: { intent: 'LIST', statuses: OVERDUE, units: [BLV], topic: null, matched: 3 } },
];

// ── 2. Counting the right thing ─────────────────────────────────────────────
const CTR1 = 'nhiệm vụ 1 chương trình 2026';
const KIND2: LeaderCase[] = [
  { kind: 2, q: 'chương trình công tác 2026 có bao nhiêu nhiệm vụ', expect: { intent: 'COUNT', counted: 'TASKS', matched: 40 } },
  { kind: 2, q: 'chuong trinh cong tac 2026 co bao nhieu nhiem vu', expect: { intent: 'COUNT', counted: 'TASKS', matched: 40 } },
  { kind: 2, q: 'CTr 2026 tổng cộng mấy nhiệm vụ', expect: { intent: 'COUNT', counted: 'TASKS', matched: 40 } },
  { kind: 2, q: 'chương trình 2026 có bao nhiêu nhiệm vụ quá hạn', expect: { intent: 'COUNT', statuses: OVERDUE, counted: 'TASKS', matched: 7 } },
  { kind: 2, q: 'chuong trinh 2026 bao nhieu nhiem vu qua han', expect: { intent: 'COUNT', statuses: OVERDUE, counted: 'TASKS', matched: 7 } },
  { kind: 2, q: 'chương trình 2026 đã hoàn thành bao nhiêu nhiệm vụ', expect: { intent: 'COUNT', statuses: DONE, counted: 'TASKS', matched: 0 } },
  { kind: 2, q: 'toàn thành phố có bao nhiêu nhiệm vụ quá hạn', expect: { intent: 'COUNT', statuses: OVERDUE, units: [], counted: 'TASKS', matched: 7 } },
  { kind: 2, q: 'toan thanh pho co bao nhieu nhiem vu dang qua han', expect: { intent: 'COUNT', statuses: OVERDUE, units: [], counted: 'TASKS', matched: 7 } },
  { kind: 2, q: 'tổng số nhiệm vụ đang theo dõi là bao nhiêu', expect: { intent: 'COUNT', counted: 'TASKS', matched: 61 } },
  { kind: 2, q: 'tong so nhiem vu dang theo doi', expect: { intent: 'COUNT', counted: 'TASKS', matched: 61 } },
  { kind: 2, q: 'có tất cả bao nhiêu chỉ tiêu', expect: { intent: 'COUNT', matched: 33 } },
  { kind: 2, q: 'co tat ca bao nhieu chi tieu', expect: { intent: 'COUNT', matched: 33 } },
  { kind: 2, q: 'Cát Hải có bao nhiêu chỉ tiêu', expect: { intent: 'COUNT', units: [CH], matched: 33 } },
  { kind: 2, q: 'Cát Hải được giao bao nhiêu nhiệm vụ', expect: { intent: 'COUNT', units: [CH], counted: 'TASKS', matched: 37 } },
  { kind: 2, q: 'cat hai duoc giao bao nhieu nhiem vu', expect: { intent: 'COUNT', units: [CH], counted: 'TASKS', matched: 37 } },
  { kind: 2, q: 'Cát Hải đã hoàn thành bao nhiêu nhiệm vụ', expect: { intent: 'COUNT', statuses: DONE, units: [CH], counted: 'TASKS', matched: 15 } },
  { kind: 2, q: 'cat hai da xong bao nhieu nhiem vu', expect: { intent: 'COUNT', statuses: DONE, units: [CH], counted: 'TASKS', matched: 15 } },
  { kind: 2, q: 'Cát Hải có mấy nhiệm vụ quá hạn', expect: { intent: 'COUNT', statuses: OVERDUE, units: [CH], counted: 'TASKS', matched: 2 } },
  { kind: 2, q: 'Sở Nội vụ được giao bao nhiêu nhiệm vụ', expect: { intent: 'COUNT', units: [SNV], counted: 'TASKS', matched: 18 } },
  { kind: 2, q: 'so noi vu duoc giao bao nhieu nhiem vu', expect: { intent: 'COUNT', units: [SNV], counted: 'TASKS', matched: 18 } },
  { kind: 2, q: 'Sở KH&CN có bao nhiêu nhiệm vụ', expect: { intent: 'COUNT', units: [KHCN], counted: 'TASKS', matched: 24 } },
  { kind: 2, q: 'Sở Tài chính có bao nhiêu nhiệm vụ', expect: { intent: 'COUNT', units: [STC], counted: 'TASKS', matched: 19 } },
  { kind: 2, q: 'so tai chinh qua han bao nhieu nhiem vu', expect: { intent: 'COUNT', statuses: OVERDUE, units: [STC], counted: 'TASKS', matched: 4 } },
  { kind: 2, q: `bao nhiêu đơn vị đã xong ${CTR1}`, expect: { intent: 'COUNT', statuses: DONE, counted: 'UNIT_SHARES', matched: 5 } },
  { kind: 2, q: 'bao nhieu don vi da xong nhiem vu 1 chuong trinh 2026', expect: { intent: 'COUNT', statuses: DONE, counted: 'UNIT_SHARES', matched: 5 } },
  { kind: 2, q: 'mấy đơn vị đã xây dựng xong kế hoạch thực hiện Nghị quyết 57 năm 2026', expect: { intent: 'COUNT', statuses: DONE, counted: 'UNIT_SHARES', matched: 5 } },
  { kind: 2, q: `bao nhiêu đơn vị chưa hoàn thành ${CTR1}`, expect: { intent: 'COUNT', counted: 'UNIT_SHARES', matched: 43 } },
  { kind: 2, q: 'bao nhieu don vi chua hoan thanh nhiem vu 1 chuong trinh 2026', expect: { intent: 'COUNT', counted: 'UNIT_SHARES', matched: 43 } },
  { kind: 2, q: `bao nhiêu xã chưa xong ${CTR1}`, expect: { intent: 'COUNT', counted: 'UNIT_SHARES', matched: 13 } },
  { kind: 2, q: 'bao nhieu xa chua xong nhiem vu 1 chuong trinh 2026', expect: { intent: 'COUNT', counted: 'UNIT_SHARES', matched: 13 } },
  { kind: 2, q: 'bao nhiêu phường đã xong nhiệm vụ 1 chương trình 2026', expect: { intent: 'COUNT', statuses: DONE, counted: 'UNIT_SHARES', matched: 1 } },
  { kind: 2, q: 'nhiệm vụ 14 chương trình 2026 giao cho bao nhiêu đơn vị', expect: { intent: 'COUNT', counted: 'UNIT_SHARES', matched: 26 } },
  { kind: 2, q: 'nhiem vu 14 chuong trinh 2026 giao cho bao nhieu don vi', expect: { intent: 'COUNT', counted: 'UNIT_SHARES', matched: 26 } },
  { kind: 2, q: 'nhiệm vụ 28 chương trình 2026 giao mấy trường đại học', expect: { intent: 'COUNT', counted: 'UNIT_SHARES', matched: 3 } },
  { kind: 2, q: 'bao nhiêu phường chưa xong nhiệm vụ 8 chương trình 2026', expect: { intent: 'COUNT', counted: 'UNIT_SHARES', matched: 11 } },
  { kind: 2, q: 'bao nhieu don vi qua han nhiem vu 15 chuong trinh 2026', expect: { intent: 'COUNT', statuses: OVERDUE, counted: 'UNIT_SHARES', matched: 48 } },
  { kind: 2, q: 'mỗi xã còn mấy việc chưa xong', expect: { counted: 'UNIT_SHARES' } },
  { kind: 2, q: 'moi xa con may viec', expect: { counted: 'UNIT_SHARES' } },
  { kind: 2, q: 'từng phường quá hạn bao nhiêu việc', expect: { statuses: OVERDUE, counted: 'UNIT_SHARES' } },
  { kind: 2, q: 'xã Kiến Thụy có bao nhiêu nhiệm vụ quá hạn', expect: { intent: 'COUNT', statuses: OVERDUE, units: [KIEN_THUY], counted: 'TASKS', matched: 3 } },
  { kind: 2, q: 'phuong hong bang co bao nhieu nhiem vu qua han', expect: { intent: 'COUNT', statuses: OVERDUE, units: [HONG_BANG], counted: 'TASKS', matched: 2 } },
  { kind: 2, q: 'chương trình 2026 có bao nhiêu nhiệm vụ thường xuyên', expect: { intent: 'COUNT', counted: 'TASKS', matched: 16 } },
  { kind: 2, q: 'chương trình 2026 có bao nhiêu nhiệm vụ hạn tháng 12/2026', expect: { intent: 'COUNT', counted: 'TASKS', window: ['2026-12-01', '2026-12-31'], matched: 17 } },
  { kind: 2, q: 'bao nhieu nhiem vu cua Cat Hai co vuong mac', expect: { statuses: ['HAS_DIFFICULTIES'], units: [CH], counted: 'TASKS', matched: 2 } },
  { kind: 2, q: 'bao nhiêu chỉ tiêu của Cát Hải có khó khăn vướng mắc', expect: { units: [CH], matched: 4 } },
];

// ── 3. Deadline words are windows, not statuses ─────────────────────────────
const KIND3: LeaderCase[] = [
  { kind: 3, q: 'việc nào hạn chót tuần sau', expect: { statuses: [], window: ['2026-11-30', '2026-12-06'], windowOn: 'DEADLINE' } },
  { kind: 3, q: 'viec nao han chot tuan sau', expect: { statuses: [], window: ['2026-11-30', '2026-12-06'], windowOn: 'DEADLINE' } },
  { kind: 3, q: 'những việc tới hạn trong tháng tới', expect: { statuses: [], window: ['2026-12-01', '2026-12-31'], windowOn: 'DEADLINE' } },
  { kind: 3, q: 'nhung viec toi han trong thang toi', expect: { statuses: [], window: ['2026-12-01', '2026-12-31'], windowOn: 'DEADLINE' } },
  { kind: 3, q: 'chương trình 2026 có những việc nào hạn trong tháng 12', expect: { statuses: [], window: ['2026-12-01', '2026-12-31'], windowOn: 'DEADLINE', matched: 17 } },
  { kind: 3, q: 'nhiệm vụ hạn cuối quý II', expect: { statuses: [], window: ['2026-04-01', '2026-06-30'], windowOn: 'DEADLINE', matched: 3, first: ['14', '15'] } },
  { kind: 3, q: 'nhiem vu han cuoi quy 2', expect: { statuses: [], window: ['2026-04-01', '2026-06-30'], windowOn: 'DEADLINE', matched: 3 } },
  { kind: 3, q: 'việc có hạn từ tháng 4 đến hết tháng 6', expect: { statuses: [], window: ['2026-04-01', '2026-06-30'], windowOn: 'DEADLINE', matched: 3 } },
  { kind: 3, q: 'viec co han tu thang 4 den het thang 6', expect: { statuses: [], window: ['2026-04-01', '2026-06-30'], windowOn: 'DEADLINE', matched: 3 } },
  { kind: 3, q: 'nhiệm vụ nào hết hạn trong tháng 3/2026', expect: { statuses: [], window: ['2026-03-01', '2026-03-31'], windowOn: 'DEADLINE', matched: 4, first: ['13', '17', '34', '38'] } },
  { kind: 3, q: 'nhiem vu het han thang 3/2026', expect: { statuses: [], window: ['2026-03-01', '2026-03-31'], windowOn: 'DEADLINE', matched: 4 } },
  { kind: 3, q: 'việc hạn tháng 1/2026', expect: { statuses: [], window: ['2026-01-01', '2026-01-31'], windowOn: 'DEADLINE', matched: 1, first: ['1'] } },
  { kind: 3, q: 'những việc hạn quý I đã xong chưa', expect: { statuses: DONE, window: ['2026-01-01', '2026-03-31'], windowOn: 'DEADLINE' } },
  { kind: 3, q: 'nhung viec han quy 1 da xong chua', expect: { statuses: DONE, window: ['2026-01-01', '2026-03-31'], windowOn: 'DEADLINE' } },
  { kind: 3, q: 'việc nào hạn 6 tháng đầu năm 2026', expect: { statuses: [], window: ['2026-01-01', '2026-06-30'], windowOn: 'DEADLINE', matched: 8 } },
  { kind: 3, q: 'nhiệm vụ nào phải hoàn thành trong năm 2027', expect: { statuses: [], window: ['2027-01-01', '2027-12-31'], windowOn: 'DEADLINE', matched: 2, first: ['A.II.6', 'A.II.10'] } },
  { kind: 3, q: 'nhiem vu nao phai hoan thanh trong nam 2027', expect: { statuses: [], window: ['2027-01-01', '2027-12-31'], windowOn: 'DEADLINE', matched: 2 } },
  { kind: 3, q: 'việc nào dự kiến hoàn thành năm 2027', expect: { statuses: [], window: ['2027-01-01', '2027-12-31'], windowOn: 'EXPECTED', matched: 3, first: ['A.II.6', 'A.II.10', 'A.II.11'] } },
  { kind: 3, q: 'viec nao du kien hoan thanh nam 2027', expect: { statuses: [], window: ['2027-01-01', '2027-12-31'], windowOn: 'EXPECTED', matched: 3 } },
  { kind: 3, q: 'Cát Hải dự kiến xong những gì trong năm 2027', expect: { units: [CH], window: ['2027-01-01', '2027-12-31'], windowOn: 'EXPECTED', matched: 3 } },
  { kind: 3, q: 'việc hạn từ tháng 7 đến tháng 9 năm nay', expect: { statuses: [], window: ['2026-07-01', '2026-09-30'], windowOn: 'DEADLINE', matched: 1, first: ['B.NV.8'] } },
  { kind: 3, q: 'viec han quy 3 nam nay', expect: { statuses: [], window: ['2026-07-01', '2026-09-30'], windowOn: 'DEADLINE', matched: 1 } },
  { kind: 3, q: 'việc nào đến hạn trong quý này', expect: { statuses: [], window: ['2026-10-01', '2026-12-31'], windowOn: 'DEADLINE' } },
  { kind: 3, q: 'viec nao den han trong thang sau', expect: { statuses: [], window: ['2026-12-01', '2026-12-31'], windowOn: 'DEADLINE' } },
  { kind: 3, q: 'việc nào chậm hơn 90 ngày rồi', expect: { statuses: OVERDUE, minDaysOverdue: 90 } },
  { kind: 3, q: 'viec nao cham qua 90 ngay', expect: { statuses: OVERDUE, minDaysOverdue: 90 } },
  { kind: 3, q: 'chương trình 2026 có việc nào trễ trên 200 ngày', expect: { statuses: OVERDUE, minDaysOverdue: 200, matched: 5, first: ['1', '13', '17'] } },
  { kind: 3, q: 'chuong trinh 2026 viec nao tre tren 250 ngay', expect: { statuses: OVERDUE, minDaysOverdue: 250, matched: 1, first: ['1'] } },
  { kind: 3, q: 'Sở Tài chính có việc nào quá hạn hơn 6 tháng không', expect: { statuses: OVERDUE, units: [STC], matched: 3 } },
  { kind: 3, q: 'nhiệm vụ chậm quá 100 ngày ở Cát Hải', expect: { statuses: OVERDUE, units: [CH], minDaysOverdue: 100, matched: 2 } },
  { kind: 3, q: 'nhiệm vụ nào đã xong ở Cát Hải', expect: { statuses: DONE, units: [CH], window: null, matched: 15 } },
  { kind: 3, q: 'nhiệm vụ nào quá hạn ở Sở Nội vụ', expect: { statuses: OVERDUE, units: [SNV], window: null, matched: 2 } },
  { kind: 3, q: 'viec nao sap den han', expect: { statuses: ['DUE_SOON'], window: ['2026-11-26', '2026-12-03'], matched: 0 } },
  { kind: 3, q: 'chương trình 2026 việc nào sắp đến hạn', today: '2026-12-26', expect: { statuses: ['DUE_SOON'], window: ['2026-12-26', '2027-01-02'], matched: 17 } },
  { kind: 3, q: 'việc sắp tới hạn trong 10 ngày tới', today: '2026-03-25', expect: { window: ['2026-03-25', '2026-04-04'] } },
  { kind: 3, q: 'chuong trinh 2026 viec nao sap den han trong 10 ngay', today: '2026-03-25', expect: { window: ['2026-03-25', '2026-04-04'], matched: 4 } },
  { kind: 3, q: 'hạn cuối tháng này có việc gì', today: '2026-03-10', expect: { statuses: [], window: ['2026-03-01', '2026-03-31'], windowOn: 'DEADLINE' } },
  { kind: 3, q: 'han cuoi thang nay co viec gi', today: '2026-06-05', expect: { statuses: [], window: ['2026-06-01', '2026-06-30'], windowOn: 'DEADLINE', matched: 3 } },
  { kind: 3, q: 'Cát Hải có việc nào hạn tháng 6/2026 chưa xong không', expect: { statuses: ['OPEN'], units: [CH], window: ['2026-06-01', '2026-06-30'], windowOn: 'DEADLINE', matched: 2 } },
  { kind: 3, q: 'những việc hạn năm 2025 của Cát Hải', expect: { units: [CH], window: ['2025-01-01', '2025-12-31'], windowOn: 'DEADLINE' } },
  { kind: 3, q: 'nhung viec han nam 2025 o cat hai da xong het chua', expect: { statuses: DONE, units: [CH], window: ['2025-01-01', '2025-12-31'], windowOn: 'DEADLINE' } },
  { kind: 3, q: 'hạn 31/12/2026 có những việc nào', expect: { statuses: [], window: ['2026-12-31', '2026-12-31'], windowOn: 'DEADLINE' } },
  { kind: 3, q: 'han 31/3/2026 co nhung viec nao', expect: { statuses: [], window: ['2026-03-31', '2026-03-31'], windowOn: 'DEADLINE', matched: 4 } },
  { kind: 3, q: 'hoàn thành trước tháng 10/2025 là những việc nào', expect: { statuses: [], windowOn: 'DEADLINE', first: ['A.II.2', 'A.II.3'] } },
  { kind: 3, q: 'việc quá hạn trong quý I', expect: { statuses: OVERDUE, window: ['2026-01-01', '2026-03-31'], matched: 5 } },
];

// ── 4. Roles (chủ trì / phối hợp / cùng chủ trì / chỉ đạo) and people ──────
const CUONG = 'Hoàng Minh Cường';
const HIEN = 'Đỗ Mạnh Hiến';
const KIND4: LeaderCase[] = [
  { kind: 4, q: 'Sở Tài chính phối hợp những việc gì', expect: { role: 'COORDINATE', units: [STC], first: ['8', '33'] } },
  { kind: 4, q: 'so tai chinh phoi hop nhung viec gi', expect: { role: 'COORDINATE', units: [STC], first: ['8', '33'] } },
  { kind: 4, q: 'Công an TP tham gia phối hợp nhiệm vụ nào', expect: { role: 'COORDINATE', units: [CATP], first: ['31'] } },
  { kind: 4, q: 'cong an tp phoi hop viec nao', expect: { role: 'COORDINATE', units: [CATP], first: ['31'] } },
  { kind: 4, q: 'Sở Nội vụ là đơn vị phối hợp ở những nhiệm vụ nào', expect: { role: 'COORDINATE', units: [SNV], first: ['8'] } },
  { kind: 4, q: 'Sở KH&CN phối hợp thực hiện những nhiệm vụ gì', expect: { role: 'COORDINATE', units: [KHCN], first: ['22', '30'] } },
  { kind: 4, q: 'so khcn phoi hop nhiem vu nao', expect: { role: 'COORDINATE', units: [KHCN], first: ['22', '30'] } },
  { kind: 4, q: 'việc nào Sở KH&CN và Sở Tài chính cùng chủ trì', expect: { role: 'CO_LEAD', units: [KHCN, STC], matched: 1, first: ['32'] } },
  { kind: 4, q: 'viec nao so khcn va so tai chinh cung chu tri', expect: { role: 'CO_LEAD', units: [KHCN, STC], matched: 1, first: ['32'] } },
  { kind: 4, q: 'Sở KHCN cùng Công an thành phố chủ trì việc gì', expect: { role: 'CO_LEAD', units: [KHCN, CATP], matched: 1, first: ['25'] } },
  { kind: 4, q: 'VP Thành ủy và Công an TP cùng chủ trì nhiệm vụ nào', expect: { role: 'CO_LEAD', units: [VPTU, CATP], matched: 1, first: ['40'] } },
  { kind: 4, q: 'vptu va so khcn cung chu tri viec nao', expect: { role: 'CO_LEAD', units: [VPTU, KHCN], matched: 1, first: ['35'] } },
  { kind: 4, q: 'Sở Nội vụ chủ trì những việc gì', expect: { role: 'LEAD', units: [SNV], first: ['29'] } },
  { kind: 4, q: 'so noi vu chu tri viec gi', expect: { role: 'LEAD', units: [SNV], first: ['29'] } },
  { kind: 4, q: 'nhiệm vụ do Sở KH&CN chủ trì', expect: { role: 'LEAD', units: [KHCN], first: ['12', '21', '23', '24'] } },
  { kind: 4, q: 'Ban Tuyên giáo chủ trì nhiệm vụ nào', expect: { role: 'LEAD', units: [BTG], first: ['37'] } },
  { kind: 4, q: 'ubkt thanh uy chu tri viec gi', expect: { role: 'LEAD', units: [UBKT], first: ['5'] } },
  { kind: 4, q: 'Ban Tổ chức Thành ủy chủ trì những việc nào', expect: { role: 'LEAD', units: [BTC], first: ['3'] } },
  { kind: 4, q: 'Mặt trận chủ trì việc gì', expect: { role: 'LEAD', units: [MTTQ], first: ['4'] } },
  { kind: 4, q: 'Sở Tài chính chủ trì những nhiệm vụ nào', expect: { role: 'LEAD', units: [STC], first: ['13', '32'] } },
  { kind: 4, q: 'cong an tp chu tri nhung viec nao', expect: { role: 'LEAD', units: [CATP], first: ['25', '40'] } },
  { kind: 4, q: 'Văn phòng Thành ủy chủ trì những nhiệm vụ nào', expect: { role: 'LEAD', units: [VPTU], first: ['9', '38'] } },
  { kind: 4, q: 'lãnh đạo nào chỉ đạo nhiệm vụ 5 chương trình 2026', expect: { role: 'DIRECT', taskRef: '5' } },
  { kind: 4, q: 'ai chi dao nhiem vu 38 chuong trinh 2026', expect: { role: 'DIRECT', taskRef: '38' } },
  { kind: 4, q: 'đồng chí nào phụ trách nhiệm vụ 3 chương trình 2026', expect: { role: 'DIRECT', taskRef: '3' } },
  { kind: 4, q: 'việc anh Cường theo dõi còn chậm mấy việc', expect: { intent: 'COUNT', role: 'DIRECT', person: CUONG, statuses: OVERDUE, counted: 'TASKS', matched: 5 } },
  { kind: 4, q: 'viec anh cuong theo doi con cham may viec', expect: { intent: 'COUNT', role: 'DIRECT', person: CUONG, statuses: OVERDUE, counted: 'TASKS', matched: 5 } },
  { kind: 4, q: 'đồng chí Hoàng Minh Cường chỉ đạo bao nhiêu nhiệm vụ', expect: { intent: 'COUNT', role: 'DIRECT', person: CUONG, counted: 'TASKS', matched: 28 } },
  { kind: 4, q: 'dong chi hoang minh cuong chi dao bao nhieu nhiem vu', expect: { intent: 'COUNT', role: 'DIRECT', person: CUONG, counted: 'TASKS', matched: 28 } },
  { kind: 4, q: 'PCT Cường phụ trách những việc nào quá hạn', expect: { role: 'DIRECT', person: CUONG, statuses: OVERDUE, matched: 5, first: ['1', '13', '14', '15', '17'] } },
  { kind: 4, q: 'đồng chí Hiến chỉ đạo những nhiệm vụ nào', expect: { role: 'DIRECT', person: HIEN, matched: 7, first: ['34', '38'] } },
  { kind: 4, q: 'dc hien chi dao viec nao qua han', expect: { role: 'DIRECT', person: HIEN, statuses: OVERDUE, matched: 2, first: ['34', '38'] } },
  { kind: 4, q: 'Phó Bí thư Thường trực chỉ đạo bao nhiêu việc', expect: { intent: 'COUNT', role: 'DIRECT', person: HIEN, matched: 7 } },
  { kind: 4, q: 'việc của đồng chí Lê Trí Vũ', expect: { role: 'DIRECT', person: 'Lê Trí Vũ', matched: 1, first: ['3'] } },
  { kind: 4, q: 'trưởng ban tổ chức thành ủy chỉ đạo việc gì', expect: { role: 'DIRECT', person: 'Lê Trí Vũ', first: ['3'] } },
  { kind: 4, q: 'đ/c Phúc phụ trách nhiệm vụ nào', expect: { role: 'DIRECT', person: 'Nguyễn Quang Phúc', matched: 1, first: ['2'] } },
  { kind: 4, q: 'anh phuc truong ban tuyen giao chi dao viec gi', expect: { role: 'DIRECT', person: 'Nguyễn Quang Phúc', first: ['2'] } },
  { kind: 4, q: 'Chủ tịch Ủy ban MTTQ chỉ đạo việc nào', expect: { role: 'DIRECT', person: 'Phạm Văn Lập', first: ['4'] } },
  { kind: 4, q: 'viec do dong chi pham van lap chi dao', expect: { role: 'DIRECT', person: 'Phạm Văn Lập', matched: 1, first: ['4'] } },
  { kind: 4, q: 'Chủ nhiệm UBKT Thành ủy phụ trách những việc nào', expect: { role: 'DIRECT', person: 'Nguyễn Anh Tuấn', first: ['5'] } },
  { kind: 4, q: 'nhiệm vụ anh Nguyễn Anh Tuấn chỉ đạo', expect: { role: 'DIRECT', person: 'Nguyễn Anh Tuấn', matched: 1, first: ['5'] } },
  { kind: 4, q: 'Sở mình phối hợp những việc nào', as: 'deptLeader', expect: { role: 'COORDINATE', first: ['22', '30'] } },
  { kind: 4, q: 'so minh chu tri viec nao qua han', as: 'deptLeader', expect: { role: 'LEAD', statuses: OVERDUE } },
  { kind: 4, q: 'việc anh Cường chỉ đạo ở Cát Hải còn quá hạn', expect: { role: 'DIRECT', person: CUONG, units: [CH], statuses: OVERDUE, matched: 2, first: ['14', '15'] } },
  { kind: 4, q: 'viec dong chi Hien chi dao da xong chua', expect: { role: 'DIRECT', person: HIEN, statuses: DONE, matched: 0 } },
];

// ── 5. Unit names: aliases first, every kind of unit, content is not a unit ─
const KIND5: LeaderCase[] = [
  { kind: 5, q: 'tiến độ VP Thành ủy', expect: { intent: 'PROGRESS', units: [VPTU] } },
  { kind: 5, q: 'tien do vptu', expect: { intent: 'PROGRESS', units: [VPTU] } },
  { kind: 5, q: 'tiến độ VP UBND TP', expect: { intent: 'PROGRESS', units: [VPUB] } },
  { kind: 5, q: 'van phong ubnd thanh pho qua han gi', expect: { statuses: OVERDUE, units: [VPUB] } },
  { kind: 5, q: 'tiến độ Ủy ban nhân dân thành phố', expect: { intent: 'PROGRESS', units: [UBND] } },
  { kind: 5, q: 'tiến độ UBMTTQ thành phố', expect: { intent: 'PROGRESS', units: [MTTQ] } },
  { kind: 5, q: 'ủy ban MTTQ có việc gì quá hạn', expect: { statuses: OVERDUE, units: [MTTQ] } },
  { kind: 5, q: 'mat tran to quoc qua han gi', expect: { statuses: OVERDUE, units: [MTTQ] } },
  { kind: 5, q: 'tiến độ BCĐ thành phố', expect: { intent: 'PROGRESS', units: [BCD] } },
  { kind: 5, q: 'tiến độ Công an TP', expect: { intent: 'PROGRESS', units: [CATP] } },
  { kind: 5, q: 'tien do catp', expect: { intent: 'PROGRESS', units: [CATP] } },
  { kind: 5, q: 'công an thành phố quá hạn mấy việc', expect: { intent: 'COUNT', statuses: OVERDUE, units: [CATP] } },
  { kind: 5, q: 'tiến độ Bộ CHQS thành phố', expect: { outcome: 'UNKNOWN_UNIT' } },
  { kind: 5, q: 'tien do bo chi huy quan su thanh pho', expect: { outcome: 'UNKNOWN_UNIT' } },
  { kind: 5, q: 'tiến độ Sở GD&ĐT', expect: { intent: 'PROGRESS', units: [GD] } },
  { kind: 5, q: 'so giao duc qua han gi', expect: { statuses: OVERDUE, units: [GD], matched: 3 } },
  { kind: 5, q: 'Sở Văn hóa quá hạn việc gì', expect: { statuses: OVERDUE, units: [VHTT] } },
  { kind: 5, q: 'tien do so vhttdl', expect: { intent: 'PROGRESS', units: [VHTT] } },
  { kind: 5, q: 'tiến độ Sở NN&MT', expect: { intent: 'PROGRESS', units: [NNMT] } },
  { kind: 5, q: 'so nong nghiep qua han gi', expect: { statuses: OVERDUE, units: [NNMT] } },
  { kind: 5, q: 'tiến độ Sở Tư pháp', expect: { intent: 'PROGRESS', units: [STP] } },
  { kind: 5, q: 'sở xây dựng chậm gì không', expect: { statuses: OVERDUE, units: [SXD] } },
  { kind: 5, q: 'so cong thuong qua han may viec', expect: { intent: 'COUNT', statuses: OVERDUE, units: [SCT] } },
  { kind: 5, q: 'tiến độ Thanh tra thành phố', expect: { intent: 'PROGRESS', units: [TTTP] } },
  { kind: 5, q: 'tiến độ ĐH Hàng hải', expect: { intent: 'PROGRESS', units: [DHHH] } },
  { kind: 5, q: 'tien do dai hoc y duoc hai phong', expect: { intent: 'PROGRESS', units: [DHYD] } },
  { kind: 5, q: 'Trường ĐH Hải Phòng có việc gì quá hạn', expect: { statuses: OVERDUE, units: [DHHP] } },
  { kind: 5, q: 'tiến độ UBKT Thành ủy', expect: { intent: 'PROGRESS', units: [UBKT] } },
  { kind: 5, q: 'tien do btc thanh uy', expect: { intent: 'PROGRESS', units: [BTC] } },
  { kind: 5, q: 'Ban Nội chính có việc gì chậm', expect: { statuses: OVERDUE, units: [BNC] } },
  { kind: 5, q: 'tiến độ ĐK Bạch Long Vĩ', expect: { intent: 'PROGRESS', units: [BLV] } },
  { kind: 5, q: 'tien do bach long vi', expect: { intent: 'PROGRESS', units: [BLV] } },
  { kind: 5, q: 'UBND đặc khu Cát Hải quá hạn gì', expect: { statuses: OVERDUE, units: [CH] } },
  { kind: 5, q: 'phường Lê Chân quá hạn mấy việc', expect: { intent: 'COUNT', statuses: OVERDUE, units: [LE_CHAN], matched: 3 } },
  { kind: 5, q: 'phuong do son qua han may viec', expect: { intent: 'COUNT', statuses: OVERDUE, units: [DO_SON], matched: 3 } },
  { kind: 5, q: 'Chí Linh có bao nhiêu việc quá hạn', expect: { intent: 'COUNT', statuses: OVERDUE, units: [CHI_LINH], matched: 3 } },
  { kind: 5, q: 'nhiệm vụ về Bình dân học vụ số', expect: { units: [], topic: 'Bình dân học vụ số' } },
  { kind: 5, q: 'nhiem vu binh dan hoc vu so', expect: { units: [], topic: 'binh dan hoc vu so' } },
  { kind: 5, q: 'các việc về an ninh mạng', expect: { units: [], topic: 'an ninh mạng' } },
  { kind: 5, q: 'viec ve kinh te so', expect: { units: [], topic: 'kinh te so' } },
  { kind: 5, q: 'nhiệm vụ thanh tra, kiểm tra, giám sát', expect: { units: [] } },
  { kind: 5, q: 'Sở KH&CN và Sở Nội vụ có gì quá hạn', expect: { statuses: OVERDUE, units: [KHCN, SNV] } },
  { kind: 5, q: 'so y te va so tai chinh qua han gi', expect: { statuses: OVERDUE, units: [SYT, STC] } },
  { kind: 5, q: 'Sở Tài chính đang quá hạn những việc gì', as: 'zoneLeader', expect: { outcome: 'REFUSED', units: [STC] } },
  { kind: 5, q: 'tien do so noi vu', as: 'zoneLeader', expect: { outcome: 'REFUSED', units: [SNV] } },
  { kind: 5, q: 'tiến độ đặc khu Cát Hải', as: 'deptLeader', expect: { outcome: 'REFUSED', units: [CH] } },
  { kind: 5, q: 'xa tien lang qua han gi', as: 'officer', expect: { outcome: 'REFUSED', units: [TIEN_LANG] } },
];

// ── 6. Topics, outputs, values, sections ────────────────────────────────────
const KIND6: LeaderCase[] = [
  { kind: 6, q: 'nhiệm vụ về học bạ số', expect: { topic: 'học bạ số', units: [], matched: 1, first: ['A.I.2.7'] } },
  { kind: 6, q: 'nhiem vu ve hoc ba so', expect: { topic: 'hoc ba so', units: [], matched: 1, first: ['A.I.2.7'] } },
  { kind: 6, q: 'việc liên quan chữ ký số', expect: { topic: 'chữ ký số', first: ['A.I.2.7'] } },
  { kind: 6, q: 'nhiệm vụ về mobile app', expect: { topic: 'mobile app', matched: 1, first: ['38'] } },
  { kind: 6, q: 'viec ve bai toan lon', expect: { topic: 'bai toan lon', matched: 1, first: ['22'] } },
  { kind: 6, q: 'nhiệm vụ đăng ký bài toán lớn', expect: { topic: 'bài toán lớn', matched: 1, first: ['22'] } },
  { kind: 6, q: 'việc cấp chứng thư số', expect: { topic: 'chứng thư số', matched: 1, first: ['15'] } },
  { kind: 6, q: 'nhiem vu hop tac quoc te', expect: { topic: 'hop tac quoc te', matched: 1, first: ['30'] } },
  { kind: 6, q: 'việc về bằng sáng chế', expect: { topic: 'bằng sáng chế', matched: 1, first: ['28'] } },
  { kind: 6, q: 'phần mềm theo dõi thi đua giao cho ai', expect: { first: ['37'] } },
  { kind: 6, q: 'tổ công tác thu hút đầu tư công nghệ cao đến đâu rồi', expect: { first: ['13'] } },
  { kind: 6, q: 'nhiem vu ve IoT', expect: { topic: 'IoT', matched: 1, first: ['B.NV.6'] } },
  { kind: 6, q: 'việc tích hợp LGSP', expect: { topic: 'LGSP', matched: 1, first: ['A.I.3.8'] } },
  { kind: 6, q: 'nhiệm vụ về chiến lược', expect: { topic: 'chiến lược', matched: 6, first: ['25', '29', 'A.II.6'] } },
  { kind: 6, q: 'nhiem vu ve chien luoc cua cat hai', expect: { topic: 'chien luoc', units: [CH], matched: 4, first: ['A.II.6', 'A.II.7', 'A.II.8', 'A.II.10'] } },
  { kind: 6, q: 'nhiệm vụ về khởi nghiệp', expect: { topic: 'khởi nghiệp', matched: 2, first: ['25', 'A.II.7'] } },
  { kind: 6, q: 'nguồn nhân lực chất lượng cao', expect: { topic: 'nguồn nhân lực chất lượng cao', matched: 2, first: ['29', 'A.II.8'] } },
  { kind: 6, q: 'viec ve nguon nhan luc chat luong cao cua so noi vu', expect: { units: [SNV], matched: 1, first: ['29'] } },
  { kind: 6, q: 'nhiệm vụ về trí tuệ nhân tạo', expect: { topic: 'trí tuệ nhân tạo', first: ['30', 'B.NV.9'] } },
  { kind: 6, q: 'viec ve dien toan dam may', expect: { topic: 'dien toan dam may', first: ['20', 'A.I.3.6'] } },
  { kind: 6, q: 'hệ thống pakn.nq57.vn', expect: { first: ['7'] } },
  { kind: 6, q: 'nhiệm vụ về học bạ số ở Sở Y tế', expect: { topic: 'học bạ số', units: [SYT], matched: 0 } },
  { kind: 6, q: 'viec ve mobile app o cat hai', expect: { topic: 'mobile app', units: [CH], matched: 0 } },
  { kind: 6, q: 'đã có quyết định 1037 chưa', expect: { first: ['A.II.5'] } },
  { kind: 6, q: 'quyet dinh 1037 la san pham cua nhiem vu nao', expect: { first: ['A.II.5'] } },
  { kind: 6, q: 'văn bản 52/KH-UBND là sản phẩm của nhiệm vụ nào', expect: { first: ['A.II.3', 'A.II.6'] } },
  { kind: 6, q: 'ke hoach 52/KH-UBND cua nhiem vu nao', expect: { first: ['A.II.3', 'A.II.6'] } },
  { kind: 6, q: 'Kế hoạch số 12/KH-SKHCN là kết quả của việc gì', expect: { first: ['1'] } },
  { kind: 6, q: 'cong van 1644 cua nhiem vu nao', expect: { first: ['A.I.2.3'] } },
  { kind: 6, q: 'tỷ lệ hồ sơ thủ tục hành chính xử lý trực tuyến của Cát Hải đạt bao nhiêu', expect: { intent: 'VALUE', units: [CH], first: ['A.I.3.5'] } },
  { kind: 6, q: 'ty le ho so xu ly truc tuyen cat hai dat bao nhieu', expect: { intent: 'VALUE', units: [CH], first: ['A.I.3.5'] } },
  { kind: 6, q: 'tỷ lệ dịch vụ công trực tuyến toàn trình của Cát Hải đạt bao nhiêu', expect: { intent: 'VALUE', units: [CH], first: ['A.I.3.4'] } },
  { kind: 6, q: 'chỉ tiêu 5G đạt chưa', expect: { intent: 'VALUE', topic: '5G', first: ['A.I.1.1', 'A.I.1.2'] } },
  { kind: 6, q: 'ty le phu song 5G o cat hai bao nhieu', expect: { intent: 'VALUE', units: [CH], first: ['A.I.1.1'] } },
  { kind: 6, q: 'tỷ lệ người dân có VNeID ở Cát Hải', expect: { intent: 'VALUE', units: [CH], first: ['A.I.3.10'] } },
  { kind: 6, q: 'quy mo kinh te so trong GRDP cua cat hai dat bao nhieu', expect: { intent: 'VALUE', units: [CH], first: ['A.I.3.12'] } },
  { kind: 6, q: 'tỷ lệ chi cho KHCN, ĐMST, CĐS trong tổng chi ngân sách đặc khu là bao nhiêu', expect: { intent: 'VALUE', first: ['A.I.2.1'] } },
  { kind: 6, q: 'ty le giao dich phi tiep xuc dat bao nhieu', expect: { intent: 'VALUE', first: ['A.I.3.2'] } },
  { kind: 6, q: 'mục II phần A của Cát Hải', expect: { section: 'A.II', units: [CH], matched: 11 } },
  { kind: 6, q: 'muc 2 phan A cat hai', expect: { section: 'A.II', units: [CH], matched: 11 } },
  { kind: 6, q: 'các chỉ tiêu mục 3 phần A.I của Cát Hải', expect: { section: 'A.I.3', units: [CH], matched: 12 } },
  { kind: 6, q: 'mục B.NV Cát Hải đã xong bao nhiêu', expect: { section: 'B.NV', units: [CH], statuses: DONE, matched: 8 } },
  { kind: 6, q: 'muc A.II cat hai con viec nao dang trien khai', expect: { section: 'A.II', units: [CH], matched: 5 } },
  { kind: 6, q: 'nhiệm vụ về Bình dân học vụ số ở Cát Hải', expect: { topic: 'Bình dân học vụ số', units: [CH] } },
  { kind: 6, q: 'viec ve an toan thong tin cap do', expect: { topic: 'an toan thong tin cap do', first: ['40'] } },
];

// ── 7. Asking back: generic names and task numbers of several plans ─────────
const PLANS3 = ['CTr-2026', '12-KH/TU', '238/KH-UBND'];
const KIND7: LeaderCase[] = [
  { kind: 7, q: 'tiến độ của Sở', expect: { outcome: 'ASK_UNIT', candidates: [KHCN, SNV, STC] } },
  { kind: 7, q: 'tien do so', expect: { outcome: 'ASK_UNIT', candidates: [KHCN, SNV, STC] } },
  { kind: 7, q: 'Sở có việc gì quá hạn', expect: { outcome: 'ASK_UNIT', candidates: [SNV, STC] } },
  { kind: 7, q: 'Ban có việc gì chậm không', expect: { outcome: 'ASK_UNIT', candidates: [BTC, BTG, BNC] } },
  { kind: 7, q: 'tien do ban', expect: { outcome: 'ASK_UNIT', candidates: [BTC, BNC] } },
  { kind: 7, q: 'tiến độ Ủy ban', expect: { outcome: 'ASK_UNIT', candidates: [UBND, UBKT, MTTQ] } },
  { kind: 7, q: 'uy ban qua han gi', expect: { outcome: 'ASK_UNIT', candidates: [UBND, UBKT] } },
  { kind: 7, q: 'tiến độ xã', expect: { outcome: 'ASK_UNIT', candidates: [TIEN_LANG, VINH_BAO] } },
  { kind: 7, q: 'xa qua han gi', expect: { outcome: 'ASK_UNIT', candidates: [TIEN_LANG, VINH_BAO] } },
  { kind: 7, q: 'đặc khu quá hạn những gì', expect: { outcome: 'ASK_UNIT', candidates: [CH, BLV] } },
  { kind: 7, q: 'tien do dac khu', expect: { outcome: 'ASK_UNIT', candidates: [CH, BLV] } },
  { kind: 7, q: 'vướng mắc của đặc khu', expect: { outcome: 'ASK_UNIT', candidates: [CH, BLV] } },
  { kind: 7, q: 'tiến độ Văn phòng', expect: { outcome: 'ASK_UNIT', candidates: [VPTU, VPUB] } },
  { kind: 7, q: 'van phong qua han gi', expect: { outcome: 'ASK_UNIT', candidates: [VPTU, VPUB] } },
  { kind: 7, q: 'tiến độ xã Thanh', expect: { outcome: 'ASK_UNIT', candidates: [THANH_HA, THANH_MIEN] } },
  { kind: 7, q: 'tiến độ phường', expect: { outcome: 'ASK_UNIT', candidates: [HONG_BANG, LE_CHAN] } },
  { kind: 7, q: 'nv 5', expect: { outcome: 'ASK_TASK', candidates: PLANS3 } },
  { kind: 7, q: 'nhiệm vụ 3 đến đâu rồi', expect: { outcome: 'ASK_TASK', candidates: PLANS3 } },
  { kind: 7, q: 'chi tiet nv 7', expect: { outcome: 'ASK_TASK', candidates: PLANS3 } },
  { kind: 7, q: 'tiến độ nhiệm vụ 9', expect: { outcome: 'ASK_TASK', candidates: PLANS3 } },
  { kind: 7, q: 'nv 2 the nao roi', expect: { outcome: 'ASK_TASK', candidates: PLANS3 } },
  { kind: 7, q: 'nhiệm vụ số 4', expect: { outcome: 'ASK_TASK', candidates: PLANS3 } },
  { kind: 7, q: 'nv 6', expect: { outcome: 'ASK_TASK', candidates: PLANS3 } },
  { kind: 7, q: 'nhiem vu 8 ai chi dao', expect: { outcome: 'ASK_TASK', candidates: PLANS3 } },
  { kind: 7, q: 'nhiệm vụ 10 xong chưa', expect: { outcome: 'ASK_TASK', candidates: PLANS3 } },
  { kind: 7, q: 'nv 11', expect: { outcome: 'ASK_TASK', candidates: ['CTr-2026', '12-KH/TU'] } },
  { kind: 7, q: 'nhiệm vụ 1', expect: { outcome: 'ASK_TASK', candidates: PLANS3 } },
  { kind: 7, q: 'nv 12', expect: { outcome: 'ANSWERED', intent: 'TASK_DETAIL', taskRef: '12' } },
  { kind: 7, q: 'nhiệm vụ 38', expect: { outcome: 'ANSWERED', intent: 'TASK_DETAIL', taskRef: '38' } },
  { kind: 7, q: 'nv 5 chuong trinh 2026', expect: { outcome: 'ANSWERED', intent: 'TASK_DETAIL', taskRef: '5' } },
  { kind: 7, q: 'nhiệm vụ 5 kế hoạch 238/KH-UBND', expect: { outcome: 'ANSWERED', intent: 'TASK_DETAIL' } },
  { kind: 7, q: 'tiến độ Sở ạ', as: 'zoneLeader', expect: { outcome: 'ASK_UNIT', candidates: [SNV, STC] } },
  { kind: 7, q: 'các việc quá hạn của Ban', expect: { outcome: 'ASK_UNIT', candidates: [BTC, BTG, BNC] } },
  { kind: 7, q: 'vuong mac cua uy ban', expect: { outcome: 'ASK_UNIT', candidates: [UBND, UBKT, MTTQ] } },
  { kind: 7, q: 'tỷ lệ hoàn thành của đặc khu', expect: { outcome: 'ASK_UNIT', candidates: [CH, BLV] } },
  { kind: 7, q: 'dac khu co bao nhieu nhiem vu', expect: { outcome: 'ASK_UNIT', candidates: [CH, BLV] } },
  { kind: 7, q: 'kiến nghị của Văn phòng', expect: { outcome: 'ASK_UNIT', candidates: [VPTU, VPUB] } },
  { kind: 7, q: 'nhiệm vụ 6 ai phụ trách', expect: { outcome: 'ASK_TASK', candidates: PLANS3 } },
  { kind: 7, q: 'nv 9 co vuong mac gi', expect: { outcome: 'ASK_TASK', candidates: PLANS3 } },
  { kind: 7, q: 'nhiệm vụ 2 bao nhiêu đơn vị đã xong', expect: { outcome: 'ASK_TASK', candidates: PLANS3 } },
  { kind: 7, q: 'nv 5 the nao', as: 'officer', expect: { outcome: 'ASK_TASK', candidates: ['12-KH/TU', '238/KH-UBND'] } },
  { kind: 7, q: 'tien do nhiem vu 11', expect: { outcome: 'ASK_TASK', candidates: ['CTr-2026', '12-KH/TU'] } },
  { kind: 7, q: 'nv 40', expect: { outcome: 'ANSWERED', intent: 'TASK_DETAIL', taskRef: '40' } },
  { kind: 7, q: 'tiến độ Cát Hải', expect: { outcome: 'ANSWERED', intent: 'PROGRESS', units: [CH] } },
  { kind: 7, q: 'tien do so noi vu the nao', expect: { outcome: 'ANSWERED', intent: 'PROGRESS', units: [SNV] } },
];

// ── 8. Requests that are not questions ──────────────────────────────────────
const NAQ = { outcome: 'NOT_A_QUESTION' } as const;
const KIND8: LeaderCase[] = [
  { kind: 8, q: 'cập nhật tất cả thành hoàn thành', expect: NAQ },
  { kind: 8, q: 'cap nhat tat ca thanh hoan thanh', expect: NAQ },
  { kind: 8, q: 'xóa nhiệm vụ 3', expect: NAQ },
  { kind: 8, q: 'xoa nhiem vu 38 chuong trinh 2026', expect: NAQ },
  { kind: 8, q: 'giao việc này cho anh Đỗ Quang Huy', expect: NAQ },
  { kind: 8, q: 'giao nv 12 cho Do Quang Huy', expect: NAQ },
  { kind: 8, q: 'đánh dấu nhiệm vụ 29 chương trình 2026 là đã xong', expect: NAQ },
  { kind: 8, q: 'danh dau xong het cac viec cua cat hai', expect: NAQ },
  { kind: 8, q: 'sửa hạn nhiệm vụ 13 thành quý II/2026', expect: NAQ },
  { kind: 8, q: 'doi han nhiem vu 17 sang thang 12', expect: NAQ },
  { kind: 8, q: 'chuyển nhiệm vụ 29 sang Sở Tài chính chủ trì', expect: NAQ },
  { kind: 8, q: 'chuyen viec 21 cho so noi vu', expect: NAQ },
  { kind: 8, q: 'thêm nhiệm vụ mới: xây dựng trung tâm dữ liệu, hạn quý IV', expect: NAQ },
  { kind: 8, q: 'them nhiem vu moi cho cat hai', expect: NAQ },
  { kind: 8, q: 'hủy nhiệm vụ 38', expect: NAQ },
  { kind: 8, q: 'xoá hết dữ liệu của Cát Hải', expect: NAQ },
  { kind: 8, q: 'xoa toan bo tien do thang 11', expect: NAQ },
  { kind: 8, q: 'set 100% cho tất cả nhiệm vụ Sở KH&CN', expect: NAQ },
  { kind: 8, q: 'cap nhat nv 13 len 80%', expect: NAQ },
  { kind: 8, q: 'đổi đơn vị chủ trì nhiệm vụ 25 thành Sở KH&CN', expect: NAQ },
  { kind: 8, q: 'ghi nhận Sở Nội vụ đã xong nhiệm vụ 29', expect: NAQ },
  { kind: 8, q: 'ghi nhan so noi vu da xong viec 29', expect: NAQ },
  { kind: 8, q: 'phân công chị Hồng Nhung theo dõi nhiệm vụ 8', expect: NAQ },
  { kind: 8, q: 'bo nhiem vu 40 ra khoi chuong trinh', expect: NAQ },
  { kind: 8, q: 'gỡ Sở Y tế khỏi nhiệm vụ 15', expect: NAQ },
  { kind: 8, q: 'chuyển tất cả nhiệm vụ quá hạn sang hoàn thành', expect: NAQ },
  { kind: 8, q: 'chuyen tat ca viec qua han thanh da xong', expect: NAQ },
  { kind: 8, q: 'rút lại cập nhật của Cát Hải hôm qua', expect: NAQ },
  { kind: 8, q: 'xóa vướng mắc của nhiệm vụ 13', expect: NAQ },
  { kind: 8, q: 'sua ten nhiem vu 38 thanh cong ung dung di dong', expect: NAQ },
  { kind: 8, q: 'đặt hạn mới cho tất cả việc của Sở Tài chính là 31/12/2026', expect: NAQ },
  { kind: 8, q: 'giao tat ca viec cham cho pho chu tich cuong', expect: NAQ },
  { kind: 8, q: 'xóa cập nhật tiến độ vừa rồi của tôi', as: 'officer', expect: NAQ },
  { kind: 8, q: 'danh dau nv 8 xong 100%', as: 'officer', expect: NAQ },
  { kind: 8, q: 'giao nhiệm vụ 12 cho chị Lan theo dõi', as: 'deptLeader', expect: NAQ },
  { kind: 8, q: 'cap nhat tat ca viec cua dac khu thanh hoan thanh', as: 'zoneLeader', expect: NAQ },
  { kind: 8, q: 'nhắc Sở Nội vụ cập nhật tiến độ ngay', expect: NAQ },
  { kind: 8, q: 'gui thong bao cho cac xa cap nhat truoc 30/11', expect: NAQ },
  { kind: 8, q: 'xóa Sở Tư pháp khỏi danh sách đơn vị', expect: NAQ },
  { kind: 8, q: 'tao nhiem vu moi han 31/12 giao so y te', expect: NAQ },
  { kind: 8, q: 'bỏ hết vướng mắc của Cát Hải đi', expect: NAQ },
  { kind: 8, q: 'chuyển nhiệm vụ quá hạn của Tiên Lãng sang đang triển khai', expect: NAQ },
];

// ── 9. What people type: no marks, Telex leftovers, shorthand, emoji, caps ──
const KIND9: LeaderCase[] = [
  { kind: 9, q: 'nhieemj vuj quas hanj owr Cats Hair', expect: { intent: 'LIST', statuses: OVERDUE, units: [CH], matched: 2 } },
  { kind: 9, q: 'tieens ddooj Sowr Nooij vuj', expect: { intent: 'PROGRESS', units: [SNV] } },
  { kind: 9, q: 'vuowngs macws cuar Cats Hair', expect: { intent: 'DIFFICULTIES', units: [CH] } },
  { kind: 9, q: 'NHIỆM VỤ QUÁ HẠN Ở CÁT HẢI??', expect: { intent: 'LIST', statuses: OVERDUE, units: [CH], matched: 2 } },
  { kind: 9, q: 'NHIEM VU QUA HAN SO NOI VU', expect: { intent: 'LIST', statuses: OVERDUE, units: [SNV], matched: 2 } },
  { kind: 9, q: 'TIẾN ĐỘ SỞ KH&CN', expect: { intent: 'PROGRESS', units: [KHCN] } },
  { kind: 9, q: 'so kh cn co bn nv qh', expect: { intent: 'COUNT', statuses: OVERDUE, units: [KHCN], matched: 2 } },
  { kind: 9, q: 'sở kh cn có bn nv quá hạn', expect: { intent: 'COUNT', statuses: OVERDUE, units: [KHCN], matched: 2 } },
  { kind: 9, q: 'bnhieu nv da xong o cat hai', expect: { intent: 'COUNT', statuses: DONE, units: [CH], matched: 15 } },
  { kind: 9, q: 'cat hai co bn nv qua han vay??', expect: { intent: 'COUNT', statuses: OVERDUE, units: [CH], matched: 2 } },
  { kind: 9, q: 'ctr 2026 co bn nv', expect: { intent: 'COUNT', counted: 'TASKS', matched: 40 } },
  { kind: 9, q: 'tp co bao nhieu nv qua han', expect: { intent: 'COUNT', statuses: OVERDUE, units: [], counted: 'TASKS', matched: 7 } },
  { kind: 9, q: 'tiendo sonoivu', expect: { intent: 'PROGRESS', units: [SNV] } },
  { kind: 9, q: 'quahan cathai', expect: { statuses: OVERDUE, units: [CH] } },
  { kind: 9, q: 'tiến độ sở nội vụ ntn', expect: { intent: 'PROGRESS', units: [SNV] } },
  { kind: 9, q: 'tien do so tai chinh ntn r', expect: { intent: 'PROGRESS', units: [STC] } },
  { kind: 9, q: 'so y te co cv j cham k', expect: { statuses: OVERDUE, units: [SYT], matched: 3 } },
  { kind: 9, q: 'sở y tế có cv gì chậm ko', expect: { statuses: OVERDUE, units: [SYT], matched: 3 } },
  { kind: 9, q: 'sở tc đc giao bn nv', expect: { intent: 'COUNT', units: [STC], counted: 'TASKS', matched: 19 } },
  { kind: 9, q: 'so tc dc giao bnhieu nv', expect: { intent: 'COUNT', units: [STC], counted: 'TASKS', matched: 19 } },
  { kind: 9, q: '👉 việc quá hạn Cát Hải 😡', expect: { statuses: OVERDUE, units: [CH], matched: 2 } },
  { kind: 9, q: 'tiến độ Sở Nội vụ 🙏', expect: { intent: 'PROGRESS', units: [SNV] } },
  { kind: 9, q: '📊 bao nhiêu nhiệm vụ quá hạn toàn TP?', expect: { intent: 'COUNT', statuses: OVERDUE, counted: 'TASKS', matched: 7 } },
  { kind: 9, q: 'xã tiên lãng vướng j ko 🤔', expect: { intent: 'DIFFICULTIES', units: [TIEN_LANG], matched: 1 } },
  { kind: 9, q: 'nhiem vu qua han o  cat   hai ???', expect: { statuses: OVERDUE, units: [CH], matched: 2 } },
  { kind: 9, q: 'nhiệm vụ quá hạn ở Cát Hải!!!', expect: { statuses: OVERDUE, units: [CH], matched: 2 } },
  { kind: 9, q: 'nhiem vu qua han o cat hai.', expect: { statuses: OVERDUE, units: [CH], matched: 2 } },
  { kind: 9, q: 'nhiem vụ qua hạn ơ Cat Hai', expect: { statuses: OVERDUE, units: [CH], matched: 2 } },
  { kind: 9, q: 'nhiệm vụ quá hạng ở cát hải', expect: { statuses: OVERDUE, units: [CH], matched: 2 } },
  { kind: 9, q: 'nhiem vu qua han o cat hia', expect: { statuses: OVERDUE, units: [CH], matched: 2 } },
  { kind: 9, q: 'tien do so noi vuj', expect: { intent: 'PROGRESS', units: [SNV] } },
  { kind: 9, q: 'dk ch qua han gi', expect: { statuses: OVERDUE, units: [CH] } },
  { kind: 9, q: 'ĐK Cát Hải quá hạn j', expect: { statuses: OVERDUE, units: [CH] } },
  { kind: 9, q: 'việc a Cường chỉ đạo còn chậm mấy vc', expect: { intent: 'COUNT', role: 'DIRECT', person: CUONG, statuses: OVERDUE, matched: 5 } },
  { kind: 9, q: 'Sở TC phối hợp nv nào', expect: { role: 'COORDINATE', units: [STC], first: ['8', '33'] } },
  { kind: 9, q: 'so khcn & so tc cung chu tri nv nao', expect: { role: 'CO_LEAD', units: [KHCN, STC], matched: 1, first: ['32'] } },
  { kind: 9, q: 'BAO NHIEU DON VI DA XONG NV 1 CTR 2026', expect: { intent: 'COUNT', statuses: DONE, counted: 'UNIT_SHARES', matched: 5 } },
  { kind: 9, q: 'viec han chot tuan sau', expect: { statuses: [], window: ['2026-11-30', '2026-12-06'], windowOn: 'DEADLINE' } },
  { kind: 9, q: 'vc nào tới hạn tháng tới', expect: { statuses: [], window: ['2026-12-01', '2026-12-31'], windowOn: 'DEADLINE' } },
  { kind: 9, q: 'vc han Q2', expect: { statuses: [], window: ['2026-04-01', '2026-06-30'], windowOn: 'DEADLINE', matched: 3 } },
  { kind: 9, q: 'vc cham >90 ngay', expect: { statuses: OVERDUE, minDaysOverdue: 90 } },
  { kind: 9, q: 'nv ve hoc ba so', expect: { topic: 'hoc ba so', matched: 1, first: ['A.I.2.7'] } },
  { kind: 9, q: 'chi tieu 5g dat chua', expect: { intent: 'VALUE', first: ['A.I.1.1', 'A.I.1.2'] } },
  { kind: 9, q: 'xoa nv 3', expect: { outcome: 'NOT_A_QUESTION' } },
  { kind: 9, q: 'cap nhat het thanh xong', expect: { outcome: 'NOT_A_QUESTION' } },
  { kind: 9, q: 'dac khu qua han j', expect: { outcome: 'ASK_UNIT', candidates: [CH, BLV] } },
  { kind: 9, q: 'Sở ơi chậm j ko', expect: { outcome: 'ASK_UNIT', candidates: [SNV, STC] } },
];

export const LEADER_CASES: LeaderCase[] = [...KIND1, ...KIND2, ...KIND3, ...KIND4, ...KIND5, ...KIND6, ...KIND7, ...KIND8, ...KIND9];
