/**
 * The voice pipeline's pieces against real HTTP (the fake speech service in
 * test/fakes/stt) and the real ffmpeg binary, with clips spoken by espeak-ng.
 */
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { downloadCapped } from '../../bot/voice/download.ts';
import { FfmpegConverter, wavDataBytes } from '../../bot/voice/ffmpeg.ts';
import { OpenAiSpeechToText, transcriptionEndpoint } from '../../bot/voice/openai-stt.ts';
import { VoiceService, type SttConfig } from '../../bot/voice/service.ts';
import { VoiceError } from '../../domain/voice/hear.ts';
import { FakeStt } from '../fakes/stt/server.ts';
import { HAVE_VOICE_TOOLS, NO_VOICE_TOOLS, vietnameseClip } from '../support/voice-clip.ts';

const WAV = new Uint8Array([...Buffer.from('RIFF\0\0\0\0WAVEdata\0\0\0\0')]);

describe('speech to text over the OpenAI-compatible API (fake server)', () => {
  let stt: FakeStt;
  beforeAll(async () => {
    stt = await FakeStt.start();
  });
  afterAll(async () => {
    await stt?.close();
  });

  it('STT_URL may be the server root or the endpoint itself', () => {
    expect(transcriptionEndpoint('http://127.0.0.1:8178')).toBe('http://127.0.0.1:8178/v1/audio/transcriptions');
    expect(transcriptionEndpoint('https://stt.example.vn/api/')).toBe('https://stt.example.vn/api/v1/audio/transcriptions');
    expect(transcriptionEndpoint('https://stt.example.vn/openai/v1/audio/transcriptions')).toBe('https://stt.example.vn/openai/v1/audio/transcriptions');
  });

  it('posts the audio as multipart with model, language and the key, and returns the text', async () => {
    stt.mode = 'ok';
    stt.say('Tiến độ 70%, đã trình ký');
    const client = new OpenAiSpeechToText({ url: stt.url, apiKey: 'sk-test', model: 'whisper-large-v3', timeoutMs: 10_000 });
    expect(await client.transcribe(WAV, { language: 'vi' })).toBe('Tiến độ 70%, đã trình ký');
    expect(stt.requests.at(-1)).toMatchObject({ model: 'whisper-large-v3', language: 'vi', responseFormat: 'json', authorization: 'Bearer sk-test', fileName: 'voice.wav', isWav: true });
  });

  it('a failing service, an answer without text and a service that never answers become stable codes', async () => {
    // A long limit where the service answers (a loaded machine must not turn a refusal into a time-out); a short
    // one only for the service that never answers.
    const client = new OpenAiSpeechToText({ url: stt.url, model: 'whisper-1', timeoutMs: 30_000 });
    stt.mode = 'fail';
    await expect(client.transcribe(WAV, { language: 'vi' })).rejects.toMatchObject({ code: 'failed', message: 'speech service answered HTTP 500' });
    stt.mode = 'no-text';
    await expect(client.transcribe(WAV, { language: 'vi' })).rejects.toMatchObject({ code: 'failed' });
    stt.mode = 'hang';
    await expect(new OpenAiSpeechToText({ url: stt.url, model: 'whisper-1', timeoutMs: 1_500 }).transcribe(WAV, { language: 'vi' })).rejects.toMatchObject({ code: 'timeout' });
    stt.mode = 'ok';
    const nowhere = new OpenAiSpeechToText({ url: 'http://127.0.0.1:1', model: 'whisper-1', timeoutMs: 30_000 });
    await expect(nowhere.transcribe(WAV, { language: 'vi' })).rejects.toMatchObject({ code: 'failed' });
    expect(stt.requests.at(-1)!.authorization).toBeUndefined();
  });

  it('downloads are cut at the size limit, declared or not', async () => {
    const url = stt.clip('big.aac', new Uint8Array(50_000));
    await expect(downloadCapped(url, 10_000, 30_000)).rejects.toBeInstanceOf(VoiceError);
    await expect(downloadCapped(url, 10_000, 30_000)).rejects.toMatchObject({ code: 'too-big' });
    expect((await downloadCapped(url, 50_000, 30_000)).byteLength).toBe(50_000);
    await expect(downloadCapped(`${stt.url}/clips/missing.aac`, 10_000, 30_000)).rejects.toMatchObject({ code: 'failed' });
  });
});

describe.skipIf(!HAVE_VOICE_TOOLS)(`real clips through ffmpeg (${NO_VOICE_TOOLS})`, () => {
  let stt: FakeStt;
  const config: SttConfig = { url: '', apiKey: undefined, model: 'whisper-1', language: 'vi', timeoutSeconds: 20, maxSeconds: 120, maxMb: 1 };
  beforeAll(async () => {
    stt = await FakeStt.start();
    config.url = stt.url;
  });
  afterAll(async () => {
    await stt?.close();
  });

  it('converts Telegram OGG/Opus and Zalo AAC to 16 kHz mono WAV, and measures it', async () => {
    const ffmpeg = new FfmpegConverter();
    for (const format of ['ogg', 'aac'] as const) {
      const { wav, seconds } = await ffmpeg.toWav(vietnameseClip('năm mươi phần trăm', format), 120);
      const view = new DataView(wav.buffer, wav.byteOffset);
      expect(Buffer.from(wav.subarray(0, 4)).toString('latin1')).toBe('RIFF');
      expect([view.getUint16(22, true), view.getUint32(24, true), view.getUint16(34, true)]).toEqual([1, 16_000, 16]);
      // the clip's length as ffmpeg measured the audio (not a time taken)
      expect(seconds).toBeGreaterThan(0.5);
      expect(seconds).toBeLessThan(10);
      expect(wavDataBytes(wav)).toBe(Math.round(seconds * 32_000));
    }
  });

  it('not audio at all: a clear failure, not a crash', async () => {
    await expect(new FfmpegConverter().toWav(new TextEncoder().encode('not audio'), 120)).rejects.toMatchObject({ code: 'failed' });
  });

  it('the whole pipeline: a Zalo clip by URL → ffmpeg → the speech service → the transcript', async () => {
    const service = new VoiceService(config, pino({ level: 'silent' }));
    stt.say('  Năm mươi phần trăm,   vướng kinh phí. ');
    const url = stt.clip('bao-cao.aac', vietnameseClip('năm mươi phần trăm, vướng kinh phí', 'aac'));
    const heard = await service.hear({ channel: 'ZALO', ref: url });
    expect(heard).toMatchObject({ ok: true, transcript: 'Năm mươi phần trăm, vướng kinh phí.', evidence: { kind: 'voice', channel: 'ZALO', fileId: url } });
    expect(stt.requests.at(-1)!.isWav).toBe(true);
  });

  it('a clip longer than STT_MAX_SECONDS is refused without asking the speech service', async () => {
    const service = new VoiceService({ ...config, maxSeconds: 2 }, pino({ level: 'silent' }));
    const asked = stt.requests.length;
    const url = stt.clip('dai.aac', vietnameseClip('năm mươi phần trăm', 'aac', { padSeconds: 4 }));
    expect(await service.hear({ channel: 'ZALO', ref: url })).toMatchObject({ ok: false, problem: 'too-long', maxSeconds: 2 });
    expect(stt.requests.length).toBe(asked);
  });
});
