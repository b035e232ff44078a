import { describe, expect, it } from 'vitest';
import { RateLimiter } from '../../bot/delivery/rate-limiter.ts';

describe('RateLimiter: the window on when calls really started', () => {
  it('a call that left late holds back the call a window after it, not the booked slots', async () => {
    let now = 0;
    const limiter = new RateLimiter({ perSecond: 3, marginMs: 0, now: () => now });
    // Booked at 0, 333, 667; the first really leaves at 100 (a late timer).
    expect([limiter.book('a'), limiter.book('b'), limiter.book('c')].map(Math.round)).toEqual([0, 333, 667]);
    now = 100;
    await limiter.beforeCall();
    now = 333;
    await limiter.beforeCall();
    now = 667;
    await limiter.beforeCall();
    // The fourth slot is booked at 1000, but three calls started in (100, 1000]: wait until 1100.
    expect(Math.round(limiter.book('d'))).toBe(1000);
    now = 1000;
    expect(limiter.callWait()).toBe(100);
    now = 1100;
    expect(limiter.callWait()).toBe(0);
  });

  it('fewer calls than the rate in the window never wait', () => {
    const limiter = new RateLimiter({ perSecond: 30, now: () => 0 });
    expect(limiter.callWait()).toBe(0);
  });
});
