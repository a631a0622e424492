import type { BatchKind } from '../batchKind';
import { compareIssues, duplicateIssue, fileIssues, firstSeen, idField, mixedIssue, tooManyLinesIssue } from './crossLineIssues';
import { PROVIDER_LIMITS } from './limits';
import type { LineRecord } from './lineRecord';
import type { Issue } from './types';

/**
 * The document's issues from its line records, in one pass: each line's own issues moved to its current number,
 * then the checks across lines (duplicate ids, mixed url/model, line and size limits). A line with nothing to
 * report costs a few field reads and no allocation, which keeps a pass over 100k lines well under a millisecond.
 */
export function collectIssues(records: readonly LineRecord[], kind: BatchKind, maxIssues: number): Issue[] {
  const out: Issue[] = [];
  const firstOfGroup = new Map<LineRecord[], number>();
  const maxLines = PROVIDER_LIMITS[kind].maxLines;
  let firstUrl: { value: string; line: number } | undefined;
  let firstModel: { value: string; line: number } | undefined;
  let requests = 0;
  // UTF-16 units (plus the line breaks); bytes are only counted when a size limit is within reach.
  let units = records.length > 0 ? records.length - 1 : 0;
  for (let i = 0; i < records.length; i++) {
    const r = records[i];
    units += r.text.length;
    if (r.blank) { continue; }
    requests++;
    // Most lines have nothing to report: test cheap fields first, allocate nothing for them.
    if (r.issues.length === 0 && (r.idGroup === undefined || r.idGroup.length < 2) && r.url === undefined && r.model === undefined
      && (maxLines === undefined || requests <= maxLines)) { continue; }
    if (out.length >= maxIssues) { continue; }
    for (let k = 0; k < r.issues.length; k++) { out.push(moved(r.issues[k], i)); }
    if (maxLines !== undefined && requests === maxLines + 1) { out.push(tooManyLinesIssue(kind, i, r.text)); }
    if (r.idGroup !== undefined && r.idGroup.length > 1 && r.id !== undefined) {
      const first = firstOfGroup.get(r.idGroup);
      // The first line's place is computed from its current number and text, so it follows edits above it.
      if (first === undefined) { firstOfGroup.set(r.idGroup, i); }
      else { out.push(duplicateIssue(kind, r.text, i, r.id, firstSeen(first, records[first].text, idField(kind)))); }
    }
    if (kind !== 'openai') { continue; }
    if (r.url !== undefined) {
      if (firstUrl === undefined) { firstUrl = { value: r.url, line: i }; }
      else if (r.url !== firstUrl.value) { out.push(mixedIssue('url', r.text, i, r.url, firstUrl.value, firstSeen(firstUrl.line, records[firstUrl.line].text, 'url'))); }
    }
    if (r.model !== undefined) {
      if (firstModel === undefined) { firstModel = { value: r.model, line: i }; }
      else if (r.model !== firstModel.value) { out.push(mixedIssue('model', r.text, i, r.model, firstModel.value, firstSeen(firstModel.line, records[firstModel.line].text, 'model'))); }
    }
  }
  const breaks = Math.max(0, records.length - 1);
  const bytes = units * 3 <= PROVIDER_LIMITS[kind].maxFileBytes ? 0 : records.reduce((sum, r) => sum + Buffer.byteLength(r.text, 'utf8'), breaks);
  out.push(...fileIssues(kind, bytes, requests));
  out.sort(compareIssues);
  return out.length > maxIssues ? out.slice(0, maxIssues) : out;
}


function moved(issue: Issue, line: number): Issue {
  return { ...issue, line, endLine: line + (issue.endLine - issue.line) };
}
