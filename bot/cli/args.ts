/** Small helpers shared by the command-line tools. */
import { isDay, instantOf, type Day } from '../../domain/shared/day.ts';
import { FixedClock, systemClock, type Clock } from '../../domain/shared/clock.ts';

export class UsageError extends Error {}

export function dayArg(value: string | undefined, name: string): Day | undefined {
  if (value === undefined) return undefined;
  if (!isDay(value)) throw new UsageError(`--${name} phải có dạng YYYY-MM-DD (nhận được "${value}")`);
  return value;
}

/** `--today D` pins the clock to noon of that day in Asia/Ho_Chi_Minh. */
export function clockFor(today: Day | undefined): Clock {
  return today ? new FixedClock(instantOf(today, 12)) : systemClock;
}

/** Runs a CLI body, printing usage errors and configuration errors without a stack trace. */
export async function runCli(main: () => Promise<number | void>): Promise<void> {
  try {
    process.exitCode = (await main()) ?? 0;
  } catch (err) {
    const name = (err as Error)?.constructor?.name;
    if (err instanceof UsageError || name === 'ConfigError') {
      process.stderr.write(`${(err as Error).message}\n`);
      process.exitCode = 2;
      return;
    }
    throw err;
  }
}
