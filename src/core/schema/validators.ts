import type { ErrorObject } from 'ajv';
import type { BatchKind } from '../batchKind';

/**
 * The compiled batch-line validators. They are generated ahead of time by `scripts/compile-validators.js`
 * (ajv standalone code), so loading them never compiles a schema; each kind's module is only loaded the first time
 * that kind is validated (the OpenAI one is large and most files are Gemini).
 */
export interface CompiledSchema {
  /** Fast check: stops at the first error. Runs on every line. */
  isValid(value: unknown): boolean;
  /** Every error; run only on a line that failed `isValid`. Its cost grows with the square of the error count. */
  allErrors(value: unknown): ErrorObject[];
  /** The errors of the last `isValid` call that failed (the first error only). */
  firstErrors(): ErrorObject[];
  /** The schema without its prose (structure, enums, `x-example`, `x-alias`). */
  readonly annotations: SchemaNode;
}

/** A JSON Schema node as found in the annotations (loosely typed: the core only reads what it knows). */
export type SchemaNode = { [keyword: string]: unknown };

type GeneratedModule = typeof import('./generated/gemini-generate');

/* eslint-disable @typescript-eslint/no-require-imports -- lazy, synchronous loading of generated CommonJS; bundlers keep static require() strings */
const LOADERS: Readonly<Record<BatchKind, () => GeneratedModule>> = Object.freeze({
  'gemini-generate': () => require('./generated/gemini-generate') as GeneratedModule,
  'gemini-embed': () => require('./generated/gemini-embed') as GeneratedModule,
  openai: () => require('./generated/openai') as GeneratedModule,
});
/* eslint-enable @typescript-eslint/no-require-imports */

function wrap(module: GeneratedModule): CompiledSchema {
  const all = module.all;
  return {
    isValid: (value) => module(value) === true,
    allErrors: (value) => (all(value) ? [] : [...(all.errors ?? [])]),
    firstErrors: () => [...(module.errors ?? [])],
    annotations: module.annotations as SchemaNode,
  };
}

/** The generated validators are missing: the build step that writes them has not run. */
export class MissingValidatorsError extends Error {
  readonly code = 'missing-validators';
  constructor(kind: BatchKind, cause: unknown) {
    super(
      `The compiled validator for ${kind} is missing: run \`node scripts/compile-validators.js\` (npm run build does it)`,
      { cause },
    );
    this.name = 'MissingValidatorsError';
  }
}

function load(kind: BatchKind): GeneratedModule {
  try {
    return LOADERS[kind]();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'MODULE_NOT_FOUND') {
      throw new MissingValidatorsError(kind, error);
    }
    throw error;
  }
}

/**
 * The compiled validator for one kind of batch line. Node's module cache makes each load happen once; the wrapper
 * is rebuilt per call, so callers on a hot path keep the result.
 */
export function compiledSchema(kind: BatchKind): CompiledSchema {
  return wrap(load(kind));
}
