import type { ErrorObject } from 'ajv';
import type { SchemaNode } from '../schema/validators';
import { deref, schemaAtPath } from './schemaNavigator';

/** How a union (anyOf/oneOf) that no branch matched is to be reported when no single branch explains it. */
export type UnionSummary = 'type' | 'shape';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const asNode = (v: unknown): SchemaNode | undefined => (isObj(v) ? (v as SchemaNode) : undefined);

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
  // Own members only: the names come from the user's line (`constructor` must not find Object's).
  for (const s of segments) {
    value = (isObj(value) || Array.isArray(value)) && Object.hasOwn(value, s) ? (value as Obj)[s] : undefined;
  }
  return value;
}

function typeMatches(type: unknown, value: unknown): boolean {
  if (type === undefined) {
    return true;
  }
  if (Array.isArray(type)) {
    return type.some((t) => typeMatches(t, value));
  }
  switch (type) {
    case 'null':
      return value === null;
    case 'array':
      return Array.isArray(value);
    case 'object':
      return isObj(value);
    case 'integer':
      return typeof value === 'number' && Number.isInteger(value);
    case 'number':
      return typeof value === 'number';
    default:
      return typeof value === type;
  }
}

/** A branch is ruled out when one of its constant-valued properties (a discriminator such as `type`) differs. */
function discriminatorMatches(root: SchemaNode, branch: SchemaNode, value: unknown): boolean {
  if (!isObj(value)) {
    return true;
  }
  const properties = asNode(branch.properties) ?? {};
  for (const [name, sub] of Object.entries(properties)) {
    const s = deref(root, asNode(sub) ?? {}).node;
    if (!Object.hasOwn(value, name)) {
      continue;
    }
    if ('const' in s && value[name] !== s.const) {
      return false;
    }
    if (Array.isArray(s.enum) && s.enum.length <= 3 && !s.enum.includes(value[name])) {
      return false;
    }
  }
  return true;
}

/** Whether an error inside the union could have come from `branch` (ajv does not say which branch it came from). */
function fromBranch(root: SchemaNode, branch: SchemaNode, place: string, error: ErrorObject): boolean {
  const properties = asNode(branch.properties) ?? {};
  if (error.instancePath === place) {
    if (error.keyword === 'required') {
      return (
        Array.isArray(branch.required) &&
        branch.required.includes((error.params as { missingProperty: string }).missingProperty)
      );
    }
    if (error.keyword === 'additionalProperties') {
      return branch.additionalProperties === false;
    }
    // The plausible branch accepts the value's type, so a type error at the union's own place is another branch's.
    if (error.keyword === 'type') {
      return false;
    }
    return error.keyword in branch;
  }
  const child = segmentsOf(error.instancePath.slice(place.length))[0];
  if (child === undefined) {
    return false;
  }
  if (branch.type === 'array' || branch.items !== undefined) {
    return true;
  }
  const sub = Object.hasOwn(properties, child) ? asNode(properties[child]) : undefined;
  if (!sub) {
    return false;
  }
  if (error.instancePath === `${place}/${child.replace(/~/g, '~0').replace(/\//g, '~1')}` && error.keyword === 'enum') {
    const s = deref(root, sub).node;
    return JSON.stringify(s.enum) === JSON.stringify((error.params as { allowedValues: unknown }).allowedValues);
  }
  return true;
}

/**
 * Untangles the errors of unions (anyOf/oneOf) that no branch matched. ajv reports every branch's errors, most of
 * them noise: the value's JSON type and its discriminator (a `type` property with a constant value) pick the branch
 * the user meant, and only that branch's errors are kept. When no single branch is plausible, the union's own error
 * stays as a summary. Returns the errors to report and, per union place, how its summary reads.
 */
export function pruneUnionErrors(
  root: SchemaNode,
  data: unknown,
  errors: readonly ErrorObject[],
): { errors: ErrorObject[]; summaries: Map<string, UnionSummary> } {
  let active = [...errors];
  const summaries = new Map<string, UnionSummary>();
  const unions = errors
    .filter((e) => e.keyword === 'anyOf' || e.keyword === 'oneOf')
    .sort((a, b) => b.instancePath.length - a.instancePath.length);
  for (const union of unions) {
    if (!active.includes(union)) {
      continue;
    }
    const place = union.instancePath;
    const inside = active.filter(
      (e) => e !== union && (e.instancePath === place || e.instancePath.startsWith(`${place}/`)) && e.keyword !== 'if',
    );
    const node = schemaAtPath(root, data, segmentsOf(place))?.node;
    const members = (node?.anyOf ?? node?.oneOf) as unknown[] | undefined;
    const value = valueAt(data, segmentsOf(place));
    const branches = (members ?? []).map((m) => deref(root, asNode(m) ?? {}).node);
    const compatible = branches.filter((b) => typeMatches(b.type, value));
    const plausible = compatible.filter((b) => discriminatorMatches(root, b, value));
    const remove = new Set<ErrorObject>(inside);
    if (plausible.length === 1) {
      const kept = inside.filter((e) => fromBranch(root, plausible[0], place, e));
      if (kept.length > 0) {
        for (const e of kept) {
          remove.delete(e);
        }
        remove.add(union);
      }
    }
    if (remove.has(union) === false) {
      summaries.set(place, compatible.length === 0 ? 'type' : 'shape');
    }
    active = active.filter((e) => !remove.has(e));
  }
  return { errors: active, summaries };
}
