/** Small helpers shared by the command-line tools. */
import { isDay, instantOf, type Day } from '../../domain/shared/day.ts';
import { FixedClock, systemClock, type Clock } from '../../domain/shared/clock.ts';
import { ConfigError } from '../config.ts';
import { i18n, type Locale } from '../i18n.ts';
import { StartupError, reasonOf } from '../startup.ts';

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

/** `--lang en` anywhere on the command line: messages in English; else Vietnamese. */
export function cliLocale(argv = process.argv): Locale {
  const i = argv.indexOf('--lang');
  const value = i >= 0 ? argv[i + 1] : argv.find((a) => a.startsWith('--lang='))?.slice(7);
  return value === 'en' ? 'en' : 'vi';
}

/** The operator's text for a configuration error or an infrastructure fault. */
export function describeFailure(err: unknown, locale: Locale, startupTimeoutSeconds = 60): string {
  const tr = i18n();
  if (err instanceof ConfigError) {
    const lines = err.problems.map((p) => {
      const reason =
        p.kind === 'format' && tr.has(`config-format-${p.variable}`, locale)
          ? tr.t(`config-format-${p.variable}`, {}, locale)
          : p.kind && p.kind !== 'format'
            ? tr.t(`config-problem-${p.kind}`, p.args, locale)
            : tr.t('config-problem-other', { detail: p.message }, locale);
      return `  ${tr.t('startup-config-problem', { variable: p.variable, reason }, locale)}`;
    });
    return [tr.t('startup-config-invalid', {}, locale), ...lines].join('\n');
  }
  if (err instanceof StartupError) {
    const reason = tr.t(`startup-${err.kind}`, { variable: err.variable, detail: err.detail, seconds: startupTimeoutSeconds }, locale);
    return tr.t('startup-failed', { reason }, locale);
  }
  return tr.t('startup-failed', { reason: tr.t('startup-internal', { detail: reasonOf(err) }, locale) }, locale);
}

/**
 * Runs a CLI body. Usage errors, configuration errors and infrastructure
 * faults end with their message (one line for a fault) and a non-zero exit
 * code; the stack is printed only with LOG_LEVEL=debug or trace.
 */
export async function runCli(main: () => Promise<number | void>): Promise<void> {
  try {
    process.exitCode = (await main()) ?? 0;
  } catch (err) {
    if (err instanceof UsageError) {
      process.stderr.write(`${err.message}\n`);
      process.exitCode = 2;
      return;
    }
    const seconds = Number(process.env.STARTUP_TIMEOUT_SECONDS) || 60;
    process.stderr.write(`${describeFailure(err, cliLocale(), seconds)}\n`);
    if (/^(debug|trace)$/.test(process.env.LOG_LEVEL ?? '')) process.stderr.write(`${(err as Error)?.stack ?? String(err)}\n`);
    process.exitCode = err instanceof ConfigError ? 2 : 1;
    // Timers or sockets left by a half-started process must not keep it alive.
    setTimeout(() => process.exit(), 2_000).unref();
  }
}
