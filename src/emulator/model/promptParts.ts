/**
 * The parts of a GenerateContentRequest's prompt and their modalities: what the emulator's token accounting
 * (usage.ts, countedUsage.ts) walks. Both spellings of a field are read: the SDKs send camelCase over REST,
 * hand-written and python-genai batch lines may carry snake_case.
 */

type Obj = Record<string, unknown>;

export function field(o: Obj | undefined, camel: string, snake: string): unknown {
  return o === undefined ? undefined : (o[camel] ?? o[snake]);
}

function asList(value: unknown): unknown[] {
  if (value === undefined || value === null) {
    return [];
  }
  return Array.isArray(value) ? value : [value];
}

/** Media modalities by MIME type prefix (the names of the `Modality` enum in the SDK). */
const MEDIA_MODALITIES: readonly (readonly [string, string])[] = [
  ['image/', 'IMAGE'],
  ['audio/', 'AUDIO'],
  ['video/', 'VIDEO'],
];

/** A media part's modality from its MIME type; PDF is `DOCUMENT`, anything unknown `TEXT`. */
export function modalityOf(mime: unknown): string {
  const m = typeof mime === 'string' ? mime : '';
  if (m === 'application/pdf') {
    return 'DOCUMENT';
  }
  return MEDIA_MODALITIES.find(([prefix]) => m.startsWith(prefix))?.[1] ?? 'TEXT';
}

/** The `inlineData` or `fileData` of a part that is not text, if it has one. */
export function mediaOf(part: Obj): Obj | undefined {
  if (typeof part.text === 'string') {
    return undefined;
  }
  const media = field(part, 'inlineData', 'inline_data') ?? field(part, 'fileData', 'file_data');
  return media ? (media as Obj) : undefined;
}

/** Every part of the prompt, in order: the contents', then the system instruction's. */
export function promptParts(request: Obj): Obj[] {
  const contents = [...asList(request.contents), field(request, 'systemInstruction', 'system_instruction')];
  return contents.flatMap((c) => asList((c as Obj | undefined)?.parts).map((p) => (p ?? {}) as Obj));
}
