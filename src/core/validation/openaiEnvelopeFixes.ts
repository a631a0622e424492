import type { Node } from 'jsonc-parser';
import { OPENAI_BATCH_ENDPOINTS, type OpenAIBatchEndpoint } from '../openaiEndpoints';
import type { LineFix } from './lineFix';

/**
 * What an OpenAI batch line's `url` and `method` were meant to be, when a wrong value says so without doubt. The
 * accepted values come from the spec, never from this file:
 * - `url`: one of the endpoints a batch may target (src/core/openaiEndpoints.ts: the `endpoint` union of
 *   `BatchCreateParams` in node_modules/openai/resources/batches.d.ts and `CreateBatchRequest.endpoint` in
 *   reference/openai-openapi.yaml), each written with its `/v1` prefix;
 * - `method`: only `POST` (openai/openai-openapi `openapi.yaml`, `components.schemas.BatchRequestInput.properties.
 *   method`: `enum: [POST]`, "Currently only `POST` is supported", e.g. branch manual_spec commit 498c71dd; the
 *   line schema's `method` enum, scripts/schemaSources/openaiSchema.ts, says the same).
 */

/**
 * The one endpoint a wrong `url` names: its path without the `/v1` prefix (`/chat/completions`, `chat/completions`),
 * with a slash missing (`v1/embeddings`), with the API's origin (`https://api.openai.com/v1/responses`) or in another
 * letter case. The written path, as whole segments, must end exactly one endpoint: `/completions` ends both
 * `/v1/completions` and `/v1/chat/completions`, so it names none. Undefined for an accepted url.
 */
export function endpointFor(url: string): OpenAIBatchEndpoint | undefined {
  if ((OPENAI_BATCH_ENDPOINTS as readonly string[]).includes(url)) {
    return undefined;
  }
  const path = url
    .trim()
    .replace(/^[a-z][a-z0-9+.-]*:\/\/[^/]*/i, '')
    .replace(/^\/+|\/+$/g, '')
    .toLowerCase();
  if (path === '') {
    return undefined;
  }
  const matches = OPENAI_BATCH_ENDPOINTS.filter((endpoint) => endpoint.endsWith(`/${path}`));
  return matches.length === 1 ? matches[0] : undefined;
}

/** The only method the batch API takes. */
export const BATCH_METHOD = 'POST';

/** `url` written as a string the batch API refuses but that names one endpoint: that endpoint. */
export function fixUrl(node: Node, suggestion: unknown): LineFix | undefined {
  if (node.type !== 'string' || typeof suggestion !== 'string' || endpointFor(String(node.value)) !== suggestion) {
    return undefined;
  }
  return {
    title: `Change url to "${suggestion}"`,
    startCol: node.offset,
    endCol: node.offset + node.length,
    newText: JSON.stringify(suggestion),
  };
}

/** `method` written as another string (`GET`, `post`): `POST`, the only one the batch API takes. */
export function fixMethod(node: Node): LineFix | undefined {
  if (node.type !== 'string' || node.value === BATCH_METHOD) {
    return undefined;
  }
  return {
    title: `Change ${JSON.stringify(String(node.value).slice(0, 40))} to "${BATCH_METHOD}"`,
    startCol: node.offset,
    endCol: node.offset + node.length,
    newText: JSON.stringify(BATCH_METHOD),
  };
}
