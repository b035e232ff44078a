/**
 * Start-up never hangs silently: each outside dependency (database, Telegram,
 * Zalo) is tried with a per-attempt time limit, every failed attempt is logged
 * at warn level with its reason, attempts back off, and after
 * STARTUP_TIMEOUT_SECONDS the process stops with one Vietnamese line naming
 * the setting to check (bot/cli/args.ts prints it; the stack only at debug).
 */
import { setTimeout as sleep } from 'node:timers/promises';
import type { HttpRouter } from './http/server.ts';

/** A fault outside the code: `variable` is the setting to check, `cause` a short reason (Vietnamese key args). */
export class StartupError extends Error {
  constructor(
    /** Locale key suffix: startup-<kind>. */
    readonly kind: 'unreachable' | 'token-rejected' | 'database-missing' | 'database-auth' | 'port-in-use' | 'port-denied' | 'data-dir-unwritable' | 'data-dir-busy',
    readonly variable: string,
    readonly detail: string,
    options?: { cause?: unknown },
  ) {
    super(`${variable}: ${kind}: ${detail}`, options);
    this.name = 'StartupError';
  }
}

interface WarnLog {
  warn(obj: object, msg: string): void;
}

/** A short reason for logs and the operator's line; bot tokens (which sit in API URLs) are cut out. */
export function reasonOf(err: unknown): string {
  return rawReason(err).replace(/\d{3,}:[A-Za-z0-9_-]{6,}/g, '[token]');
}

function rawReason(err: unknown): string {
  if (err instanceof AggregateError && err.errors.length) return rawReason(err.errors[0]);
  const e = err as { code?: unknown; message?: unknown; cause?: unknown; error?: unknown };
  const inner = e?.cause ?? e?.error;
  const own = [typeof e?.code === 'string' ? e.code : null, typeof e?.message === 'string' ? e.message : String(err)].filter(Boolean).join(' ');
  return inner && inner !== err ? `${own} (${rawReason(inner)})` : own;
}

export interface RetryOptions {
  /** What is being reached, for logs ("database", "telegram", "zalo"). */
  name: string;
  /** The setting an operator should check. */
  variable: string;
  timeoutMs: number;
  log: WarnLog;
  /** Errors retrying cannot fix (wrong password, missing database): a StartupError at once. */
  fatal?: (err: unknown) => StartupError | null;
  /** Longest single attempt. */
  attemptMs?: number;
}

/** Calls `attempt` until it resolves, backing off from 0.5 s to 10 s, for at most `timeoutMs`. */
export async function untilReady<T>(attempt: (signal: AbortSignal) => Promise<T>, o: RetryOptions): Promise<T> {
  const deadline = Date.now() + o.timeoutMs;
  let delay = 500;
  for (let n = 1; ; n++) {
    const ac = new AbortController();
    const limitMs = Math.max(1, Math.min(o.attemptMs ?? 10_000, deadline - Date.now()));
    const limit = setTimeout(() => ac.abort(new Error(`no answer within ${Math.ceil(limitMs / 1000)} s`)), limitMs);
    try {
      return await Promise.race([
        attempt(ac.signal),
        new Promise<never>((_, reject) => ac.signal.addEventListener('abort', () => reject(ac.signal.reason), { once: true })),
      ]);
    } catch (err) {
      const fatal = o.fatal?.(err);
      if (fatal) throw fatal;
      const reason = reasonOf(err);
      // The next attempt would start after the deadline: give up now, with this attempt's reason.
      if (Date.now() + delay >= deadline) {
        o.log.warn({ target: o.name, attempt: n, reason }, `${o.name} not reachable, giving up`);
        throw new StartupError('unreachable', o.variable, reason, { cause: err });
      }
      o.log.warn({ target: o.name, attempt: n, reason, retryInMs: delay }, `${o.name} not reachable, retrying`);
      await sleep(delay);
      delay = Math.min(delay * 2, 10_000);
    } finally {
      clearTimeout(limit);
    }
  }
}

/** A rejected token: retrying cannot help. Telegram's GrammyError and Zalo's ZaloApiError both carry `error_code`. */
export function tokenRejected(variable: string) {
  return (err: unknown): StartupError | null => {
    const code = (err as { error_code?: unknown })?.error_code;
    return code === 401 || code === 403 || code === 404 ? new StartupError('token-rejected', variable, reasonOf(err), { cause: err }) : null;
  };
}

/** Listens on a port, or a StartupError naming the variable (port in use, not allowed). */
export async function listenOn(router: HttpRouter, port: number, host: string, variable: string): Promise<void> {
  try {
    await router.listen(port, host);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE') throw new StartupError('port-in-use', variable, String(port), { cause: err });
    if (code === 'EACCES') throw new StartupError('port-denied', variable, String(port), { cause: err });
    throw err;
  }
}
