import { isBlankBytes, readLines, parseObjectLine } from './lineReader';
import { emptyCounts, type OutcomeCounts } from './outcomeCounts';
import { classifyResultLine } from './resultLine';

/** The outcome counts of a results file and its error file. */
export type ResultSummary = OutcomeCounts;

/**
 * Counts outcomes across a results file and an (OpenAI) error file, streaming line by line. Blank lines are
 * skipped; a line that is not a JSON object counts as a failure `unparseable_line` (nothing is silently dropped).
 */
export async function summarizeResults(
  paths: { results?: string; errors?: string },
  signal?: AbortSignal,
): Promise<ResultSummary> {
  const summary: ResultSummary = emptyCounts();
  const fail = (code: string) => {
    summary.failed++;
    summary.byErrorCode[code] = (summary.byErrorCode[code] ?? 0) + 1;
  };
  for (const path of [paths.results, paths.errors]) {
    if (!path) {
      continue;
    }
    for await (const line of readLines(path, signal)) {
      if (isBlankBytes(line.bytes)) {
        continue;
      }
      summary.total++;
      const parsed = parseObjectLine(line.bytes);
      if (!parsed) {
        fail('unparseable_line');
        continue;
      }
      const outcome = classifyResultLine(parsed);
      if (outcome.ok && outcome.noAnswer) {
        const reason = outcome.noAnswer.reason;
        summary.noAnswer++;
        summary.byNoAnswerReason[reason] = (summary.byNoAnswerReason[reason] ?? 0) + 1;
      } else if (outcome.ok) {
        summary.succeeded++;
      } else {
        fail(outcome.code ?? 'error');
      }
    }
  }
  return summary;
}
