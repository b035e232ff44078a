/** What the words around a number or a state say about it: whose percentage it is, a reason, a step, paperwork, a numbered list. */

/** "do …", "vì …", "bởi …" after a state: the reason it is so. */
export const REASON = /^\s*(?:(?:la|boi|chu yeu|chinh)\s+)?(?:do|vi|boi|boi vi|tai vi|vi la)\s+(?=\S)/;

/** "đã trình", "đã có (dự thảo)", "đã soạn": a step on the way, so the work is in progress ("đã gửi báo cáo" may be the end: asked). */
export const STEP_VERB = /(?:trinh|co|soan|lay y kien|hoan thien|xay dung|xd|khao sat)$/;

export const PAPERWORK = /^chua\s+(?:co\s+so(?:\s+van ban|\s+hieu)?|(?:duoc\s+)?ky|ban hanh|dong dau|vao so)(?![a-z0-9])/;

/**
 * Whose number a percentage is, from the words before it in its clause: a
 * previous report ("tuần trước 25%", "lần trước báo 40%", "(tháng trước 50%)")
 * or a target ("chỉ tiêu 90%", "KH giao 90%", "phấn đấu 100%", "≥90%"), else
 * the progress now. Words saying it is achieved ("kế hoạch triển khai đạt
 * 60%") make it the progress whatever came before.
 */
export function percentRole(before: string): 'now' | 'previous' | 'target' {
  if (/(?<![a-z0-9])(?:truoc|trc|cu)(?:\s+(?:bao cao|bao|la|dat|duoc|dc|:))*\s*:?\s*$/.test(before)) return 'previous';
  if (/(?:>=|=>|≥|>)\s*$/.test(before)) return 'target';
  // "dk quý 4 đạt 60%", "phấn đấu cuối năm lên 80%": a value expected later is a target, not the progress now
  const later = /(?<![a-z0-9])(?:du kien|dk|du tinh|phan dau)((?:\s+[a-z0-9\/]+){0,5}?)\s*:?\s*$/.exec(before);
  if (later && !/(?<![a-z0-9])(?:hien|nay|gio|moi|dang|thuc te)(?![a-z0-9])/.test(later[1]!)) return 'target';
  const t = /(?<![a-z0-9])(?:chi tieu|muc tieu|ke hoach|kh|phan dau|yeu cau)((?:\s+[a-z0-9]+){0,4}?)\s*:?\s*$/.exec(before);
  if (t && !/(?<![a-z0-9])(?:dat|duoc|dc|hien|nay|gio|thuc hien|thuc te|trien khai|xong|hoan thanh|len|ma|nhung|moi|con|song)(?![a-z0-9])/.test(t[1]!)) return 'target';
  return 'now';
}

/** "1. Tiến độ: 70%\n2. Khó khăn: không": lines numbered 1, 2, 3… are a list, their numbers no task numbers. */
export function isNumberedList(f: string): boolean {
  const nums = f.split('\n').map((l) => /^\s*(\d{1,2})[.)]\s/.exec(l)?.[1]).filter((n): n is string => n !== undefined).map(Number);
  return nums.length >= 2 && nums.every((n, i) => i === 0 || n === nums[i - 1]! + 1);
}

export const LIST_ITEM = /^\d{1,2}[.)]\s+(?=\S)/;
