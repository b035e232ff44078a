import { describe, expect, it } from 'vitest';
import { explainQuickReply, parseQuickReply, type QuickReply } from '../../domain/progress/quick-reply.ts';
import { CASES, type QuickReplyCase } from './quick-reply.cases.ts';

/** Removes Vietnamese diacritics but keeps case and punctuation, like a phone without a Vietnamese keyboard. */
function plain(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .normalize('NFC');
}

const hasDiacritics = (text: string) => plain(text) !== text.normalize('NFC');

type Comparable = Omit<QuickReply, 'problems' | 'notReport' | 'unread' | 'seen' | 'issued' | 'saidNone'> & { problems: string[] };

function expected(c: QuickReplyCase): Comparable {
  return {
    looksLikeUpdate: c.looksLikeUpdate,
    noChange: c.noChange ?? false,
    state: c.state ?? null,
    percent: c.percent ?? null,
    outputDocument: c.outputDocument ?? null,
    difficulties: c.difficulties ?? null,
    proposals: c.proposals ?? null,
    expectedCompletion: c.expectedCompletion ?? null,
    note: c.note ?? null,
    taskRef: c.taskRef ?? null,
    problems: c.problems ?? [],
    unclear: c.unclear ?? null,
  };
}

/** The fields this table pins; the reply table (replies/) checks the others. */
function comparable(r: QuickReply): Comparable {
  const { notReport: _n, unread: _u, seen: _s, issued: _i, saidNone: _x, ...rest } = r;
  return { ...rest, problems: r.problems.map((p) => p.code) };
}

describe('parseQuickReply: officer replies', () => {
  it('has a realistic table: at least 70 replies, at least half typed without diacritics', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(70);
    const plainOnes = CASES.filter((c) => !hasDiacritics(c.text));
    expect(plainOnes.length * 2).toBeGreaterThanOrEqual(CASES.length);
    expect(new Set(CASES.map((c) => c.text)).size).toBe(CASES.length);
  });

  it.each(CASES.map((c) => [JSON.stringify(c.text), c] as const))('%s', (_name, c) => {
    const reply = parseQuickReply(c.text);
    expect(comparable(reply)).toEqual(expected(c));
    for (const p of reply.problems) expect(p.detail.length).toBeGreaterThan(5);
  });
});

