/**
 * Reads the `@google/genai` declaration file (`dist/genai.d.ts`) with the TypeScript compiler API and returns its
 * interfaces, classes, enums and type aliases with their doc comments. The schema builder works from this model
 * rather than from hand-copied field lists, so a new SDK release is one `npm run schemas` away.
 */
import * as fs from 'node:fs';
import * as ts from 'typescript';

export interface SdkMember {
  name: string;
  type: ts.TypeNode | undefined;
  doc: string;
}

export interface SdkEnumMember {
  name: string;
  value: string;
  doc: string;
}

export type SdkDecl =
  | { kind: 'object'; name: string; doc: string; members: SdkMember[] }
  | { kind: 'enum'; name: string; doc: string; members: SdkEnumMember[] }
  | { kind: 'alias'; name: string; doc: string; type: ts.TypeNode };

/** Declarations keyed by their declared name (e.g. `Blob_2`), plus export aliases (`Blob` → `Blob_2`). */
export interface SdkModel {
  decls: Map<string, SdkDecl>;
  /** Exported name → declared name, for `export { Blob_2 as Blob }`. */
  exportAliases: Map<string, string>;
  sourceFile: ts.SourceFile;
}

/** The JSDoc tags the SDK's comments use as tags; any other `@word` is prose (an `@mention`, a decorator name). */
const JSDOC_TAGS: ReadonlySet<string> = new Set([
  'param',
  'returns',
  'return',
  'deprecated',
  'see',
  'example',
  'throws',
  'default',
  'defaultValue',
  'internal',
  'beta',
  'alpha',
  'experimental',
  'link',
  'type',
  'template',
  'public',
  'private',
  'readonly',
]);

/** Joins the JSDoc text of a node, dropping tags other than `@remarks` (whose text is useful to readers). */
function docOf(node: ts.Node): string {
  const parts: string[] = [];
  for (const jsDoc of ts.getJSDocCommentsAndTags(node)) {
    if (!ts.isJSDoc(jsDoc)) {
      continue;
    }
    const comment = ts.getTextOfJSDocComment(jsDoc.comment);
    if (comment) {
      parts.push(comment);
    }
    for (const tag of jsDoc.tags ?? []) {
      const text = ts.getTextOfJSDocComment(tag.comment);
      if (tag.tagName.text === 'remarks' && text) {
        parts.push(text);
      } else if (!JSDOC_TAGS.has(tag.tagName.text) && parts.length > 0) {
        // Prose that TypeScript read as a tag: Part.text's "references to @mentioned items will be converted…" was
        // cut at "references to".
        parts[parts.length - 1] += ` @${tag.tagName.text}${text ? ` ${text}` : ''}`;
      }
    }
  }
  const text = parts
    .join('\n\n')
    .replace(/\r/g, '')
    .replace(/[ \t]*\n[ \t]*/g, '\n')
    .trim();
  // Doc comments are hard-wrapped; rejoin wrapped lines but keep paragraphs and list items.
  return text.replace(/([^\n])\n(?![\n\-*•]|\d+[.)] )/g, '$1 ');
}

function memberName(name: ts.PropertyName): string | undefined {
  if (ts.isIdentifier(name) || ts.isStringLiteral(name)) {
    return name.text;
  }
  return undefined;
}

function objectMembers(members: ts.NodeArray<ts.TypeElement | ts.ClassElement>): SdkMember[] {
  const out: SdkMember[] = [];
  for (const m of members) {
    // Methods and getters are SDK conveniences (e.g. `GenerateContentResponse.text`), never wire fields.
    if (!ts.isPropertySignature(m) && !ts.isPropertyDeclaration(m)) {
      continue;
    }
    const name = memberName(m.name);
    if (name !== undefined) {
      out.push({ name, type: m.type, doc: docOf(m) });
    }
  }
  return out;
}

function enumMembers(decl: ts.EnumDeclaration): SdkEnumMember[] {
  const out: SdkEnumMember[] = [];
  for (const m of decl.members) {
    const name = memberName(m.name);
    if (name !== undefined && m.initializer && ts.isStringLiteral(m.initializer)) {
      out.push({ name, value: m.initializer.text, doc: docOf(m) });
    }
  }
  return out;
}

/** Parses one declaration file. Throws a plain Error when the file cannot be read (the caller reports it). */
export function readSdkModel(dtsPath: string): SdkModel {
  const text = fs.readFileSync(dtsPath, 'utf8');
  const sourceFile = ts.createSourceFile(dtsPath, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const decls = new Map<string, SdkDecl>();
  const exportAliases = new Map<string, string>();
  for (const st of sourceFile.statements) {
    if (ts.isInterfaceDeclaration(st)) {
      const prev = decls.get(st.name.text);
      const members = objectMembers(st.members);
      // Interfaces may be declared twice (declaration merging); concatenate their members.
      if (prev && prev.kind === 'object') {
        prev.members.push(...members);
      } else {
        decls.set(st.name.text, { kind: 'object', name: st.name.text, doc: docOf(st), members });
      }
    } else if (ts.isClassDeclaration(st) && st.name) {
      decls.set(st.name.text, {
        kind: 'object',
        name: st.name.text,
        doc: docOf(st),
        members: objectMembers(st.members),
      });
    } else if (ts.isEnumDeclaration(st)) {
      decls.set(st.name.text, { kind: 'enum', name: st.name.text, doc: docOf(st), members: enumMembers(st) });
    } else if (ts.isTypeAliasDeclaration(st)) {
      decls.set(st.name.text, { kind: 'alias', name: st.name.text, doc: docOf(st), type: st.type });
    } else if (ts.isExportDeclaration(st) && st.exportClause && ts.isNamedExports(st.exportClause)) {
      for (const el of st.exportClause.elements) {
        if (el.propertyName) {
          exportAliases.set(el.name.text, el.propertyName.text);
        }
      }
    }
  }
  return { decls, exportAliases, sourceFile };
}

/** Looks a declaration up by its exported or declared name. */
export function findDecl(model: SdkModel, name: string): SdkDecl | undefined {
  return model.decls.get(name) ?? model.decls.get(model.exportAliases.get(name) ?? '');
}

/** The public name of a declaration (`Blob_2` → `Blob`), used for schema definition names. */
export function publicName(model: SdkModel, declared: string): string {
  for (const [exported, local] of model.exportAliases) {
    if (local === declared) {
      return exported;
    }
  }
  return declared.replace(/_\d+$/, '');
}
