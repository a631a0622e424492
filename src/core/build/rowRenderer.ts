import type { BatchKind } from '../batchKind';
import { compiledSchema, type CompiledSchema } from '../schema/validators';
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

  constructor(private readonly template: Template, readonly kind: BatchKind, private readonly keys: KeySource, private readonly typed: boolean) {
    this.field = keyFieldOf(kind);
    this.schema = compiledSchema(kind);
  }

  /** The batch line of a row (no line break), or why there is none. */
  render(row: DataRow): { line: string } | { problem: RowProblem } {
    if ('problem' in row) { return row; }
    const filled = renderTemplate(this.template, row.values, this.typed);
    if ('missing' in filled) { return { problem: { code: 'missing-value', column: filled.missing } }; }
    let parsed: unknown;
    try { parsed = JSON.parse(filled.text); } catch { return { problem: { code: 'not-json' } }; }
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) { return { problem: { code: 'not-json' } }; }
    const body = parsed as Record<string, unknown>;
    const key = this.keyOf(row.row, row.values, body);
    if (typeof key !== 'string') { return { problem: key }; }
    const first = this.seen.get(key);
    if (first !== undefined) { return { problem: { code: 'duplicate-key', key, firstRow: first } }; }
    // The key first on the line, as people and the service's examples write it; the rest in the template's order.
    const line = JSON.stringify({ [this.field]: key, ...withoutField(body, this.field) });
    const error = checkLine(this.kind, line, 0, this.schema).issues.find((issue) => issue.severity === 'error');
    if (error) { return { problem: { code: 'invalid-line', issue: error } }; }
    this.seen.set(key, row.row);
    return { line };
  }

  private keyOf(row: number, values: Readonly<Record<string, unknown>>, body: Record<string, unknown>): string | RowProblem {
    if (this.keys === 'row-number') {
      // A template that sets the key itself keeps it; otherwise the row number names the line.
      const own = body[this.field];
      return typeof own === 'string' && own !== '' ? own : `row-${row}`;
    }
    const value = values[this.keys.column];
    const text = value === undefined || value === null ? '' : typeof value === 'string' ? value : JSON.stringify(value);
    return text === '' ? { code: 'missing-key', column: this.keys.column } : text;
  }
}

function withoutField(body: Record<string, unknown>, field: string): Record<string, unknown> {
  if (!(field in body)) { return body; }
  const rest = { ...body };
  delete rest[field];
  return rest;
}
