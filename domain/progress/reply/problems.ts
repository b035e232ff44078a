/** Problems of a reply (a percentage that cannot be, a state that contradicts it), each with a short sentence. */
import type { QuickReply, QuickReplyProblemCode } from './types.ts';

export function blank(): QuickReply {
  return {
    looksLikeUpdate: false,
    noChange: false,
    state: null,
    percent: null,
    outputDocument: null,
    difficulties: null,
    proposals: null,
    expectedCompletion: null,
    note: null,
    taskRef: null,
    problems: [],
    unclear: null,
    notReport: null,
    unread: [],
    issued: false,
    seen: [],
    saidNone: [],
  };
}

export function problemDetail(code: QuickReplyProblemCode, raw: string, pct?: number): string {
  switch (code) {
    case 'PERCENT_OVER_100':
      return `Tỷ lệ "${raw}" lớn hơn 100%.`;
    case 'PERCENT_NEGATIVE':
      return `Tỷ lệ "${raw}" nhỏ hơn 0%.`;
    case 'PERCENT_NOT_A_NUMBER':
      return `Tỷ lệ "${raw}" không phải là số.`;
    case 'DONE_BUT_PERCENT_BELOW_100':
      return `Báo "${raw}" nhưng tỷ lệ chỉ ${pct}%.`;
    case 'NOT_STARTED_BUT_PERCENT':
      return `Báo "${raw}" nhưng lại có tỷ lệ ${pct}%.`;
  }
}

