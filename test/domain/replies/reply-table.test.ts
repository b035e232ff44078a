/**
 * The officer-reply table of issue 10: every case of REPLY_CASES read by
 * parseQuickReply and checked field by field. Cases still wrong are listed
 * in KNOWN_FAILURES and run with `it.fails`, so the suite is green while
 * documenting them; a fixed case turns its `it.fails` red and must leave the
 * list, and a passing case that breaks fails as usual.
 */
import { describe, expect, it } from 'vitest';
import { parseQuickReply } from '../../../domain/progress/quick-reply.ts';
import type { Kind } from './case.ts';
import { REPLY_CASES } from './cases.ts';
import { checkReply } from './check.ts';
import { KNOWN_FAILURES } from './known-failures.ts';

const isAscii = (s: string) => /^[\x20-\x7e]*$/.test(s);

describe('officer replies as people write and speak them (issue 10)', () => {
  it('the table is large, in eight kinds of at least 25, a third without diacritics in every kind', () => {
    expect(REPLY_CASES.length).toBeGreaterThanOrEqual(300);
    for (let k = 1; k <= 8; k++) {
      const of = REPLY_CASES.filter((c) => c.kind === (k as Kind));
      expect(of.length, `kind ${k}`).toBeGreaterThanOrEqual(25);
      expect(of.filter((c) => isAscii(c.text)).length / of.length, `kind ${k} without diacritics`).toBeGreaterThanOrEqual(1 / 3);
    }
    expect(new Set(REPLY_CASES.map((c) => c.text)).size, 'replies are unique (KNOWN_FAILURES is keyed by text)').toBe(REPLY_CASES.length);
    for (const t of Object.keys(KNOWN_FAILURES)) expect(REPLY_CASES.some((c) => c.text === t), t).toBe(true);
  });

  for (const c of REPLY_CASES) {
    const known = KNOWN_FAILURES[c.text];
    (known ? it.fails : it)(`[${c.kind}] ${JSON.stringify(c.text)} → ${c.out}`, () => {
      expect(checkReply(c, parseQuickReply(c.text))).toEqual([]);
    });
  }
});
