import type { BatchKind } from '../batchKind';
import { compareIssues } from './crossLineIssues';
import { CrossLineEngine, NO_FACTS, StreamedIds, type LineFacts } from './crossLineEngine';
import { compiledSchema, type CompiledSchema } from '../schema/validators';
import { checkLine } from './lineCheck';
import { IssueCode } from './issueCodes';
import { KindVote, lineVote, type FileOutcome } from './kindVote';
import { notJsonLinesForm, type NotJsonLines } from './jsonLinesForm';
import type { Issue, ValidationSummary } from './types';
import { OnceNotes } from './onceNotes';

export interface ValidationOptions {
  /** The kind of the lines; 'auto' (default) detects it from the first lines. */
  kind?: BatchKind | 'auto';
  /** Issues kept; the rest are only counted (`issuesDropped`). Default 10,000. */
  maxIssues?: number;
  /**
   * The caller asked for a batch file to be validated (the CLI, a CI gate): a file with no batch line to validate is
   * then an error, not a warning: one that is not a batch file, and an empty one. The results of a job stay what they
   * are (an info, no error).
   */
  requireBatch?: boolean;
}

export const DEFAULT_MAX_ISSUES = 10_000;

/** Where an issue about the whole file sits: the start of its first line. */
const FILE_START = { line: 0, startCol: 0, endLine: 0, endCol: 0 } as const;

/** The size of a text not yet counted in bytes. */
export interface LazyByteCount {
  units: number;
  count(): number;
}

/** Blank lines are not requests. Cheap first test: most lines start with `{`. */
export function isBlank(text: string): boolean {
  if (text.length === 0) {
    return true;
  }
  const c = text.charCodeAt(0);
  return (c === 32 || c === 9 || c === 13) && text.trim() === '';
}

/**
 * A line held while the kind is open: its text, or the issue that stood for it (a line that could not be read) and,
 * for a line too long to read, its first bytes.
 */
type Held =
  { line: number; text: string; issue?: undefined } | { line: number; text?: undefined; issue: Issue; head?: string };

/**
 * Validates a file's lines in order, one pass, memory flat apart from the id index: the engine behind
 * `validateText` and `validateFile`. With kind 'auto', the first lines (the kind vote's window) are held back, then
 * validated once {@link KindVote} has decided; a file that is not a batch file, or the results of a job, is not
 * validated at all.
 */
export class ValidationSession {
  private fileKind: BatchKind | undefined;
  private outcome: FileOutcome = 'batch';
  /** Set when the first lines are not JSON Lines at all (a JSON array, pretty-printed JSON, text): said once. */
  private notJsonLines: NotJsonLines | undefined;
  /** Whether the kind vote found batch lines: then a file that is not JSON Lines is a broken batch file (an error). */
  private votedBatch = false;
  private schema: CompiledSchema | undefined;
  private cross: CrossLineEngine<LineFacts> | undefined;
  private readonly held: Held[] = [];
  private readonly vote = new KindVote();
  private readonly kept: Issue[] = [];
  /** Information notes repeated on many lines are kept once (onceNotes.ts). */
  private readonly notes = new OnceNotes();
  private dropped = 0;
  private readonly maxIssues: number;
  private readonly requireBatch: boolean;
  private readonly emit = (issue: Issue): void => this.push(issue);

  /**
   * `lineText`, when the caller still holds every line (a whole text), gives a line's text back, so the id index
   * keeps line numbers only (see {@link StreamedIds}).
   */
  constructor(
    options: ValidationOptions = {},
    private readonly lineText?: (line: number) => string,
  ) {
    this.fileKind = options.kind === undefined || options.kind === 'auto' ? undefined : options.kind;
    this.maxIssues = options.maxIssues ?? DEFAULT_MAX_ISSUES;
    this.requireBatch = options.requireBatch === true;
  }

  /** One physical line (without its line break). `line` is 0-based. */
  addLine(text: string, line: number): void {
    if (isBlank(text) || this.outcome !== 'batch') {
      return;
    }
    if (this.fileKind !== undefined) {
      this.validate(text, line);
      return;
    }
    this.held.push({ text, line });
    this.vote.add(lineVote(text));
    if (this.vote.full) {
      this.decide();
    }
  }

  /**
   * An issue found below the line level (invalid UTF-8, a line too long to read): the line is still a request, and
   * a batch line for the vote (its kind unknown): a batch file in another encoding is a broken batch file. `head`, the
   * first bytes of a line too long to read, still tells how it starts (a 2 GB JSON array on one line).
   */
  addLineIssue(issue: Issue, head?: string): void {
    if (this.outcome !== 'batch') {
      return;
    }
    if (this.fileKind !== undefined) {
      this.unreadable(issue);
      return;
    }
    this.held.push({ line: issue.line, issue, head });
    this.vote.add('batch');
    if (this.vote.full) {
      this.decide();
    }
  }

  /** An issue about the file as a whole (binary file, read error). */
  addFileIssue(issue: Issue): void {
    this.push(issue);
  }

  get kind(): BatchKind {
    return this.fileKind ?? this.vote.verdict().kind;
  }

