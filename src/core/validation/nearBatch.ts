import type { BatchKind } from '../batchKind';
import { batchShape, lineShape } from './lineShape';

type Obj = Record<string, unknown>;

const isObject = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The envelope fields a misspelling may stand for, with the JSON type their value must have to count. */
const ENVELOPE: readonly { name: string; type: 'object' | 'string' }[] = [
  { name: 'request', type: 'object' },
  { name: 'custom_id', type: 'string' },
  { name: 'body', type: 'object' },
  { name: 'method', type: 'string' },
  { name: 'url', type: 'string' },
];

/** Lower case, without `_`, `-` or blanks: `customId`, `custom-id` and `Custom_ID` are all `customid`. */
const normalized = (name: string): string => name.toLowerCase().replace(/[-_\s]/g, '');

/** Edit distance with adjacent transpositions (`reqeust` is one edit from `request`), stopping early past `max`. */
function distance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) {
    return max + 1;
  }
  const rows: number[][] = [];
  for (let i = 0; i <= a.length; i++) {
    rows.push([i]);
    for (let j = 1; j <= b.length; j++) {
      if (i === 0) {
        rows[0].push(j);
        continue;
      }
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(rows[i - 1][j] + 1, rows[i][j - 1] + 1, rows[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        d = Math.min(d, rows[i - 2][j - 2] + 1);
      }
      rows[i].push(d);
    }
  }
  return rows[a.length][b.length];
}

/**
 * The envelope field `name` is a misspelling of, if any. Short names (`url`, `body`) allow one edit, longer ones two,
 * `custom_id` one after normalizing (`customerId` is two away: an order log's field, not a typo).
 */
export function envelopeNameFor(name: string): string | undefined {
  if (name.length > 24) {
    return undefined;
  }
  const n = normalized(name);
  for (const { name: field } of ENVELOPE) {
    const target = normalized(field);
    if (n === target) {
      return name === field ? undefined : field;
    }
    const max = field === 'request' || field === 'method' ? 2 : 1;
    if (distance(n, target, max) <= max) {
      return field;
    }
  }
  return undefined;
}

/**
 * The kind of a parsed line that is nearly a batch line: one of its top-level fields misspells an envelope field
 * (`reqeust`, `custom-id`, `bdy`) with a value of the right type, and the line spelled right would be a batch line.
 * Kept strict so that logs and other data stay "not a batch file": a misspelled `request` must hold an object and sit
 * beside a `key` or hold `contents`/`content`; an OpenAI line, once mended, needs `custom_id` or `body` (as any OpenAI
 * line does) and two envelope fields.
 */
export function nearBatchKind(value: Obj): BatchKind | undefined {
  let mended: Obj | undefined;
  for (const name of Object.keys(value)) {
    const field = envelopeNameFor(name);
    if (field === undefined || value[field] !== undefined) {
      continue;
    }
    const v = value[name];
    const type = ENVELOPE.find((e) => e.name === field)?.type;
    if (type === 'object' ? !isObject(v) : typeof v !== 'string') {
      continue;
    }
    if (
      field === 'request' &&
      value.key === undefined &&
      !(isObject(v) && (v.contents !== undefined || v.content !== undefined))
    ) {
      continue;
    }
    mended ??= { ...value };
    mended[field] = v;
    delete mended[name];
  }
  if (mended === undefined) {
    return undefined;
  }
  const shape = batchShape(mended, lineShape(mended));
  if (shape === undefined) {
    return undefined;
  }
  if (shape === 'openai' || shape === 'anthropic') {
    const present = ['custom_id', 'method', 'url', 'body'].filter((f) => mended?.[f] !== undefined).length;
    return present >= 2 ? 'openai' : undefined;
  }
  return shape;
}

/** A key name in the text of a line that does not parse (the first 64 KiB are looked at). */
const KEY_NAME = /["']([A-Za-z_\- ]{2,24})["']\s*:/g;
/** A key cut short at the end of a truncated line: `{"key": "colours", "req`. */
const CUT_KEY = /["']([A-Za-z_-]{3,24})$/;
/** Names whose exact spelling in an unparsed line is evidence on its own (as before: the envelope keys). */
const EXACT = new Set(['request', 'custom_id', 'contents']);
/** Names a truncated key may be the start of. */
const CUT_TARGETS = ['request', 'custom_id', 'contents'];
const MAX_SCANNED = 64 * 1024;

/**
 * Whether a line that does not parse (being typed, broken, or cut short) is a broken batch line: it names an envelope
 * key (`"request":`, `'custom_id':`), misspells `request` or `custom_id`, opens with `{"key":`, or ends in the middle
 * of an envelope key.
 */
export function isBrokenBatchText(text: string): boolean {
  const head = text.length > MAX_SCANNED ? text.slice(0, MAX_SCANNED) : text;
  if (/^\s*\{\s*["']key["']\s*:/.test(head)) {
    return true;
  }
  for (const match of head.matchAll(KEY_NAME)) {
    const name = match[1];
    if (EXACT.has(name)) {
      return true;
    }
    const field = envelopeNameFor(name);
    if (field === 'request' || field === 'custom_id') {
      return true;
    }
  }
  const cut = CUT_KEY.exec(text.trimEnd());
  return cut !== null && CUT_TARGETS.some((t) => t.startsWith(cut[1]));
}
