/**
 * The batch-capable models, as pure data: one row per model id, shared by the emulator (its model list, which
 * models think) and the editor's fallback model picks, and meant to carry prices later.
 *
 * Sources (checked 2026-11 through the search tool):
 * - Gemini 3 ids: the "All Gemini 3 models" table of https://ai.google.dev/models (Gemini 3.1 Pro
 *   `gemini-3.1-pro-preview`, Gemini 3.5 Flash `gemini-3.5-flash`, Gemini 3 Flash `gemini-3-flash-preview`,
 *   Gemini 3.1 Flash-Lite `gemini-3.1-flash-lite`, Nano Banana 2 `gemini-3.1-flash-image`, Nano Banana Pro
 *   `gemini-3-pro-image`).
 * - Gemini 2.5 ids, the image and TTS models: https://ai.google.dev/gemini-api/docs/models ("Model variants").
 * - Which are batch-capable: reference batch-api.md §6 ("Prices": the pricing page lists batch prices for the
 *   Gemini 3.x and 2.5 text models, the image and TTS models and `gemini-embedding-001`).
 * - Thinking by default: reference batch-api.md §6 (`usageMetadata`: "2.5+ output carries thoughtsTokenCount
 *   (thinking is on by default)"), and the real output lines of gemini-2.5-flash (real-output/, thoughtsTokenCount
 *   829 and 1180). Image and TTS models answer with media, not thoughts.
 */

/** What a model does in a batch: which request it takes and what it answers. */
export type ModelTask = 'generate' | 'embed' | 'image' | 'tts';

export interface ModelRow {
  /** The id without `models/`, as in `models/{id}:batchGenerateContent`. */
  id: string;
  /** Family for grouping and (later) prices: `gemini-3`, `gemini-2.5`, `gemini-2.0`, `embedding`. */
  family: string;
  displayName: string;
  task: ModelTask;
  /** The model thinks unless told not to (its answers carry `thoughtsTokenCount`). */
  thinksByDefault: boolean;
  inputTokenLimit: number;
  outputTokenLimit: number;
}

const M = 1048576;

export const MODEL_TABLE: readonly ModelRow[] = [
  {
    id: 'gemini-3.1-pro-preview',
    family: 'gemini-3',
    displayName: 'Gemini 3.1 Pro',
    task: 'generate',
    thinksByDefault: true,
    inputTokenLimit: M,
    outputTokenLimit: 65536,
  },
  {
    id: 'gemini-3.5-flash',
    family: 'gemini-3',
    displayName: 'Gemini 3.5 Flash',
    task: 'generate',
    thinksByDefault: true,
    inputTokenLimit: M,
    outputTokenLimit: 65536,
  },
  {
    id: 'gemini-3-flash-preview',
    family: 'gemini-3',
    displayName: 'Gemini 3 Flash',
    task: 'generate',
    thinksByDefault: true,
    inputTokenLimit: M,
    outputTokenLimit: 65536,
  },
  {
    id: 'gemini-3.1-flash-lite',
    family: 'gemini-3',
    displayName: 'Gemini 3.1 Flash-Lite',
    task: 'generate',
    thinksByDefault: true,
    inputTokenLimit: M,
    outputTokenLimit: 65536,
  },
  {
    id: 'gemini-3.1-flash-image',
    family: 'gemini-3',
    displayName: 'Nano Banana 2',
    task: 'image',
    thinksByDefault: false,
    inputTokenLimit: 131072,
    outputTokenLimit: 32768,
  },
  {
    id: 'gemini-3-pro-image',
    family: 'gemini-3',
    displayName: 'Nano Banana Pro',
    task: 'image',
    thinksByDefault: false,
    inputTokenLimit: 65536,
    outputTokenLimit: 32768,
  },
  {
    id: 'gemini-2.5-pro',
    family: 'gemini-2.5',
    displayName: 'Gemini 2.5 Pro',
    task: 'generate',
    thinksByDefault: true,
    inputTokenLimit: M,
    outputTokenLimit: 65536,
  },
  {
    id: 'gemini-2.5-flash',
    family: 'gemini-2.5',
    displayName: 'Gemini 2.5 Flash',
    task: 'generate',
    thinksByDefault: true,
    inputTokenLimit: M,
    outputTokenLimit: 65536,
  },
  {
    id: 'gemini-2.5-flash-lite',
    family: 'gemini-2.5',
    displayName: 'Gemini 2.5 Flash-Lite',
    task: 'generate',
    thinksByDefault: true,
    inputTokenLimit: M,
    outputTokenLimit: 65536,
  },
  {
    id: 'gemini-2.5-flash-image',
    family: 'gemini-2.5',
    displayName: 'Gemini 2.5 Flash Image',
    task: 'image',
    thinksByDefault: false,
    inputTokenLimit: 32768,
    outputTokenLimit: 32768,
  },
  {
    id: 'gemini-2.5-flash-preview-tts',
    family: 'gemini-2.5',
    displayName: 'Gemini 2.5 Flash Preview TTS',
    task: 'tts',
    thinksByDefault: false,
    inputTokenLimit: 8192,
    outputTokenLimit: 16384,
  },
  {
    id: 'gemini-2.5-pro-preview-tts',
    family: 'gemini-2.5',
    displayName: 'Gemini 2.5 Pro Preview TTS',
    task: 'tts',
    thinksByDefault: false,
    inputTokenLimit: 8192,
    outputTokenLimit: 16384,
  },
  {
    id: 'gemini-2.0-flash',
    family: 'gemini-2.0',
    displayName: 'Gemini 2.0 Flash',
    task: 'generate',
    thinksByDefault: false,
    inputTokenLimit: M,
    outputTokenLimit: 8192,
  },
  {
    id: 'gemini-embedding-001',
    family: 'embedding',
    displayName: 'Gemini Embedding 001',
    task: 'embed',
    thinksByDefault: false,
    inputTokenLimit: 2048,
    outputTokenLimit: 1,
  },
];

/** The row of a model id (with or without `models/`), if the table has it. */
export function modelRow(id: string): ModelRow | undefined {
  const bare = id.replace(/^models\//, '');
  return MODEL_TABLE.find((m) => m.id === bare);
}

/**
 * Whether an id names a Gemini model: a table row, or any id shaped like one (`gemini-…`, `gemma-…`; new models
 * appear often, and versioned ids such as `gemini-2.0-flash-001` are not rows). The emulator serves these ids
 * (emulatedModels.ts) and the estimate counts an OpenAI-format line sent to one with Gemini's tokenizer
 * (lineEstimate.ts), so both follow this one rule. `models/` is allowed, as the compatibility layer accepts it.
 */
export function isGeminiModelId(id: string): boolean {
  const bare = id.replace(/^models\//, '');
  return modelRow(bare) !== undefined || /^(gemini|gemma)-[a-z0-9][a-z0-9.-]*$/.test(bare);
}

/** Ids of the rows doing `task`, in table order (newest family first). */
export function modelIds(task: ModelTask): string[] {
  return MODEL_TABLE.filter((m) => m.task === task).map((m) => m.id);
}
