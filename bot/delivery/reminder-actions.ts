/**
 * What the conversation engine calls when an officer answers a reminder:
 * snooze ("nhắc lại ngày mai / tuần sau") and "no change". Both check that
 * the person answers for the task (a forged or stale button does nothing).
 */
import type { Reply } from '../../domain/chat/reply.ts';
import type { WorkingCalendar } from '../../domain/calendar/working-days.ts';
import type { ChatChannel } from '../../domain/people/types.ts';
import { snoozedReply } from '../../domain/reminders/message.ts';
import type { ReminderSettings } from '../../domain/reminders/settings.ts';
import { snoozeUntil, type SnoozeDays } from '../../domain/reminders/snooze.ts';
import type { Day } from '../../domain/shared/day.ts';
import type { TaskQueries } from '../../domain/tasks/ports.ts';
import type { TaskRow } from '../../domain/tasks/types.ts';
import type { PrismaDeliveryStore } from '../../prisma/stores/delivery-store.ts';

/** The part of the engine's ProgressStore that "no change" needs (domain/chat/ports.ts). */
export interface NoChangeRecorder {
  noChange(assignmentId: number, personId: number, channel: ChatChannel, now: Date): Promise<{ id: number } | null>;
}

export type ReminderActionResult<T> = ({ ok: true } & T) | { ok: false; reason: 'not-responsible' };

export class ReminderActions {
  constructor(
    private readonly deps: {
      store: Pick<PrismaDeliveryStore, 'setSnooze'>;
      queries: Pick<TaskQueries, 'responsibleFor'>;
      calendar: WorkingCalendar;
      settings: Pick<ReminderSettings, 'workingHours'>;
    },
  ) {}

  /** The assignment of this task the person answers for (for rm:report and rm:same), or null. */
  async assignmentFor(personId: number, taskId: number): Promise<TaskRow | null> {
    return (await this.deps.queries.responsibleFor(personId)).find((r) => r.taskId === taskId) ?? null;
  }

  /** rm:snooze:<taskId>:<1|7>: no reminder about it until that working morning, then it comes back. */
  async snooze(personId: number, taskId: number, days: SnoozeDays, now: Date): Promise<ReminderActionResult<{ until: Date; day: Day; reply: Reply }>> {
    const row = await this.assignmentFor(personId, taskId);
    if (!row) return { ok: false, reason: 'not-responsible' };
    const { day, until } = snoozeUntil(now, days, this.deps.calendar, this.deps.settings.workingHours);
    await this.deps.store.setSnooze(personId, taskId, until);
    return { ok: true, until, day, reply: snoozedReply(row.number, day) };
  }

  /** rm:same:<taskId>: a new progress entry repeating the last one (it counts as this month's update). */
  async noChange(personId: number, taskId: number, channel: ChatChannel, now: Date, progress: NoChangeRecorder): Promise<ReminderActionResult<{ updateId: number | null; row: TaskRow }>> {
    const row = await this.assignmentFor(personId, taskId);
    if (!row) return { ok: false, reason: 'not-responsible' };
    const saved = await progress.noChange(row.assignmentId, personId, channel, now);
    return { ok: true, updateId: saved?.id ?? null, row };
  }
}
