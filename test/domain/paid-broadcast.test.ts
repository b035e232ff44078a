/** The cost of a Telegram paid broadcast stated in the notice preview, and the confirm step's urgent choice. */
import { describe, expect, it } from 'vitest';
import { stepBroadcast, type BroadcastFlowState } from '../../domain/broadcasts/flow.ts';
import { paidBroadcastCost } from '../../domain/broadcasts/paid.ts';
import { instantOf } from '../../domain/shared/day.ts';

describe('paidBroadcastCost: 0.1 Star per message above the free 30 a second, at up to 1,000 a second', () => {
  it.each([
    [0, 0, 0, 1, 0],
    [30, 0, 0, 1, 1],
    [31, 1, 0.1, 1, 2],
    [2_000, 1_940, 194, 2, 67],
    [100_000, 97_000, 9_700, 100, 3_334],
  ])('%i Telegram recipients: %i charged messages, %d Stars, %i s paid, %i s free', (n, paid, stars, paidSeconds, freeSeconds) => {
    expect(paidBroadcastCost(n)).toEqual({ messages: n, paidMessages: paid, stars, paidSeconds, freeSeconds });
  });
});

describe('the confirm step: urgent only when the preview offered it', () => {
  const ctx = { area: [], today: '2026-12-15' as never, now: instantOf('2026-12-15' as never, 9) };
  const offered: BroadcastFlowState = { step: 'confirm', draft: { text: 'Bão số 3', audience: { all: true }, paidOffer: { stars: 194 } } };
  const notOffered: BroadcastFlowState = { step: 'confirm', draft: { text: 'Bão số 3', audience: { all: true } } };

  it.each(['khẩn cấp', 'khan cap', 'Gửi khẩn cấp', 'gui khan cap'])('"%s" with the offer: sent as paid', (text) => {
    const r = stepBroadcast(offered, { kind: 'text', text }, ctx);
    expect(r.effect).toBe('send');
    expect(r.state?.draft.paid).toBe(true);
  });
  it('the button with the offer; "gửi" stays the free sending', () => {
    expect(stepBroadcast(offered, { kind: 'choice', id: 'f:send-paid' }, ctx).state?.draft.paid).toBe(true);
    const plain = stepBroadcast(offered, { kind: 'text', text: 'gửi' }, ctx);
    expect(plain.effect).toBe('send');
    expect(plain.state?.draft.paid).toBe(false);
  });
  it.each(['khẩn cấp', 'khan cap'])('"%s" without the offer: asked again, nothing sent', (text) => {
    const r = stepBroadcast(notOffered, { kind: 'text', text }, ctx);
    expect(r.effect).toBeUndefined();
    expect(JSON.stringify(r.replies)).toContain('broadcast-need-confirm');
    expect(stepBroadcast(notOffered, { kind: 'choice', id: 'f:send-paid' }, ctx).effect).toBeUndefined();
  });
});
