import { PhraseTable, type Token } from './tokens.ts';
import type { StatusFilter } from './types.ts';

/**
 * The fixed vocabulary of questions, folded: statuses, what is asked (count,
 * rate, progress…), item kinds, and filler to ignore. Phrases are read
 * longest first, so "chậm cập nhật" is staleness and never "chậm" + "cập nhật".
 */
export type Signal =
  | { k: 'status'; s: StatusFilter }
  | { k: 'yesno' } // "đạt chưa", "xong chưa": asks a state, does not filter by it
  | { k: 'value' } // "đạt bao nhiêu": asks an indicator's value
  | { k: 'count' }
  | { k: 'rate' }
  | { k: 'rateStale' }
  | { k: 'ratio' } // "tỷ lệ": a rate, unless an indicator's name follows
  | { k: 'progress' }
  | { k: 'weakProgress' }
  | { k: 'report' }
  | { k: 'difficulty' }
  | { k: 'proposal' }
  | { k: 'help' }
  | { k: 'greet' }
  | { k: 'item'; kind: 'TASK' | 'INDICATOR' }
  | { k: 'genericItem' }
  | { k: 'list' }
  | { k: 'unitSubject' }
  | { k: 'cityWide' }
  | { k: 'deadline' } // "hạn", "thời hạn": the window is a deadline window
  | { k: 'expected' } // "dự kiến hoàn thành": the window is an expected-completion window
  | { k: 'noise' };

const S = (s: StatusFilter): Signal => ({ k: 'status', s });

