import type { BatchKind } from '../batchKind';
import {
  compareIssues, duplicateIssue, fileIssues, firstSeen, idField, mixedIssue, packFirstSeen, tooManyLinesIssue, unpackFirstSeen,
  type FirstSeen, type PackedFirstSeen,
} from './crossLineIssues';
import { compiledSchema, type CompiledSchema } from '../schema/validators';
import { checkLine } from './lineCheck';
import { batchShape, isBatchEvidence, parseObject } from './batchDetection';
import { IssueCode } from './issueCodes';
import { guardLine } from './lineGuard';
import { DETECTION_LINES, majorityKind, shapeVote } from './lineShape';
import { PROVIDER_LIMITS } from './limits';
import type { Issue, ValidationSummary } from './types';

export interface ValidationOptions {
  /** The kind of the lines; 'auto' (default) detects it from the first lines. */
  kind?: BatchKind | 'auto';
  /** Issues kept; the rest are only counted (`issuesDropped`). Default 10,000. */
  maxIssues?: number;
}

export const DEFAULT_MAX_ISSUES = 10_000;

/** The size of a text not yet counted in bytes. */
export interface LazyByteCount {
  units: number;
  count(): number;
}

/** Blank lines are not requests. Cheap first test: most lines start with `{`. */
export function isBlank(text: string): boolean {
  if (text.length === 0) { return true; }
  const c = text.charCodeAt(0);
  return (c === 32 || c === 9 || c === 13) && text.trim() === '';
}

/**
 * Validates a file's lines in order, one pass, memory flat apart from the id index: the engine behind
 * `validateText` and `validateFile`. Lines before the kind is known (the first {@link DETECTION_LINES} parsable
 * ones, with kind 'auto') are held back, then validated once the kind is decided.
 */
export class ValidationSession {
  private fileKind: BatchKind | undefined;
  private schema: CompiledSchema | undefined;
  private readonly held: { text: string; line: number }[] = [];
  private readonly votes: Record<BatchKind, number> = { 'gemini-generate': 0, 'gemini-embed': 0, openai: 0 };
  private parsedForVote = 0;
  /** Non-blank lines seen while the kind is open, and whether one of the first of them looks like a batch line. */
  private seenForEvidence = 0;
  private evidence = false;
  /** With kind 'auto', no line of the detection window looked like a batch request: the file is not validated. */
  private notBatch = false;
  private readonly kept: Issue[] = [];
  private dropped = 0;
  private readonly maxIssues: number;
  /**
   * Where each id was first seen (the value's place on its line, for the duplicate's related span): the one structure
   * that grows with the file, so one small number per id in the common case (see {@link packFirstSeen}).
   */
  private readonly firstById = new Map<string, PackedFirstSeen>();
  private firstUrl: { value: string; at: FirstSeen } | undefined;
  private firstModel: { value: string; at: FirstSeen } | undefined;
  private requests = 0;
  /** The request count at which the provider's line cap is passed (-1: no cap), set with `schema`. */
  private tooManyAt = -1;

  /**
   * `lineText`, when the caller still holds every line (a whole text), gives a line's text back: then the id index
   * keeps only line numbers and the first occurrence's columns are worked out for duplicates alone. Without it
   * (a streamed file), each first occurrence is located as it passes ({@link packFirstSeen}).
   */
  constructor(options: ValidationOptions = {}, private readonly lineText?: (line: number) => string) {
    this.fileKind = options.kind === undefined || options.kind === 'auto' ? undefined : options.kind;
    this.maxIssues = options.maxIssues ?? DEFAULT_MAX_ISSUES;
  }

  /** One physical line (without its line break). `line` is 0-based. */
  addLine(text: string, line: number): void {
    if (isBlank(text) || this.notBatch) { return; }
    if (this.fileKind !== undefined) { this.validate(text, line); return; }
    this.held.push({ text, line });
    // Unparsable lines do not vote; checkLine reports them once the kind is known. A line past the structure limits is
    // not parsed here either (JSON.parse would take gigabytes on it: lineGuard.ts).
    const value = guardLine(text) === undefined ? parseObject(text) : undefined;
    if (value !== undefined) {
      this.parsedForVote++;
      const shape = batchShape(value);
      if (shape !== undefined) { this.votes[shapeVote(shape)]++; }
    }
    if (!this.evidence && ++this.seenForEvidence <= DETECTION_LINES) { this.evidence = isBatchEvidence(value, text); }
    if (this.parsedForVote >= DETECTION_LINES) { this.decide(); }
  }

  /** An issue found below the line level (invalid UTF-8, a line too long to read): the line is still a request. */
  addLineIssue(issue: Issue): void {
    if (this.notBatch) { return; }
    this.requests++;
    this.push(issue);
  }

  /** An issue about the file as a whole (binary file, read error). */
  addFileIssue(issue: Issue): void {
    this.push(issue);
  }

