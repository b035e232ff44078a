import type { Token } from './tokens.ts';

/**
 * Requests to change data typed where questions go: "cập nhật tất cả thành
 * hoàn thành", "xóa nhiệm vụ 3", "giao việc này cho …". Questions never write,
 * so such a text is refused with the way to do it, never answered as a list.
 * A request starts with its verb (after a polite opening: "anh", "hãy",
 * "giúp tôi", "làm ơn"); the same verbs inside a question ("đơn vị nào chưa
 * cập nhật", "được giao bao nhiêu") are not requests.
 */
export type RequestKind = 'UPDATE' | 'DELETE' | 'ASSIGN' | 'NOTIFY';

const OPENING = new Set(['anh', 'chi', 'em', 'ban', 'bot', 'hay', 'giup', 'toi', 'minh', 'lam', 'on', 'vui', 'long', 'xin', 'nho', 'can', 'muon', 'ok', 'oi']);

const VERBS: Array<[string[], RequestKind]> = [
  [['xoa'], 'DELETE'],
  [['huy', 'bo'], 'DELETE'],
  [['huy'], 'DELETE'],
  [['bo', 'nhiem', 'vu'], 'DELETE'],
  [['danh', 'dau'], 'UPDATE'],
  [['sua'], 'UPDATE'],
  [['doi'], 'UPDATE'],
  [['chinh', 'sua'], 'UPDATE'],
  [['dieu', 'chinh'], 'UPDATE'],
  [['gia', 'han'], 'UPDATE'],
  [['chuyen', 'trang', 'thai'], 'UPDATE'],
  [['them', 'nhiem', 'vu'], 'UPDATE'],
  [['them', 'viec'], 'UPDATE'],
  [['tao', 'nhiem', 'vu'], 'UPDATE'],
  [['them', 'moi'], 'UPDATE'],
  [['set'], 'UPDATE'],
  [['ghi', 'nhan'], 'UPDATE'],
  [['go'], 'DELETE'],
  [['bo', 'het'], 'DELETE'],
  [['rut', 'lai'], 'DELETE'],
  [['dat', 'han'], 'UPDATE'],
  [['dat', 'lai'], 'UPDATE'],
  [['nhac'], 'NOTIFY'],
  [['gui', 'thong', 'bao'], 'NOTIFY'],
  [['thong', 'bao', 'cho'], 'NOTIFY'],
  [['giao'], 'ASSIGN'],
  [['phan', 'cong'], 'ASSIGN'],
  [['chuyen'], 'ASSIGN'],
];

/** "cập nhật … thành/là/lên": a change, while "cập nhật" alone is how questions speak of reporting. */
const UPDATE_TO = new Set(['thanh', 'la', 'len', 'sang', 'bang']);

export function readRequest(toks: Token[]): RequestKind | null {
  let i = 0;
  while (i < toks.length && OPENING.has(toks[i]!.norm)) i++;
  const at = (k: number) => toks[k]?.norm;
  if (at(i) === 'cap' && (at(i + 1) === 'nhat' || at(i + 1) === 'nhap')) {
    const rest = toks.slice(i + 2);
    return rest.some((t) => UPDATE_TO.has(t.norm)) && !rest.some((t) => t.norm === 'nao' || t.norm === 'chua') ? 'UPDATE' : null;
  }
  for (const [words, kind] of VERBS) {
    if (!words.every((w, k) => at(i + k) === w)) continue;
    const rest = toks.slice(i + words.length).map((t) => t.norm);
    // "giao bao nhiêu", "đổi mới sáng tạo", "chuyển đổi số": not a request
    if (rest[0] === 'bao' || rest[0] === 'nao' || (words[0] === 'doi' && rest[0] === 'moi') || (words[0] === 'chuyen' && rest[0] === 'doi')) return null;
    if (words[0] === 'chuyen' && rest.includes('thanh')) return 'UPDATE';
    if (kind === 'ASSIGN' && words[0] === 'chuyen' && !rest.includes('sang') && !rest.includes('cho')) return null;
    if (kind === 'ASSIGN' && words[0] === 'giao' && !rest.includes('cho')) return null;
    return kind;
  }
  return null;
}
