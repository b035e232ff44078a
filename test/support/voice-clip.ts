/**
 * Real short Vietnamese clips for voice tests, made on the spot (none are kept
 * in the repository): espeak-ng speaks the text, ffmpeg encodes it the way the
 * chat apps send it (Telegram: OGG/Opus; Zalo: AAC). Both are Debian packages;
 * without them the tests that need a real waveform are skipped, saying why.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

function has(bin: string, arg: string): boolean {
  try {
    execFileSync(bin, [arg], { stdio: 'ignore', timeout: 20_000 });
    return true;
  } catch {
    return false;
  }
}

export const HAVE_VOICE_TOOLS = has('espeak-ng', '--version') && has('ffmpeg', '-version');
export const NO_VOICE_TOOLS = 'needs espeak-ng and ffmpeg (apt-get install -y espeak-ng ffmpeg; .ci/run installs them)';

/** `text` spoken in Vietnamese, encoded as `format` (ogg = Telegram voice, aac = Zalo, wav = plain). */
export function vietnameseClip(text: string, format: 'ogg' | 'aac' | 'wav', options: { padSeconds?: number } = {}): Uint8Array {
  const dir = mkdtempSync(join(tmpdir(), 'nq57-clip-'));
  try {
    const wav = join(dir, 'speech.wav');
    execFileSync('espeak-ng', ['-v', 'vi', '-s', '150', '-w', wav, text], { stdio: 'ignore', timeout: 30_000 });
    const out = join(dir, `clip.${format}`);
    const pad = options.padSeconds ? ['-af', `apad=pad_dur=${options.padSeconds}`] : [];
    const codec = format === 'ogg' ? ['-c:a', 'libopus', '-b:a', '24k'] : format === 'aac' ? ['-c:a', 'aac', '-b:a', '48k', '-f', 'adts'] : [];
    execFileSync('ffmpeg', ['-hide_banner', '-loglevel', 'error', '-y', '-i', wav, ...pad, ...codec, out], { stdio: 'ignore', timeout: 60_000 });
    return new Uint8Array(readFileSync(out));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
