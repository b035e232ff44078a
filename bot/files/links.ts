/**
 * Unguessable, expiring links to generated files (charts, appendices): Zalo
 * sends photos only by URL and cannot send .xlsx at all. The random id is
 * the secret; the file lives in the database so any instance serves it; the
 * scheduler's housekeeping job deletes expired ones (bot/delivery/housekeeping.ts).
 */
import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { OutFile } from '../../domain/chat/reply.ts';
import type { Db } from '../../prisma/database.ts';

export const FILES_PREFIX = '/files/';

export class FileLinks {
  constructor(
    private readonly prisma: Db,
    private readonly options: { publicBaseUrl: string; ttlHours: number; now?: () => Date },
  ) {}

  private now(): Date {
    return this.options.now?.() ?? new Date();
  }

  /** Stores the file and returns its public URL, valid for ttlHours (Zalo may fetch it more than once). */
  async publish(file: Pick<OutFile, 'fileName' | 'mime' | 'data'>): Promise<string> {
    const id = randomBytes(18).toString('base64url');
    const expiresAt = new Date(this.now().getTime() + this.options.ttlHours * 3_600_000);
    await this.prisma.storedFile.create({ data: { id, fileName: file.fileName, mime: file.mime, data: Buffer.from(file.data), expiresAt } });
    const base = this.options.publicBaseUrl.replace(/\/$/, '');
    return `${base}${FILES_PREFIX}${id}/${encodeURIComponent(file.fileName)}`;
  }

  /** GET /files/<id>/<name>: the file while it is valid, else 404 (expired and unknown look the same). */
  handler() {
    return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
      const id = (req.url ?? '').slice(FILES_PREFIX.length).split(/[/?]/)[0] ?? '';
      if (!/^[A-Za-z0-9_-]{24}$/.test(id)) return void res.writeHead(404).end();
      const file = await this.prisma.storedFile.findUnique({ where: { id } });
      if (!file || file.expiresAt < this.now()) return void res.writeHead(404).end();
      res.writeHead(200, {
        'content-type': file.mime,
        'content-length': file.data.length,
        'cache-control': 'private, max-age=3600',
        'content-disposition': `inline; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
      });
      res.end(req.method === 'HEAD' ? undefined : Buffer.from(file.data));
    };
  }

}
