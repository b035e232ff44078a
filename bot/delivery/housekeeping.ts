/**
 * Housekeeping on the scheduler (once per tick whatever the number of
 * instances): expired file links lose their row and bytes, processed-update
 * keys older than a week are forgotten (they only guard against prompt
 * redelivery), and uploads past their time that were never applied (unused
 * upload-page links, previews not confirmed, refused or cancelled files) are
 * deleted; applied files stay as the source of what they changed.
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
      const uploads = await prisma.upload.deleteMany({ where: { expiresAt: { lt: now }, state: { not: 'APPLIED' } } });
      return { filesPruned: files.count, processedPruned: processed.count, uploadsPruned: uploads.count };
    },
  };
}
