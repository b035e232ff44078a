/**
 * npm run invite -- <person> [--hours 72]
 * Prints a one-time code (and a t.me link when TELEGRAM_BOT_USERNAME is set)
 * that links the person's Telegram or Zalo account to the registry.
 */
import { parseArgs } from 'node:util';
import { createApp } from '../app.ts';
import { createInvite } from '../services/invite.ts';
import { runCli, UsageError } from './args.ts';

await runCli(async () => {
  const { values, positionals } = parseArgs({ allowPositionals: true, options: { hours: { type: 'string' } } });
  if (positionals.length !== 1) throw new UsageError('Cách dùng: npm run invite -- "<họ tên, số điện thoại hoặc mã cán bộ>" [--hours 72]');
  const app = await createApp({ seed: false });
  try {
    const people = await app.queries.findPeople(positionals[0]!);
    if (people.length !== 1) {
      throw new UsageError(`${app.tr.t(people.length ? 'console-many-people' : 'console-no-person', { query: positionals[0]! })}${people.length ? `\n${people.map((p) => `  ${p.id}: ${p.fullName}`).join('\n')}` : ''}`);
    }
    const hours = values.hours ? Number(values.hours) : app.config.inviteTtlHours;
    if (!Number.isInteger(hours) || hours < 1) throw new UsageError('--hours phải là số giờ nguyên dương');
    const invite = await createInvite(app.db.prisma, people[0]!.id, { ttlHours: hours, now: app.clock.now(), createdBy: 'cli:invite', telegramUsername: app.config.telegramUsername });
    process.stdout.write(
      `${app.tr.t('invite-created', { name: people[0]!.fullName, code: invite.code, expires: invite.expiresAt.toISOString().slice(0, 16).replace('T', ' '), link: invite.telegramLink ?? 'none' })}\n`,
    );
    return 0;
  } finally {
    await app.close();
  }
});
