// The MIME type of a file in a data folder, by its extension: the types Gemini reads, as its docs list them.
// Images: https://ai.google.dev/gemini-api/docs/image-understanding (PNG, JPEG, WEBP, HEIC, HEIF).
// Audio: https://ai.google.dev/gemini-api/docs/audio (WAV, MP3, AIFF, AAC, OGG Vorbis, FLAC).
// Video: https://ai.google.dev/gemini-api/docs/video-understanding (mp4, mpeg, mov, avi, x-flv, mpg, webm, wmv, 3gpp).
// Documents: https://ai.google.dev/gemini-api/docs/document-processing and the Vertex document spec (PDF; plain text
// types: text/plain, text/html, text/css, text/csv, text/md, text/xml, text/rtf, text/javascript, text/x-python).

/** What a file is to a build: text (read as UTF-8 into a text part), or media (bytes, inline or uploaded). */
export interface MediaType {
  mimeType: string;
  text: boolean;
}

const TEXT: Readonly<Record<string, string>> = {
  '.txt': 'text/plain',
  '.text': 'text/plain',
  '.md': 'text/md',
  '.markdown': 'text/md',
  '.csv': 'text/csv',
  '.html': 'text/html',
  '.htm': 'text/html',
  '.css': 'text/css',
  '.xml': 'text/xml',
  '.rtf': 'text/rtf',
  '.js': 'text/javascript',
  '.py': 'text/x-python',
  '.json': 'text/plain',
};

const MEDIA: Readonly<Record<string, string>> = {
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.heic': 'image/heic',
  '.heif': 'image/heif',
  '.wav': 'audio/wav',
  '.mp3': 'audio/mp3',
  '.aiff': 'audio/aiff',
  '.aac': 'audio/aac',
  '.ogg': 'audio/ogg',
  '.flac': 'audio/flac',
  '.mp4': 'video/mp4',
  '.mpeg': 'video/mpeg',
  '.mov': 'video/mov',
  '.avi': 'video/avi',
  '.flv': 'video/x-flv',
  '.mpg': 'video/mpg',
  '.webm': 'video/webm',
  '.wmv': 'video/wmv',
  '.3gp': 'video/3gpp',
  '.3gpp': 'video/3gpp',
  '.pdf': 'application/pdf',
};

/** The type of a file from its name (case-insensitive extension), or undefined for a type Gemini does not read. */
export function mediaTypeOf(file: string): MediaType | undefined {
  const dot = file.lastIndexOf('.');
  const ext = dot < 0 ? '' : file.slice(dot).toLowerCase();
  if (Object.hasOwn(TEXT, ext)) {
    return { mimeType: TEXT[ext], text: true };
  }
  return Object.hasOwn(MEDIA, ext) ? { mimeType: MEDIA[ext], text: false } : undefined;
}
