/**
 * Reads the SDK's Gemini-API request converters (`fooToMldev(fromObject, …)` in `dist/node/index.cjs`) as text.
 * They are the SDK's own statement of which fields the Gemini Developer API takes, where each goes on the wire
 * (kept in the object, renamed, or hoisted to the parent request) and which ones it refuses
 * ("X parameter is only supported in … not in Gemini Developer API mode" / "… not supported in Gemini API").
 */
import * as fs from 'node:fs';

export interface FieldMapping {
  /** Wire path, e.g. `['generationConfig']` or `['requests[]', 'taskType']`. */
  to: string[];
  /** `parent` when the SDK hoists the field into the enclosing request (config → request). */
  target: 'self' | 'parent';
  /** The converter applied to the value, as an SDK type name (`Content`), when there is one. */
  converter?: string;
}

export interface ConverterInfo {
  /** SDK type name the converter reads, e.g. `GenerateContentConfig`. */
  typeName: string;
  /** SDK field name → where it goes. Fields absent here and from `refused` are SDK-only (never sent). */
  fields: Map<string, FieldMapping>;
  /** Fields the SDK refuses for the Gemini API (Vertex AI / Agent Platform only). */
  refused: Set<string>;
}

const FUNCTION_RE = /^function (\w+?)ToMldev(?:\$\d+)?\(([^)]*)\) \{$/gm;
const REFUSED_RE =
  /throw new Error\(['"`](\w+) parameter is (?:only supported in [^'"`]*not in Gemini Developer API mode|not supported in Gemini API)/g;
// A path literal is a list of quoted names; names may contain `[]` (`'requests[]'`).
const PATH = String.raw`\[((?:\s*'[^']*',?)*\s*)\]`;
const GET_RE = new RegExp(String.raw`const (\w+) = getValueByPath\(fromObject, ${PATH}\);`, 'g');
const SET_RE = new RegExp(String.raw`setValueByPath\((toObject|parentObject), ${PATH}`);
const CONVERTER_CALL_RE = /\b(\w+?)ToMldev(?:\$\d+)?\(/;

function pathOf(list: string): string[] {
  return [...list.matchAll(/'([^']*)'/g)].map((m) => m[1]);
}

function typeNameOf(fnPrefix: string): string {
  return fnPrefix.charAt(0).toUpperCase() + fnPrefix.slice(1);
}

/** Extracts the body of the function starting at `start` (the next line that is exactly `}` closes it). */
function bodyFrom(source: string, start: number): string {
  const end = source.indexOf('\n}\n', start);
  return source.slice(start, end < 0 ? source.length : end);
}

function parseBody(body: string, info: ConverterInfo): void {
  for (const m of body.matchAll(REFUSED_RE)) {
    info.refused.add(m[1]);
  }
  const gets = [...body.matchAll(GET_RE)];
  gets.forEach((g, i) => {
    const from = pathOf(g[2]);
    const segmentEnd = i + 1 < gets.length ? gets[i + 1].index : body.length;
    const segment = body.slice(g.index, segmentEnd);
    const set = SET_RE.exec(segment);
    if (from.length !== 1 || !set) {
      return;
    }
    const call = CONVERTER_CALL_RE.exec(segment.slice(set.index));
    info.fields.set(from[0], {
      to: pathOf(set[2]),
      target: set[1] === 'parentObject' ? 'parent' : 'self',
      converter: call ? typeNameOf(call[1]) : undefined,
    });
  });
}

/**
 * Parses every `…ToMldev` function in the SDK bundle. Numbered duplicates (`partToMldev$1`, one per SDK module)
 * are merged, so a field refused by any copy counts as refused.
 */
export function readMldevConverters(bundlePath: string): Map<string, ConverterInfo> {
  const source = fs.readFileSync(bundlePath, 'utf8');
  const out = new Map<string, ConverterInfo>();
  for (const m of source.matchAll(FUNCTION_RE)) {
    const typeName = typeNameOf(m[1]);
    const info = out.get(typeName) ?? { typeName, fields: new Map(), refused: new Set<string>() };
    parseBody(bodyFrom(source, m.index), info);
    out.set(typeName, info);
  }
  return out;
}
