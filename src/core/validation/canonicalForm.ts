import type { ErrorObject } from 'ajv';
import type { CompiledSchema, SchemaNode } from '../schema/validators';
import { applicableNodes, deref, schemaAtPath } from './schemaNavigator';

/**
 * The canonical copy of a Gemini line that failed the schema only because it leans on the leniency of Google's
 * proto-JSON parser: enum values in another letter case, a single value where a repeated field is expected. The copy
 * is what the service makes of the line; checking it gives the line's real errors, and each change made is a warning.
 *
 * Evidence that the service runs such lines (REST `generateContent`; the Batch API's line parser is not documented
 * to be as lenient, hence warnings, not silence):
 * - enum case: google-gemini/cookbook `quickstarts/rest/Function_calling_config_REST.ipynb` sends
 *   `"function_calling_config": {"mode": "none"}` and `{"mode": "auto"}` and prints the model's answers;
 *   `quickstarts/Get_started_thinking_REST.ipynb` (section "Thinking level for Gemini 3") sends
 *   `"thinkingLevel": "High"` and prints the thoughts and the answer.
 * - single value for a repeated field: the same Function_calling_config_REST notebook and
 *   `quickstarts/rest/System_instructions_REST.ipynb` send `"contents": {"role": "user", "parts": {"text": …}}` and
 *   print the answers; the official code-execution REST sample
 *   (google-gemini/deprecated-generative-ai-python `samples/rest/code_execution.sh`, shown on
 *   https://ai.google.dev/gemini-api/docs/code-execution) sends `"contents": {"parts": {"text": …}}`.
 */

/** One change from the line as written to its canonical copy. `segments` name the place in the line as written. */
export type Normalisation =
  | { kind: 'enum-case'; segments: string[]; value: string; canonical: string }
  | { kind: 'single-value'; segments: string[]; actual: string };

export interface CanonicalForm {
  /** The copy (shares every part of the line it did not change). */
  data: unknown;
  /** The copy's schema errors (empty when the copy is valid). */
  errors: ErrorObject[];
  notes: Normalisation[];
  /** A data path in the copy → the same place in the line as written (drops the index of each wrapped value). */
  toWritten: (segments: readonly string[]) => string[];
}

/**
 * How a changed copy is checked again: its errors (every one, or only the first on a line with very many values), and
 * how many rounds of fix-and-recheck are allowed. With every error, a round fixes all the places found, and the next
 * only looks inside values it just wrapped (contents → parts), so a few rounds suffice; with the first error only,
 * each round fixes one place.
 */
export interface Recheck {
  errors: (value: unknown) => ErrorObject[];
  rounds: number;
}

/** Enum values whose case is not the parser's business: `role` is a plain string to the proto (any case is a role). */
const NOT_PROTO_ENUMS: ReadonlySet<string> = new Set(['role']);

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

