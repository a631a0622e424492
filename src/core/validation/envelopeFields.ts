import type { ErrorObject } from 'ajv';
import type { SchemaNode } from '../schema/validators';
import { propertyNames, schemaAtPath } from './schemaNavigator';

/**
 * Fields on a Gemini batch line beside `key` and `request`. The service does not reject them:
 * - a real batch ran with `"id"`, `"product_id"` and `"image_candidates"` beside `request` and its result lines
 *   carried them back (googleapis/go-genai#513, https://github.com/googleapis/go-genai/issues/513), except that the
 *   array came back empty: metadata kept in an array is lost;
 * - a `generation_config` beside `request` is silently ignored: the job runs without it (google-gemini/cookbook#846,
 *   summarised in /work/shared/reference/batch-api.md §6 "What the batch line parser tolerates").
 * So a field that belongs in the request is a warning (the author's settings are not applied), and other fields are
 * metadata the service echoes back: information, or a warning when an array would come back empty.
 */
export type EnvelopeField =
  | { kind: 'ignored'; field: string; suggestion: string }
  | { kind: 'echoed'; field: string; array: boolean; meantKey: boolean };

/** Names written for `key` (another case, a typo, OpenAI's `custom_id`), normalized: on a line with no `key`. */
const KEY_LIKE: ReadonlySet<string> = new Set(['key', 'keys', 'kye', 'customid']);

/** Fields people put beside `request` that are settings under another name. */
const SETTINGS_ALIASES: Readonly<Record<string, string>> = { config: 'generationConfig' };

const normalize = (name: string): string => name.replace(/[_-]/g, '').toLowerCase();
type Obj = Record<string, unknown>;

/** The root's unknown fields, when the line has a `request` (without one the line is broken and they stay errors). */
export function envelopeFields(root: SchemaNode, data: Obj, errors: readonly ErrorObject[]): EnvelopeField[] {
  if (
    data.request === undefined ||
    !errors.some((e) => e.keyword === 'additionalProperties' && e.instancePath === '')
  ) {
    return [];
  }
  const request = schemaAtPath(root, data, ['request']);
  const names = request ? propertyNames(root, request.node, data.request) : [];
  const out: EnvelopeField[] = [];
  const seen = new Set<string>();
  for (const error of errors) {
    if (error.keyword !== 'additionalProperties' || error.instancePath !== '') {
      continue;
    }
    const field = String((error.params as { additionalProperty: string }).additionalProperty);
    if (seen.has(field)) {
      continue;
    }
    seen.add(field);
    const wanted = normalize(field);
    const alias = Object.hasOwn(SETTINGS_ALIASES, field) ? SETTINGS_ALIASES[field] : undefined;
    const inRequest =
      names.find((p) => normalize(p.name) === wanted)?.canonical ??
      (alias !== undefined && names.some((p) => p.name === alias) ? alias : undefined);
    out.push(
      inRequest !== undefined
        ? { kind: 'ignored', field, suggestion: `request.${inRequest}` }
        : {
            kind: 'echoed',
            field,
            array: Array.isArray(data[field]),
            meantKey: data.key === undefined && KEY_LIKE.has(wanted),
          },
    );
  }
  return out;
}

/** `data` without the envelope fields (a shallow copy: the request is shared). */
export function withoutFields(data: Obj, fields: readonly EnvelopeField[]): Obj {
  const drop = new Set(fields.map((f) => f.field));
  const out: Obj = {};
  for (const [name, value] of Object.entries(data)) {
    if (!drop.has(name)) {
      Object.defineProperty(out, name, { value, enumerable: true, writable: true, configurable: true });
    }
  }
  return out;
}
