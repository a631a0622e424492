/**
 * A small generator of valid values for the nodes of one of our schemas, for the every-property test. Each node is
 * addressed by its JSON pointer; a candidate value is checked against the node with a plain ajv compile of the
 * *source* schema (the reference), so a wrong guess falls back to the next candidate instead of failing the test.
 * Rules: required properties only, arrays at their minimum length, the first enum member, union branches in order,
 * `if`/`then` conditions applied when the value meets the `if`.
 */
import Ajv, { ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { Json } from './schemaKit';

type Node = Json | boolean;

/** Strings that match the `pattern`s our schemas use (a new pattern fails the test with its pointer). */
const PATTERN_VALUES: Readonly<Record<string, string>> = {
  '^tunnel_[a-z0-9]{32}$': `tunnel_${'a'.repeat(32)}`,
  '^[a-zA-Z0-9_-]+$': 'x',
};

const FORMAT_VALUES: Readonly<Record<string, string>> = {
  'date-time': '2025-01-01T00:00:00Z',
  date: '2025-01-01',
  uri: 'https://example.com/x',
  email: 'x@example.com',
  uuid: '00000000-0000-4000-8000-000000000000',
};

const MAX_DEPTH = 24;

export function escapePointer(name: string): string {
  return name.replace(/~/g, '~0').replace(/\//g, '~1');
}

function isObject(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** A number bound: the inclusive one, else the exclusive one moved `step` inward, else `fallback`. */
function bound(inclusive: unknown, exclusive: unknown, step: number, fallback: number): number {
  if (typeof inclusive === 'number') {
    return inclusive;
  }
  return typeof exclusive === 'number' ? exclusive + step : fallback;
}

export class SchemaValues {
  private readonly ajv: Ajv;
  private readonly id: string;
  private readonly checks = new Map<string, ValidateFunction>();
  private readonly values = new Map<string, unknown>();

  constructor(private readonly root: Json) {
    this.id = String(root.$id);
    this.ajv = new Ajv({ strict: false, allowUnionTypes: true });
    addFormats(this.ajv);
    const { $schema: _ignored, ...rest } = root;
    this.ajv.addSchema(rest);
  }

  /** The node at a JSON pointer (`#/definitions/Content/properties/parts`). */
  at(pointer: string): Node {
    return pointer
      .slice(2)
      .split('/')
      .filter((s) => s !== '')
      .reduce<unknown>((n, s) => (n as Json)[s.replace(/~1/g, '/').replace(/~0/g, '~')], this.root) as Node;
  }

  /** The pointer with every `$ref` followed. */
  resolve(pointer: string): string {
    let p = pointer;
    for (let node = this.at(p); isObject(node) && typeof node.$ref === 'string'; node = this.at(p)) {
      p = node.$ref;
    }
    return p;
  }

  /** Whether the reference (ajv on the source schema) accepts `value` at `pointer`. */
  accepts(pointer: string, value: unknown): boolean {
    let check = this.checks.get(pointer);
    if (!check) {
      check = this.ajv.getSchema(`${this.id}${pointer}`);
      if (!check) {
        throw new Error(`no schema at ${pointer}`);
      }
      this.checks.set(pointer, check);
    }
    return check(value) === true;
  }

  /** A valid value for the node at `pointer` (the first candidate the reference accepts, else the first one). */
  valueFor(pointer: string, depth = 0): unknown {
    const p = this.resolve(pointer);
    if (this.values.has(p)) {
      return this.values.get(p);
    }
    const candidates = this.candidates(p, depth);
    const value = candidates.length > 1 ? (candidates.find((c) => this.accepts(p, c)) ?? candidates[0]) : candidates[0];
    if (depth === 0 || candidates.length > 0) {
      this.values.set(p, value);
    }
    return value;
  }

  /** The object a node's own `properties`/`required` make, before unions and conditions. */
  baseObject(pointer: string, depth = 0): Json {
    const p = this.resolve(pointer);
    const node = this.at(p);
    const out: Json = {};
    if (!isObject(node)) {
      return out;
    }
    const props = isObject(node.properties) ? node.properties : {};
    for (const name of (node.required as string[] | undefined) ?? []) {
      out[name] = name in props ? this.valueFor(`${p}/properties/${escapePointer(name)}`, depth + 1) : 'x';
    }
    const [first] = Object.keys(props);
    if (typeof node.minProperties === 'number' && Object.keys(out).length < node.minProperties && first !== undefined) {
      out[first] = this.valueFor(`${p}/properties/${escapePointer(first)}`, depth + 1);
    }
    return out;
  }

  private candidates(p: string, depth: number): unknown[] {
    const node = this.at(p);
    if (depth > MAX_DEPTH) {
      return [];
    }
    if (!isObject(node)) {
      return node === false ? [] : ['x'];
    }
    if ('const' in node) {
      return [node.const];
    }
    if (Array.isArray(node.enum)) {
      return node.enum;
    }
    const out: unknown[] = [];
    for (const union of ['anyOf', 'oneOf'] as const) {
      if (Array.isArray(node[union])) {
        node[union].forEach((_b: unknown, i: number) => {
          const v = this.valueFor(`${p}/${union}/${i}`, depth + 1);
          out.push(isObject(v) ? { ...this.baseObject(p, depth), ...v } : v);
        });
      }
    }
    if (out.length > 0) {
      return out;
    }
    for (const type of this.typesOf(node)) {
      out.push(this.ofType(p, node, type, depth));
    }
    return out;
  }

  private typesOf(node: Json): string[] {
    const type = typeof node.type === 'string' ? [node.type] : node.type;
    const declared = Array.isArray(type) ? (type as string[]) : [];
    if (declared.length > 0) {
      return [...declared.filter((t) => t !== 'null'), ...declared.filter((t) => t === 'null')];
    }
    if (node.properties || node.required || node.allOf) {
      return ['object'];
    }
    if (node.items) {
      return ['array'];
    }
    return ['string'];
  }

  private ofType(p: string, node: Json, type: string, depth: number): unknown {
    switch (type) {
      case 'object':
        return this.objectFor(p, node, depth);
      case 'array': {
        const n = typeof node.minItems === 'number' ? node.minItems : 0;
        const item = Array.isArray(node.items) ? undefined : this.valueFor(`${p}/items`, depth + 1);
        return Array.from({ length: n }, () => item);
      }
      case 'string': {
        if (typeof node.pattern === 'string') {
          return PATTERN_VALUES[node.pattern] ?? 'x';
        }
        if (typeof node.format === 'string' && node.format in FORMAT_VALUES) {
          return FORMAT_VALUES[node.format];
        }
        const min = typeof node.minLength === 'number' ? node.minLength : 1;
        return 'x'.repeat(Math.max(1, min));
      }
      case 'integer':
      case 'number': {
        const min = bound(node.minimum, node.exclusiveMinimum, 1, -Infinity);
        const max = bound(node.maximum, node.exclusiveMaximum, -1, Infinity);
        const v = Math.min(Math.max(1, min), max);
        return type === 'integer' ? Math.ceil(v) : v;
      }
      case 'boolean':
        return true;
      default:
        return null;
    }
  }

  private objectFor(p: string, node: Json, depth: number): Json {
    let out = this.baseObject(p, depth);
    ((node.allOf as Node[] | undefined) ?? []).forEach((member, i) => {
      if (isObject(member) && isObject(member.if)) {
        // A condition: its `then` applies when the value so far meets its `if` (a discriminator value, a url).
        if (this.accepts(`${p}/allOf/${i}/if`, out) && member.then !== undefined) {
          const thenAt = this.resolve(`${p}/allOf/${i}/then`);
          const then = this.valueFor(thenAt, depth + 1);
          if (isObject(then)) {
            out = { ...then, ...out };
          }
          // A property the `then` constrains further (the body of the url's endpoint) takes the `then` value.
          const thenProps = (this.at(thenAt) as Json).properties;
          const ifProps = (member.if.properties as Json | undefined) ?? {};
          for (const name of Object.keys(out)) {
            if (isObject(thenProps) && name in thenProps && !(name in ifProps)) {
              out[name] = this.valueFor(`${thenAt}/properties/${escapePointer(name)}`, depth + 1);
            }
          }
        }
      } else {
        const v = this.valueFor(`${p}/allOf/${i}`, depth + 1);
        if (isObject(v)) {
          out = { ...out, ...v };
        }
      }
    });
    return out;
  }
}