const ENTRIES: Array<readonly [string, Signal]> = [
  // staleness (before "chậm" and "báo cáo")
  ...['chua cap nhat', 'cham cap nhat', 'khong cap nhat', 'lau chua cap nhat', 'cap nhat cham', 'it cap nhat',
    'chua bao cao', 'cham bao cao', 'khong bao cao', 'chua gui bao cao', 'chua nop bao cao', 'khong gui bao cao', 'chua update', 'chua cap nhap', 'cham cap nhap']
    .map((p) => [p, S('STALE')] as const),
  // "đã gửi báo cáo chưa", "cập nhật chưa": whether a unit reported, answered from the staleness list
  ...['gui bao cao chua', 'da gui bao cao chua', 'bao cao chua', 'da bao cao chua', 'cap nhat chua', 'da cap nhat chua',
    'nop bao cao chua', 'da nop bao cao chua']
    .map((p) => [p, S('STALE')] as const),
  ['ty le cap nhat', { k: 'rateStale' }],
  // overdue
  ...['qua han', 'tre han', 'tre', 'cham', 'cham tre', 'cham tien do', 'tre tien do', 'bi cham', 'het han', 'qua thoi han', 'tre hen']
    .map((p) => [p, S('OVERDUE')] as const),
  // due soon
  ...['sap den han', 'sap toi han', 'sap het han', 'den han', 'toi han', 'gan den han', 'sap han', 'can han', 'sap dao han']
    .map((p) => [p, S('DUE_SOON')] as const),
  // yes/no questions about a state (read before the states themselves)
  ...['dat chua', 'da dat chua', 'dat khong', 'co dat khong', 'xong chua', 'da xong chua', 'xong khong', 'hoan thanh chua',
    'da hoan thanh chua', 'co hoan thanh khong', 'hoan thanh khong']
    .map((p) => [p, { k: 'yesno' }] as const),
  // done
  ...['da hoan thanh', 'hoan thanh', 'da xong', 'xong', 'hoan tat', 'da lam xong', 'lam xong', 'hoan thanh dung han']
    .map((p) => [p, S('DONE')] as const),
  // open (not done)
  ...['chua hoan thanh', 'chua xong', 'chua lam xong', 'chua co', 'ton dong', 'con ton', 'dang do', 'do dang', 'con no']
    .map((p) => [p, S('OPEN')] as const),
  // not started
  ...['chua trien khai', 'chua thuc hien', 'chua bat dau', 'chua lam', 'chua khoi dong']
    .map((p) => [p, S('NOT_STARTED')] as const),
  // "hạng" for "hạn": a common slip on a phone keyboard
  ...['qua hang', 'tre hang'].map((p) => [p, S('OVERDUE')] as const),
  // on track / in progress
  ...['dang trien khai trong han', 'trong han', 'dung han', 'dung tien do', 'kip tien do', 'con han', 'dam bao tien do']
    .map((p) => [p, S('ON_TRACK')] as const),
  ...['dang trien khai', 'dang thuc hien', 'dang lam', 'dang tien hanh', 'dang xu ly']
    .map((p) => [p, S('IN_PROGRESS')] as const),
  // indicators met / not met; "đạt bao nhiêu" asks the value
  ...['dat bao nhieu', 'duoc bao nhieu', 'la bao nhieu', 'dat bao nhieu phan tram', 'dat may phan tram', 'dat bao nhieu %',
    'la bao nhieu %', 'la bao nhieu phan tram', 'hien dat', 'dat muc nao']
    .map((p) => [p, { k: 'value' }] as const),
  ...['chua dat', 'khong dat', 'chua dat chi tieu'].map((p) => [p, S('NOT_MET')] as const),
  ...['da dat', 'dat', 'dat chi tieu', 'vuot'].map((p) => [p, S('MET')] as const),
  // difficulties (with "có": a filter) and the difficulties themselves
  ...['co vuong mac', 'co kho khan', 'gap kho khan', 'bi vuong', 'bi vuong mac', 'dang vuong', 'co vuong']
    .map((p) => [p, S('HAS_DIFFICULTIES')] as const),
  ...['vuong mac', 'kho khan', 'tro ngai', 'vuong', 'bat cap', 'kho khan vuong mac', 'vuong mac kho khan', 'han che']
    .map((p) => [p, { k: 'difficulty' }] as const),
  ...['de xuat', 'kien nghi', 'de nghi', 'kien nghi de xuat', 'de xuat kien nghi', 'nguyen vong']
    .map((p) => [p, { k: 'proposal' }] as const),
  // what is asked
  ...['bao nhieu phan tram', 'may phan tram', 'bao nhieu %', 'phan tram', '%'].map((p) => [p, { k: 'rate' }] as const),
  ['ty le', { k: 'ratio' }],
  ...['bao nhieu', 'may', 'so luong', 'tong so', 'dem', 'co may', 'tong cong'].map((p) => [p, { k: 'count' }] as const),
  ...['tien do', 'tong hop', 'tong quan', 'thong ke', 'tom tat', 'tien trien'].map((p) => [p, { k: 'progress' }] as const),
  ...['tinh hinh', 'ket qua', 'ket qua thuc hien', 'the nao', 'ra sao', 'nhu the nao', 'den dau', 'toi dau', 'sao roi']
    .map((p) => [p, { k: 'weakProgress' }] as const),
  ...['bao cao', 'xuat', 'ket xuat', 'xuat file', 'phu luc', 'xuat excel', 'tai file', 'tai ve']
    .map((p) => [p, { k: 'report' }] as const),
  ...['huong dan', 'tro giup', 'giup do', 'help', 'lam duoc gi', 'hoi gi', 'cach dung', 'cach su dung', 'menu', 'su dung the nao',
    'hoi duoc gi', 'co the hoi gi']
    .map((p) => [p, { k: 'help' }] as const),
  ...['xin chao', 'chao', 'hello', 'hi', 'alo', 'chao bot', 'chao ban'].map((p) => [p, { k: 'greet' }] as const),
  ...['han', 'thoi han', 'han chot', 'deadline', 'co han', 'het thoi han', 'han cuoi', 'phai hoan thanh', 'can hoan thanh', 'han hoan thanh',
    'phai xong', 'phai hoan tat', 'thoi gian hoan thanh'].map((p) => [p, { k: 'deadline' }] as const),
  // "dự kiến hoàn thành năm 2027": the window dates the expected completion the units reported
  ...['du kien hoan thanh', 'du kien xong', 'du kien'].map((p) => [p, { k: 'expected' }] as const),
  // items
  ['nhiem vu', { k: 'item', kind: 'TASK' }],
  ['chi tieu', { k: 'item', kind: 'INDICATOR' }],
  ...['viec', 'cong viec', 'dau viec'].map((p) => [p, { k: 'genericItem' }] as const),
  ...['danh sach', 'liet ke', 'nao', 'nhung', 'cac', 'gom nhung'].map((p) => [p, { k: 'list' }] as const),
  ...['don vi', 'co quan'].map((p) => [p, { k: 'unitSubject' }] as const),
  ...['thanh pho', 'toan thanh pho', 'hai phong', 'thanh pho hai phong', 'toan thanh', 'ca thanh pho', 'thanh uy', 'cua thanh uy']
    .map((p) => [p, { k: 'cityWide' }] as const),
  // filler
  ...['cap nhat', 'cap nhap', 'cho toi', 'cho toi biet', 'cho toi xem', 'cho minh', 'cho em', 'hien nay', 'hien tai', 'bay gio',
    'thong tin ve', 'thong tin cua', 'chi tiet', 'cu the', 'tat ca', 'toan bo', 'lien quan', 'linh vuc', 'van de', 'thuc hien', 'vui long',
    'lam on', 'tra cuu', 'tim kiem', 'uy ban nhan dan', 'hien co', 'co nhung', 'hay cho', 'xem giup', 'excel', 'ra excel',
    'file excel', 'ra file', 'file', 'pdf', 'word', 'chu tri', 'phu trach', 'duoc giao', 'giao cho', 'giao', 'dau moi']
    .map((p) => [p, { k: 'noise' }] as const),
  // asking someone: "báo cáo anh tình hình …" is a question to answer, not the report to export; "nhờ em …"
  ...['bao cao anh', 'bao cao chi', 'bao cao em', 'bao cao sep', 'bao cao cho anh', 'bao cao cho chi', 'bao cao lai cho anh',
    'nho em', 'nho anh', 'nho chi', 'nho ban', 'nho bot']
    .map((p) => [p, { k: 'noise' }] as const),
  // "căn cứ kế hoạch thì …", "theo kế hoạch thì …": the plans in general, no filter
  ...['can cu', 'can cu theo', 'can cu vao', 'can cu ke hoach', 'can cu theo ke hoach', 'can cu vao ke hoach', 'theo ke hoach', 'theo ke hoach thi']
    .map((p) => [p, { k: 'noise' }] as const),
];