  /**
   * Ends the pass. `bytes` is the file's size, or for a text its length in UTF-16 units and a way to count its UTF-8
   * bytes: counting costs as much as a tenth of the validation, so it only happens when a size limit is in reach or
   * when the summary's `bytes` is read. `lines` is the physical line count.
   */
  finish(bytes: number | LazyByteCount, lines: number): ValidationSummary {
    this.decide();
    const kind = this.kind;
    let exact = typeof bytes === 'number' ? bytes : undefined;
    const count = (): number => (exact ??= (bytes as LazyByteCount).count());
    if (this.outcome !== 'batch') {
      return this.unvalidatedSummary(kind, count, lines);
    }
    const cross = this.crossLine(kind);
    const binary = this.kept.some((i) => i.code === IssueCode.BinaryFile);
    for (const issue of cross.finish(exact ?? (bytes as LazyByteCount).units, count)) {
      if (issue.code === IssueCode.EmptyFile && binary) {
        continue;
      }
      this.push(this.requireBatch && issue.code === IssueCode.EmptyFile ? { ...issue, severity: 'error' } : issue);
    }
    const issues = [...this.kept].sort(compareIssues);
    const summary = { kind, lines, requests: cross.count, issues } as ValidationSummary;
    Object.defineProperty(summary, 'bytes', { get: count, enumerable: true });
    if (this.dropped > 0) {
      summary.issuesDropped = this.dropped;
    }
    return summary;
  }

  private decide(): void {
    if (this.fileKind !== undefined) {
      return;
    }
    const verdict = this.vote.verdict();
    this.fileKind = verdict.kind;
    this.outcome = verdict.outcome;
    this.votedBatch = verdict.outcome === 'batch' && verdict.lines > 0;
    // Looked at first: a Markdown file that mentions `"request":` or a JSON array of requests has batch-like lines,
    // but listing each of its lines as invalid JSON says nothing the one finding does not.
    this.notJsonLines = notJsonLinesForm(this.held.map((h) => h.text ?? h.head));
    if (this.notJsonLines !== undefined) {
      this.outcome = 'not-batch';
    }
    if (this.outcome !== 'batch') {
      // Not a batch file, or the results of a job: say so once rather than report every line as a broken request.
      this.held.length = 0;
      return;
    }
    for (const held of this.held.splice(0)) {
      if (held.issue !== undefined) {
        this.unreadable(held.issue);
      } else {
        this.validate(held.text, held.line);
      }
    }
  }

  /**
   * The summary of a file that was not validated: one `not-a-batch-file` warning (an error when a batch file was
   * required), or one `results-file` note, or what made it unreadable.
   */
  private unvalidatedSummary(kind: BatchKind, count: () => number, lines: number): ValidationSummary {
    const binary = this.kept.filter((i) => i.code === IssueCode.BinaryFile);
    const results = this.outcome === 'results';
    const issues: Issue[] = binary.length > 0 ? binary : [results ? this.resultsNote() : this.notBatchIssue()];
    const summary = { kind, lines, requests: 0, issues, notBatch: true } as ValidationSummary;
    if (this.notJsonLines !== undefined && binary.length === 0) {
      summary.notJsonLines = this.notJsonLines;
    }
    if (results) {
      summary.results = true;
    }
    Object.defineProperty(summary, 'bytes', { get: count, enumerable: true });
    return summary;
  }

  private resultsNote(): Issue {
    return { code: IssueCode.ResultsFile, severity: 'info', params: {}, ...FILE_START };
  }

  /**
   * `not-a-batch-file`: a warning, an error when a batch file was required, or when the file is not JSON Lines yet
   * its lines look like requests (a JSON array of requests: a broken batch file). Says what the file is instead.
   */
  private notBatchIssue(): Issue {
    const broken = this.notJsonLines !== undefined && this.votedBatch;
    return {
      code: IssueCode.NotABatchFile,
      severity: this.requireBatch || broken ? 'error' : 'warning',
      params: this.notJsonLines ? { form: this.notJsonLines } : {},
      ...FILE_START,
    };
  }

  private push(issue: Issue): void {
    if (this.kept.length < this.maxIssues) {
      this.kept.push(issue);
    } else {
      this.dropped++;
    }
  }

  private crossLine(kind: BatchKind): CrossLineEngine<LineFacts> {
    return (this.cross ??= new CrossLineEngine(kind, new StreamedIds(kind, this.lineText), this.emit));
  }

  /** A line that could not be read: its issue, and one more request. */
  private unreadable(issue: Issue): void {
    this.push(issue);
    this.crossLine(this.fileKind as BatchKind).add(issue.line, '', NO_FACTS);
  }

  private validate(text: string, line: number): void {
    const kind = this.fileKind as BatchKind;
    // Looked up once: this runs on every line.
    const schema = (this.schema ??= compiledSchema(kind));
    // Past the cap, issues are only counted: checkLine skips locating and describing them.
    const result = checkLine(kind, text, line, schema, this.kept.length < this.maxIssues);
    if (result.issues.length > 0) {
      for (const issue of result.issues) {
        if (this.notes.keep(issue)) {
          this.push(issue);
        }
      }
    }
    this.crossLine(kind).add(line, text, result);
  }
}
