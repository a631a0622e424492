/** Why a split stopped. No part is left behind in any of these cases. */
export type SplitErrorCode =
  /** One line alone is larger than the byte limit: no split can place it (it is never cut). */
  | 'line-too-large'
  /** One request alone has more input tokens than a part may hold (`maxTokens`): it can never be enqueued. */
  | 'line-over-tokens'
  /** The input could not be read (missing, a folder, no permission). */
  | 'read-failed'
  /** A part could not be written (disk full, no permission). */
  | 'write-failed'
  /** The caller's AbortSignal fired. */
  | 'cancelled';

export interface SplitErrorDetail {
  /** 1-based line, for 'line-too-large' and 'line-over-tokens'. */
  line?: number;
  bytes?: number;
  tokens?: number;
  limit?: number;
  /** The system error code (ENOENT, ENOSPC…), for 'read-failed' and 'write-failed'. */
  errno?: string;
}

/** A typed failure of {@link splitFile}: presenters choose their words from `code`, never from the message. */
export class SplitError extends Error {
  constructor(
    readonly code: SplitErrorCode,
    readonly detail: SplitErrorDetail = {},
  ) {
    super(`split failed: ${code}${detail.errno ? ` (${detail.errno})` : ''}`);
    this.name = 'SplitError';
  }
}

/** The system error code of a thrown value, if it has one. */
export function errnoOf(error: unknown): string {
  const code = (error as { code?: unknown } | undefined)?.code;
  return typeof code === 'string' ? code : 'EUNKNOWN';
}