describe('parseQuickReply: properties', () => {
  const accented = CASES.filter((c) => hasDiacritics(c.text));

  it.each(accented.map((c) => [c.text] as const))('reads %j the same without diacritics', (text) => {
    const a = parseQuickReply(text);
    const b = parseQuickReply(plain(text));
    expect({ state: b.state, percent: b.percent, taskRef: b.taskRef, looksLikeUpdate: b.looksLikeUpdate, noChange: b.noChange }).toEqual({
      state: a.state,
      percent: a.percent,
      taskRef: a.taskRef,
      looksLikeUpdate: a.looksLikeUpdate,
      noChange: a.noChange,
    });
  });

  it('reads the same message the same way with diacritics, without, in capitals and with extra spaces', () => {
    const forms = [
      'Nhiệm vụ II.6: đang triển khai được 45%, dự kiến quý I/2026',
      'nhiem vu II.6: dang trien khai duoc 45%, du kien quy I/2026',
      'NHIỆM VỤ II.6: ĐANG TRIỂN KHAI ĐƯỢC 45%, DỰ KIẾN QUÝ I/2026',
      '  nhiệm   vụ II.6 :  đang triển khai   được 45 % ,  dự kiến quý I/2026 ',
    ];
    const read = forms.map((t) => parseQuickReply(t));
    for (const r of read) {
      expect(r.state).toBe('IN_PROGRESS');
      expect(r.percent).toBe(45);
      expect(r.taskRef).toBe('II.6');
      expect(fold(r.expectedCompletion)).toBe('quy i/2026');
    }
  });

  const fragments = [
    '50%', '150%', '-20%', 'abc%', '100', '0', '3/4', 'được 3/4', 'đạt 99,5%', 'tien do 70', 'tiến độ 101', 'xong', 'chưa triển khai',
    'đang làm', 'ht', 'không thay đổi', 'vướng kinh phí', 'đề nghị bổ sung', 'dk quý 2/2026', 'KH số 52/KH-UBND ngày 05/9/2025',
    'nv 22', '#A.II.6', '10-15%', 'từ 20% lên 120%', '62,5', '2.540%', '1e9%', '999', '7/7/2025', 'quý 1/2026', 'x', '?', '',
  ];
  const seps = [', ', '; ', ' ', '\n', '. ', ' và ', ' - '];

  function* combos(): Generator<string> {
    let seed = 57;
    const rnd = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    for (let i = 0; i < 600; i++) {
      const n = 1 + rnd(4);
      const parts: string[] = [];
      for (let k = 0; k < n; k++) parts.push(fragments[rnd(fragments.length)]!);
      let text = parts.join(seps[rnd(seps.length)]!);
      if (rnd(2) === 0) text = plain(text);
      yield text;
    }
  }

  const junk = [
    '', ' ', '%', '%%%', '-', '--%', '1e5%', '999999999999999999999%', 'NaN%', 'Infinity%', '100.5%', '-0%', '0,0%', '00%',
    '😀 50% 👍', '５０％', 'đạt -5%', '50/0', 'được 5/0', 'được 9/3', 'a'.repeat(3000), '1, 2, 3, 4, 5', '50%50%',
  ];

  it('never yields a percent outside 0..100 and keeps state and percent consistent, for any reading', () => {
    const texts = [...CASES.map((c) => c.text), ...CASES.map((c) => plain(c.text)), ...combos(), ...junk];
    for (const text of texts) {
      const r = parseQuickReply(text);
      if (r.percent !== null) {
        expect(Number.isFinite(r.percent), text).toBe(true);
        expect(r.percent, text).toBeGreaterThanOrEqual(0);
        expect(r.percent, text).toBeLessThanOrEqual(100);
      }
      if (r.state === 'DONE') expect(r.percent, text).toBe(100);
      if (r.state === 'NOT_STARTED') expect(r.percent, text).toBe(0);
      if (r.state === 'IN_PROGRESS' && r.percent !== null) expect(r.percent, text).toBeLessThan(100);
      if (!r.looksLikeUpdate) {
        expect({ ...r, taskRef: null, notReport: null }, text).toEqual({ ...blank(), taskRef: null, notReport: null });
      }
      if (r.unclear !== null) expect(r.looksLikeUpdate, text).toBe(true);
      expect(parseQuickReply(text), 'deterministic').toEqual(r);
    }
  });

  // A catastrophic regex would hang here for minutes; the test's own time-out (generous for a loaded
  // machine) is the only clock: no duration is asserted.
  it('reads a whole Telegram message of repeated keywords without a regex blow-up', { timeout: 60_000 }, () => {
    const tokens = ['da ', 'tien do ', 'dat duoc ', 'i.', '1.', '1/', 'nv 1.', 'kho khan ', 'de nghi ', 'du kien ', 'x ', 'abc.', 'quy 1/'];
    for (const t of tokens) {
      const text = t.repeat(Math.ceil(4096 / t.length)).slice(0, 4096);
      const r = parseQuickReply(text);
      expect(r.percent === null || (r.percent >= 0 && r.percent <= 100), t).toBe(true);
    }
  });

  it('never splits inside a decimal, a document number or a date', () => {
    expect(parseQuickReply('đạt 62,5%').percent).toBe(62.5);
    expect(parseQuickReply('Kế hoạch số 52/KH-UBND, ngày 05/9/2025. Xong').outputDocument).toBe('Kế hoạch số 52/KH-UBND ngày 05/9/2025');
    expect(parseQuickReply('dk 05.9.2025, 30%').expectedCompletion).toBe('05.9.2025');
    expect(parseQuickReply('Báo cáo số 31//BC-TTPVHCC ngày 06/11/2025; xong').outputDocument).toBe('Báo cáo số 31//BC-TTPVHCC ngày 06/11/2025');
  });

  it('explains itself: every span is a piece of the cleaned text', () => {
    for (const c of CASES) {
      const ex = explainQuickReply(c.text);
      expect(ex.reply).toEqual(parseQuickReply(c.text));
      for (const s of ex.spans) expect(ex.text.slice(s.start, s.end)).toBe(s.text);
    }
    const ex = explainQuickReply('50%, đã xong dự thảo, vướng kinh phí, đề nghị TP bổ sung vốn');
    expect(ex.spans.map((s) => [s.kind, s.text])).toEqual([
      ['PERCENT', '50%'],
      ['DONE', 'đã xong dự thảo'],
      ['DIFF', 'vướng kinh phí'],
      ['PROPOSAL', 'đề nghị TP bổ sung vốn'],
    ]);
  });
});

function blank(): QuickReply {
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
    seen: [],
    saidNone: [],
    issued: false,
  };
}

function fold(s: string | null): string | null {
  return s === null ? null : plain(s).toLowerCase().replace(/\s+/g, ' ').trim();
}
