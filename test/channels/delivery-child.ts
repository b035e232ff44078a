/**
 * The worker CLI (bot/cli/worker.ts) as a child process, for the SIGKILL
 * test and the bench. Started with `node --import tsx` so the process we
 * kill is the one sending (the tsx CLI would leave its own child running).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

export interface WorkerChild {
  process: ChildProcess;
  /** Resolves with the exit code (null when killed by a signal) and the signal. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  stderr(): string;
  /** The worker logged "delivery worker started" (LOG_LEVEL info or lower): its SIGTERM handler is in place. */
  started(): boolean;
}

/** `nodeArgs`: options for node itself (the bench's --cpu-prof, which NODE_OPTIONS does not take). */
export function spawnWorker(env: Record<string, string>, args: string[] = ['--no-scheduler'], nodeArgs: string[] = []): WorkerChild {
  const child = spawn(process.execPath, [...nodeArgs, '--import', 'tsx', 'bot/cli/worker.ts', ...args], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', LOG_FORMAT: 'json', LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let err = '';
  let started = false;
  child.stderr!.on('data', (chunk: Buffer) => {
    err = (err + chunk.toString('utf8')).slice(-20_000);
    started ||= err.includes('delivery worker started');
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  return { process: child, exited, stderr: () => err, started: () => started };
}

/** Polls until `check` is true (or throws after `timeoutMs`). */
export async function until(check: () => boolean | Promise<boolean>, timeoutMs: number, what: string, pollMs = 10): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, pollMs));
  }
}

export interface OnceReport {
  rows: number;
  sent: number;
  unknown: number;
  /** UNKNOWN rows whose message did arrive (the crash came after the platform's answer). */
  unknownDelivered: number;
  /** Rows neither SENT nor UNKNOWN, or SENT without a message in the chat. */
  missing: number;
  /** Chats with more than one message, or SENT rows whose message id is not the one that arrived. */
  duplicates: number;
}

/** Every recipient sent exactly once or recorded UNKNOWN; none missing; none duplicated. */
export function checkOnce(rows: { state: string; chatId: string | null; messageId: string | null }[], messagesTo: (chatId: string) => { message_id: number }[]): OnceReport {
  const r: OnceReport = { rows: rows.length, sent: 0, unknown: 0, unknownDelivered: 0, missing: 0, duplicates: 0 };
  for (const row of rows) {
    const got = messagesTo(row.chatId ?? '');
    if (got.length > 1) r.duplicates++;
    if (row.state === 'SENT') {
      r.sent++;
      if (got.length === 0) r.missing++;
      else if (String(got[0]!.message_id) !== row.messageId) r.duplicates++;
    } else if (row.state === 'UNKNOWN') {
      r.unknown++;
      if (got.length > 0) r.unknownDelivered++;
    } else r.missing++;
  }
  return r;
}
