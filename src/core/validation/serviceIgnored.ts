import type { ErrorObject } from 'ajv';

/**
 * A `role` on the system instruction other than the `Content` roles: the service ignores it, so it is no error.
 * NousResearch/hermes-agent sends `"systemInstruction": {"role": "system", …}` on every Gemini request since PR
 * #45605 (merged 2026-06-13), after issue #27121 found Gemma 4 models answer 500 without it and 200 with it; PR #99267:
 * "Public Google surfaces (generativelanguage / Vertex) tolerate a stray `role: "system"` and silently ignore it".
 * The schema keeps `systemInstruction` a `Content` (the SDKs send `user`, and completion offers it); only this error
 * is dropped. It blocked the submit of a valid file.
 */
const SYSTEM_ROLE = /(^|\/)(systemInstruction|system_instruction)\/role$/;

function ignored(error: ErrorObject): boolean {
  return error.keyword === 'enum' && SYSTEM_ROLE.test(error.instancePath);
}

/** The schema errors the service would act on (see above). */
export function serviceErrors(errors: readonly ErrorObject[]): ErrorObject[] {
  return errors.some(ignored) ? errors.filter((error) => !ignored(error)) : [...errors];
}
