import type { BatchKind } from '../batchKind';
import { detectFile } from './kindVote';

/**
 * The kind of a batch file from its lines, by the one kind vote ({@link KindVote}): the majority of the batch lines
 * among the first non-blank ones (an HTTP log record with `method` and `url` does not vote OpenAI). A file with no
 * such line is gemini-generate; {@link detectFile} also says whether the file is a batch file at all.
 */
export function detectKind(lines: Iterable<string>): BatchKind {
  return detectFile(lines).kind;
}
