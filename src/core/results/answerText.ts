import type { AnswerPart } from './answerOf';

/**
 * An answer as plain text, for export, the CLI and the outcome shown on an input line: the text parts (thoughts
 * left out: they are not the answer), function calls as `name(args)`, code as written, and a bracketed note for what
 * has no text (media, embeddings). Model output is untrusted: callers escape this for whatever renders it.
 */
export function answerText(parts: readonly AnswerPart[]): string {
  const pieces: string[] = [];
  for (const part of parts) {
    switch (part.kind) {
      case 'text':
        if (!part.thought) {
          pieces.push(part.text);
        }
        break;
      case 'functionCall':
        pieces.push(`${part.name}(${JSON.stringify(part.args)})`);
        break;
      case 'code':
        pieces.push(part.code);
        break;
      case 'codeResult':
        pieces.push(part.output);
        break;
      case 'media':
        pieces.push(
          `[${part.mimeType}${part.bytes !== undefined ? `, ${part.bytes} bytes` : ''}${part.uri ? ` ${part.uri}` : ''}]`,
        );
        break;
      case 'embedding':
        pieces.push(`[embedding, ${part.dimensions} dimensions]`);
        break;
      case 'json':
        pieces.push(JSON.stringify(part.value));
        break;
    }
  }
  return pieces.join('\n');
}

/** The first `words` words of a text on one line, with `…` when cut. */
export function firstWords(text: string, words: number, maxChars = 80): string {
  const all = text.trim().split(/\s+/).filter(Boolean);
  let shown = all.slice(0, words).join(' ');
  if (shown.length > maxChars) {
    shown = shown.slice(0, maxChars).trimEnd();
  }
  return shown.length < all.join(' ').length ? `${shown}…` : shown;
}
