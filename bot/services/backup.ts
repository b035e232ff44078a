/**
 * Backups of the embedded database: PGlite writes its data folder as one
 * .tar.gz file, and a new folder is created from it. Both take the folder's
 * lock, so they run while the bot is stopped (a running bot holds the lock
 * and the command says so). PostgreSQL uses pg_dump/pg_restore (README).
 */
import { existsSync, readdirSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { PGlite } from '@electric-sql/pglite';
import { takeDataDirLock } from '../../prisma/database.ts';

const lockOf = (dataDir: string) => `${dataDir.replace(/[/\\]+$/, '')}.lock`;

/** Writes `dataDir` (the PGlite folder) to `file`; returns its size in bytes. */
export async function backupEmbedded(dataDir: string, file: string): Promise<number> {
  if (!existsSync(dataDir) || readdirSync(dataDir).length === 0) throw new Error(`no embedded database in ${dataDir}`);
  const release = takeDataDirLock(lockOf(dataDir));
  try {
    const lite = new PGlite(dataDir);
    await lite.waitReady;
    try {
      // PGlite's own gzip option waits forever on Node here; node:zlib compresses the plain tar.
      const dump = await lite.dumpDataDir('none');
      const bytes = gzipSync(new Uint8Array(await dump.arrayBuffer()));
      await mkdir(dirname(file), { recursive: true });
      await writeFile(file, bytes);
      return bytes.length;
    } finally {
      await lite.close();
    }
  } finally {
    release();
  }
}

export class RestoreTargetNotEmpty extends Error {}

/** Creates the PGlite folder `dataDir` from a backup file; refuses a folder that already holds data. */
export async function restoreEmbedded(file: string, dataDir: string): Promise<void> {
  if (existsSync(dataDir) && readdirSync(dataDir).length > 0) throw new RestoreTargetNotEmpty(dataDir);
  await mkdir(dataDir, { recursive: true });
  const release = takeDataDirLock(lockOf(dataDir));
  try {
    const lite = new PGlite(dataDir, { loadDataDir: new Blob([gunzipSync(await readFile(file))]) });
    await lite.waitReady;
    await lite.close();
  } finally {
    release();
  }
}
