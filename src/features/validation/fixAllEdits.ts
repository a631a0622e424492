import type { Issue } from '../../core/validation/types';
import { diff, type LineFix } from '../../core/validation/lineFix';
import { quickFixFor } from '../../core/validation/quickFixEdits';

/** The depth of an issue's place in its line (`/request/contents/parts` is 3): deeper places are fixed first. */
const depth = (issue: Issue): number => (issue.path === undefined ? 0 : issue.path.split('/').length);

/**
 * One replacement that applies every fix of `issues` (all on the line `text`) at once, or undefined when none applies.
 * Fixes are computed one after another on the text the previous ones left, deepest place first: a fix names its place
 * by path, and fixing a deeper place never moves a shallower one (wrapping `parts` in `[…]` leaves `contents` where it
 * was, while wrapping `contents` first would move `parts` to `contents[0].parts`). The result is a single edit, so the
 * edits of one line never overlap in a WorkspaceEdit.
 */
export function fixAllInLine(text: string, issues: readonly Issue[]): LineFix | undefined {
  const ordered = [...issues].sort((a, b) => depth(b) - depth(a) || b.startCol - a.startCol);
  let current = text;
  let applied = 0;
  for (const issue of ordered) {
    const fix = quickFixFor(current, issue);
    if (fix === undefined) {
      continue;
    }
    current = current.slice(0, fix.startCol) + fix.newText + current.slice(fix.endCol);
    applied++;
  }
  if (applied === 0 || current === text) {
    return undefined;
  }
  return diff(`Fix ${applied} on this line`, text, current);
}

/**
 * What "Fix all of this kind" groups an issue with: its code, narrowed for the codes whose fixes differ in kind, so
 * that the count names only issues like the one chosen: a JSON syntax error by its hint (a trailing comma), an
 * invalid value by its place, array items alike (`url`, `method`, the `role` of any item of `contents`).
 */
export function fixKind(issue: Issue): string {
  if (issue.code === 'json-syntax') {
    return `${issue.code}:${issue.params.hint ?? ''}`;
  }
  if (issue.code === 'invalid-value') {
    return `${issue.code}:${(issue.path ?? '').replace(/\/\d+(?=\/|$)/g, '/*')}`;
  }
  return issue.code;
}

/** The issues of one {@link fixKind} grouped by line, each group in the order it was found (what "Fix all" fixes). */
export function issuesByLine(issues: readonly Issue[], kind: string): Map<number, Issue[]> {
  const byLine = new Map<number, Issue[]>();
  for (const issue of issues) {
    if (fixKind(issue) !== kind) {
      continue;
    }
    const group = byLine.get(issue.line);
    if (group) {
      group.push(issue);
    } else {
      byLine.set(issue.line, [issue]);
    }
  }
  return byLine;
}
