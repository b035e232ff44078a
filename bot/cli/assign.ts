/**
 * npm run assign -- --task <số nhiệm vụ> [--plan <mã kế hoạch>] [--unit "<đơn vị>"] --person "<người>" [--remove]
 * Names a person responsible for a task (else the focal officers of the unit answer for it).
 */
import { parseArgs } from 'node:util';
import { createApp } from '../app.ts';
import { runCli, UsageError } from './args.ts';

await runCli(async () => {
  const { values } = parseArgs({ options: { task: { type: 'string' }, plan: { type: 'string' }, unit: { type: 'string' }, person: { type: 'string' }, remove: { type: 'boolean', default: false } } });
  if (!values.task || !values.person) throw new UsageError('Cách dùng: npm run assign -- --task <số nhiệm vụ> [--plan <mã kế hoạch>] --person "<họ tên hoặc số điện thoại>" [--remove]');
  const app = await createApp({ seed: false });
  try {
    const people = await app.queries.findPeople(values.person);
    if (people.length !== 1) throw new UsageError(app.tr.t(people.length ? 'console-many-people' : 'console-no-person', { query: values.person }) + (people.length ? `\n${people.map((p) => `  ${p.id}: ${p.fullName}`).join('\n')}` : ''));
    const person = people[0]!;
    const rows = (await app.queries.findByRef(values.task, person.unitId === null ? null : [person.unitId])).filter((r) => !values.plan || r.planCode === values.plan);
    const taskIds = [...new Set(rows.map((r) => r.taskId))];
    if (taskIds.length !== 1) {
      throw new UsageError(
        taskIds.length
          ? `${app.tr.t('task-which', { ref: values.task, count: taskIds.length })}\n${rows.map((r) => `  --plan ${r.planCode}: ${r.number} ${r.title.slice(0, 60)}`).join('\n')}`
          : app.tr.t('assign-no-task', { ref: values.task, name: person.fullName }),
      );
    }
    const taskId = taskIds[0]!;
    if (values.remove) await app.db.prisma.taskAssignee.deleteMany({ where: { taskId, personId: person.id } });
    else await app.db.prisma.taskAssignee.upsert({ where: { taskId_personId: { taskId, personId: person.id } }, create: { taskId, personId: person.id }, update: {} });
    await app.db.prisma.auditLog.create({ data: { actor: 'cli:assign', action: values.remove ? 'assignee.remove' : 'assignee.add', entity: 'Task', entityId: String(taskId), data: { personId: person.id } } });
    process.stdout.write(`${app.tr.t(values.remove ? 'assign-removed' : 'assign-done', { name: person.fullName, number: rows[0]!.number, plan: rows[0]!.planCode })}\n`);
    return 0;
  } finally {
    await app.close();
  }
});
