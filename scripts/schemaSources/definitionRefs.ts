/**
 * Closes the SDK-derived definitions over `$ref`: overrides name REST types (`ref('Content')`) without defining them,
 * so every dangling reference is defined from the SDK declaration of that name.
 */
import { BuildContext, defineEnum, defineObject } from './sdkToSchema';
import { findDecl } from './sdkTypes';

function refsIn(value: unknown, out: Set<string>): void {
  if (Array.isArray(value)) {
    value.forEach((v) => refsIn(v, out));
  } else if (typeof value === 'object' && value !== null) {
    for (const [k, v] of Object.entries(value)) {
      if (k === '$ref' && typeof v === 'string' && v.startsWith('#/definitions/')) {
        out.add(v.slice('#/definitions/'.length));
      } else {
        refsIn(v, out);
      }
    }
  }
}

/** Defines every SDK type that overrides reference by name (`ref('Content')`) until no `$ref` dangles. */
export function defineReferenced(ctx: BuildContext): string[] {
  const unresolved: string[] = [];
  for (let changed = true; changed;) {
    changed = false;
    const names = new Set<string>();
    refsIn(ctx.definitions, names);
    for (const name of names) {
      if (name in ctx.definitions || unresolved.includes(name)) {
        continue;
      }
      const decl = findDecl(ctx.sdk, name);
      if (decl?.kind === 'enum') {
        defineEnum(ctx, decl.name);
      } else if (decl?.kind === 'object') {
        defineObject(ctx, decl.name);
      } else {
        unresolved.push(name);
        continue;
      }
      changed = true;
    }
  }
  return unresolved;
}
