import { describe, expect, it } from 'vitest';
import { asTyped, cleanTranscript, hear, VoiceError, type HearDeps, type VoiceClip } from '../../domain/voice/hear.ts';

const clip: VoiceClip = { channel: 'TELEGRAM', ref: 'AwACAgIAAxkBAAI-voice', durationSeconds: 4, sizeBytes: 9_000 };

/** Ports that record what they were asked; each step can be made to fail. */
function deps(over: { audio?: Uint8Array | Error; seconds?: number; convert?: Error; text?: string | Error } = {}): HearDeps & { calls: string[] } {
  const calls: string[] = [];
  return {
    calls,
    limits: { maxSeconds: 120, maxBytes: 1_000_000 },
    language: 'vi',
    source: {
      async fetch(c, maxBytes) {
        calls.push(`fetch ${c.ref} ≤${maxBytes}`);
        if (over.audio instanceof Error) throw over.audio;
        return over.audio ?? new Uint8Array(100);
      },
    },
    converter: {
      async toWav(_audio, maxSeconds) {
        calls.push(`convert ≤${maxSeconds}s`);
        if (over.convert) throw over.convert;
        return { wav: new Uint8Array(44), seconds: over.seconds ?? 3.6 };
      },
    },
    stt: {
      async transcribe(_wav, o) {
        calls.push(`transcribe ${o.language}`);
        if (over.text instanceof Error) throw over.text;
        return over.text ?? 'Năm mươi phần trăm, vướng kinh phí.';
      },
    },
  };
}

describe('hearing a voice message (domain/voice/hear.ts)', () => {
  it('transcribes within the limits and keeps the clip as evidence', async () => {
    const d = deps();
    const heard = await hear(clip, d);
    expect(heard).toEqual({
      ok: true,
      transcript: 'Năm mươi phần trăm, vướng kinh phí.',
      evidence: { kind: 'voice', channel: 'TELEGRAM', fileId: clip.ref, durationSeconds: 4, transcript: 'Năm mươi phần trăm, vướng kinh phí.' },
    });
    expect(d.calls).toEqual(['fetch AwACAgIAAxkBAAI-voice ≤1000000', 'convert ≤120s', 'transcribe vi']);
  });

  it('without a speech service: disabled, nothing fetched', async () => {
    expect(await hear(clip, null)).toEqual({ ok: false, problem: 'disabled' });
  });

  it('a clip declared too long or too big is refused before it is downloaded', async () => {
    const d = deps();
    expect(await hear({ ...clip, durationSeconds: 121 }, d)).toMatchObject({ ok: false, problem: 'too-long', maxSeconds: 120 });
    expect(await hear({ ...clip, sizeBytes: 1_000_001 }, d)).toMatchObject({ ok: false, problem: 'too-big' });
    expect(d.calls).toEqual([]);
  });

  it('a clip that declares nothing (Zalo) is measured: too long after conversion, too big when downloaded', async () => {
    const zalo: VoiceClip = { channel: 'ZALO', ref: 'https://voice.zdn.vn/a.aac' };
    expect(await hear(zalo, deps({ seconds: 121 }))).toMatchObject({ ok: false, problem: 'too-long' });
    expect(await hear(zalo, deps({ audio: new VoiceError('too-big', 'over') }))).toMatchObject({ ok: false, problem: 'too-big' });
    expect(await hear(zalo, deps({ audio: new Uint8Array(1_000_001) }))).toMatchObject({ ok: false, problem: 'too-big' });
    const ok = await hear(zalo, deps({ seconds: 7.6 }));
    expect(ok.ok && ok.evidence.durationSeconds).toBe(8);
  });

  it('every failure becomes a problem code, never an exception', async () => {
    expect(await hear(clip, deps({ text: new VoiceError('timeout', 'slow') }))).toEqual({ ok: false, problem: 'timeout', detail: 'slow' });
    expect(await hear(clip, deps({ text: new VoiceError('failed', 'HTTP 500') }))).toMatchObject({ ok: false, problem: 'failed' });
    expect(await hear(clip, deps({ convert: new Error('ffmpeg crashed') }))).toEqual({ ok: false, problem: 'failed', detail: 'ffmpeg crashed' });
    expect(await hear(clip, deps({ audio: new TypeError('fetch failed') }))).toMatchObject({ ok: false, problem: 'failed' });
  });

  it('silence is not a message: an empty transcript or only noise markers is "empty"', async () => {
    expect(await hear(clip, deps({ text: '   ' }))).toEqual({ ok: false, problem: 'empty' });
    expect(await hear(clip, deps({ text: '[âm nhạc] (tiếng ồn)' }))).toEqual({ ok: false, problem: 'empty' });
  });

  it.each([
    ['Một.', '1'],
    ['số hai', '2'],
    ['Chọn ba!', '3'],
    ['chọn số tư', '4'],
    ['năm', '5'],
    ['Năm mươi phần trăm.', 'Năm mươi phần trăm.'],
    ['một nửa', 'một nửa'],
    ['Lưu.', 'Lưu.'],
  ])('asTyped(%j) = %j: a numbered choice said aloud is its digit', (said, typed) => {
    expect(asTyped(said)).toBe(typed);
  });

  it.each([
    ['  50%,\n vướng   kinh phí ', '50%, vướng kinh phí'],
    ['[BLANK_AUDIO] xong rồi', 'xong rồi'],
    ['(nhạc nền) đạt 71% (KH ≥90%)', 'đạt 71% (KH ≥90%)'],
    ['chín mươi phần trăm rồi anh ạ', 'chín mươi phần trăm rồi anh ạ'],
  ])('cleanTranscript(%j) = %j', (input, expected) => {
    expect(cleanTranscript(input)).toBe(expected);
  });
});
