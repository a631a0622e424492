/**
 * Gemini speech comes back as raw PCM, `audio/L16;codec=pcm;rate=24000`: signed 16-bit little-endian mono samples,
 * which no browser plays as they are. Wrapped in a 44-byte WAV header they play in an <audio> element. (The format
 * as third-party Gemini clients document and handle it, e.g. docs.rs ferrin_google::speech `add_wav_header`; the
 * rate is read from the media type, 24000 when it has none.)
 */
const L16 = /^audio\/(?:l16|pcm)\b/i;

export function isRawPcm(mimeType: string): boolean {
  return L16.test(mimeType);
}

export function pcmRate(mimeType: string): number {
  const rate = Number(/;\s*rate=(\d+)/i.exec(mimeType)?.[1]);
  return Number.isInteger(rate) && rate > 0 && rate <= 384_000 ? rate : 24_000;
}

/** The base64 of a WAV file holding the base64 PCM `data` (mono, 16 bit, `rate` Hz). */
export function pcmToWavBase64(data: string, rate: number): string {
  const pcm = Buffer.from(data, 'base64');
  const header = Buffer.alloc(44);
  header.write('RIFF', 0, 'ascii');
  header.writeUInt32LE(36 + pcm.length, 4);
  header.write('WAVE', 8, 'ascii');
  header.write('fmt ', 12, 'ascii');
  header.writeUInt32LE(16, 16); // fmt chunk size
  header.writeUInt16LE(1, 20); // PCM
  header.writeUInt16LE(1, 22); // mono
  header.writeUInt32LE(rate, 24);
  header.writeUInt32LE(rate * 2, 28); // byte rate
  header.writeUInt16LE(2, 32); // block align
  header.writeUInt16LE(16, 34); // bits per sample
  header.write('data', 36, 'ascii');
  header.writeUInt32LE(pcm.length, 40);
  return Buffer.concat([header, pcm]).toString('base64');
}
