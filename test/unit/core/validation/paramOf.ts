import type { ParamValue } from '../../../../src/core/validation/issueCodes';
import type { Issue } from '../../../../src/core/validation/types';

/** One parameter of any issue, for assertions that read the same name across codes. */
export function paramOf(issue: Issue, name: string): ParamValue | undefined {
  return (issue.params as Readonly<Record<string, ParamValue | undefined>>)[name];
}
