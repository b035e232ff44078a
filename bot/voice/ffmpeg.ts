/**
 * Any clip the chat apps send (Telegram's OGG/Opus voice, MP3/M4A audio,
 * Zalo's AAC) becomes 16 kHz mono 16-bit WAV, what speech services read best,
 * through the ffmpeg binary (Debian package `ffmpeg`). Files, not pipes: MP4
 * containers need a seekable input. Output stops one second past the limit, so
 * a clip longer than the limit is known without reading it all.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { VoiceError, type AudioConverter } from '../../domain/voice/hear.ts';

const run = promisify(execFile);
const BYTES_PER_SECOND = 16_000 * 2;

export class FfmpegConverter implements AudioConverter {
  constructor(private readonly o: { bin?: string; timeoutMs?: number } = {}) {}

  async toWav(audio: Uint8Array, maxSeconds: number): Promise<{ wav: Uint8Array; seconds: number }> {
    const dir = await mkdtemp(join(tmpdir(), 'nq57-voice-'));
    try {
      const input = join(dir, 'in');
      const output = join(dir, 'out.wav');
      await writeFile(input, audio);
      const args = ['-hide_banner', '-loglevel', 'error', '-nostdin', '-y', '-i', input, '-t', String(maxSeconds + 1), '-vn', '-ac', '1', '-ar', '16000', '-c:a', 'pcm_s16le', '-f', 'wav', output];
      try {
        await run(this.o.bin ?? 'ffmpeg', args, { timeout: this.o.timeoutMs ?? 60_000, maxBuffer: 1 << 20 });
      } catch (err) {
        const e = err as NodeJS.ErrnoException & { stderr?: string; killed?: boolean };
        if (e.code === 'ENOENT') throw new VoiceError('failed', 'ffmpeg is not installed (Debian: apt-get install ffmpeg)');
        if (e.killed) throw new VoiceError('timeout', 'ffmpeg took too long');
        throw new VoiceError('failed', `ffmpeg could not read the clip: ${(e.stderr ?? '').trim().split('\n').pop()?.slice(0, 200) ?? ''}`);
      }
      const wav = new Uint8Array(await readFile(output));
      return { wav, seconds: wavDataBytes(wav) / BYTES_PER_SECOND };
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }
}

/** Whether the ffmpeg binary runs here (checked once at start-up when voice is enabled). */
export async function ffmpegAvailable(bin = 'ffmpeg'): Promise<boolean> {
  return run(bin, ['-version'], { timeout: 10_000 }).then(
    () => true,
    () => false,
  );
}

/** The size of a WAV file's sample data (its `data` chunk), whatever other chunks ffmpeg wrote before it. */
export function wavDataBytes(wav: Uint8Array): number {
  const view = new DataView(wav.buffer, wav.byteOffset, wav.byteLength);
  let at = 12;
  while (at + 8 <= wav.byteLength) {
    const id = String.fromCharCode(...wav.subarray(at, at + 4));
    const size = view.getUint32(at + 4, true);
    if (id === 'data') return Math.min(size, wav.byteLength - at - 8);
    at += 8 + size + (size % 2);
  }
  return 0;
}
