import type { BatchKind } from '../batchKind';
import {
  duplicateIssue,
  fileIssues,
  firstSeen,
  idField,
  mixedIssue,
  packFirstSeen,
  tooManyLinesIssue,
  unpackFirstSeen,
  type FirstSeen,
  type PackedFirstSeen,
} from './crossLineIssues';
import { PROVIDER_LIMITS } from './limits';
import type { Issue } from './types';

/** What a request line tells the checks across lines (a LineResult has these). */
export interface LineFacts {
  /** `key` (Gemini) or `custom_id` (OpenAI) when it is a string. */
  id: string | undefined;
  /** OpenAI: `url` when it is an endpoint the batch API accepts (others have their own error), `body.model` when a string. */
  url: string | undefined;
  model: string | undefined;
}

/** A line that could not be read: it counts as a request, and tells nothing else. */
export const NO_FACTS: LineFacts = Object.freeze({ id: undefined, url: undefined, model: undefined });

/**
 * Where the ids of earlier lines are kept. The streamed file path keeps an index that grows with the file
 * ({@link StreamedIds}); the editor keeps groups of records per id, updated by each edit, and asks them.
 */
export interface IdIndex<F extends LineFacts> {
  /** Where `facts.id` first appeared when that was on an earlier line; otherwise notes this line as its first. */
  earlier(facts: F, line: number, text: string): FirstSeen | undefined;
}

/**
 * The checks across lines, written once for the file/CLI session and the editor: fed the request lines in file order
 * (each pass starts a new engine), it emits duplicate ids, mixed url/model (OpenAI) and the line cap as it goes, and
 * the file limits at the end.
 */
export class CrossLineEngine<F extends LineFacts> {
  private requests = 0;
  /** The request count at which the provider's line cap is passed (-1: no cap). Looked up once: runs on every line. */
  private readonly tooManyAt: number;
  private readonly openai: boolean;
  private firstUrl: { value: string; at: FirstSeen } | undefined;
  private firstModel: { value: string; at: FirstSeen } | undefined;

  constructor(
    private readonly kind: BatchKind,
    private readonly ids: IdIndex<F>,
    private readonly emit: (issue: Issue) => void,
  ) {
    const maxLines = PROVIDER_LIMITS[kind].maxLines;
    this.tooManyAt = maxLines === undefined ? -1 : maxLines + 1;
    this.openai = kind === 'openai';
  }

  /** Request lines so far. */
  get count(): number {
    return this.requests;
  }

  /** One request line (0-based `line`), after those above it. */
  add(line: number, text: string, facts: F): void {
    this.counted(line, text);
    if (facts.id !== undefined) {
      const first = this.ids.earlier(facts, line, text);
      if (first !== undefined) {
        this.emit(duplicateIssue(this.kind, text, line, facts.id, first));
      }
    }
    if (!this.openai) {
      return;
    }
    if (facts.url !== undefined) {
      if (this.firstUrl === undefined) {
        this.firstUrl = { value: facts.url, at: firstSeen(line, text, 'url') };
      } else if (facts.url !== this.firstUrl.value) {
        this.emit(mixedIssue('url', text, line, facts.url, this.firstUrl.value, this.firstUrl.at));
      }
    }
    if (facts.model !== undefined) {
      if (this.firstModel === undefined) {
        this.firstModel = { value: facts.model, at: firstSeen(line, text, 'model') };
      } else if (facts.model !== this.firstModel.value) {
        this.emit(mixedIssue('model', text, line, facts.model, this.firstModel.value, this.firstModel.at));
      }
    }
  }

  /**
   * One request line that has nothing for the other checks (no id shared with another line, no url or model: the
   * editor knows that from its records without a lookup): only counted, against the line cap.
   */
  counted(line: number, text: string): void {
    if (++this.requests === this.tooManyAt) {
      this.emit(tooManyLinesIssue(this.kind, line, text));
    }
  }

  /** One request line whose issues could not be kept anyway (past the cap on issues): only counted. */
  skip(): void {
    this.requests++;
  }

  /**
   * The file-level issues (too large, no request), from the file's size: `units` UTF-16 units (or bytes), and
   * `countBytes` for its exact UTF-8 size. A UTF-16 unit is at most 3 UTF-8 bytes, so below a third of the limit
   * the exact count cannot matter and is skipped (counting costs as much as a tenth of the validation).
   */
  finish(units: number, countBytes: () => number): Issue[] {
    const bytes = units * 3 <= PROVIDER_LIMITS[this.kind].maxFileBytes ? 0 : countBytes();
    return fileIssues(this.kind, bytes, this.requests);
  }
}

/**
 * The id index of a pass over a whole file, memory flat apart from one entry per id. `lineText`, when the caller
 * still holds every line (a whole text), gives a line's text back: then the index keeps only line numbers and the
 * first occurrence's columns are worked out for duplicates alone. Without it (a streamed file), each first occurrence
 * is located as it passes, packed into one small number in the common case ({@link packFirstSeen}).
 */
export class StreamedIds implements IdIndex<LineFacts> {
  private readonly first = new Map<string, PackedFirstSeen>();
  private readonly field: string;

  constructor(
    kind: BatchKind,
    private readonly lineText?: (line: number) => string,
  ) {
    this.field = idField(kind);
  }

  earlier(facts: LineFacts, line: number, text: string): FirstSeen | undefined {
    const id = facts.id as string;
    const first = this.first.get(id);
    if (first === undefined) {
      this.first.set(id, this.lineText !== undefined ? line : packFirstSeen(line, text, this.field, id));
      return undefined;
    }
    return this.lineText !== undefined
      ? firstSeen(first as number, this.lineText(first as number), this.field)
      : unpackFirstSeen(first, id);
  }
}
