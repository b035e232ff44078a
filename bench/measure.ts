/**
 * Timing helpers shared by the benchmarks: p50/p95 of repeated runs (at a
 * given number of concurrent callers), printed beside the floor — a
 * hand-written indexed query giving the same information — and the ratio.
 * The machine is shared: absolute times move with the load, ratios measured
 * in the same run much less.
 */

export interface Measure {
  name: string;
  runs: number;
  concurrency: number;
  p50: number;
  p95: number;
  max: number;
}

export interface Row {
  name: string;
  app: Measure;
  floor?: Measure;
  /** Goal: app p95 ≤ ratio × floor p95. */
  goal?: number;
}

/** `runs` samples split over `concurrency` callers, after a warm-up (plans cached, pages in memory). */
export async function measure(name: string, runs: number, fn: (i: number) => Promise<unknown>, concurrency = 1): Promise<Measure> {
  for (let i = 0; i < Math.min(20, runs); i++) await fn(i);
  const times: number[] = [];
  await callers((i) => fn(i), 0, runs, concurrency, times);
  return summary(name, concurrency, times);
}

/**
 * The app and its floor measured in alternating blocks — one sample each at
 * one caller, 5 × `concurrency` samples each at more — so that both meet the
 * same machine: a shared machine's busy and quiet stretches, and a database
 * connection that sat idle while the other side ran (on this 2-core machine
 * a query on a connection just used answers in about half the time of one on
 * a connection idle for a millisecond: a floor run back to back was
 * measured at that speed while the app, doing its parsing between
 * statements, never was).
 */
export async function measurePair(
  runs: number,
  app: Sample,
  floor: Sample,
  concurrency = 1,
): Promise<{ app: Measure; floor: Measure }> {
  const none = () => undefined;
  for (let i = 0; i < Math.min(20, runs); i++) {
    await app(i, none);
    await floor(i, none);
  }
  const block = concurrency === 1 ? 1 : 5 * concurrency;
  const appTimes: number[] = [];
  const floorTimes: number[] = [];
  for (let start = 0; start < runs; start += block) {
    const end = Math.min(runs, start + block);
    await callers(app, start, end, concurrency, appTimes);
    await callers(floor, start, end, concurrency, floorTimes);
  }
  return { app: summary('app', concurrency, appTimes), floor: summary('floor', concurrency, floorTimes) };
}

/** One sample: timed from its call, or from its call of `start` (what comes before is set-up). */
export type Sample = (i: number, start: () => void) => Promise<unknown>;

/** Samples `from` to `to` (exclusive) of `fn` over `concurrency` callers, each taking the next index. */
async function callers(fn: Sample, from: number, to: number, concurrency: number, times: number[]): Promise<void> {
  let next = from;
  const caller = async () => {
    for (;;) {
      const i = next++;
      if (i >= to) return;
      let t0 = performance.now();
      await fn(i, () => {
        t0 = performance.now();
      });
      times.push(performance.now() - t0);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, to - from) }, caller));
}

function summary(name: string, concurrency: number, times: number[]): Measure {
  times.sort((a, b) => a - b);
  const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))]!;
  return { name, runs: times.length, concurrency, p50: at(0.5), p95: at(0.95), max: times[times.length - 1]! };
}

const ms = (v: number) => `${v.toFixed(1).padStart(8)} ms`;

/** Prints app against floor; returns whether every goal was met. */
export function printTable(title: string, rows: Row[]): boolean {
  process.stdout.write(`\n${title}\n`);
  process.stdout.write(`  ${'path'.padEnd(62)} ${'n×c'.padStart(8)}  ${'app p50'.padStart(11)} ${'app p95'.padStart(11)}  ${'floor p50'.padStart(11)} ${'floor p95'.padStart(11)}  ratio p50/p95\n`);
  let ok = true;
  for (const r of rows) {
    const f = r.floor;
    const ratio50 = f ? r.app.p50 / Math.max(f.p50, 0.01) : NaN;
    const ratio95 = f ? r.app.p95 / Math.max(f.p95, 0.01) : NaN;
    // The issue asks for p50 and p95 both within the goal.
    const pass = r.goal === undefined || !f || (ratio50 <= r.goal && ratio95 <= r.goal);
    ok &&= pass;
    process.stdout.write(
      `  ${r.name.padEnd(62)} ${`${r.app.runs}×${r.app.concurrency}`.padStart(8)}  ${ms(r.app.p50)} ${ms(r.app.p95)}  ${f ? `${ms(f.p50)} ${ms(f.p95)}` : ' '.repeat(23)}  ${f ? `${ratio50.toFixed(1)}× / ${ratio95.toFixed(1)}×` : ''}${r.goal !== undefined && f ? `  goal ≤ ${r.goal}× ${pass ? '✓' : '✗'}` : ''}\n`,
    );
  }
  return ok;
}

/**
 * The longest stretch this thread's event loop was held during the parts of a run between `on` and `off`.
 * A stretch is seen only when a timer next runs: a run that never gives the loop a turn (PGlite's statements run
 * in this thread and are awaited as promises alone) is seen after it, and monitorEventLoopDelay, disabled
 * before that turn, read 0 ms for a 400 ms reminder run on PGlite, or would have added the floor's stretch that
 * follows. `on` and `off` give the timer its turn first, untimed (call them before the sample's `start`).
 */
export function stallMeter(resolution = 5) {
  let last = performance.now();
  let counting = false;
  let worst = 0;
  let timer: NodeJS.Timeout;
  const tick = () => {
    const now = performance.now();
    if (counting) worst = Math.max(worst, now - last - resolution);
    last = now;
    timer = setTimeout(tick, resolution);
  };
  timer = setTimeout(tick, resolution);
  const turn = () => new Promise<void>((resolve) => setTimeout(resolve, 0));
  return {
    async on() {
      await turn();
      last = performance.now();
      counting = true;
    },
    async off() {
      await turn();
      counting = false;
    },
    /** The longest stretch seen, in ms. */
    get max() {
      return worst;
    },
    stop() {
      clearTimeout(timer);
    },
  };
}
