/**
 * One small HTTP server for what the outside world calls: Telegram's and
 * Zalo's webhooks, the expiring file links, health and metrics. Exact-path
 * routes; anything else is 404. Handlers own their request (secret checks
 * come first there). A handler that fails is logged with a request id and
 * answered 500 with that id only: never a stack.
 */
import { randomBytes } from 'node:crypto';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { createRequire } from 'node:module';

// Required, not imported: on Node 22 the first `import` of node:http builds its ES module facade, which reads
// every export, and one of them loads undici (~15 ms of every `npm start`, a server that never uses it).
const { createServer } = createRequire(import.meta.url)('node:http') as typeof import('node:http');

export type Handler = (req: IncomingMessage, res: ServerResponse) => void | Promise<void>;

interface ErrorLog {
  error(obj: object, msg: string): void;
}

export class HttpRouter {
  private readonly exact = new Map<string, Handler>();
  private readonly prefixes: { method: string; prefix: string; handler: Handler }[] = [];
  server: Server | undefined;

  constructor(private readonly log?: ErrorLog) {}

  post(path: string, handler: Handler): this {
    this.exact.set(`POST ${path}`, handler);
    return this;
  }

  get(path: string, handler: Handler): this {
    this.exact.set(`GET ${path}`, handler);
    this.exact.set(`HEAD ${path}`, handler);
    return this;
  }

  getPrefix(prefix: string, handler: Handler): this {
    this.prefixes.push({ method: 'GET', prefix, handler });
    return this;
  }

  postPrefix(prefix: string, handler: Handler): this {
    this.prefixes.push({ method: 'POST', prefix, handler });
    return this;
  }

  handle(req: IncomingMessage, res: ServerResponse): void {
    const path = (req.url ?? '/').split('?')[0]!;
    const handler = this.exact.get(`${req.method} ${path}`) ?? this.prefixes.find((p) => (req.method === p.method || (p.method === 'GET' && req.method === 'HEAD')) && path.startsWith(p.prefix))?.handler;
    if (!handler) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('Not found');
      return;
    }
    Promise.resolve()
      .then(() => handler(req, res))
      .catch((err: unknown) => {
        const requestId = randomBytes(6).toString('hex');
        const e = err instanceof Error ? { type: err.name, message: err.message, stack: err.stack } : { message: String(err) };
        // The route, not the URL: file links carry their secret id in the path.
        const route = this.exact.has(`${req.method} ${path}`) ? path : (this.prefixes.find((p) => path.startsWith(p.prefix))?.prefix ?? '?');
        this.log?.error({ err: e, requestId, method: req.method, route }, 'http handler failed');
        if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8', 'x-request-id': requestId }).end(`Internal error (request ${requestId})\n`);
        else res.destroy();
      });
  }

  /** Listens; rejects (EADDRINUSE, EACCES…) instead of crashing the process. */
  async listen(port: number, host = '0.0.0.0'): Promise<Server> {
    const server = createServer((req, res) => this.handle(req, res));
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, host, () => {
        server.off('error', reject);
        resolve();
      });
    });
    this.server = server;
    return server;
  }

  async close(): Promise<void> {
    const s = this.server;
    if (s) await new Promise<void>((resolve) => s.close(() => resolve()));
  }
}
