import { isRecord } from './requestCount';

/**
 * A type union in a parameter schema as 2.5 appears to bill it: a JSON-schema `type` list, or an `anyOf` whose
 * branches are bare `{type}`, is one type string of its non-null members (`type: «STRING,NUMBER»`); a `null` branch of
 * such an `anyOf` adds `nullable: true`, a `null` in a `type` list nothing. Evidence, the only recordings with either:
 * js-genai's greeter (`name: {type: [string, number, null]}`, fixture 486) 7 over as sent and exact so; crewAI's MCP
 * tool (`anyOf` of bare types with null, two recordings) 22 over as sent and 2 over so; crewAI's planning tool (a
 * list inside array items, fixture 687) 15 → 10 over and pydantic-ai's strict-incompatible schema (fixture 387/388)
 * 13 closer. The asymmetry of `null` is fitted (billed alike in both, one of those tests goes 4 or 6 off); the SDK's
 * own converter (flattenTypeArrayToAnyOf, processJsonSchema) writes both as `anyOf` + `nullable`, which the service
 * bills for less than that rendering (fixture 486 12 over). No recording with these on Gemini 3.
 */

function typeString(types: readonly unknown[]): string {
  return types
    .filter((t) => t !== 'null')
    .map((t) => String(t).toUpperCase())
    .join(',');
}

function isBareType(branch: unknown): boolean {
  return isRecord(branch) && Object.keys(branch).length === 1 && typeof branch.type === 'string';
}

/** The fields that `key: field` of a schema node renders as when it is a type union; undefined when it is not one. */
export function typeUnionView(key: string, field: unknown): Record<string, unknown> | undefined {
  if (key === 'type' && Array.isArray(field)) {
    return { type: typeString(field) };
  }
  if (key === 'anyOf' && Array.isArray(field) && field.length > 0 && field.every(isBareType)) {
    const types = field.map((branch) => (branch as { type: string }).type);
    return { type: typeString(types), ...(types.includes('null') ? { nullable: true } : {}) };
  }
  return undefined;
}
