/**
 * One small HTTP server for what the outside world calls: Telegram's and
 * Zalo's webhooks and the expiring file links. Exact-path routes; anything
 * else is 404. Handlers own their request (secret checks come first there).
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';

export type Handler = (req: IncomingMessage, res: ServerResponse) => void | Promise<void>;

export class HttpRouter {
  private readonly exact = new Map<string, Handler>();
  private readonly prefixes: { method: string; prefix: string; handler: Handler }[] = [];
  server: Server | undefined;

  post(path: string, handler: Handler): this {
    this.exact.set(`POST ${path}`, handler);
    return this;
  }

  getPrefix(prefix: string, handler: Handler): this {
    this.prefixes.push({ method: 'GET', prefix, handler });
    return this;
  }

  handle(req: IncomingMessage, res: ServerResponse): void {
    const path = (req.url ?? '/').split('?')[0]!;
    const handler = this.exact.get(`${req.method} ${path}`) ?? this.prefixes.find((p) => (req.method === p.method || (p.method === 'GET' && req.method === 'HEAD')) && path.startsWith(p.prefix))?.handler;
    if (!handler) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('Not found');
      return;
    }
    Promise.resolve(handler(req, res)).catch(() => {
      if (!res.headersSent) res.writeHead(500).end();
    });
  }

  async listen(port: number, host = '0.0.0.0'): Promise<Server> {
    const server = createServer((req, res) => this.handle(req, res));
    await new Promise<void>((resolve) => server.listen(port, host, resolve));
    this.server = server;
    return server;
  }

  async close(): Promise<void> {
    const s = this.server;
    if (s) await new Promise<void>((resolve) => s.close(() => resolve()));
  }
}
