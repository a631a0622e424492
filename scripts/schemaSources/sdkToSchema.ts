/**
 * Turns SDK declarations into draft-07 definitions in the REST shape the Gemini API parses: every object closed
 * (`additionalProperties: false`, proto JSON rejects unknown names), both spellings of every field, Vertex-only
 * and SDK-only fields left out (and recorded so the schema can say why).
 */
import * as ts from 'typescript';
import { ConverterInfo } from './mldevConverters';
import { clip, JsonSchema, ref, withAliases } from './jsonSchema';
import { findDecl, publicName, SdkMember, SdkModel } from './sdkTypes';

/** Doc-comment phrases by which the SDK marks a field or enum value the Gemini API does not take. */
const NOT_IN_GEMINI_RE =
  /not supported in (?:the )?Gemini (?:Developer )?API|only supported in (?:Vertex|Gemini Enterprise)/i;

export interface BuildContext {
  sdk: SdkModel;
  converters: Map<string, ConverterInfo>;
  definitions: Record<string, JsonSchema>;
  /** `Tool.retrieval` style names of fields left out because the Gemini API refuses them. */
  omitted: Set<string>;
  /** Schema to use instead of the SDK type for `Definition.field` (free-form JSON, enums the SDK types as string…). */
  fieldOverrides: Record<string, JsonSchema>;
  /** SDK-only union aliases (`ContentUnion`) → the REST schema they stand for. */
  unionOverrides: Record<string, JsonSchema>;
  /** Extra keywords merged into a definition (required, x-example, defaultSnippets…), by definition name. */
  definitionExtras: Record<string, JsonSchema>;
  /** `Definition.field` names that are integers on the wire (the SDK types them `number`). */
  isInteger: (definition: string, field: string) => boolean;
}

export function excludedByDoc(doc: string): boolean {
  return NOT_IN_GEMINI_RE.test(doc);
}

function keywordSchema(node: ts.TypeNode): JsonSchema | undefined {
  switch (node.kind) {
    case ts.SyntaxKind.StringKeyword:
      return { type: 'string' };
    case ts.SyntaxKind.NumberKeyword:
      return { type: 'number' };
    case ts.SyntaxKind.BooleanKeyword:
      return { type: 'boolean' };
    case ts.SyntaxKind.UnknownKeyword:
    case ts.SyntaxKind.AnyKeyword:
      return {};
    default:
      return undefined;
  }
}

function literalValues(node: ts.UnionTypeNode): string[] | undefined {
  const values: string[] = [];
  for (const t of node.types) {
    if (!ts.isLiteralTypeNode(t) || !ts.isStringLiteral(t.literal)) {
      return undefined;
    }
    values.push(t.literal.text);
  }
  return values;
}

/** The JSON Schema for an SDK type node, defining referenced interfaces and enums on the way. */
export function typeSchema(ctx: BuildContext, node: ts.TypeNode | undefined): JsonSchema {
  if (!node) {
    return {};
  }
  const kw = keywordSchema(node);
  if (kw) {
    return kw;
  }
  if (ts.isArrayTypeNode(node)) {
    return { type: 'array', items: typeSchema(ctx, node.elementType) };
  }
  if (ts.isParenthesizedTypeNode(node)) {
    return typeSchema(ctx, node.type);
  }
  if (ts.isLiteralTypeNode(node) && ts.isStringLiteral(node.literal)) {
    return { type: 'string', enum: [node.literal.text] };
  }
  if (ts.isUnionTypeNode(node)) {
    const literals = literalValues(node);
    if (literals) {
      return { type: 'string', enum: literals };
    }
    const members = node.types.filter((t) => t.kind !== ts.SyntaxKind.UndefinedKeyword && !ts.isLiteralTypeNode(t));
    return members.length === 1 ? typeSchema(ctx, members[0]) : {};
  }
  if (ts.isTypeReferenceNode(node)) {
    return referenceSchema(ctx, node);
  }
  return {};
}

