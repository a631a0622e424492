/**
 * Where a base-URL setting sends requests, reduced to what a person can judge: its origin (scheme, host, port).
 * The trust check compares the effective value of an endpoint setting with the user's own; only a different
 * origin needs the user's confirmation, since the path never changes who receives the key.
 */

/** `https://host:port` of an http(s) URL, or undefined when `url` is not one. */
export function originOf(url: string): string | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url.trim());
  } catch {
    return undefined;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    return undefined;
  }
  return parsed.origin;
}

/**
 * The origin the effective value would reach when it is not the user's own, else undefined. A value that is no
 * http(s) URL cannot be compared, so it is returned as written (and confirmed like any other host) when it differs.
 */
export function foreignOrigin(effective: string, user: string): string | undefined {
  const target = originOf(effective);
  if (target === undefined) {
    return effective.trim() === user.trim() ? undefined : effective.trim();
  }
  return target === originOf(user) ? undefined : target;
}

/** The host part a dialog names (`example.com:8443`), or the value itself when it is no URL. */
export function hostOf(origin: string): string {
  try {
    return new URL(origin).host || origin;
  } catch {
    return origin;
  }
}
