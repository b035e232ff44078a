import { type Day, dayOf } from './day.ts';

/** Time is injected so every rule can be tested "as of" any date. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** A clock pinned to an instant; `set`/`advance` move it (tests, the console's --today). */
export class FixedClock implements Clock {
  constructor(private instant: Date) {}
  now(): Date {
    return new Date(this.instant);
  }
  set(instant: Date): void {
    this.instant = instant;
  }
  advance(ms: number): void {
    this.instant = new Date(this.instant.getTime() + ms);
  }
}

export function today(clock: Clock): Day {
  return dayOf(clock.now());
}
