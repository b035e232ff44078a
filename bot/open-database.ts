/**
 * Opens the configured database for `npm start`, the CLIs and the worker,
 * turning infrastructure faults into StartupErrors that name the setting:
 * PostgreSQL unreachable (retried with backoff up to STARTUP_TIMEOUT_SECONDS),
 * a database that does not exist or refuses the credentials (at once), an
 * embedded DATA_DIR that cannot be written or that another process uses.
 */
import { resolve } from 'node:path';
import { DataDirBusyError, openDatabase, type Database } from '../prisma/database.ts';
import type { Config } from './config.ts';
import type { Logger } from './logger.ts';
import { reasonOf, StartupError, untilReady } from './startup.ts';

const UNWRITABLE = new Set(['EACCES', 'EPERM', 'EROFS', 'ENOTDIR', 'EEXIST', 'ENOSPC']);

export async function openConfiguredDatabase(config: Config, log: Logger): Promise<Database> {
  const migrationLog = { info: (o: object, m: string) => log.info(o, m), warn: (o: object, m: string) => log.warn(o, m) };
  const url = config.databaseUrl;
  if (!url) {
    try {
      return await openDatabase({ dataDir: resolve(config.dataDir, 'pglite'), log: migrationLog });
    } catch (err) {
      if (err instanceof DataDirBusyError) throw new StartupError('data-dir-busy', 'DATA_DIR', `${err.pid}`, { cause: err });
      const code = (err as NodeJS.ErrnoException).code;
      if (code && UNWRITABLE.has(code)) throw new StartupError('data-dir-unwritable', 'DATA_DIR', reasonOf(err), { cause: err });
      throw err;
    }
  }
  return untilReady(() => openDatabase({ databaseUrl: url, log: migrationLog }), {
    name: 'database',
    variable: 'DATABASE_URL',
    timeoutMs: config.startupTimeoutMs,
    // Migrations may wait for another instance's advisory lock: no per-attempt cut (pg has its own connect timeout).
    attemptMs: config.startupTimeoutMs,
    log,
    fatal: (err) => {
      const code = (err as { code?: unknown })?.code;
      if (code === '3D000') return new StartupError('database-missing', 'DATABASE_URL', reasonOf(err), { cause: err });
      if (code === '28P01' || code === '28000') return new StartupError('database-auth', 'DATABASE_URL', reasonOf(err), { cause: err });
      return null;
    },
  });
}
