import { open } from 'node:fs/promises';
import { writeAtomically, type Writer } from '../results/atomicWriter';
import { isBlankBytes, lineText, parseObjectLine, readLineHead, readLines } from './lineReader';
import { classifyResultLine } from './resultLine';
import { inputLineKey } from './longLineKey';
import { lineKey } from '../results/requestIds';

export interface JoinCounts {
  matched: number;
  /** Input requests with no result line (written with an error `missing_result`). */
  missingResults: number;
  /** Result lines whose key matches no input request (written at the end with `"line": null`). */
  orphanResults: number;
  /** Result lines that are not JSON objects (counted, not written). */
  unparseableResults: number;
}

interface Ref {
  file: number;
  offset: number;
  length: number;
}

/**
 * The request part of an input line: Gemini `request`, OpenAI `body`, or the bare (keyless) request itself; or
 * the line's text (lineText: `raw` is its head) when it is no object.
 */
function requestOf(obj: Record<string, unknown> | undefined, raw: Buffer, length: number): unknown {
  if (!obj) {
    return lineText(raw, length);
  }
  return obj.request ?? obj.body ?? obj;
}

/**
 * Writes `{"line", "key", "request", "response"|"error"}` per input request, in input order, matching results by
 * key/custom_id (result order is arbitrary) and keyless lines by their position among the keyless ones. Memory stays
 * bounded: only byte offsets are indexed, lines are re-read from disk when written. The output appears atomically.
 */
export async function joinResults(
  inputPath: string,
  resultsPath: string,
  errorPath: string | undefined,
  outPath: string,
): Promise<JoinCounts> {
  const inputs: Ref[] = [];
  const lineNos: number[] = [];
  const byKey = new Map<string, number[]>();
  /** Input lines with no key, in order: their results can only be matched by position among keyless results. */
  const keylessInputs: number[] = [];
  /** The keys of lines too long to parse again when written (read from their ends: longLineKey.ts). */
  const longKeys = new Map<number, string>();
  for await (const line of readLines(inputPath)) {
    if (isBlankBytes(line.bytes)) {
      continue;
    }
    const key = inputLineKey(line);
    if (key !== undefined && line.tail) {
      longKeys.set(inputs.length, key);
    }
    if (key !== undefined) {
      const queue = byKey.get(key) ?? [];
      queue.push(inputs.length);
      byKey.set(key, queue);
    } else {
      keylessInputs.push(inputs.length);
    }
    inputs.push({ file: -1, offset: line.offset, length: line.length });
    lineNos.push(line.lineNo);
  }
  const matches: (Ref | undefined)[] = new Array(inputs.length);
  const orphans: Ref[] = [];
  const counts: JoinCounts = { matched: 0, missingResults: 0, orphanResults: 0, unparseableResults: 0 };
  const resultPaths = [resultsPath, ...(errorPath ? [errorPath] : [])];
  for (const [file, path] of resultPaths.entries()) {
    for await (const line of readLines(path)) {
      if (isBlankBytes(line.bytes)) {
        continue;
      }
      const parsed = parseObjectLine(line.bytes);
      if (!parsed) {
        counts.unparseableResults++;
        continue;
      }
      const ref = { file, offset: line.offset, length: line.length };
      const key = classifyResultLine(parsed).key;
      // Keyed results match by key whatever their order; a keyless one takes the next keyless input (the emulator,
      // like the service's bare-request mode, keeps those in order: see src/emulator/jobs/resultFiles.ts).
      const target = key !== undefined ? byKey.get(key)?.shift() : keylessInputs.shift();
      if (target === undefined) {
        orphans.push(ref);
      } else {
        matches[target] = ref;
      }
    }
  }

  // A temp name of its own per write (writeAtomically): two joins of one job at once (two Open Results) each rename
  // a complete file into place, where a shared `${outPath}.<pid>.part` made the second rename fail.
  const handles = await Promise.all([inputPath, ...resultPaths].map((p) => open(p, 'r')));
  // Lines are read back only to be parsed: no more of one than parseObjectLine looks at.
  const readAt = (file: number, ref: Ref) => readLineHead(handles[file], ref.offset, ref.length);
  const outcomeFields = async (ref: Ref) => {
    const outcome = classifyResultLine(parseObjectLine(await readAt(ref.file + 1, ref)) ?? {});
    return {
      key: outcome.key ?? null,
      fields: outcome.ok ? { response: outcome.payload } : { error: outcome.payload },
    };
  };
  const fill = async (writeChunk: Writer): Promise<void> => {
    const write = (value: unknown) => writeChunk(`${JSON.stringify(value)}\n`);
    for (const [index, input] of inputs.entries()) {
      const raw = await readAt(0, input);
      const obj = parseObjectLine(raw);
      const match = matches[index];
      if (match) {
        counts.matched++;
        await write({
          line: lineNos[index],
          key: lineKey(obj) ?? longKeys.get(index) ?? null,
          request: requestOf(obj, raw, input.length),
          ...(await outcomeFields(match)).fields,
        });
      } else {
        counts.missingResults++;
        const error = { code: 'missing_result', message: 'No result line for this request.' };
        await write({
          line: lineNos[index],
          key: lineKey(obj) ?? longKeys.get(index) ?? null,
          request: requestOf(obj, raw, input.length),
          error,
        });
      }
    }
    for (const orphan of orphans) {
      counts.orphanResults++;
      const { key, fields } = await outcomeFields(orphan);
      await write({ line: null, key, request: null, ...fields });
    }
  };
  try {
    await writeAtomically(outPath, fill);
  } finally {
    await Promise.all(handles.map((h) => h.close()));
  }
  return counts;
}
