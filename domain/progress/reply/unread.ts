/**
 * What is not a report, and what could not be read: small talk ("cảm ơn
 * anh", "ok em", "👍") is told apart from a report so the bot answers it
 * kindly; a piece of a report made of words that are no Vietnamese (a typo
 * run, "xyz", "sdfgh") is shown back as "Chưa đọc được: …".
 */
import { fold, words } from '../../shared/text.ts';
import { decodeTelex, isSyllable } from '../../text/telex.ts';

const SMALL_TALK = [
  'cam on', 'camon', 'xin cam on', 'thanks', 'thank you', 'thank', 'tks', 'ok', 'oke', 'okie', 'okay', 'okela', 'vang', 'da', 'a', 'ah', 'u', 'uh', 'um',
  'nhe', 'nha', 'roi', 'r', 'em', 'anh', 'chi', 'minh', 'toi', 'ad', 'admin', 'bot', 'oi', 'xin chao', 'chao', 'alo', 'hello', 'hi', 'buoi sang',
  'buoi chieu', 'buoi toi', 'chuc mung nam moi', 'chuc mung', 'nam moi', 'tot qua', 'tot', 'qua', 'hay qua', 'duoc roi', 'nhan duoc', 'da nhan',
  'em nhan duoc', 'nhan dc', 'nhan', 'dc', 'duoc', 'e', 'thong bao', 'tin nhan', 'ro', 'ro roi', 'hieu roi', 'biet roi', 'nhe', 'a', 'ak', 'vay', 'the', 'luon', 'nhieu', 'ca nha', 'moi nguoi',
].map((p) => p.split(' '));

/** Thanks, greetings, "ok", "dạ vâng", emoji alone: nothing to read, nothing to ask. */
export function isSmallTalk(text: string): boolean {
  const toks = words(text.replace(/%/g, ' x '));
  if (!toks.length) return /\p{Extended_Pictographic}/u.test(text) || /^[\s!.,]*$/.test(text) === false;
  let i = 0;
  outer: while (i < toks.length) {
    for (const p of SMALL_TALK) {
      if (p.every((w, k) => toks[i + k] === w)) {
        i += p.length;
        continue outer;
      }
    }
    return false;
  }
  return true;
}

/** Words that are not Vietnamese but people write in reports. */
const FOREIGN_OK = new Set(['ok', 'oke', 'okie', 'email', 'zalo', 'online', 'wifi', 'camera', 'internet', 'web', 'website', 'app', 'file', 'pdf', 'word', 'excel', 'server', 'data', 'cloud', 'smart', 'it', 'ai', 'vneid', 'igate', 'lgsp', 'sms', 'qr', 'code', 'test', 'demo']);

/** True when a piece holds a word typed in lower case that is no Vietnamese syllable, no Telex and no known loan word. */
export function isUnreadable(text: string): boolean {
  for (const typed of text.split(/[^\p{L}]+/u)) {
    if (typed.length < 2 || typed !== typed.toLowerCase()) continue; // "UBND", "GPMB": abbreviations
    const w = fold(typed);
    if (isSyllable(w) || decodeTelex(w) || FOREIGN_OK.has(w)) continue;
    return true;
  }
  return false;
}
