/** Batch files built from a table (CSV, TSV, JSONL, JSON) and a template line: pure Node, streamed. */
export { buildFile, MAX_LISTED, type BuildOptions, type BuildResult } from './buildFile';
export { previewBuild, readFirstRows, renderPreview, templateSetsKey, type BuildPreview } from './previewBuild';
export { dataFormatOf, readRows, DataFileError, type DataFormat, type DataRow } from './dataSource';
export { AbsentColumns, closestColumn, dataColumns, unknownColumns, type UnknownColumn } from './columnCheck';
export { compileTemplate, renderTemplate, type Template, type Placeholder } from './template';
export { CsvParser, type CsvRecord } from './csvParser';
export { FOLDER_COLUMNS, INLINE_MAX_BYTES, type FolderOptions, type Uploader } from './folderSource';
export { keyFieldOf } from './rowRenderer';
export {
  describeRowProblem,
  type KeySource,
  type RejectedRow,
  type RowProblem,
  type RowProblemCode,
} from './buildTypes';
