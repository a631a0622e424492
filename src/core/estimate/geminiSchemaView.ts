import { isRecord } from './requestCount';
import { typeUnionView } from './geminiTypeUnion';

/**
 * A function's parameter schema as the Gemini API appears to bill it (geminiToolTokens.ts renders it), with the counts
 * its fitted constants apply to. Evidence: the recorded counts of test/fixtures/tokens/published-counts.json.
 * - `$ref`s are resolved in place and `$defs` is not rendered: test_google_nested_models_without_native_output (a
 *   `$defs` schema, the only non-recursive one with nested descriptions) is exact that way and 3 over with `$defs`
 *   kept. The API does resolve them: it refuses a `$ref` with siblings other than `description` and `default`
 *   ("If a schema node has $ref set, then only description and default can be set alongside it", quoted in
 *   anomalyco/opencode#12295); those siblings override the definition's.
 * - `$schema` is not billed: js-genai's MCP declarations (test/system/recordings at 6e9b35c, `$schema` draft-07 on
 *   each) are exact without it and 20 or more over with it. The SDK's `Schema` has no such field either.
 * - `pattern` is not billed: the same recordings' `print` declaration (`color: {pattern: "red|blue|green|white"}`) is
 *   exact without it on gemini-2.5-flash and gemini-2.5-pro (MCP_related_client_Tests_…_one_CallableTool… and
 *   …_Multiple_CallableTool…, interaction 0; and the first of them at dc629b688), 12 over with it, which is exactly
 *   its rendering. No other recorded schema has a `pattern`.
 * - On 2.5 the `title` of a parameter (depth 1) is not billed: Mirascope's and crewAI's pydantic schemas (a `title` on
 *   every property, 24 recordings at 41d433578 and f4731f502) are 6 to 7 over per title with them and exact or 1
 *   over without. Gemini 3 bills every title: Mirascope's test_strict_mode_with_tools on gemini-3-pro-preview is 3
 *   over with its two titles and 9 under without.
 * - On 2.5 the parameters' own title is not billed either. pydantic-ai's
 *   test_google_nested_models_without_native_output was recorded three times, each 219: with `$defs` and no title
 *   (111dda9bc), inlined with `title: TopModel` (fd1569e97), and with both (the fixture); the title costs nothing
 *   there, and all three are now 7 under (one was exact by billing the title): what those 7 tokens are is unknown.
 *   Mirascope's structured-output tool (`title: Book`/`BookSummary`; 28 recordings of 7 tests at 5 commits, checked
 *   2026-11-28) is 6 to 7 over with it and 1 over without, the +1 its siblings without a root title share
 *   (geminiToolTokens.ts).
 * - On 2.5 the titles of the properties of an object that is itself a property (`properties.a.properties.b.title`)
 *   are billed: llm-gemini's test_tools_with_nested_pydantic_models (gemini-2.5-flash-preview-09-2025, an `address`
 *   object whose 3 properties have titles) is 19 and 18 under without them, 0 and 1 over with them; Mirascope's
 *   test_structured_output (`author` with titled `first_name`, `last_name`) goes from 38 to 24 under. A definition
 *   reached through `items` starts a new chain: Mirascope's nested_models (`books.items.$ref` to a titled `Book`)
 *   would be 25 over with its titles. Fitted on those three tests. The title of such an object-valued property
 *   (`properties.a.title` where `a` has properties) is billed too, since the parameters' own description costs 1
 *   token (geminiToolRules.ts, `rootDescriptionTokens`): llm-gemini's add_person is 6 under without `title: Address`,
 *   exactly its tokens, and Mirascope's `author` 6 closer with it. Fitted on that test.
 * - On 2.5 `default` is not billed (with the 9 tokens of an optional property, geminiToolRules.ts
 *   `perOptionalProperty`: pydantic-ai's `get_error` with `default: false` and Mirascope's `unit` with a default
 *   string are exact so, and cost what the same property costs without one), nor `propertyOrdering` (crewAI's
 *   test_gemini_agent_kickoff_structured_output_with_tools at 7e09e0121, the only recording with it: 23 and 24
 *   over with it, 3 and 4 without).
 * - An empty `required` is not billed, and the parameters object without `properties` is billed as if it had empty
 *   ones: posit-dev/chatlas records 59 for one declaration sent both with no `parameters` (tests/_vcr, Dec 2025)
 *   and with `{properties:{}, required:[], type:OBJECT}` (Apr 2026); js-genai's `beep: {type: object}` at dc629b688
 *   costs what `beep: {properties: {}, type: object}` costs at 6e9b35c. geminiToolTokens.ts gives a declaration
 *   without `parameters` that empty object.
 * - Only the descriptions of the parameters themselves (depth 1) get the per-description constant; deeper ones cost
 *   their full rendering (same test: 30 under when every description gets it). Fitted on that one test.
 * - A recursive `$ref` (to a definition already open on the path) is expanded `recursion - 1` times per definition in
 *   the whole schema, then rendered `{}`: a self-referencing node appears `recursion` times deep. The depth is fitted
 *   on one test (test_google_validated_accepts_what_auto_accepts, a single recursive path, which cannot tell a
 *   per-path bound from this per-schema one; per-schema keeps a tree with two recursive children linear). No depth
 *   makes that test exact, so how the service bounds recursion is unknown.
 */
export interface SchemaStats {
  /** Properties of every object, nested ones and expanded copies included. */
  properties: number;
  /** Non-empty descriptions at depth 0 (the parameters object) and 1 (its properties). */
  descriptions: number;
  /** Properties of the parameters object (depth 0) missing from its `required` (billed extra on 2.5). */
  optional?: number;
}

