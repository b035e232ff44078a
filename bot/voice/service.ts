/**
 * Voice messages, wired: download (per channel) → ffmpeg → speech to text,
 * within the limits of the configuration. The chat service calls `hear`
 * before its database transaction. Logs say what happened and how long it
 * took, never the transcript or the clip's URL (Telegram's carries the token).
 */
import { hear, type AudioConverter, type Heard, type SpeechToText, type VoiceClip } from '../../domain/voice/hear.ts';
import type { Logger } from '../logger.ts';
import { UrlAudioSource } from './download.ts';
import { FfmpegConverter } from './ffmpeg.ts';
import { OpenAiSpeechToText } from './openai-stt.ts';

export interface SttConfig {
  url: string;
  apiKey: string | undefined;
  model: string;
  language: string;
  timeoutSeconds: number;
  maxSeconds: number;
  maxMb: number;
}

export interface Hearing {
  hear(clip: VoiceClip): Promise<Heard>;
}

export class VoiceService implements Hearing {
  readonly source: UrlAudioSource;
  private readonly converter: AudioConverter;
  private readonly stt: SpeechToText;

  constructor(
    private readonly config: SttConfig,
    private readonly log: Logger,
    parts: { source?: UrlAudioSource; converter?: AudioConverter; stt?: SpeechToText } = {},
  ) {
    // Channels add where their clips are (source.urls.TELEGRAM: getFile, once its bot exists).
    this.source = parts.source ?? new UrlAudioSource(config.timeoutSeconds * 1000);
    this.converter = parts.converter ?? new FfmpegConverter({ timeoutMs: config.timeoutSeconds * 1000 });
    this.stt = parts.stt ?? new OpenAiSpeechToText({ url: config.url, apiKey: config.apiKey, model: config.model, timeoutMs: config.timeoutSeconds * 1000 });
  }

  async hear(clip: VoiceClip): Promise<Heard> {
    const started = Date.now();
    const heard = await hear(clip, {
      source: this.source,
      converter: this.converter,
      stt: this.stt,
      limits: { maxSeconds: this.config.maxSeconds, maxBytes: this.config.maxMb * 1024 * 1024 },
      language: this.config.language,
    });
    const ms = Date.now() - started;
    if (heard.ok) this.log.info({ channel: clip.channel, seconds: heard.evidence.durationSeconds, chars: heard.transcript.length, ms }, 'voice message heard');
    else this.log.warn({ channel: clip.channel, problem: heard.problem, detail: heard.detail, ms }, 'voice message not heard');
    return heard;
  }
}
