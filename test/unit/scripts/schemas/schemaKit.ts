/** Shared helpers for the schema tests: compile a schema the way the validator does, read fixture lines. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import Ajv, { ValidateFunction } from 'ajv';

export type SchemaName = 'gemini-generate' | 'gemini-embed' | 'openai';
export const SCHEMA_NAMES: SchemaName[] = ['gemini-generate', 'gemini-embed', 'openai'];

export const REPO_ROOT = path.resolve(__dirname, '../../../..');
export const FIXTURES = path.join(REPO_ROOT, 'test', 'fixtures', 'schemas');
export const ANNOTATIONS = [
  'markdownDescription',
  'enumDescriptions',
  'defaultSnippets',
  'deprecationMessage',
  'x-example',
  'x-alias',
];

export type Json = { [key: string]: unknown };

export function loadSchema(name: SchemaName): Json {
  return JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'schemas', `${name}.schema.json`), 'utf8')) as Json;
}

/**
 * Compiles with the validator's options: draft-07, strict mode, our annotation keywords registered, union types
 * allowed (a Gemini number field is `["integer", "string"]`: proto3 JSON takes numbers written as strings).
 */
export function compile(name: SchemaName, allErrors = false): ValidateFunction {
  const ajv = new Ajv({ strict: true, allowUnionTypes: true, allErrors });
  ajv.addVocabulary(ANNOTATIONS);
  return ajv.compile(loadSchema(name));
}

/** Non-empty lines of a JSONL fixture (or any JSONL file), parsed, with their 1-based line numbers. */
export function readLines(file: string): Array<{ line: number; value: unknown; text: string }> {
  const full = path.isAbsolute(file) ? file : path.join(FIXTURES, file);
  return fs
    .readFileSync(full, 'utf8')
    .split(/\r?\n/)
    .map((text, i) => ({ line: i + 1, text }))
    .filter((l) => l.text.trim() !== '')
    .map((l) => ({ ...l, value: JSON.parse(l.text) as unknown }));
}

/** Describes the first error of a failed validation, for assertion messages. */
export function firstError(validate: ValidateFunction): string {
  const e = validate.errors?.[0];
  return e ? `${e.instancePath || '/'} ${e.message ?? ''} ${JSON.stringify(e.params)}` : 'no error';
}
