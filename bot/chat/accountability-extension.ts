/**
 * Closing the loop (issue 15), as an engine extension built per message on
 * the chat's transaction:
 * - /6ro [kế hoạch|đơn vị], "kiểm tra 6 rõ": the "6 rõ" check
 *   (domain/accountability/six-clear.ts), in the asker's scope.
 */
import type { Extension, ExtensionInput, ExtensionResult } from '../../domain/chat/engine.ts';
import { line, t, type Reply } from '../../domain/chat/reply.ts';
import { checkSixClear, readSixClearRequest } from '../../domain/accountability/six-clear.ts';
import { sixClearReply, sixClearTarget } from '../../domain/accountability/six-clear-reply.ts';
import { canSee, visibleUnitIds } from '../../domain/people/scope.ts';
import type { PersonRef } from '../../domain/people/types.ts';
import type { Prisma } from '../../prisma/generated/client.ts';
import { PrismaSixClearStore } from '../../prisma/stores/accountability-store.ts';
import { PrismaTaskQueries } from '../../prisma/stores/task-queries.ts';

export class AccountabilityExtension implements Extension {
  private readonly sixClear: PrismaSixClearStore;

  constructor(private readonly tx: Prisma.TransactionClient) {
    this.sixClear = new PrismaSixClearStore(tx);
  }

  async handle(input: ExtensionInput): Promise<ExtensionResult | null> {
    const { person, inbound, choiceId } = input;
    if (!person || choiceId || !inbound.text) return null;
    const six = readSixClearRequest(inbound.text);
    if (six) return { replies: [await this.sixClearCheck(person, six.rest)] };
    return null;
  }

  private async sixClearCheck(person: PersonRef, rest: string): Promise<Reply> {
    const units = await new PrismaTaskQueries(this.tx).units();
    const visible = visibleUnitIds(person, units);
    if (visible && !visible.length) return { lines: [line(t('six-not-allowed'))] };
    const target = sixClearTarget(rest, await this.sixClear.plans(), units);
    const own = visible ? new Set(visible) : undefined;
    switch (target.kind) {
      case 'unknown':
        return { lines: [line(t('six-unknown', { text: target.text }))] };
      case 'many':
        return { lines: [line(t('six-which-unit', { text: rest, units: target.units.map((u) => u.name).join('; ') }))] };
      case 'unit': {
        if (!canSee(visible, target.unit.id)) return { lines: [line(t('six-out-of-scope', { unit: target.unit.name }))] };
        const report = checkSixClear(await this.sixClear.tasks({ unitIds: [target.unit.id] }), new Set([target.unit.id]));
        return sixClearReply(report, { scope: 'unit', name: target.unit.name });
      }
      case 'plan': {
        const report = checkSixClear(await this.sixClear.tasks({ planIds: [target.plan.id], ...(visible ? { unitIds: visible } : {}) }), own);
        return sixClearReply(report, { scope: 'plan', name: target.plan.code });
      }
      case 'all': {
        const report = checkSixClear(await this.sixClear.tasks(visible ? { unitIds: visible } : {}), own);
        if (!visible) return sixClearReply(report, { scope: 'city', name: '' });
        const name = units.find((u) => u.id === person.unitId)?.name ?? '';
        return sixClearReply(report, { scope: 'own', name });
      }
    }
  }
}