  get kind(): BatchKind {
    return this.fileKind ?? majorityKind(this.votes);
  }

  /**
   * Ends the pass. `bytes` is the file's size, or for a text its length in UTF-16 units and a way to count its UTF-8
   * bytes: counting costs as much as a tenth of the validation, so it only happens when a size limit is in reach or
   * when the summary's `bytes` is read. `lines` is the physical line count.
   */
  finish(bytes: number | LazyByteCount, lines: number): ValidationSummary {
    this.decide();
    const kind = this.kind;
    if (this.notBatch) { return this.notBatchSummary(kind, bytes, lines); }
    let exact = typeof bytes === 'number' ? bytes : undefined;
    const count = (): number => (exact ??= (bytes as LazyByteCount).count());
    const limit = PROVIDER_LIMITS[kind].maxFileBytes;
    // A UTF-16 unit is at most 3 UTF-8 bytes: below a third of the limit the exact count cannot matter.
    const forLimit = exact ?? ((bytes as LazyByteCount).units * 3 <= limit ? 0 : count());
    for (const issue of fileIssues(kind, forLimit, this.requests)) {
      if (issue.code === 'empty-file' && this.kept.some((i) => i.code === 'binary-file')) { continue; }
      this.push(issue);
    }
    const issues = [...this.kept].sort(compareIssues);
    const summary = { kind, lines, requests: this.requests, issues } as ValidationSummary;
    Object.defineProperty(summary, 'bytes', { get: count, enumerable: true });
    if (this.dropped > 0) { summary.issuesDropped = this.dropped; }
    return summary;
  }

  private decide(): void {
    if (this.fileKind !== undefined) { return; }
    this.fileKind = majorityKind(this.votes);
    if (!this.evidence && this.seenForEvidence > 0) {
      // Not a batch file: say so once rather than report every line of a log as a broken request.
      this.notBatch = true;
      this.held.length = 0;
      return;
    }
    for (const { text, line } of this.held.splice(0)) { this.validate(text, line); }
  }

  /** The summary of a file that is not a batch file: one `not-a-batch-file` warning (or what made it unreadable). */
  private notBatchSummary(kind: BatchKind, bytes: number | LazyByteCount, lines: number): ValidationSummary {
    const binary = this.kept.filter((i) => i.code === IssueCode.BinaryFile);
    const issues: Issue[] = binary.length > 0 ? binary : [{
      code: IssueCode.NotABatchFile, severity: 'warning', line: 0, startCol: 0, endLine: 0, endCol: 0, params: {},
    }];
    const summary = { kind, lines, requests: 0, issues, notBatch: true } as ValidationSummary;
    const count = typeof bytes === 'number' ? () => bytes : () => bytes.count();
    Object.defineProperty(summary, 'bytes', { get: count, enumerable: true });
    return summary;
  }

  private push(issue: Issue): void {
    if (this.kept.length < this.maxIssues) { this.kept.push(issue); } else { this.dropped++; }
  }

  private validate(text: string, line: number): void {
    const kind = this.fileKind as BatchKind;
    if (this.schema === undefined) {
      this.schema = compiledSchema(kind);
      // Looked up once: this runs on every line.
      const maxLines = PROVIDER_LIMITS[kind].maxLines;
      this.tooManyAt = maxLines === undefined ? -1 : maxLines + 1;
    }
    this.requests++;
    // Past the cap, issues are only counted: checkLine skips locating and describing them.
    const result = checkLine(kind, text, line, this.schema, this.kept.length < this.maxIssues);
    if (result.issues.length > 0) { for (const issue of result.issues) { this.push(issue); } }
    if (this.requests === this.tooManyAt) { this.push(tooManyLinesIssue(kind, line, text)); }
    if (result.id !== undefined) {
      const first = this.firstById.get(result.id);
      if (first === undefined) {
        this.firstById.set(result.id, this.lineText !== undefined ? line : packFirstSeen(line, text, idField(kind), result.id));
      } else {
        const at = this.lineText !== undefined ? firstSeen(first as number, this.lineText(first as number), idField(kind)) : unpackFirstSeen(first, result.id);
        this.push(duplicateIssue(kind, text, line, result.id, at));
      }
    }
    if (kind !== 'openai') { return; }
    if (result.url !== undefined) {
      if (this.firstUrl === undefined) { this.firstUrl = { value: result.url, at: firstSeen(line, text, 'url') }; }
      else if (result.url !== this.firstUrl.value) { this.push(mixedIssue('url', text, line, result.url, this.firstUrl.value, this.firstUrl.at)); }
    }
    if (result.model !== undefined) {
      if (this.firstModel === undefined) { this.firstModel = { value: result.model, at: firstSeen(line, text, 'model') }; }
      else if (result.model !== this.firstModel.value) { this.push(mixedIssue('model', text, line, result.model, this.firstModel.value, this.firstModel.at)); }
    }
  }
}
