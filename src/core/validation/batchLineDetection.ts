import type { BatchKind } from '../batchKind';
import { holdsBatchLines as linesHoldBatchRequests } from './batchDetection';
import { detectKind } from './kindDetection';

/** The lines of a document, as the editor's TextDocument gives them. */
export interface LineSource {
  lineCount: number;
  lineAt(line: number): { text: string };
}

function* linesOf(doc: LineSource): Generator<string> {
  for (let i = 0; i < doc.lineCount; i++) {
    yield doc.lineAt(i).text;
  }
}

/**
 * Whether a .jsonl document holds batch lines, by the core's kind vote (the one the live validation and the CLI
 * decide by): a file of log records or other JSON Lines data, and the results of a job, are left alone under the
 * 'auto' kind. Lines are read lazily, so only the first ones are ever fetched.
 */
export function holdsBatchLines(doc: LineSource): boolean {
  return linesHoldBatchRequests(linesOf(doc));
}

/** The kind a document's first lines vote for (gemini-generate when none is a batch line), read lazily as above. */
export function documentKind(doc: LineSource): BatchKind {
  return detectKind(linesOf(doc));
}
