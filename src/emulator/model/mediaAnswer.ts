import { modelRow } from '../../core/models/modelTable';

/** How an image or TTS model answers instead of plain text. */
export interface MediaAnswer {
  /** The candidate's parts, given the emulated text. */
  parts(text: string): Record<string, unknown>[];
  /** Output tokens of one candidate (a fixed stand-in: the emulator makes no real media). */
  tokens: number;
  /** The `candidatesTokensDetails` modality (SDK `MediaModality`: IMAGE, AUDIO). */
  modality: 'IMAGE' | 'AUDIO';
}

/** A 1×1 transparent PNG: a valid image for clients that decode what they get. */
const PNG_1X1 = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';
/** 0.1 s of 16-bit mono silence at 24 kHz, the raw PCM TTS models answer with (`audio/L16;codec=pcm;rate=24000`). */
const PCM_SILENCE = Buffer.alloc(4800).toString('base64');

/**
 * The media answer of an image or TTS model (by the model table's `task`), or undefined for a text model. Image
 * models answer with text and an image part, TTS models with one audio part, both as `inlineData`.
 */
export function mediaAnswer(model: string): MediaAnswer | undefined {
  const task = modelRow(model)?.task;
  if (task === 'image') {
    return {
      parts: (text) => [{ text }, { inlineData: { mimeType: 'image/png', data: PNG_1X1 } }],
      tokens: 1290,
      modality: 'IMAGE',
    };
  }
  if (task === 'tts') {
    return {
      parts: () => [{ inlineData: { mimeType: 'audio/L16;codec=pcm;rate=24000', data: PCM_SILENCE } }],
      tokens: 25,
      modality: 'AUDIO',
    };
  }
  return undefined;
}
