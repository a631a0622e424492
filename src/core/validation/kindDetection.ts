import type { BatchKind } from '../batchKind';
import { detectBatchFile } from './batchDetection';

/**
 * Detects the kind of a batch file from its lines: the majority of the shapes of the first
 * 100 lines that parse as JSON objects, counting only lines that look like batch requests
 * (an HTTP log record with `method` and `url` does not vote OpenAI). A file with no such line is gemini-generate;
 * {@link detectBatchFile} also says whether the file is a batch file at all.
 */
export function detectKind(lines: Iterable<string>): BatchKind {
  return detectBatchFile(lines).kind;
}
