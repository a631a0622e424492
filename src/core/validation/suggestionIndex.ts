import type { SchemaNode } from '../schema/validators';
import { applicableNodes, deref, propertyNames } from './schemaNavigator';

/** A place a property name was found below an object: dotted names, and the same shown with `[0]` through arrays. */
export interface FoundBelow {
  path: string;
  label: string;
}

/** A property of an object schema, with its normalized name (what suggestions compare). */
export interface IndexedProperty {
  name: string;
  canonical: string;
  normalized: string;
}

/** The properties of a node and what a breadth-first search from it finds, built once and kept with the schema. */
interface NodeIndex {
  /** First place (breadth-first, below the node itself) of each normalized name. */
  below: Map<string, FoundBelow>;
  /**
   * Data paths (property names through objects only) from the node to nodes with an `if`: where the data decides
   * which branch applies. When the data holds an object at one of them, the static search does not apply.
   */
  conditional: string[][];
}

/** Most remembered answers per schema node. */
const MAX_ANSWERS_PER_NODE = 512;

/** `thinking_config` and `thinkingConfig` compare equal. */
export const normalizeName = (name: string): string => name.replace(/[_-]/g, '').toLowerCase();

const isObj = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The own property `name` of a data object (never an inherited `constructor` or `__proto__`). */
export function ownValue(value: unknown, name: string): unknown {
  return isObj(value) && Object.hasOwn(value, name) ? value[name] : undefined;
}

function hasCondition(root: SchemaNode, node: SchemaNode): boolean {
  return applicableNodes(root, node, undefined).some((n) => n.node.if !== undefined);
}

/**
 * Breadth-first search from `start` through properties (canonical spellings only), down `maxDepth` objects, with
 * `data` deciding the `if` branches where it holds objects. `visit` sees each property below the start; returning
 * true stops the search.
 */
export function searchBelow(
  root: SchemaNode,
  start: SchemaNode,
  data: unknown,
  maxDepth: number,
  visit: (name: string, path: string[], label: string[]) => boolean,
  onConditional?: (path: string[]) => void,
): void {
  let frontier: { node: SchemaNode; data: unknown; path: string[]; label: string[] }[] = [
    { node: start, data, path: [], label: [] },
  ];
  for (let depth = 0; depth < maxDepth && frontier.length > 0; depth++) {
    const next: typeof frontier = [];
    for (const { node, data: value, path, label } of frontier) {
      if (onConditional && label.every((l) => !l.endsWith(']')) && hasCondition(root, node)) {
        onConditional(path);
      }
      for (const property of propertyNames(root, node, value)) {
        if (property.canonical !== property.name) {
          continue;
        }
        const childPath = [...path, property.name];
        if (depth > 0 && visit(property.name, childPath, [...label, property.name])) {
          return;
        }
        const child = deref(root, property.schema).node;
        const items =
          child.type === 'array' && typeof child.items === 'object'
            ? deref(root, child.items as SchemaNode).node
            : undefined;
        // Through an array, the suggestion names its first item: `parts[0].text`; the data stops there.
        next.push({
          node: items ?? child,
          data: items ? undefined : ownValue(value, property.name),
          path: childPath,
          label: [...label, items ? `${property.name}[0]` : property.name],
        });
      }
    }
    frontier = next;
  }
}

/**
 * What suggestions need from one schema, computed once per schema node and reused for every line: an unknown field
 * repeated on every line of a file used to cost a whole breadth-first search of the schema per line.
 */
export class SuggestionIndex {
  private readonly nodes = new Map<SchemaNode, Map<number, NodeIndex>>();
  private readonly properties = new Map<SchemaNode, IndexedProperty[]>();
  /** Answers for nodes whose answer the data cannot change, per node, then per kind and field (bounded). */
  private readonly answers = new Map<SchemaNode, Map<string, unknown>>();

  private constructor(private readonly root: SchemaNode) {}

  /**
   * The index of a schema's annotations: one per schema object, living as long as it does (a memo of a pure function
   * of immutable data, so nothing a caller can observe changes).
   */
  static of(root: SchemaNode): SuggestionIndex {
    let index = SuggestionIndex.bySchema.get(root);
    if (index === undefined) {
      index = new SuggestionIndex(root);
      SuggestionIndex.bySchema.set(root, index);
    }
    return index;
  }

  private static readonly bySchema = new WeakMap<SchemaNode, SuggestionIndex>();

  /**
   * `compute()` once per node and `key` when nothing about `node` depends on the data (no `if` in reach of the
   * searches), else every time: a file repeating one unknown field pays for its suggestion once.
   */
  remember<T>(node: SchemaNode, data: unknown, key: string, compute: () => T): T {
    const fixed = this.properties.has(node) && this.nodeIndex(node, 3).conditional.length === 0;
    if (!fixed) {
      return compute();
    }
    let byKey = this.answers.get(node);
    if (byKey === undefined) {
      byKey = new Map();
      this.answers.set(node, byKey);
    }
    if (byKey.has(key)) {
      return byKey.get(key) as T;
    }
    const answer = compute();
    // Field names come from the user's lines: keep a bounded number of them.
    if (byKey.size < MAX_ANSWERS_PER_NODE) {
      byKey.set(key, answer);
    }
    return answer;
  }

  /** The properties the object schema `node` accepts for `data` (cached when no `if` makes them depend on it). */
  propertiesOf(node: SchemaNode, data: unknown): IndexedProperty[] {
    const cached = this.properties.get(node);
    if (cached) {
      return cached;
    }
    const list = propertyNames(this.root, node, data).map((p) => ({
      name: p.name,
      canonical: p.canonical,
      normalized: normalizeName(p.name),
    }));
    if (!hasCondition(this.root, node)) {
      this.properties.set(node, list);
    }
    return list;
  }

  /** The first place below `node` (down `maxDepth` objects) that holds a property named `wanted` once normalized. */
  findBelow(node: SchemaNode, data: unknown, wanted: string, maxDepth: number): FoundBelow | undefined {
    const index = this.nodeIndex(node, maxDepth);
    const dependsOnData = index.conditional.some((path) =>
      isObj(path.reduce<unknown>((v, name) => ownValue(v, name), data)),
    );
    if (!dependsOnData) {
      return index.below.get(wanted);
    }
    let found: FoundBelow | undefined;
    searchBelow(this.root, node, data, maxDepth, (name, path, label) => {
      if (normalizeName(name) !== wanted) {
        return false;
      }
      found = { path: path.join('.'), label: label.join('.') };
      return true;
    });
    return found;
  }

  private nodeIndex(node: SchemaNode, maxDepth: number): NodeIndex {
    let byDepth = this.nodes.get(node);
    if (byDepth === undefined) {
      byDepth = new Map();
      this.nodes.set(node, byDepth);
    }
    let index = byDepth.get(maxDepth);
    if (index === undefined) {
      const built: NodeIndex = { below: new Map(), conditional: [] };
      searchBelow(
        this.root,
        node,
        undefined,
        maxDepth,
        (name, path, label) => {
          const normalized = normalizeName(name);
          if (!built.below.has(normalized)) {
            built.below.set(normalized, { path: path.join('.'), label: label.join('.') });
          }
          return false;
        },
        (path) => built.conditional.push(path),
      );
      index = built;
      byDepth.set(maxDepth, index);
    }
    return index;
  }
}
