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
  let next = 0;
  const caller = async () => {
    for (;;) {
      const i = next++;
      if (i >= runs) return;
      const t0 = performance.now();
      await fn(i);
      times.push(performance.now() - t0);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, caller));
  times.sort((a, b) => a - b);
  const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))]!;
  return { name, runs, concurrency, p50: at(0.5), p95: at(0.95), max: times[times.length - 1]! };
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
