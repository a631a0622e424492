import { findNodeAtOffset, getNodePath, getNodeValue, parseTree } from 'jsonc-parser';
import type { SchemaNode } from '../schema/validators';
import { applicableNodes, deref, schemaAtPath } from './schemaNavigator';

/** What a hover over a property name shows: the field's own words first, then its type's. */
export interface FieldInfo {
  name: string;
  /** The definition the field's schema refers to (`GenerationConfig`), else its JSON type(s) (`number | string`). */
  type?: string;
  /** The field's own description (markdown when the schema has it). */
  description?: string;
  /** The description of its type, when the field refers to a definition that says something else. */
  typeDescription?: string;
  /** The other accepted spelling (`generation_config`). */
  alias?: string;
  /** Where the name is in the line (offset and length of the quoted key). */
  offset: number;
  length: number;
}

function text(node: SchemaNode, key: 'description'): string | undefined {
  const value = node.markdownDescription ?? node[key];
  return typeof value === 'string' && value !== '' ? value : undefined;
}

function typeText(root: SchemaNode, node: SchemaNode): string | undefined {
  const type = node.type;
  const items = node.items;
  if (type === 'array' && typeof items === 'object' && items !== null && !Array.isArray(items)) {
    const item = deref(root, items as SchemaNode);
    const inner = item.definition ?? (typeof item.node.type === 'string' ? item.node.type : undefined);
    if (inner) {
      return `${inner}[]`;
    }
  }
  if (typeof type === 'string') {
    return type;
  }
  if (Array.isArray(type) && type.every((t) => typeof t === 'string')) {
    return type.join(' | ');
  }
  return Array.isArray(node.enum) ? 'enum' : undefined;
}

/**
 * The field whose name is under `offset` in one batch line, described from `root` (the kind's schema with its prose).
 * The JSON language service's own hover showed only the description of the field's type (`request` read "Request to
 * generate a completion…", not what the `request` field of a batch line is), so a key gets this instead.
 */
export function fieldAt(root: SchemaNode, lineText: string, offset: number): FieldInfo | undefined {
  const tree = parseTree(lineText);
  const key = tree ? findNodeAtOffset(tree, offset) : undefined;
  const property = key?.parent;
  if (!tree || !key || key.type !== 'string' || property?.type !== 'property' || property.children?.[0] !== key) {
    return undefined;
  }
  const name = String(key.value);
  const path = getNodePath(key).map(String);
  const data: unknown = getNodeValue(tree);
  const parentPath = path.slice(0, -1);
  const parent = schemaAtPath(root, data, parentPath);
  if (!parent) {
    return undefined;
  }
  const parentValue = parentPath.reduce<unknown>(
    (value, segment) => (value as Record<string, unknown> | undefined)?.[segment],
    data,
  );
  const candidates = applicableNodes(root, parent.node, parentValue);
  for (let i = candidates.length - 1; i >= 0; i--) {
    const properties = candidates[i].node.properties as Record<string, unknown> | undefined;
    const raw = properties && Object.hasOwn(properties, name) ? properties[name] : undefined;
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
      continue;
    }
    const own = raw as SchemaNode;
    const resolved = deref(root, own);
    const description = text(own, 'description') ?? text(resolved.node, 'description');
    const typeDescription = resolved.definition ? text(resolved.node, 'description') : undefined;
    return {
      name,
      type: resolved.definition ?? typeText(root, resolved.node),
      description,
      typeDescription: typeDescription !== description ? typeDescription : undefined,
      alias: typeof own['x-alias'] === 'string' ? own['x-alias'] : undefined,
      offset: key.offset,
      length: key.length,
    };
  }
  return undefined;
}