/**
 * One-word phrases that are other words when typed with other marks: "đạt"
 * not "đất", "chậm" not "chấm", "mấy" not "máy", "đếm" not "đêm". Unmarked
 * typing is accepted (it is how a third of questions arrive).
 */
const MARKED_FORMS: Record<string, string[]> = {
  dat: ['đạt'],
  tre: ['trễ'],
  cham: ['chậm'],
  may: ['mấy'],
  vuot: ['vượt'],
  dem: ['đếm'],
  xuat: ['xuất'],
  vuong: ['vướng'],
  chao: ['chào'],
  viec: ['việc'],
  nao: ['nào'],
  cac: ['các'],
  nhung: ['những'],
  xong: ['xong'],
  hi: ['hi'],
};

/** Unmarked words that are another word before these ("dat dai" is đất đai, not đạt). */
const NOT_BEFORE: Record<string, string[]> = { dat: ['dai', 'nong', 'lien'] };

/** "giao" is "assigned" only before a count ("giao mấy trường", "giao bao nhiêu đơn vị"): not "giao dịch", "giáo dục", "giao thông". */
const GIAO_BEFORE = new Set(['may', 'bao', 'cho', 'cac', 'nhung']);

const TABLE = new PhraseTable<Signal>(ENTRIES, (words, toks, start) => {
  if (words.length !== 1) return true;
  const t = toks[start]!;
  if (t.norm === 'giao') return (!t.marked || t.raw.toLowerCase() === 'giao') && GIAO_BEFORE.has(toks[start + 1]?.norm ?? '');
  if (!t.marked && NOT_BEFORE[t.norm]?.includes(toks[start + 1]?.norm ?? '')) return false;
  const forms = MARKED_FORMS[words[0]!];
  return !forms || !t.marked || forms.includes(t.raw.toLowerCase());
});

export interface SignalHit {
  signal: Signal;
  start: number;
  end: number;
}

export function scanSignals(toks: Token[]): SignalHit[] {
  return TABLE.scan(toks).map((h) => ({ signal: h.value, start: h.start, end: h.end }));
}
