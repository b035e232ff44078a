/**
 * The bot on Zalo with the upload page served on a local port, as `npm
 * start` wires it: "gửi tệp" hands out PUBLIC_BASE_URL/u/<token>, and the
 * page's preview arrives in the fake Zalo chat.
 */
import { FILES_PREFIX, FileLinks } from '../../bot/files/links.ts';
import { uploadDeliverer } from '../../bot/chat/upload-delivery.ts';
import { i18n } from '../../bot/i18n.ts';
import { HttpRouter } from '../../bot/http/server.ts';
import { UPLOAD_PAGE_PREFIX, uploadPageHandler } from '../../bot/http/upload-page.ts';
import { sendZaloReplies } from '../../bot/zalo/adapter.ts';
import type { TestDatabase } from './db.ts';
import { ZaloHarness } from './zalo-harness.ts';

export const MAX_BYTES = 10 * 1024 * 1024;

export async function startUploadPage(db: TestDatabase): Promise<{ h: ZaloHarness; router: HttpRouter; base: string; close(): Promise<void> }> {
  const router = new HttpRouter();
  const server = await router.listen(0, '127.0.0.1');
  const base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  const files = new FileLinks(db.prisma, { publicBaseUrl: base, ttlHours: 72 });
  router.getPrefix(FILES_PREFIX, files.handler());
  const h = await ZaloHarness.start(db, { files, sheets: { maxBytes: MAX_BYTES, uploadPage: { publicBaseUrl: base, ttlMinutes: 60 } } });
  const deliver = uploadDeliverer({ chat: { handle: (i, k) => h.service.handle(i, k) }, senders: { ZALO: (chatId, replies) => sendZaloReplies(h.client, chatId, replies, { tr: i18n(), locale: 'vi', files }) } });
  const page = uploadPageHandler({ prisma: db.prisma, tr: i18n(), maxBytes: MAX_BYTES, deliver, now: () => h.clock.now() });
  router.getPrefix(UPLOAD_PAGE_PREFIX, page).postPrefix(UPLOAD_PAGE_PREFIX, page);
  return {
    h,
    router,
    base,
    async close() {
      await h.close();
      await router.close();
    },
  };
}

/** The link in the bot's answer to "gửi tệp" (or, with `prefix` "files", to "/phuluc"). */
export function linkIn(texts: string[], prefix = 'u'): string {
  const m = new RegExp(`(http://127\\.0\\.0\\.1:\\d+/${prefix}/[^\\s)]+)`).exec(texts.join('\n'));
  if (!m) throw new Error(`no upload link in: ${texts.join(' | ')}`);
  return m[1]!;
}
