/**
 * Cron jobs that fire once per tick however many instances run: every
 * instance computes the ticks (croner, Asia/Ho_Chi_Minh) and tries to insert
 * ScheduledRun(job, tick); the one whose insert succeeds runs the job. Ticks
 * missed while no instance was up are caught up within `catchUpMs`; a run
 * whose instance died is taken over after `staleRunMs` (jobs plan by
 * dedupeKey, so a second run adds only what the first did not).
 */
import type { Metrics } from '../metrics.ts';
import { setTimeout as sleep } from 'node:timers/promises';
import { Cron } from 'croner';
import type { Clock } from '../../domain/shared/clock.ts';
import { VN_TZ } from '../../domain/shared/day.ts';
import type { PrismaScheduleStore } from '../../prisma/stores/delivery-store.ts';
import type { Logger } from '../logger.ts';

export interface JobContext {
  /** The scheduled instant. */
  tick: Date;
  /** When the run actually starts (later than `tick` when catching up). */
  now: Date;
  /** The job's next tick, if any: work planned past it is left to that run. */
  nextTick: Date | null;
}

export interface ScheduledJob {
  name: string;
  /** croner syntax, read in Asia/Ho_Chi_Minh. */
  cron: string;
  run(context: JobContext): Promise<unknown>;
}

export interface SchedulerOptions {
  jobs: ScheduledJob[];
  store: PrismaScheduleStore;
  clock: Clock;
  log: Logger;
  instanceId: string;
  /** How far back missed ticks are still run. Default 12 h. */
  catchUpMs?: number;
  /** An unfinished run older than this is taken over. Default 15 min. */
  staleRunMs?: number;
  /** How often `start()` looks for due ticks at most. Default 30 s. */
  pollMs?: number;
  /** Counts runs by job and result (nq57_scheduler_runs_total). */
  metrics?: Pick<Metrics, 'schedulerRuns'>;
}

export interface TickRun {
  job: string;
  tick: Date;
  summary: unknown;
}

/** Validates a cron expression; throws croner's error. */
export function cronOf(pattern: string): Cron {
  return new Cron(pattern, { timezone: VN_TZ, paused: true });
}

/** Ticks of `pattern` in (from, to], oldest first. */
export function ticksBetween(pattern: string | Cron, from: Date, to: Date, max = 1000): Date[] {
  const cron = typeof pattern === 'string' ? cronOf(pattern) : pattern;
  const out: Date[] = [];
  let cursor: Date | null = from;
  while (out.length < max) {
    cursor = cron.nextRun(cursor);
    if (!cursor || cursor > to) break;
    out.push(cursor);
  }
  return out;
}

export class Scheduler {
  readonly #jobs: { job: ScheduledJob; cron: Cron }[];
  readonly #o: Required<Omit<SchedulerOptions, 'jobs' | 'metrics'>> & Pick<SchedulerOptions, 'metrics'>;
  #running = false;
  #loop: Promise<void> | undefined;
  #wake = new AbortController();

  constructor(options: SchedulerOptions) {
    this.#jobs = options.jobs.map((job) => ({ job, cron: cronOf(job.cron) }));
    this.#o = { catchUpMs: 12 * 3_600_000, staleRunMs: 15 * 60_000, pollMs: 30_000, ...options };
  }

  /** Runs every due tick this instance wins, now. Tests call it with a fake clock. */
  async tick(now: Date = this.#o.clock.now()): Promise<TickRun[]> {
    const runs: TickRun[] = [];
    for (const { job, cron } of this.#jobs) {
      for (const tick of ticksBetween(cron, new Date(now.getTime() - this.#o.catchUpMs), now)) {
        if (!(await this.#o.store.claimTick(job.name, tick, this.#o.instanceId, now, this.#o.staleRunMs))) continue;
        const log = this.#o.log.child({ job: job.name, tick: tick.toISOString() });
        const startedAt = this.#o.clock.now();
        let summary: unknown;
        try {
          summary = await job.run({ tick, now: startedAt, nextTick: cron.nextRun(tick) });
          log.info({ summary }, 'scheduled job done');
        } catch (err) {
          // Left unfinished: another instance (or this one) takes it over after staleRunMs.
          log.error({ err: err instanceof Error ? { name: err.name, message: err.message } : String(err) }, 'scheduled job failed');
          this.#o.metrics?.schedulerRuns.inc({ job: job.name, result: 'failed' });
          continue;
        }
        await this.#o.store.finishTick(job.name, tick, this.#o.instanceId, this.#o.clock.now(), summary);
        this.#o.metrics?.schedulerRuns.inc({ job: job.name, result: 'done' });
        runs.push({ job: job.name, tick, summary });
      }
    }
    return runs;
  }

  /** Looks for due ticks until stop(): at each job's next tick, and at least every pollMs. */
  start(): void {
    if (this.#running) return;
    this.#running = true;
    this.#loop = (async () => {
      while (this.#running) {
        try {
          await this.tick();
        } catch (err) {
          this.#o.log.error({ err: err instanceof Error ? { name: err.name, message: err.message } : String(err) }, 'scheduler tick failed');
        }
        const now = this.#o.clock.now();
        const next = Math.min(...this.#jobs.map(({ cron }) => cron.nextRun(now)?.getTime() ?? Infinity));
        const wait = Math.max(50, Math.min(this.#o.pollMs, next - now.getTime() + 50));
        try {
          await sleep(wait, undefined, { signal: this.#wake.signal });
        } catch {
          // woken by stop()
        }
      }
    })();
  }

  async stop(): Promise<void> {
    this.#running = false;
    this.#wake.abort();
    await this.#loop;
    this.#wake = new AbortController();
  }
}
