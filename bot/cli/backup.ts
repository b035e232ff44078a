/**
 * npm run backup -- [--out <file.tar.gz>]        back up the embedded database (bot stopped)
 * npm run backup -- --restore <file.tar.gz>      restore it into an empty DATA_DIR
 * With DATABASE_URL set, use pg_dump / pg_restore (README, "Backups").
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { parseConfig } from '../config.ts';
import { DataDirBusyError } from '../../prisma/database.ts';
import { backupEmbedded, restoreEmbedded, RestoreTargetNotEmpty } from '../services/backup.ts';
import { StartupError } from '../startup.ts';
import { runCli, UsageError } from './args.ts';

await runCli(async () => {
  const { values } = parseArgs({ options: { out: { type: 'string' }, restore: { type: 'string' }, lang: { type: 'string' } } });
  const config = parseConfig(process.env);
  if (config.databaseUrl) {
    throw new UsageError('DATABASE_URL đang được đặt: sao lưu PostgreSQL bằng pg_dump -Fc và khôi phục bằng pg_restore (xem README, mục "Sao lưu").');
  }
  const dataDir = resolve(config.dataDir, 'pglite');
  try {
    if (values.restore) {
      await restoreEmbedded(resolve(values.restore), dataDir);
      process.stdout.write(`Đã khôi phục ${values.restore} vào ${dataDir}.\n`);
      return 0;
    }
    const out = resolve(values.out ?? `nq57-backup-${new Date().toISOString().slice(0, 19).replace(/[-:T]/g, '')}.tar.gz`);
    const size = await backupEmbedded(dataDir, out);
    process.stdout.write(`Đã sao lưu cơ sở dữ liệu nhúng vào ${out} (${Math.ceil(size / 1024)} KB).\n`);
    return 0;
  } catch (err) {
    if (err instanceof DataDirBusyError) throw new StartupError('data-dir-busy', 'DATA_DIR', String(err.pid), { cause: err });
    if (err instanceof RestoreTargetNotEmpty) throw new UsageError(`Thư mục ${dataDir} đã có dữ liệu: khôi phục vào một DATA_DIR trống (hoặc chuyển thư mục cũ đi trước).`);
    throw err;
  }
});