export interface SchemaViewOptions {
  /** How deep a self-referencing definition is expanded (see above). */
  recursion: number;
  /** Whether every `title` is billed (Gemini 3); otherwise the 2.5 rules above choose (see above). */
  propertyTitles: boolean;
}

/**
 * Safety bounds, not measured ones: past this many resolved `$ref`s, or this much definition text resolved, in one
 * schema, the rest render `{}`. A hostile line whose definitions each name the next twice would otherwise expand to
 * an exponential size before it is counted.
 */
const MAX_RESOLVED = 1000;
const MAX_RESOLVED_CHARS = 4 * 1024 * 1024;

type Defs = Record<string, unknown>;

/** Keywords the service does not bill (see above): dropped from the rendering. */
const UNBILLED: ReadonlySet<string> = new Set(['additionalProperties', '$defs', 'definitions', '$schema', 'pattern']);

function definitions(root: Record<string, unknown>): Defs {
  return { ...(isRecord(root.definitions) ? root.definitions : {}), ...(isRecord(root.$defs) ? root.$defs : {}) };
}

function refName(ref: string): string | undefined {
  return /^#\/(?:\$defs|definitions)\/(.+)$/.exec(ref)?.[1];
}

interface Walk {
  defs: Defs;
  options: SchemaViewOptions;
  stats: SchemaStats;
  /** Definitions open on the current path, one entry per opening. */
  open: string[];
  /** Recursive expansions made so far, per definition. */
  reentries: Map<string, number>;
  resolved: number;
  /** Text of the definitions resolved so far (each definition's JSON length, measured once). */
  resolvedChars: number;
  sizes: Map<string, number>;
}

function sizeOf(walk: Walk, name: string): number {
  let size = walk.sizes.get(name);
  if (size === undefined) {
    size = JSON.stringify(walk.defs[name])?.length ?? 0;
    walk.sizes.set(name, size);
  }
  return size;
}

/**
 * Whether a `title` at this node is billed on 2.5 (see above). `chain` counts the `properties` steps that lead
 * straight to the node (0 at the root and below `items` or `anyOf`).
 */
function titleBilled(walk: Walk, chain: number, node: Record<string, unknown>): boolean {
  return walk.options.propertyTitles || chain >= 2 || (chain >= 1 && isRecord(node.properties));
}

function view(value: unknown, walk: Walk, depth: number, chain = 0): unknown {
  if (!isRecord(value)) {
    return value;
  }
  const name = typeof value.$ref === 'string' ? refName(value.$ref) : undefined;
  if (name !== undefined && isRecord(walk.defs[name])) {
    const reentries = walk.reentries.get(name) ?? 0;
    const recursive = walk.open.includes(name);
    const size = sizeOf(walk, name);
    if (
      (recursive && reentries >= walk.options.recursion - 1) ||
      walk.resolved >= MAX_RESOLVED ||
      walk.resolvedChars + size > MAX_RESOLVED_CHARS
    ) {
      return {};
    }
    walk.reentries.set(name, reentries + (recursive ? 1 : 0));
    walk.resolved++;
    walk.resolvedChars += size;
    const { $ref: _ref, ...siblings } = value;
    walk.open.push(name);
    const resolved = view({ ...walk.defs[name], ...siblings }, walk, depth, chain);
    walk.open.pop();
    return resolved;
  }
  if (depth <= 1 && typeof value.description === 'string' && value.description) {
    walk.stats.descriptions++;
  }
  const out: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(value)) {
    if (
      UNBILLED.has(key) ||
      (key === 'required' && Array.isArray(field) && field.length === 0) ||
      (key === 'title' && !titleBilled(walk, chain, value)) ||
      (!walk.options.propertyTitles && (key === 'default' || key === 'propertyOrdering'))
    ) {
      continue;
    }
    const union = walk.options.propertyTitles ? undefined : typeUnionView(key, field);
    if (union) {
      Object.assign(out, union);
    } else if (key === 'type' && typeof field === 'string') {
      out[key] = field.toUpperCase();
    } else if (key === 'properties' && isRecord(field)) {
      walk.stats.properties += Object.keys(field).length;
      if (depth === 0) {
        const required = new Set(Array.isArray(value.required) ? value.required : []);
        walk.stats.optional = (walk.stats.optional ?? 0) + Object.keys(field).filter((k) => !required.has(k)).length;
      }
      out[key] = Object.fromEntries(
        Object.entries(field).map(([prop, sub]) => [prop, view(sub, walk, depth + 1, chain + 1)]),
      );
    } else if (key === 'items') {
      out[key] = view(field, walk, depth + 1);
    } else if ((key === 'anyOf' || key === 'prefixItems') && Array.isArray(field)) {
      out[key] = field.map((sub) => view(sub, walk, depth + 1));
    } else {
      out[key] = field;
    }
  }
  if (depth === 0 && out.type === 'OBJECT' && !('properties' in out)) {
    out.properties = {};
  }
  return out;
}

/** The schema as the service renders it (types upper-case, unbilled keywords dropped, `$ref`s resolved). */
export function geminiSchemaView(schema: unknown, stats: SchemaStats, options: SchemaViewOptions): unknown {
  const defs = isRecord(schema) ? definitions(schema) : {};
  const walk: Walk = {
    defs,
    options,
    stats,
    open: [],
    reentries: new Map(),
    resolved: 0,
    resolvedChars: 0,
    sizes: new Map(),
  };
  return view(schema, walk, 0);
}
