/**
 * Downloading a clip by URL without trusting its size: the declared length is
 * checked first, then the bytes are counted as they arrive and the download
 * is cut at the limit (Telegram's file URL carries the token: never logged).
 */
import { VoiceError, type AudioSource, type VoiceClip } from '../../domain/voice/hear.ts';

export async function downloadCapped(url: string, maxBytes: number, timeoutMs: number): Promise<Uint8Array> {
  const signal = AbortSignal.timeout(timeoutMs);
  let res: Response;
  try {
    res = await fetch(url, { signal });
  } catch (err) {
    if (signal.aborted) throw new VoiceError('timeout', 'audio download took too long');
    throw new VoiceError('failed', `audio download failed: ${err instanceof Error ? err.message : String(err)}`);
  }
  if (!res.ok || !res.body) throw new VoiceError('failed', `audio download failed: HTTP ${res.status}`);
  const declared = Number(res.headers.get('content-length') ?? NaN);
  if (declared > maxBytes) {
    await res.body.cancel().catch(() => undefined);
    throw new VoiceError('too-big', `audio of ${declared} bytes`);
  }
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    for await (const chunk of res.body) {
      total += chunk.byteLength;
      if (total > maxBytes) throw new VoiceError('too-big', `audio over ${maxBytes} bytes`);
      chunks.push(chunk);
    }
  } catch (err) {
    if (err instanceof VoiceError) throw err;
    if (signal.aborted) throw new VoiceError('timeout', 'audio download took too long');
    throw new VoiceError('failed', 'audio download interrupted');
  }
  return Buffer.concat(chunks);
}

/** Where each channel's clips are: a URL for the clip's ref (Zalo: the ref is the URL; Telegram: getFile). */
export type ClipUrl = (ref: string) => Promise<string>;

/** Clips of every channel, by URL; channels are added when they start (Telegram's needs its bot). */
export class UrlAudioSource implements AudioSource {
  readonly urls: Partial<Record<string, ClipUrl>> = { ZALO: async (url) => url };

  constructor(private readonly timeoutMs: number) {}

  async fetch(clip: VoiceClip, maxBytes: number): Promise<Uint8Array> {
    const url = this.urls[clip.channel];
    if (!url) throw new VoiceError('failed', `no audio source for ${clip.channel}`);
    let where: string;
    try {
      where = await url(clip.ref);
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      // Telegram's getFile refuses files over 20 MB.
      throw new VoiceError(/too big/i.test(message) ? 'too-big' : 'failed', `audio not found: ${message}`);
    }
    return downloadCapped(where, maxBytes, this.timeoutMs);
  }
}
