import type { BatchKind } from '../batchKind';
import { stripCr } from '../jsonl/textLines';
import { compiledSchema, type CompiledSchema } from '../schema/validators';
import { checkLine } from './lineCheck';
import { DETECTION_LINES } from './lineShape';
import { collectIssues } from './documentIssues';
import { KindVote, lineVote, type FileOutcome } from './kindVote';
import { record, type LineRecord } from './lineRecord';
import type { Issue } from './types';

export interface DocumentValidatorOptions {
  kind?: BatchKind | 'auto';
  /** Most issues `issues()` returns. Default 1,000. */
  maxIssues?: number;
}

/**
 * The editor's incremental model of a JSONL document. Edits mark only the lines they touch; `step` re-validates
 * pending lines within a time budget; the indexes across lines (ids) are updated per line, and `issues()` builds
 * positions and cross-line issues in one cheap pass over the line records. With kind 'auto', the kind vote over the
 * first lines (the same {@link KindVote} as the file validation's) also says what the document is (`outcome`): the
 * results of a job are not validated (no issues, no work); whether other data is shown is the caller's choice. The
 * state depends on the text alone, never on the edits that led to it.
 */
export class DocumentValidator {
  private records: LineRecord[] = [];
  private queue: LineRecord[] = [];
  private queueAt = 0;
  private readonly ids = new Map<string, LineRecord[]>();
  private readonly fixedKind: BatchKind | undefined;
  private currentKind: BatchKind = 'gemini-generate';
  private currentOutcome: FileOutcome = 'batch';
  private schema: CompiledSchema | undefined;
  private detectPending = true;
  private readonly maxIssues: number;
  private cached: Issue[] | undefined;

  constructor(options: DocumentValidatorOptions = {}) {
    this.fixedKind = options.kind === undefined || options.kind === 'auto' ? undefined : options.kind;
    this.currentKind = this.fixedKind ?? 'gemini-generate';
    // Under 'auto', nothing is known to be a batch file before the first vote.
    this.currentOutcome = this.fixedKind !== undefined ? 'batch' : 'not-batch';
    this.maxIssues = options.maxIssues ?? 1000;
  }

  /** The kind the document is validated as (detected, or the one given). */
  get kind(): BatchKind {
    return this.currentKind;
  }

  /**
   * What the document is: 'batch', 'results' (the output of a job: not validated) or 'not-batch' (other JSON Lines
   * data, or an empty document: validated all the same, for a caller that keeps showing a batch file while its
   * first line is retyped). Always 'batch' with a kind given. Known once `step` has run.
   */
  get outcome(): FileOutcome {
    return this.currentOutcome;
  }

  /** Replaces the whole text (a leading BOM is ignored; LF or CRLF breaks). Nothing is validated until `step`. */
  setText(text: string): void {
    const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
    this.ids.clear();
    this.records = body.split('\n').map((line) => record(stripCr(line)));
    this.queue = this.records.filter((r) => r.dirty);
    this.queueAt = 0;
    this.detectPending = true;
    this.cached = undefined;
  }

  /** Lines `startLine .. startLine+deletedLineCount-1` are replaced by `insertedLines` (line terms of an edit). */
  applyChange(startLine: number, deletedLineCount: number, insertedLines: readonly string[]): void {
    const start = Math.max(0, Math.min(startLine, this.records.length));
    const fresh = insertedLines.map((line) => record(stripCr(line)));
    const removed = this.records.slice(start, start + deletedLineCount);
    for (const r of removed) {
      r.removed = true;
      this.forget(r);
    }
    if (fresh.length + removed.length < 10_000) {
      this.records.splice(start, removed.length, ...fresh);
    } else {
      this.records = this.records.slice(0, start).concat(fresh, this.records.slice(start + removed.length));
    }
    for (const r of fresh) {
      if (r.dirty) {
        this.queue.push(r);
      }
    }
    if (start <= this.detectionWindowEnd()) {
      this.detectPending = true;
    }
    this.cached = undefined;
  }

