/** Splitting a batch file into parts within a provider's limits (pure Node, streamed). */
export { partPath, partSource, splitFile, type SplitOptions, type SplitResult } from './splitFile';
export { earlierParts } from './earlierParts';
export { SplitError, type SplitErrorCode, type SplitErrorDetail } from './splitErrors';
export type { SplitLimits } from './linePacker';
export {
  detectFileKind,
  enqueuedTokenLimit,
  partsForTokens,
  splitLimitsFor,
  type EnqueuedTokenTable,
  type UsageTier,
} from './splitLimits';
export { splitSizing, type SplitAsk } from './splitSizing';
export { stampParts, staleParts, type PartStamp, type StalePart, type StalePartCode } from './partStamps';
