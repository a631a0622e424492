/**
 * The canonical gRPC status codes (`google.rpc.Code`, googleapis `google/rpc/code.proto`; the discovery document's
 * `Status.code` is "an enum value of google.rpc.Code", reference generativelanguage-v1beta-discovery.json). A
 * Gemini batch result line that failed carries a `Status`, `{"code": 3, "message": "…"}`: the number, no name.
 * The index is the code.
 */
const RPC_CODE_NAMES: readonly string[] = [
  'OK',
  'CANCELLED',
  'UNKNOWN',
  'INVALID_ARGUMENT',
  'DEADLINE_EXCEEDED',
  'NOT_FOUND',
  'ALREADY_EXISTS',
  'PERMISSION_DENIED',
  'RESOURCE_EXHAUSTED',
  'FAILED_PRECONDITION',
  'ABORTED',
  'OUT_OF_RANGE',
  'UNIMPLEMENTED',
  'INTERNAL',
  'UNAVAILABLE',
  'DATA_LOSS',
  'UNAUTHENTICATED',
];

/** The name of a gRPC code (`3` → `INVALID_ARGUMENT`), or undefined when `code` is not one (e.g. an HTTP 400). */
export function rpcCodeName(code: number): string | undefined {
  return Number.isInteger(code) ? RPC_CODE_NAMES[code] : undefined;
}

/** The gRPC code of a name (`RESOURCE_EXHAUSTED` → 8), for writing `Status` objects. */
export function rpcCode(
  name: 'INVALID_ARGUMENT' | 'RESOURCE_EXHAUSTED' | 'INTERNAL' | 'UNAVAILABLE' | 'CANCELLED' | 'DEADLINE_EXCEEDED',
): number {
  return RPC_CODE_NAMES.indexOf(name);
}
