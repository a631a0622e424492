/**
 * A user's price for a model (setting `geminiBatch.pricing.overrides`), USD per 1M tokens like the built-in tables:
 * standard input and output, optionally the batch prices (else half, the rule of both providers) and cached input (in
 * a batch too: Gemini bills cache hits as outside batch, see priceTable.ts [CACHE]; for OpenAI that makes it an upper
 * bound). package.json's schema for the setting mirrors these fields; keep the two in step.
 */
export interface PriceOverride {
  input: number;
  output: number;
  cachedInput?: number;
  batchInput?: number;
  batchOutput?: number;
}

const REQUIRED = ['input', 'output'] as const;
const OPTIONAL = ['cachedInput', 'batchInput', 'batchOutput'] as const;
const KNOWN: ReadonlySet<string> = new Set([...REQUIRED, ...OPTIONAL]);

/** Why one model's entry was left out: its fields named, so the user can find the typo. */
export interface DroppedOverride {
  model: string;
  /** Required fields absent (or not a number ≥ 0). */
  missing: string[];
  /** Fields the setting does not know (a typo such as `batchOuput`). */
  unknown: string[];
  /** Known optional fields whose value is not a number ≥ 0. */
  invalid: string[];
  /** The entry is not an object at all. */
  notObject?: boolean;
}

export interface ParsedOverrides {
  prices: Map<string, PriceOverride>;
  dropped: DroppedOverride[];
}

function isPrice(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0;
}

/**
 * Reads the overrides setting, keeping only well-formed entries: a typo must neither price a model at NaN nor be
 * half-applied (an unknown field may be the misspelt price the user meant), so such an entry is dropped whole and
 * reported in `dropped`.
 */
export function readOverrides(raw: unknown): ParsedOverrides {
  const parsed: ParsedOverrides = { prices: new Map(), dropped: [] };
  if (typeof raw !== 'object' || raw === null) {
    return parsed;
  }
  for (const [model, value] of Object.entries(raw as Record<string, unknown>)) {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      parsed.dropped.push({ model, missing: [], unknown: [], invalid: [], notObject: true });
      continue;
    }
    const v = value as Record<string, unknown>;
    const missing = REQUIRED.filter((key) => !isPrice(v[key]));
    const unknown = Object.keys(v).filter((key) => !KNOWN.has(key));
    const invalid = OPTIONAL.filter((key) => v[key] !== undefined && !isPrice(v[key]));
    if (missing.length > 0 || unknown.length > 0 || invalid.length > 0) {
      parsed.dropped.push({ model, missing, unknown, invalid });
      continue;
    }
    const o: PriceOverride = { input: v.input as number, output: v.output as number };
    for (const key of OPTIONAL) {
      if (isPrice(v[key])) {
        o[key] = v[key];
      }
    }
    parsed.prices.set(model, o);
  }
  return parsed;
}

/** The well-formed entries only (see readOverrides for what is dropped and why). */
export function parseOverrides(raw: unknown): Map<string, PriceOverride> {
  return readOverrides(raw).prices;
}

/** One line per dropped entry, for the log and the warning: the model and the fields at fault. */
export function droppedOverrideText(d: DroppedOverride): string {
  if (d.notObject) {
    return `"${d.model}": not an object like {"input": 0.3, "output": 2.5}`;
  }
  const parts = [
    ...(d.missing.length ? [`missing ${d.missing.join(', ')}`] : []),
    ...(d.unknown.length ? [`unknown field ${d.unknown.join(', ')}`] : []),
    ...(d.invalid.length ? [`not a number ≥ 0: ${d.invalid.join(', ')}`] : []),
  ];
  return `"${d.model}": ${parts.join('; ')}`;
}
