/**
 * A fake speech-to-text service speaking the OpenAI-compatible
 * `POST /v1/audio/transcriptions` (multipart: file, model, language;
 * answer `{ "text": … }`), for tests through real HTTP. It answers with the
 * transcripts the test queues (or a default), can hang (a time-out) or fail,
 * and records what it was sent. It also serves audio clips by URL
 * (`/clips/<name>`), standing in for Zalo's voice_url host.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { parseMultipart } from '../telegram/request-body.ts';

export interface SttRequest {
  model: string | undefined;
  language: string | undefined;
  responseFormat: string | undefined;
  authorization: string | undefined;
  fileName: string | undefined;
  /** The uploaded audio, as received. */
  audio: Buffer;
  /** It is a RIFF/WAVE file (what the bot sends after ffmpeg). */
  isWav: boolean;
}

export type SttMode = 'ok' | 'hang' | 'fail' | 'no-text';

export class FakeStt {
  /** What `ok` answers when no transcript is queued. */
  defaultTranscript = 'năm mươi phần trăm, vướng kinh phí';
  mode: SttMode = 'ok';
  readonly requests: SttRequest[] = [];
  readonly #queue: string[] = [];
  readonly #clips = new Map<string, { bytes: Buffer; type: string }>();
  #server!: Server;
  url = '';

  static async start(): Promise<FakeStt> {
    const fake = new FakeStt();
    fake.#server = createServer((req, res) => void fake.#handle(req, res));
    await new Promise<void>((resolve) => fake.#server.listen(0, '127.0.0.1', resolve));
    fake.url = `http://127.0.0.1:${(fake.#server.address() as AddressInfo).port}`;
    return fake;
  }

  /** The next transcriptions answer these texts, in order. */
  say(...texts: string[]): void {
    this.#queue.push(...texts);
  }

  /** Serves `bytes` at the returned URL (a Zalo voice_url). */
  clip(name: string, bytes: Uint8Array, type = 'audio/aac'): string {
    this.#clips.set(name, { bytes: Buffer.from(bytes), type });
    return `${this.url}/clips/${name}`;
  }

  async close(): Promise<void> {
    await new Promise<void>((resolve) => {
      this.#server.close(() => resolve());
      this.#server.closeAllConnections();
    });
  }

  async #handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = new URL(req.url ?? '/', this.url).pathname;
    if (req.method === 'GET' && path.startsWith('/clips/')) {
      const clip = this.#clips.get(decodeURIComponent(path.slice('/clips/'.length)));
      if (!clip) return void res.writeHead(404).end();
      return void res.writeHead(200, { 'content-type': clip.type, 'content-length': clip.bytes.length }).end(clip.bytes);
    }
    if (req.method !== 'POST' || path !== '/v1/audio/transcriptions') return void res.writeHead(404, { 'content-type': 'application/json' }).end('{"error":{"message":"not found"}}');
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const boundary = /boundary=(?:"([^"]+)"|([^;]+))/.exec(req.headers['content-type'] ?? '');
    if (!boundary) return void res.writeHead(400).end('{"error":{"message":"expected multipart/form-data"}}');
    const parts = parseMultipart(Buffer.concat(chunks), boundary[1] ?? boundary[2]!);
    const field = (name: string) => parts.find((p) => p.name === name && p.filename === undefined)?.body.toString('utf8');
    const file = parts.find((p) => p.name === 'file');
    const audio = file?.body ?? Buffer.alloc(0);
    this.requests.push({
      model: field('model'),
      language: field('language'),
      responseFormat: field('response_format'),
      authorization: req.headers.authorization,
      fileName: file?.filename,
      audio,
      isWav: audio.subarray(0, 4).toString('latin1') === 'RIFF' && audio.subarray(8, 12).toString('latin1') === 'WAVE',
    });
    if (!file) return void res.writeHead(400, { 'content-type': 'application/json' }).end('{"error":{"message":"file is required"}}');
    if (this.mode === 'hang') return; // never answers: the client's time-out decides
    if (this.mode === 'fail') return void res.writeHead(500, { 'content-type': 'application/json' }).end('{"error":{"message":"model crashed"}}');
    if (this.mode === 'no-text') return void res.writeHead(200, { 'content-type': 'application/json' }).end('{"segments":[]}');
    const text = this.#queue.shift() ?? this.defaultTranscript;
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ text }));
  }
}
