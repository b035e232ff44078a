/**
 * Speech to text over the OpenAI-compatible `POST /v1/audio/transcriptions`
 * (multipart: file, model, language; JSON answer `{ "text": … }`), which
 * whisper.cpp's server, faster-whisper servers and commercial Vietnamese
 * gateways speak. The API key never appears in logs or errors.
 */
import { VoiceError, type SpeechToText } from '../../domain/voice/hear.ts';

export interface OpenAiSttOptions {
  /** STT_URL: the endpoint itself, or a server root to which /v1/audio/transcriptions is added. */
  url: string;
  apiKey?: string;
  model: string;
  timeoutMs: number;
}

/** The endpoint a STT_URL names: as given when it ends with /audio/transcriptions, else that path under it. */
export function transcriptionEndpoint(url: string): string {
  const u = new URL(url);
  if (/\/audio\/transcriptions\/?$/.test(u.pathname)) return u.toString();
  u.pathname = `${u.pathname.replace(/\/+$/, '')}/v1/audio/transcriptions`;
  return u.toString();
}

export class OpenAiSpeechToText implements SpeechToText {
  private readonly endpoint: string;

  constructor(private readonly o: OpenAiSttOptions) {
    this.endpoint = transcriptionEndpoint(o.url);
  }

  async transcribe(wav: Uint8Array, options: { language: string; signal?: AbortSignal }): Promise<string> {
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(wav)], { type: 'audio/wav' }), 'voice.wav');
    form.append('model', this.o.model);
    form.append('language', options.language);
    form.append('response_format', 'json');
    const timeout = AbortSignal.timeout(this.o.timeoutMs);
    const signal = options.signal ? AbortSignal.any([timeout, options.signal]) : timeout;
    try {
      const res = await fetch(this.endpoint, { method: 'POST', body: form, headers: this.o.apiKey ? { authorization: `Bearer ${this.o.apiKey}` } : {}, signal });
      if (!res.ok) throw new VoiceError('failed', `speech service answered HTTP ${res.status}`);
      const body = (await res.json().catch(() => null)) as { text?: unknown } | null;
      if (typeof body?.text !== 'string') throw new VoiceError('failed', 'speech service answered without a text');
      return body.text;
    } catch (err) {
      if (err instanceof VoiceError) throw err;
      if (timeout.aborted) throw new VoiceError('timeout', `no answer from the speech service within ${Math.round(this.o.timeoutMs / 1000)} s`);
      throw new VoiceError('failed', `speech service unreachable: ${err instanceof Error ? (err.cause instanceof Error ? err.cause.message : err.message) : String(err)}`);
    }
  }
}