function segmentsOf(pointer: string): string[] {
  return pointer === ''
    ? []
    : pointer
        .slice(1)
        .split('/')
        .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

function valueAt(data: unknown, segments: readonly string[]): unknown {
  let value = data;
  for (const s of segments) {
    value = isObj(value) || Array.isArray(value) ? (value as Obj)[s] : undefined;
  }
  return value;
}

/**
 * `data` with the value at `segments` replaced. Containers on the path are copied once (then `owned`) and changed in
 * place after that, so many changes in one list cost one copy of it, and the line as written is never touched.
 */
function replaced(data: unknown, segments: readonly string[], value: unknown, owned: WeakSet<object>, at = 0): unknown {
  if (at === segments.length) {
    return value;
  }
  const key = segments[at];
  if (!Array.isArray(data) && !isObj(data)) {
    return data;
  }
  const copy = owned.has(data) ? data : shallowCopy(data);
  owned.add(copy);
  // defineProperty: a field named `__proto__` stays a field.
  const child = replaced((data as Obj)[key], segments, value, owned, at + 1);
  Object.defineProperty(copy, key, { value: child, enumerable: true, writable: true, configurable: true });
  return copy;
}

function shallowCopy(data: Obj | unknown[]): Obj | unknown[] {
  return Array.isArray(data) ? data.slice() : { ...data };
}

function typeAccepts(type: unknown, value: unknown): boolean {
  if (Array.isArray(type)) {
    return type.some((t) => typeAccepts(t, value));
  }
  switch (type) {
    case 'object':
      return isObj(value);
    case 'string':
      return typeof value === 'string';
    case 'integer':
      return typeof value === 'number' && Number.isInteger(value);
    case 'number':
      return typeof value === 'number';
    case 'boolean':
      return typeof value === 'boolean';
    default:
      return false;
  }
}

/** Whether an item schema takes a value of this JSON type (what makes `[value]` a plausible reading of `value`). */
function itemAccepts(root: SchemaNode, item: SchemaNode, value: unknown, depth = 0): boolean {
  const node = deref(root, item).node;
  if (node.type !== undefined) {
    return typeAccepts(node.type, value);
  }
  if (isObj(node.properties)) {
    return isObj(value);
  }
  if (Array.isArray(node.enum)) {
    return typeof value === 'string';
  }
  const members = (node.anyOf ?? node.oneOf) as unknown;
  return (
    depth < 4 &&
    Array.isArray(members) &&
    members.some((m) => isObj(m) && itemAccepts(root, m as SchemaNode, value, depth + 1))
  );
}

/** The item schema of the array field at `segments`, when the schema there is an array. */
function itemSchema(root: SchemaNode, data: unknown, segments: readonly string[]): SchemaNode | undefined {
  const here = schemaAtPath(root, data, segments);
  if (!here) {
    return undefined;
  }
  for (const candidate of applicableNodes(root, here.node, valueAt(data, segments))) {
    if (isObj(candidate.node.items)) {
      return candidate.node.items as SchemaNode;
    }
  }
  return undefined;
}

/** The allowed value that differs from `value` by letter case only (undefined when none, or not just one). */
function caseVariant(value: unknown, allowed: unknown): string | undefined {
  if (typeof value !== 'string' || !Array.isArray(allowed)) {
    return undefined;
  }
  const wanted = value.toUpperCase();
  const matches = allowed.filter(
    (a): a is string => typeof a === 'string' && a !== value && a.toUpperCase() === wanted,
  );
  return matches.length === 1 ? matches[0] : undefined;
}

/**
 * The canonical copy of a Gemini line value that failed with `errors`, its own errors, and the changes made. Bounded:
 * at most `recheck.rounds` re-checks, each over errors the validator already capped.
 */
export function canonicalForm(
  schema: CompiledSchema,
  data: unknown,
  errors: readonly ErrorObject[],
  recheck: Recheck,
): CanonicalForm {
  const root = schema.annotations;
  /** Copy paths (joined with '/') whose value was wrapped in an array by this copy. */
  const wrapped = new Set<string>();
  const toWritten = (segments: readonly string[]): string[] => {
    const out: string[] = [];
    for (let i = 0; i < segments.length; i++) {
      out.push(segments[i]);
      if (segments[i + 1] === '0' && wrapped.has(segments.slice(0, i + 1).join('/'))) {
        i++;
      }
    }
    return out;
  };
  const owned = new WeakSet<object>();
  let copy = data;
  let current: readonly ErrorObject[] = errors;
  const notes: Normalisation[] = [];
  for (let round = 0; round < recheck.rounds && current.length > 0; round++) {
    let changed = false;
    for (const error of current) {
      const segments = segmentsOf(error.instancePath);
      const value = valueAt(copy, segments);
      if (error.keyword === 'enum' && !NOT_PROTO_ENUMS.has(segments[segments.length - 1] ?? '')) {
        const canonical = caseVariant(value, (error.params as { allowedValues?: unknown }).allowedValues);
        if (canonical === undefined) {
          continue;
        }
        copy = replaced(copy, segments, canonical, owned);
        notes.push({ kind: 'enum-case', segments: toWritten(segments), value: value as string, canonical });
        changed = true;
      } else if (
        error.keyword === 'type' &&
        !Array.isArray(value) &&
        [(error.params as { type?: unknown }).type].flat().includes('array')
      ) {
        const item = itemSchema(root, copy, segments);
        if (item === undefined || !itemAccepts(root, item, value)) {
          continue;
        }
        notes.push({
          kind: 'single-value',
          segments: toWritten(segments),
          actual: isObj(value) ? 'object' : typeof value,
        });
        copy = replaced(copy, segments, [value], owned);
        wrapped.add(segments.join('/'));
        changed = true;
      }
    }
    if (!changed) {
      break;
    }
    current = recheck.errors(copy);
  }
  return { data: copy, errors: [...current], notes, toWritten };
}
