import { IssueCode } from '../validation/issueCodes';
import type { ValidationSummary } from '../validation/types';

/**
 * Why a validated file cannot be submitted, in words, or undefined when it can: it holds the results of a job
 * (`results`: output lines or a joined file, not validated), it has errors, it is JSON Lines but not a batch
 * (`notBatch`: no line looked like a batch request, so nothing was validated), or it holds no requests.
 */
export function refusalOf(
  name: string,
  summary: Pick<ValidationSummary, 'issues' | 'requests' | 'notBatch' | 'results'>,
): string | undefined {
  if (summary.results) {
    return `${name} holds the results of a batch job, not requests to submit. Submit the input file it came from instead.`;
  }
  const errors = summary.issues.filter((issue) => issue.severity === 'error').length;
  if (errors > 0) {
    return `${name} has ${errors} error${errors === 1 ? '' : 's'}. Fix ${errors === 1 ? 'it' : 'them'} before submitting.`;
  }
  if (summary.notBatch) {
    return `${name} is not a batch file (no line looks like a Gemini or OpenAI batch request).`;
  }
  return summary.requests > 0 ? undefined : `${name} holds no requests.`;
}

/**
 * The one button a refusal offers. A file that is not a batch (its only issue says so; live validation leaves such a
 * file alone, so "Show Problems" led to an empty panel) offers "Set Batch Kind…", as the user may know better; a
 * binary file or the results of a job offer nothing; a batch file with errors offers "Show Problems".
 */
export function refusalAction(
  summary: Pick<ValidationSummary, 'issues' | 'notBatch' | 'results'>,
): 'showProblems' | 'setKind' | undefined {
  if (summary.results || summary.issues.some((issue) => issue.code === IssueCode.BinaryFile)) {
    return undefined;
  }
  if (summary.notBatch) {
    return 'setKind';
  }
  return summary.issues.some((issue) => issue.severity === 'error') ? 'showProblems' : undefined;
}
