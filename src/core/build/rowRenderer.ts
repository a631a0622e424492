import type { BatchKind } from '../batchKind';
import { compiledSchema, type CompiledSchema } from '../schema/validators';
import { IssueCode } from '../validation';
import { checkLine } from '../validation/lineCheck';
import type { KeySource, RowProblem } from './buildTypes';
import type { DataRow } from './dataSource';
import { renderTemplate, type Template } from './template';

/** The id field of a kind's lines. */
export const keyFieldOf = (kind: BatchKind): 'key' | 'custom_id' => (kind === 'openai' ? 'custom_id' : 'key');

/**
 * Turns data rows into batch lines of one kind: fills the template, parses the result, sets the key first on the line,
 * and validates the line with the validator of its kind. A row whose line is not valid gives its problem instead, so
 * no invalid line is ever written. Keeps the keys seen (one entry each) to refuse a key twice.
 */
export class RowRenderer {
  private readonly seen = new Map<string, number>();
  private readonly field: 'key' | 'custom_id';
  /** Held, not looked up per row: the lookup costs more than the check of a short valid line. */
  private readonly schema: CompiledSchema;
  /** Whether the template leaves the key field out (see {@link prefixed}). */
  private readonly fastPath: boolean;
  /** The key of the row being rendered, recorded as seen once its line is valid. */
  private lastKey = '';

  constructor(
    private readonly template: Template,
    readonly kind: BatchKind,
    private readonly keys: KeySource,
    private readonly typed: boolean,
  ) {
    this.field = keyFieldOf(kind);
    this.schema = compiledSchema(kind);
    // A mention of the field's name anywhere in the template's own text (not in values) sends it the slow way.
    this.fastPath = !template.segments.some((s) => typeof s === 'string' && s.includes(`"${this.field}"`));
  }

  /** The batch line of a row (no line break), or why there is none. */
  render(row: DataRow): { line: string } | { problem: RowProblem } {
    if ('problem' in row) {
      return row;
    }
    const filled = renderTemplate(this.template, row.values, this.typed);
    if ('missing' in filled) {
      return { problem: { code: 'missing-value', column: filled.missing } };
    }
    const line = this.fastPath ? this.prefixed(row, filled.text) : this.rebuilt(row, filled.text);
    if (typeof line !== 'string') {
      return { problem: line };
    }
    const error = checkLine(this.kind, line, 0, this.schema).issues.find((issue) => issue.severity === 'error');
    if (error) {
      return {
        problem:
          error.code === IssueCode.JsonSyntax || error.code === IssueCode.NotAnObject
            ? { code: 'not-json' }
            : { code: 'invalid-line', issue: error },
      };
    }
    this.seen.set(this.lastKey, row.row);
    return { line };
  }

  /**
   * The common case, a template that does not name the key field: the key is written in front of the filled text,
   * which the validator then parses once (parsing, rebuilding and writing the object again would double the cost).
   */
  private prefixed(row: { row: number; values: Readonly<Record<string, unknown>> }, text: string): string | RowProblem {
    const body = text.trimStart();
    if (body.charCodeAt(0) !== 123) {
      return { code: 'not-json' };
    }
    const key = this.keyOf(row.row, row.values, {});
    if (typeof key !== 'string') {
      return key;
    }
    const duplicate = this.duplicate(key);
    if (duplicate) {
      return duplicate;
    }
    const rest = body.slice(1).trimStart();
    return `{"${this.field}":${JSON.stringify(key)}${rest.startsWith('}') ? '' : ','}${rest}`;
  }

  /** A template that names the key field: parsed, so the key it sets can be read or replaced, and written again. */
  private rebuilt(row: { row: number; values: Readonly<Record<string, unknown>> }, text: string): string | RowProblem {
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      return { code: 'not-json' };
    }
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
      return { code: 'not-json' };
    }
    const body = parsed as Record<string, unknown>;
    const key = this.keyOf(row.row, row.values, body);
    if (typeof key !== 'string') {
      return key;
    }
    const duplicate = this.duplicate(key);
    if (duplicate) {
      return duplicate;
    }
    // The key first on the line, as people and the service's examples write it; the rest in the template's order.
    return JSON.stringify({ [this.field]: key, ...withoutField(body, this.field) });
  }

  /** The duplicate-key problem when `key` was used by an earlier row; remembers it as the row's key otherwise. */
  private duplicate(key: string): RowProblem | undefined {
    const first = this.seen.get(key);
    if (first !== undefined) {
      return { code: 'duplicate-key', key, firstRow: first };
    }
    this.lastKey = key;
    return undefined;
  }

  private keyOf(
    row: number,
    values: Readonly<Record<string, unknown>>,
    body: Record<string, unknown>,
  ): string | RowProblem {
    if (this.keys === 'row-number') {
      // A template that sets the key itself keeps it; otherwise the row number names the line.
      const own = body[this.field];
      return typeof own === 'string' && own !== '' ? own : `row-${row}`;
    }
    const value = values[this.keys.column];
    const text = keyText(value);
    return text === '' ? { code: 'missing-key', column: this.keys.column } : text;
  }
}

/** A key column's cell as key text: empty when absent or null, other non-strings as JSON. */
function keyText(value: unknown): string {
  if (value === undefined || value === null) {
    return '';
  }
  return typeof value === 'string' ? value : JSON.stringify(value);
}

function withoutField(body: Record<string, unknown>, field: string): Record<string, unknown> {
  if (!(field in body)) {
    return body;
  }
  const rest = { ...body };
  delete rest[field];
  return rest;
}
