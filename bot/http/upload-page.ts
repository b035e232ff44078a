/**
 * The upload page, PUBLIC_BASE_URL/u/<token>: for Zalo (its bots cannot
 * receive files) and anyone without Telegram. "gửi tệp" in a chat hands out
 * the link (bot/chat/sheets-extension.ts); the page is plain HTML with one
 * file input, Vietnamese, phone-sized, no script. The token in the path is
 * the only credential (no cookie, so no cross-site request can ride on one):
 * 192 random bits, stored as a hash, bound to the person and chat that
 * asked, expiring, and good for one file. The request must be
 * multipart/form-data within UPLOAD_MAX_MB. Once stored, the file goes into
 * the chat where the link was asked for (`deliver`): the preview and the
 * confirmation happen there.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Db } from '../../prisma/database.ts';
import { sha256 } from '../../prisma/stores/sheet-store.ts';
import { escapeHtml } from '../chat/render.ts';
import type { Translator } from '../i18n.ts';

export const UPLOAD_PAGE_PREFIX = '/u/';
/** Room for the multipart envelope around the file. */
const ENVELOPE_BYTES = 64 * 1024;
const TOKEN_RE = /^[A-Za-z0-9_-]{32}$/;

export interface UploadedFile {
  id: number;
  personId: number;
  channel: string;
  chatId: string;
  fileName: string;
}

export interface UploadPageDeps {
  prisma: Db;
  tr: Translator;
  maxBytes: number;
  /** Runs the file through the chat where the link was asked for, and sends the replies there. */
  deliver: (upload: UploadedFile) => Promise<void>;
  now?: () => Date;
  log?: { warn(obj: object, msg: string): void; error(obj: object, msg: string): void };
}

type PageState = 'form' | 'done' | 'done-late' | 'invalid' | 'expired' | 'used' | 'too-big' | 'no-file' | 'bad-request';

export function uploadPageHandler(d: UploadPageDeps) {
  const now = () => d.now?.() ?? new Date();
  const maxMb = Math.round(d.maxBytes / 1048576);
  const t = (key: string, args?: Record<string, string | number>) => escapeHtml(d.tr.t(key, args, 'vi'));

  const page = (res: ServerResponse, status: number, state: PageState, args: { name?: string; person?: string } = {}) => {
    const body =
      state === 'form'
        ? `<p>${t('sheets-page-intro', { maxMb })}</p>
<p class="who">${t('sheets-page-for', { name: args.person ?? '' })}</p>
<form method="post" enctype="multipart/form-data">
<label for="file">${t('sheets-page-choose')}</label>
<input id="file" name="file" type="file" accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" required>
<button type="submit">${t('sheets-page-submit')}</button>
</form>`
        : `<p class="${state.startsWith('done') ? 'ok' : 'error'}" role="status">${t(`sheets-page-${state}`, { name: args.name ?? '', maxMb })}</p>${state === 'done' ? `<p>${t('sheets-page-again')}</p>` : ''}`;
    const html = `<!doctype html>
<html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${t('sheets-page-title')}</title>
<style>body{font-family:system-ui,sans-serif;margin:0 auto;max-width:32rem;padding:1rem;line-height:1.5;font-size:17px}h1{font-size:1.3rem}
label{display:block;font-weight:600;margin:1rem 0 .4rem}input,button{font-size:1rem;width:100%;box-sizing:border-box}
button{margin-top:1rem;padding:.8rem;border:0;border-radius:.5rem;background:#0b5cad;color:#fff}.who{color:#444}
.ok{background:#e7f6ec;border-left:4px solid #1e8e3e;padding:.8rem}.error{background:#fdecea;border-left:4px solid #c5221f;padding:.8rem}</style>
</head><body><h1>${t('sheets-page-title')}</h1>
${body}
</body></html>`;
    res.writeHead(status, {
      'content-type': 'text/html; charset=utf-8',
      'cache-control': 'no-store',
      // The token is in the URL: never sent on as a referrer; the page runs no script and cannot be framed.
      'referrer-policy': 'no-referrer',
      'x-frame-options': 'DENY',
      'x-content-type-options': 'nosniff',
      'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'",
    });
    res.end(html);
  };

  /** Refuses without reading the body (the connection is closed after the answer). */
  const refuse = (req: IncomingMessage, res: ServerResponse, status: number, state: PageState) => {
    res.setHeader('connection', 'close');
    page(res, status, state);
    req.resume();
  };

  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const token = (req.url ?? '').slice(UPLOAD_PAGE_PREFIX.length).split(/[/?#]/)[0] ?? '';
    const upload = TOKEN_RE.test(token) ? await d.prisma.upload.findUnique({ where: { tokenHash: sha256(token) }, include: { person: { select: { fullName: true } } } }) : null;
    if (!upload) return refuse(req, res, 404, 'invalid');
    if (upload.receivedAt) return refuse(req, res, 410, 'used');
    if (upload.expiresAt < now()) return refuse(req, res, 410, 'expired');
    if (req.method !== 'POST') return page(res, 200, 'form', { person: upload.person.fullName });

    const type = req.headers['content-type'] ?? '';
    if (!/^multipart\/form-data;\s*boundary=/i.test(type)) return refuse(req, res, 415, 'bad-request');
    const limit = d.maxBytes + ENVELOPE_BYTES;
    if (Number(req.headers['content-length'] ?? 0) > limit) return refuse(req, res, 413, 'too-big');
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of req) {
      size += (chunk as Buffer).length;
      if (size > limit) return refuse(req, res, 413, 'too-big');
      chunks.push(chunk as Buffer);
    }
    let file: File | null = null;
    try {
      const form = await new Response(Buffer.concat(chunks), { headers: { 'content-type': type } }).formData();
      const part = form.get('file');
      file = typeof part === 'object' && part !== null ? (part as File) : null;
    } catch {
      return page(res, 400, 'bad-request');
    }
    if (!file || file.size === 0) return page(res, 400, 'no-file');
    if (file.size > d.maxBytes) return page(res, 413, 'too-big');
    const fileName = (file.name || 'tep.xlsx').replace(/[\\/]/g, '_').slice(0, 200);
    const data = new Uint8Array(await file.arrayBuffer());
    // Single use: only the first upload claims the link, even with two at once.
    const at = now();
    const claimed = await d.prisma.upload.updateMany({
      where: { id: upload.id, receivedAt: null, expiresAt: { gt: at } },
      data: { fileName, data: Buffer.from(data), checksum: sha256(data), receivedAt: at },
    });
    if (claimed.count === 0) return page(res, 410, 'used');
    try {
      await d.deliver({ id: upload.id, personId: upload.personId, channel: upload.channel, chatId: upload.chatId, fileName });
    } catch (err) {
      d.log?.error({ err: err instanceof Error ? { message: err.message, stack: err.stack } : String(err), upload: upload.id }, 'upload: preview not delivered');
      return page(res, 200, 'done-late', { name: fileName });
    }
    page(res, 200, 'done', { name: fileName });
  };
}
