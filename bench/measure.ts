/** Timing helpers shared by the benchmarks: p50/p95 of repeated runs, and a table of them against targets. */

export interface Measure {
  name: string;
  runs: number;
  p50: number;
  p95: number;
  max: number;
  target?: number;
}

export async function measure(name: string, runs: number, fn: (i: number) => Promise<unknown>, target?: number): Promise<Measure> {
  // Warm-up: plans cached, pages in memory, hint bits of freshly generated rows set (steady state is what is measured).
  for (let i = 0; i < Math.min(20, runs); i++) await fn(i);
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn(i);
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))]!;
  return { name, runs, p50: at(0.5), p95: at(0.95), max: times[times.length - 1]!, target };
}

export function printTable(title: string, rows: Measure[]): boolean {
  process.stdout.write(`\n${title}\n`);
  let ok = true;
  for (const r of rows) {
    const pass = r.target === undefined || r.p95 < r.target;
    ok &&= pass;
    process.stdout.write(
      `  ${r.name.padEnd(58)} p50 ${r.p50.toFixed(1).padStart(7)} ms   p95 ${r.p95.toFixed(1).padStart(7)} ms   max ${r.max.toFixed(1).padStart(7)} ms${r.target ? `   target p95 < ${r.target} ms ${pass ? '✓' : '✗'}` : ''}\n`,
    );
  }
  return ok;
}
