import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ChatService } from '../../bot/chat/service.ts';
import { HttpRouter } from '../../bot/http/server.ts';
import { i18n } from '../../bot/i18n.ts';
import { seedSampleData } from '../../bot/services/seed.ts';
import { createZaloUpdateHandler } from '../../bot/zalo/adapter.ts';
import { ZaloClient } from '../../bot/zalo/client.ts';
import { createZaloWebhookHandler } from '../../bot/zalo/webhook.ts';
import { FixedClock } from '../../domain/shared/clock.ts';
import { instantOf } from '../../domain/shared/day.ts';
import { FakeZalo } from '../fakes/zalo/server.ts';
import { createTestDatabase, type TestDatabase } from '../support/db.ts';
import { SETTINGS, silentLog } from '../support/telegram-harness.ts';

for (const shape of ['flat', 'wrapped'] as const) {
  describe(`Zalo webhook (${shape} bodies) through the app's HTTP server`, () => {
    let db: TestDatabase;
    let zalo: FakeZalo;
    const router = new HttpRouter();
    const secret = 'zalo-webhook-secret-123';
    let url: string;
    let webhook: ReturnType<typeof createZaloWebhookHandler>;

    beforeAll(async () => {
      db = await createTestDatabase();
      await seedSampleData(db.prisma);
      zalo = await FakeZalo.start({ webhookBodyShape: shape });
      const client = new ZaloClient({ token: zalo.token, apiRoot: zalo.apiRoot });
      const service = new ChatService({ prisma: db.prisma, clock: new FixedClock(instantOf('2026-11-26', 9)), settings: SETTINGS, log: silentLog });
      webhook = createZaloWebhookHandler({ secret, onUpdate: createZaloUpdateHandler({ handler: service, client, tr: i18n(), log: silentLog }) });
      const port = 20000 + Math.floor(Math.random() * 20000);
      url = `http://127.0.0.1:${port}/zalo/webhook`;
      router.post('/zalo/webhook', webhook);
      await router.listen(port, '127.0.0.1');
      await client.setWebhook(url, secret);
    });
    afterAll(async () => {
      await router.close();
      await zalo.close();
      await db.destroy();
    });

    it('answers what Zalo posts', async () => {
      await zalo.sendText('aaaa0000bbbb1111cccc', 'xin chào');
      const [reply] = await zalo.waitForMessages('aaaa0000bbbb1111cccc', 1, 5000);
      expect(reply!.text).toContain('gửi mã kích hoạt');
    });

    it('refuses forged posts (no header, wrong secret) before parsing them', async () => {
      const body = JSON.stringify({ event_name: 'message.text.received', message: { message_id: 'f0f0f0f0f0f0f0f0f0f0', date: Date.now(), from: { id: 'dddd', display_name: 'X', is_bot: false }, chat: { id: 'dddd', chat_type: 'PRIVATE' }, text: 'ABCDEFGH' } });
      const none = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
      const wrong = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', 'x-bot-api-secret-token': 'wrong-secret-000' }, body: '{not json' });
      expect(none.status).toBe(403);
      expect(wrong.status).toBe(403); // 403, not 400: the body was never read
      await webhook.idle();
      expect(await db.prisma.processedUpdate.count({ where: { key: { contains: 'f0f0f0f0f0f0f0f0f0f0' } } })).toBe(0);
      expect(zalo.sentTo('dddd')).toEqual([]);
    });

    it('the same message posted twice has one effect', async () => {
      const u = 'eeee0000ffff1111aaaa';
      const update = await zalo.sendText(u, 'alo');
      await zalo.waitForMessages(u, 1, 5000);
      await zalo.redeliver(update.message.message_id);
      await webhook.idle();
      await new Promise((r) => setTimeout(r, 200));
      expect(zalo.sentTo(u)).toHaveLength(1);
    });
  });
}
