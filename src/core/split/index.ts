/** Splitting a batch file into parts within a provider's limits (pure Node, streamed). */
export { splitFile, type SplitOptions, type SplitResult } from './splitFile';
export { SplitError, type SplitErrorCode, type SplitErrorDetail } from './splitErrors';
export type { SplitLimits } from './linePacker';
export { partPath } from './partNames';
export { detectFileKind, splitLimitsFor } from './splitLimits';
export { enqueuedTokenLimit, partsForTokens, type EnqueuedTokenTable, type UsageTier } from './enqueuedTokens';
