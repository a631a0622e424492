/**
 * Tokens of a media part by Google's documented rules (https://ai.google.dev/gemini-api/docs/tokens, "Multimodal
 * tokens", Gemini 2.x): an image with both sides ≤ 384 px is 258 tokens, a larger one is cut into 768×768 tiles of
 * 258 tokens each; audio is 32 tokens per second; video 263 per second; a PDF page counts as an image (258).
 * Where the size cannot be read from the bytes at hand (a `fileData` URI, a format we do not parse, Gemini 3's
 * `media_resolution` budgets), the part is reported as unknown instead of guessed.
 */
export type MediaKind = 'image' | 'audio' | 'video' | 'pdf' | 'file' | 'other';

export type MediaCount = { kind: MediaKind; tokens: number } | { kind: MediaKind; unknown: true };

export const TOKENS_PER_TILE = 258;
export const AUDIO_TOKENS_PER_SECOND = 32;
export const VIDEO_TOKENS_PER_SECOND = 263;

export function imageTokens(width: number, height: number): number {
  if (width <= 384 && height <= 384) {
    return TOKENS_PER_TILE;
  }
  return Math.ceil(width / 768) * Math.ceil(height / 768) * TOKENS_PER_TILE;
}

/** Width and height of a PNG or JPEG, read from its header; undefined for anything else or a damaged header. */
export function imageSize(bytes: Buffer): { width: number; height: number } | undefined {
  if (bytes.length >= 24 && bytes.readUInt32BE(0) === 0x89504e47) {
    return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
  }
  if (bytes.length < 4 || bytes[0] !== 0xff || bytes[1] !== 0xd8) {
    return undefined;
  }
  // JPEG: walk the segments to the first start-of-frame (SOF0..SOF15 except DHT/JPG/DAC).
  let offset = 2;
  while (offset + 9 < bytes.length) {
    if (bytes[offset] !== 0xff) {
      return undefined;
    }
    const marker = bytes[offset + 1];
    const length = bytes.readUInt16BE(offset + 2);
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      return { height: bytes.readUInt16BE(offset + 5), width: bytes.readUInt16BE(offset + 7) };
    }
    offset += 2 + length;
  }
  return undefined;
}

/** Seconds of a PCM WAV from its `fmt ` byte rate and `data` size; undefined for other audio. */
export function wavSeconds(bytes: Buffer): number | undefined {
  if (bytes.length < 12 || bytes.toString('latin1', 0, 4) !== 'RIFF' || bytes.toString('latin1', 8, 12) !== 'WAVE') {
    return undefined;
  }
  let byteRate: number | undefined;
  for (let offset = 12; offset + 8 <= bytes.length;) {
    const id = bytes.toString('latin1', offset, offset + 4);
    const size = bytes.readUInt32LE(offset + 4);
    if (id === 'fmt ' && offset + 16 <= bytes.length) {
      byteRate = bytes.readUInt32LE(offset + 16);
    }
    if (id === 'data') {
      return byteRate ? size / byteRate : undefined;
    }
    offset += 8 + size + (size % 2);
  }
  return undefined;
}

/** Pages of a PDF: its page objects (`/Type /Page`, not `/Pages`). */
export function pdfPages(bytes: Buffer): number | undefined {
  if (bytes.toString('latin1', 0, 5) !== '%PDF-') {
    return undefined;
  }
  const matches = bytes.toString('latin1').match(/\/Type\s*\/Page(?![a-zA-Z])/g);
  return matches ? matches.length : undefined;
}

/** Counts an inline part from its MIME type and base64 data. `tiles` is false where the tile rule does not hold. */
export function inlineMediaTokens(mimeType: string, base64: string, tiles: boolean): MediaCount {
  const bytes = Buffer.from(base64, 'base64');
  if (mimeType.startsWith('image/')) {
    const size = tiles ? imageSize(bytes) : undefined;
    return size ? { kind: 'image', tokens: imageTokens(size.width, size.height) } : { kind: 'image', unknown: true };
  }
  if (mimeType.startsWith('audio/')) {
    const seconds = wavSeconds(bytes);
    return seconds === undefined
      ? { kind: 'audio', unknown: true }
      : { kind: 'audio', tokens: Math.ceil(seconds * AUDIO_TOKENS_PER_SECOND) };
  }
  if (mimeType === 'application/pdf') {
    const pages = tiles ? pdfPages(bytes) : undefined;
    return pages === undefined ? { kind: 'pdf', unknown: true } : { kind: 'pdf', tokens: pages * TOKENS_PER_TILE };
  }
  if (mimeType.startsWith('video/')) {
    return { kind: 'video', unknown: true };
  }
  return { kind: 'other', unknown: true };
}
