import type { BatchKind } from '../batchKind';
import { compareIssues, firstSeen, idField, type FirstSeen } from './crossLineIssues';
import { CrossLineEngine, type IdIndex } from './crossLineEngine';
import type { LineRecord } from './lineRecord';
import { OnceNotes } from './onceNotes';
import type { Issue } from './types';

/**
 * The editor's id index for one pass: the records already know who shares their id (`idGroup`, kept up to date by
 * each edit), so a line with a unique id costs one length test, and only groups of two or more are looked up.
 */
class GroupIds implements IdIndex<LineRecord> {
  private readonly firstOfGroup = new Map<LineRecord[], number>();
  private readonly field: string;

  constructor(
    kind: BatchKind,
    private readonly records: readonly LineRecord[],
  ) {
    this.field = idField(kind);
  }

  earlier(r: LineRecord, line: number): FirstSeen | undefined {
    const group = r.idGroup;
    if (group === undefined || group.length < 2) {
      return undefined;
    }
    const first = this.firstOfGroup.get(group);
    if (first === undefined) {
      this.firstOfGroup.set(group, line);
      return undefined;
    }
    // The first line's place is computed from its current number and text, so it follows edits above it.
    return firstSeen(first, this.records[first].text, this.field);
  }
}

/**
 * The document's issues from its line records, in one pass: each line's own issues moved to its current number,
 * then the checks across lines (the {@link CrossLineEngine} the file validation uses too). A line with nothing to
 * report allocates nothing, which keeps a pass over 100k lines around a millisecond.
 */
export function collectIssues(records: readonly LineRecord[], kind: BatchKind, maxIssues: number): Issue[] {
  const out: Issue[] = [];
  const engine = new CrossLineEngine<LineRecord>(kind, new GroupIds(kind, records), (issue) => {
    out.push(issue);
  });
  const notes = new OnceNotes();
  // UTF-16 units (plus the line breaks); bytes are only counted when a size limit is within reach.
  let units = records.length > 0 ? records.length - 1 : 0;
  for (let i = 0; i < records.length; i++) {
    const r = records[i];
    units += r.text.length;
    if (r.blank) {
      continue;
    }
    // Most lines have nothing to report: test cheap fields first, allocate nothing for them.
    if (
      r.issues.length === 0 &&
      (r.idGroup === undefined || r.idGroup.length < 2) &&
      r.url === undefined &&
      r.model === undefined
    ) {
      engine.counted(i, r.text);
      continue;
    }
    if (out.length >= maxIssues) {
      engine.skip();
      continue;
    }
    for (let k = 0; k < r.issues.length; k++) {
      if (notes.keep(r.issues[k])) {
        out.push(moved(r.issues[k], i));
      }
    }
    engine.add(i, r.text, r);
  }
  const breaks = Math.max(0, records.length - 1);
  out.push(...engine.finish(units, () => records.reduce((sum, r) => sum + Buffer.byteLength(r.text, 'utf8'), breaks)));
  out.sort(compareIssues);
  return out.length > maxIssues ? out.slice(0, maxIssues) : out;
}

function moved(issue: Issue, line: number): Issue {
  return { ...issue, line, endLine: line + (issue.endLine - issue.line) };
}
