/**
 * Route patterns, matched against a request's percent-decoded path segments (so `batches%2Fx` stays one segment).
 *
 * A template is segments joined by `/`, each one of:
 * - `files`: that literal segment;
 * - `{id}`: any segment without a `:` (in Gemini paths a `:` starts a custom method, `files/abc:download`);
 * - `{id*}`: any segment, colons included (webhook ids, OpenAI ids);
 * - `{id}:download`, `{model}:{verb}`: a segment split at its last `:` (as AIP custom methods are), the part after it
 *   a literal or a parameter;
 * - `{v=v1|v1beta}`: a parameter that takes only the listed values (also after the `:`).
 * A RegExp pattern is tested against the segments joined by `/`, its named groups become the parameters.
 */
export type Params = Record<string, string>;

export type PathMatcher = (segments: readonly string[]) => Params | undefined;

/** Matches one value against `{name}`, `{name*}`, `{name=a|b}` or a literal; writes the parameter into `out`. */
type PartMatcher = (value: string, out: Params) => boolean;

function part(spec: string, colonFree: boolean): PartMatcher {
  const m = /^\{(\w+)(\*)?(?:=([^}]*))?\}$/.exec(spec);
  if (!m) {
    return (value) => value === spec;
  }
  const [, name, any, allowed] = m;
  const values = allowed?.split('|');
  return (value, out) => {
    if ((colonFree && !any && value.includes(':')) || (values && !values.includes(value))) {
      return false;
    }
    out[name] = value;
    return true;
  };
}

function segment(spec: string): PartMatcher {
  const colon = spec.lastIndexOf(':');
  if (colon < 0) {
    return part(spec, true);
  }
  const head = part(spec.slice(0, colon), false);
  const tail = part(spec.slice(colon + 1), false);
  return (value, out) => {
    const at = value.lastIndexOf(':');
    return at >= 0 && head(value.slice(0, at), out) && tail(value.slice(at + 1), out);
  };
}

/** Compiles a template or RegExp (see above) once, into a function from path segments to parameters. */
export function compilePath(pattern: string | RegExp): PathMatcher {
  if (pattern instanceof RegExp) {
    return (segments) => {
      const m = pattern.exec(segments.join('/'));
      return m ? { ...m.groups } : undefined;
    };
  }
  const parts = pattern.split('/').map(segment);
  return (segments) => {
    if (segments.length !== parts.length) {
      return undefined;
    }
    const out: Params = {};
    return parts.every((p, i) => p(segments[i], out)) ? out : undefined;
  };
}