function referenceSchema(ctx: BuildContext, node: ts.TypeReferenceNode): JsonSchema {
  const name = node.typeName.getText();
  const args = node.typeArguments ?? [];
  if (name === 'Record' && args.length === 2) {
    const value = typeSchema(ctx, args[1]);
    return Object.keys(value).length === 0 ? { type: 'object' } : { type: 'object', additionalProperties: value };
  }
  if (name === 'Array' && args.length === 1) {
    return { type: 'array', items: typeSchema(ctx, args[0]) };
  }
  if (name in ctx.unionOverrides) {
    return ctx.unionOverrides[name];
  }
  if (name === 'Date') {
    return { type: 'string' };
  }
  const decl = findDecl(ctx.sdk, name);
  if (!decl) {
    return {};
  }
  if (decl.kind === 'alias') {
    return typeSchema(ctx, decl.type);
  }
  if (decl.kind === 'enum') {
    return defineEnum(ctx, decl.name);
  }
  return defineObject(ctx, decl.name);
}

/** Defines an SDK enum as a string enum of its REST values, minus values the Gemini API does not take. */
export function defineEnum(ctx: BuildContext, declared: string): JsonSchema {
  const name = publicName(ctx.sdk, declared);
  const decl = findDecl(ctx.sdk, declared);
  if (!(name in ctx.definitions) && decl?.kind === 'enum') {
    const members = decl.members.filter((m) => !excludedByDoc(m.doc));
    ctx.definitions[name] = {
      type: 'string',
      description: clip(decl.doc),
      enum: members.map((m) => m.value),
      enumDescriptions: members.map((m) => clip(m.doc, 400)),
    };
  }
  return ref(name);
}

/**
 * The wire members of an SDK object type: members its `…ToMldev` converter passes on (renamed as on the wire),
 * or, when the SDK sends the type as-is, every member not marked as unsupported in the Gemini API.
 */
export function wireMembers(ctx: BuildContext, declared: string, restName: string): SdkMember[] {
  const decl = findDecl(ctx.sdk, declared);
  if (!decl || decl.kind !== 'object') {
    return [];
  }
  const converter = ctx.converters.get(publicName(ctx.sdk, declared));
  const out: SdkMember[] = [];
  for (const m of decl.members) {
    if (converter?.refused.has(m.name) || excludedByDoc(m.doc)) {
      ctx.omitted.add(`${restName}.${m.name}`);
      continue;
    }
    const mapping = converter?.fields.get(m.name);
    if (converter && (!mapping || mapping.target === 'parent')) {
      continue; // SDK-only (httpOptions, abortSignal…) or hoisted into the parent request by the SDK.
    }
    const wireName = mapping?.to[mapping.to.length - 1]?.replace('[]', '') ?? m.name;
    out.push({ ...m, name: wireName });
  }
  return out;
}

/** Builds one closed object definition from members, with aliases and per-field overrides. */
export function objectDefinition(ctx: BuildContext, restName: string, doc: string, members: SdkMember[]): JsonSchema {
  const properties: Record<string, JsonSchema> = {};
  for (const m of members) {
    const key = `${restName}.${m.name}`;
    let schema = ctx.fieldOverrides[key] ?? typeSchema(ctx, m.type);
    if (schema.type === 'number' && ctx.isInteger(restName, m.name)) {
      schema = { ...schema, type: 'integer' };
    }
    const description = (schema.description as string | undefined) ?? clip(m.doc);
    properties[m.name] = description ? { ...schema, description } : schema;
  }
  return {
    type: 'object',
    description: clip(doc),
    properties: withAliases(properties),
    additionalProperties: false,
    ...ctx.definitionExtras[restName],
  };
}

/** Defines an SDK interface/class (once) under its public name and returns a `$ref` to it. */
export function defineObject(ctx: BuildContext, declared: string): JsonSchema {
  const name = publicName(ctx.sdk, declared);
  if (!(name in ctx.definitions)) {
    ctx.definitions[name] = {}; // placeholder: breaks cycles (Schema → Schema, Part → FunctionResponse → …)
    const decl = findDecl(ctx.sdk, declared);
    const doc = decl?.doc ?? '';
    ctx.definitions[name] = objectDefinition(ctx, name, doc, wireMembers(ctx, declared, name));
  }
  return ref(name);
}
