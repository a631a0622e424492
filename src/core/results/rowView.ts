import type { EmbeddingSummary } from './embeddingSummary';
import { parseMarkdown, type Block } from './markdown';
import { isRawPcm, pcmRate, pcmToWavBase64 } from './pcmWav';
import { isCutShort } from '../jobs/noAnswer';
import { answerText } from './answerText';
import type { AnswerPart, NoAnswer, NoAnswerKind, ResultRow, RowError, RowTokens } from './resultRow';

/** One line of the virtualized list: short, fixed-height facts. */
export interface ListRow {
  index: number;
  key?: string;
  ok: boolean;
  prompt?: string;
  answer: string;
  finishReason?: string;
  tokens?: number;
  errorCode?: string;
  /** A response without a usable answer: the list marks it apart from ✓ and ✗. */
  noAnswer?: NoAnswerKind;
  /** An answer the output limit cut short (MAX_TOKENS, length): shown with a warning. */
  cutShort?: true;
}

export type ViewPart =
  | { kind: 'markdown'; blocks: Block[]; thought?: boolean }
  | { kind: 'json'; value: unknown; thought?: boolean }
  | { kind: 'functionCall'; name: string; args: unknown }
  | { kind: 'code'; language?: string; code: string }
  | { kind: 'codeResult'; outcome?: string; output: string }
  | { kind: 'media'; mimeType: string; bytes?: number; uri?: string; src?: string; play?: 'image' | 'audio' | 'video' }
  | ({ kind: 'embedding' } & EmbeddingSummary);

/** The selected row, in full. */
export interface DetailRow {
  index: number;
  key?: string;
  ok: boolean;
  prompt?: string;
  parts: ViewPart[];
  finishReason?: string;
  tokens: RowTokens;
  modelVersion?: string;
  error?: RowError;
  noAnswer?: NoAnswer;
  cutShort?: true;
  inputLine?: number;
  /** The answer as plain text (answerText.ts), for Copy Answer; absent when there is none to copy. */
  copyText?: string;
}

export const SNIPPET = 200;
/** A prompt longer than this is cut in the detail too: it is context, the input file has it whole. */
export const PROMPT_MAX = 20_000;

function clip(text: string | undefined, max: number): string | undefined {
  if (text === undefined) {
    return undefined;
  }
  return text.length > max ? `${text.slice(0, max)}…` : text;
}

function oneLine(text: string | undefined, max = SNIPPET): string | undefined {
  return clip(text?.replace(/\s+/g, ' ').trim(), max);
}

/** What the list shows as the answer: the first non-thought text, else a word for the part's kind. */
function answerSnippet(parts: AnswerPart[]): string {
  const text = parts.find((p) => p.kind === 'text' && !p.thought);
  if (text && text.kind === 'text') {
    return oneLine(text.text) ?? '';
  }
  const first = parts.find((p) => !(p.kind === 'text' && p.thought));
  if (!first) {
    return '';
  }
  switch (first.kind) {
    case 'functionCall':
      return `${first.name}(…)`;
    case 'embedding':
      return `embedding · ${first.dimensions} dimensions`;
    case 'media':
      return `${first.mimeType}`;
    case 'code':
      return oneLine(first.code) ?? '';
    default:
      return (
        oneLine(JSON.stringify((first as { value?: unknown }).value ?? (first as { output?: string }).output)) ?? ''
      );
  }
}

export function toListRow(index: number, row: ResultRow, prompt = row.prompt): ListRow {
  const t = row.tokens;
  const total = t.total ?? ((t.prompt ?? 0) + (t.output ?? 0) + (t.thoughts ?? 0) || undefined);
  return {
    index,
    key: row.key,
    ok: row.ok,
    prompt: oneLine(prompt),
    finishReason: row.finishReason,
    tokens: total,
    answer: row.ok ? answerSnippet(row.parts) : (oneLine(row.error?.message) ?? row.error?.code ?? ''),
    errorCode: row.error?.code,
    noAnswer: row.ok ? row.noAnswer?.kind : undefined,
    cutShort: cutShort(row),
  };
}

/** An answer (not a no-answer, not a failure) that ends because the output limit was reached. */
function cutShort(row: ResultRow): true | undefined {
  return row.ok && !row.noAnswer && isCutShort(row.finishReason) ? true : undefined;
}

/** Media the webview may play from a data: URI; anything else (SVG, HTML, PDF) is shown as its type and size only. */
const PLAYABLE = /^(image\/(png|jpeg|gif|webp)|audio\/(wav|x-wav|mpeg|mp3|ogg|webm|aac|flac)|video\/(mp4|webm|ogg))$/i;
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/** The element that plays a {@link PLAYABLE} type, by its top-level type. */
function playerFor(mime: string): 'image' | 'audio' | 'video' {
  if (mime.startsWith('image/')) {
    return 'image';
  }
  return mime.startsWith('audio/') ? 'audio' : 'video';
}

function viewPart(part: AnswerPart): ViewPart {
  switch (part.kind) {
    case 'text': {
      const trimmed = part.text.trim();
      if (trimmed.startsWith('{') || trimmed.startsWith('[')) {
        try {
          return { kind: 'json', value: JSON.parse(trimmed) as unknown, thought: part.thought };
        } catch {
          /* markdown */
        }
      }
      return { kind: 'markdown', blocks: parseMarkdown(part.text), thought: part.thought };
    }
    case 'media': {
      if (part.data !== undefined && isRawPcm(part.mimeType) && BASE64.test(part.data)) {
        return {
          kind: 'media',
          mimeType: part.mimeType,
          bytes: part.bytes,
          play: 'audio',
          src: `data:audio/wav;base64,${pcmToWavBase64(part.data, pcmRate(part.mimeType))}`,
        };
      }
      const mime = part.mimeType.toLowerCase();
      const playable = part.data !== undefined && PLAYABLE.test(mime) && BASE64.test(part.data);
      const play = playable ? playerFor(mime) : undefined;
      return {
        kind: 'media',
        mimeType: part.mimeType,
        bytes: part.bytes,
        uri: part.uri,
        play,
        src: play ? `data:${mime};base64,${part.data}` : undefined,
      };
    }
    case 'json':
      return { kind: 'json', value: part.value };
    default:
      return part;
  }
}

export function toDetailRow(index: number, row: ResultRow, prompt = row.prompt, inputLine = row.inputLine): DetailRow {
  return {
    index,
    key: row.key,
    ok: row.ok,
    prompt: clip(prompt, PROMPT_MAX),
    parts: row.parts.map(viewPart),
    finishReason: row.finishReason,
    tokens: row.tokens,
    modelVersion: row.modelVersion,
    error: row.error,
    noAnswer: row.ok ? row.noAnswer : undefined,
    cutShort: cutShort(row),
    inputLine,
    copyText: (row.ok && answerText(row.parts)) || undefined,
  };
}
