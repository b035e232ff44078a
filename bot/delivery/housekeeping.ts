/**
 * Housekeeping on the scheduler (once per tick whatever the number of
 * instances): expired file links lose their row and bytes, processed-update
 * keys older than a week are forgotten (they only guard against prompt
 * redelivery).
 */
import type { Db } from '../../prisma/database.ts';
import type { ScheduledJob } from './scheduler.ts';

export const HOUSEKEEPING_JOB = 'housekeeping';
/** Every hour at :17 (Asia/Ho_Chi_Minh), off the round hour the other jobs use. */
export const HOUSEKEEPING_CRON = '17 * * * *';
const PROCESSED_KEEP_MS = 7 * 86_400_000;

export function housekeepingJob(prisma: Db): ScheduledJob {
  return {
    name: HOUSEKEEPING_JOB,
    cron: HOUSEKEEPING_CRON,
    async run({ now }) {
      const files = await prisma.storedFile.deleteMany({ where: { expiresAt: { lt: now } } });
      const processed = await prisma.processedUpdate.deleteMany({ where: { processedAt: { lt: new Date(now.getTime() - PROCESSED_KEEP_MS) } } });
      return { filesPruned: files.count, processedPruned: processed.count };
    },
  };
}
