import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { SentencePieceCounter } from './sentencePieceCounter';
import { TiktokenCounter } from './tiktokenCounter';
import { type VocabParts, VocabTable } from './vocabTable';

/**
 * Loads the compact vocabularies shipped in assets/tokenizers/ (built by scripts/build-token-vocab.js: gzip of
 * `<uint16 LE length><bytes>` records, record i being id/rank i). `dir` is injected: the bundle, the CLI and the
 * tests each know where the assets sit relative to themselves.
 */
export const GEMINI_VOCAB_FILE = 'gemini.vocab.gz';
export const GEMINI_ADDED_FILE = 'gemini-added.json';
export const O200K_VOCAB_FILE = 'o200k.vocab.gz';

export class VocabularyError extends Error {
  constructor(readonly file: string) {
    super(`${file}: not a vocabulary of the expected format`);
  }
}

async function readRecords(dir: string, file: string, encoding: 'latin1'): Promise<string[]> {
  const bytes = gunzipSync(await readFile(join(dir, file)));
  const tokens: string[] = [];
  let offset = 0;
  while (offset < bytes.length) {
    if (offset + 2 > bytes.length) {
      throw new VocabularyError(file);
    }
    const length = bytes.readUInt16LE(offset);
    offset += 2;
    if (offset + length > bytes.length) {
      throw new VocabularyError(file);
    }
    tokens.push(bytes.toString(encoding, offset, offset + length));
    offset += length;
  }
  return tokens;
}

/** Gemini's vocabulary, built: what a SentencePieceCounter needs, and can be posted to a worker (shared, not copied). */
export interface GeminiVocab {
  parts: VocabParts;
  added: string[];
}

export async function loadGeminiVocab(dir: string): Promise<GeminiVocab> {
  const added: unknown = JSON.parse(await readFile(join(dir, GEMINI_ADDED_FILE), 'utf8'));
  if (!Array.isArray(added) || !added.every((t) => typeof t === 'string')) {
    throw new VocabularyError(GEMINI_ADDED_FILE);
  }
  const vocab = VocabTable.fromRecords(gunzipSync(await readFile(join(dir, GEMINI_VOCAB_FILE))));
  if (!vocab) {
    throw new VocabularyError(GEMINI_VOCAB_FILE);
  }
  return { parts: vocab.parts, added: added as string[] };
}

/** A counter over a built vocabulary: each counter has its own chunk memo (a counter serves one thread). */
export function geminiCounter(vocab: GeminiVocab): SentencePieceCounter {
  return new SentencePieceCounter(new VocabTable(vocab.parts), vocab.added);
}

export async function loadGeminiCounter(dir: string): Promise<SentencePieceCounter> {
  return geminiCounter(await loadGeminiVocab(dir));
}

export async function loadOpenAiCounter(dir: string): Promise<TiktokenCounter> {
  // latin1 keeps one char per byte: tiktoken merges bytes, not characters.
  const tokens = await readRecords(dir, O200K_VOCAB_FILE, 'latin1');
  const ranks = new Map<string, number>();
  for (let rank = 0; rank < tokens.length; rank++) {
    if (tokens[rank]) {
      ranks.set(tokens[rank], rank);
    }
  }
  return new TiktokenCounter(ranks);
}
