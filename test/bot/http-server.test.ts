/** The HTTP server: a failing handler is logged with a request id and answered 500 without a stack. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HttpRouter } from '../../bot/http/server.ts';

describe('HttpRouter', () => {
  const logged: { obj: Record<string, unknown>; msg: string }[] = [];
  const router = new HttpRouter({ error: (obj, msg) => void logged.push({ obj: obj as Record<string, unknown>, msg }) });
  let base = '';
  beforeAll(async () => {
    router.post('/hook', async () => {
      throw new Error('database went away');
    });
    router.get('/sync', () => {
      throw new TypeError('bug');
    });
    const server = await router.listen(0, '127.0.0.1');
    base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  });
  afterAll(() => router.close());

  it.each([
    ['POST', '/hook', 'database went away'],
    ['GET', '/sync', 'bug'],
  ])('%s %s: 500 with a request id, logged with the same id and the stack, nothing leaked', async (method, path, message) => {
    const res = await fetch(`${base}${path}`, { method, ...(method === 'POST' ? { body: '{}' } : {}) });
    expect(res.status).toBe(500);
    const id = res.headers.get('x-request-id');
    expect(id).toMatch(/^[0-9a-f]{12}$/);
    const body = await res.text();
    expect(body).toBe(`Internal error (request ${id})\n`);
    expect(body).not.toContain(message);
    const entry = logged.find((l) => l.obj.requestId === id)!;
    expect(entry.msg).toBe('http handler failed');
    expect(entry.obj).toMatchObject({ method, route: path, err: { message } });
    expect(String((entry.obj.err as { stack: string }).stack)).toContain('at ');
  });

  it('a port in use is a rejected promise, not a crash', async () => {
    const other = new HttpRouter();
    const port = Number(new URL(base).port);
    await expect(other.listen(port, '127.0.0.1')).rejects.toMatchObject({ code: 'EADDRINUSE' });
  });
});
