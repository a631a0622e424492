import { parseTree } from 'jsonc-parser';
import { freeId, type IdRename } from './duplicateKeyRename';
import type { Issue } from './types';

/**
 * The quick fix for a line without its id: a Gemini line with `request` but no `key` (`missing-key`, results then
 * match by position only) or an OpenAI line without `custom_id` (required). It inserts the id as the line's first
 * field, `request-<line number>` (1-based, as the bare-request wrap names its key), or `request-<n>-2`, … when a line
 * of the file already uses that one: the caller passes the ids in use (duplicateKeyRename.ts `usedIds`), so the new
 * id never makes a duplicate.
 */

/** The id field whose absence `issue` reports, or undefined when it reports something else. */
export function missingIdField(issue: Issue): 'key' | 'custom_id' | undefined {
  if (issue.code === 'missing-key') {
    return 'key';
  }
  if (issue.code === 'missing-field' && issue.path === '/' && issue.params.field === 'custom_id') {
    return 'custom_id';
  }
  return undefined;
}

/**
 * The insertion of `"field": "<free id>"` right after the opening brace of the line (0-based `line`), spaced as the
 * line spaces its first field; undefined when the line is not an object or already has the field.
 */
export function insertMissingId(
  lineText: string,
  field: string,
  line: number,
  used: ReadonlySet<string>,
): IdRename | undefined {
  const root = parseTree(lineText, undefined, { disallowComments: true });
  const properties = root?.type === 'object' ? (root.children ?? []) : undefined;
  if (root === undefined || properties === undefined || properties.some((p) => p.children?.[0]?.value === field)) {
    return undefined;
  }
  const wanted = `request-${line + 1}`;
  const newId = used.has(wanted) ? freeId(wanted, used) : wanted;
  const first = properties[0]?.children?.[0];
  const space = first ? (/^\s*:([ \t]*)/.exec(lineText.slice(first.offset + first.length))?.[1] ?? '') : ' ';
  const entry = `${JSON.stringify(field)}:${space}${JSON.stringify(newId)}`;
  // After the blanks that follow the brace (`{ "request"`), which then also follow the new field's comma.
  const lead = /^[ \t]*/.exec(lineText.slice(root.offset + 1))?.[0] ?? '';
  const at = root.offset + 1 + lead.length;
  return {
    startCol: at,
    endCol: at,
    newText: properties.length > 0 ? `${entry},${lead || space}` : entry,
    newId,
  };
}
