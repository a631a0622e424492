/**
 * The validation core: JSONL batch lines checked for syntax, schema, checks across lines and provider limits.
 * Pure Node (no editor API): used by the editor's diagnostics, the CLI and the emulator.
 */
export type { Issue, IssueOf, RelatedSpan, Severity, Span, ValidationSummary } from './types';
export type { IssueParams, ParamValue } from './issueCodes';
export { IssueCode } from './issueCodes';
export { messageFor, formatBytes } from './messages';
export { DocumentValidator, type DocumentValidatorOptions } from './documentValidator';
export { validateText } from './validateText';
export { validateFile, FileReadError, ValidationCancelledError, type ValidateFileOptions } from './validateFile';
export { validateLine, isServiceParseFailure } from './validateLine';
export { detectKind } from './kindDetection';
export { detectBatchFile, holdsBatchLines, type FileDetection } from './batchDetection';
export type { FileOutcome, FileVerdict } from './kindVote';
export { MissingValidatorsError } from '../schema/validators';
export { PROVIDER_LIMITS, type ProviderLimits } from './limits';
export { DEFAULT_MAX_ISSUES, type ValidationOptions } from './validationSession';