  /** Validates pending lines for at most `budgetMs`. Returns true when every line is up to date. */
  step(budgetMs: number): boolean {
    const deadline = performance.now() + budgetMs;
    if (this.detectPending) {
      this.detect();
    }
    // Results are not validated: their lines wait in the queue in case an edit makes it a batch file.
    if (this.currentOutcome === 'results') {
      return true;
    }
    let n = 0;
    while (this.queueAt < this.queue.length) {
      const r = this.queue[this.queueAt++];
      if (r.dirty && !r.removed) {
        this.validate(r);
        n++;
      }
      if ((n & 15) === 0 && performance.now() >= deadline) {
        break;
      }
    }
    if (this.queueAt >= this.queue.length) {
      this.queue = [];
      this.queueAt = 0;
      return true;
    }
    return false;
  }

  /** The current issues, on current line numbers, sorted by position, at most `maxIssues`. */
  issues(): Issue[] {
    if (this.currentOutcome === 'results') {
      return [];
    }
    this.cached ??= collectIssues(this.records, this.currentKind, this.maxIssues);
    return this.cached;
  }

  /** Index of the last line that takes part in kind detection (the whole document while it has few lines). */
  private detectionWindowEnd(): number {
    let seen = 0;
    for (let i = 0; i < this.records.length; i++) {
      if (!this.records[i].blank && ++seen >= DETECTION_LINES) {
        return i;
      }
    }
    return Number.MAX_SAFE_INTEGER;
  }

  /** Runs the kind vote over the window; a new kind re-validates every line, a new outcome only changes what is shown. */
  private detect(): void {
    this.detectPending = false;
    if (this.fixedKind !== undefined) {
      return;
    }
    const vote = new KindVote();
    for (let i = 0; i < this.records.length && !vote.full; i++) {
      const r = this.records[i];
      if (r.blank) {
        continue;
      }
      if (!r.voted) {
        r.fileVote = lineVote(r.text);
        r.voted = true;
      }
      vote.add(r.fileVote);
    }
    const verdict = vote.verdict();
    const { kind } = verdict;
    // An empty document is an empty batch file to the CLI, but a new empty editor is not worth a warning.
    const outcome = verdict.lines === 0 ? 'not-batch' : verdict.outcome;
    if (outcome !== this.currentOutcome) {
      this.currentOutcome = outcome;
      this.cached = undefined;
    }
    if (kind === this.currentKind) {
      return;
    }
    this.currentKind = kind;
    this.schema = undefined;
    this.ids.clear();
    for (const r of this.records) {
      r.idGroup = undefined;
      r.dirty = !r.blank;
    }
    this.queue = this.records.filter((r) => r.dirty);
    this.queueAt = 0;
    this.cached = undefined;
  }

  private validate(r: LineRecord): void {
    this.forget(r);
    this.schema ??= compiledSchema(this.currentKind);
    const result = checkLine(this.currentKind, r.text, 0, this.schema);
    r.dirty = false;
    r.parsed = result.parsed;
    r.shape = result.shape;
    r.vote = result.vote;
    r.issues = result.issues;
    r.id = result.id;
    r.url = result.url;
    r.model = result.model;
    if (r.id !== undefined) {
      let group = this.ids.get(r.id);
      if (group === undefined) {
        group = [];
        this.ids.set(r.id, group);
      }
      group.push(r);
      r.idGroup = group;
    }
    this.cached = undefined;
  }

  /** Takes a record out of the id index (before it is re-validated or removed). */
  private forget(r: LineRecord): void {
    const group = r.idGroup;
    if (group === undefined || r.id === undefined) {
      return;
    }
    const at = group.indexOf(r);
    if (at >= 0) {
      group.splice(at, 1);
    }
    if (group.length === 0) {
      this.ids.delete(r.id);
    }
    r.idGroup = undefined;
  }
}
