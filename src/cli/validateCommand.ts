import {
  FileReadError,
  IssueCode,
  messageFor,
  validateFile,
  type Issue,
  type ValidationSummary,
} from '../core/validation';
import { ExitCode, type CliIo } from './cliIo';
import { count, num } from './textFormat';
import { parseValidateArgs, type OutputFormat } from './validateArgs';

/** One diagnostic as the CLI prints it: 1-based lines and columns, the end column exclusive. */
export interface CliDiagnostic {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  severity: Issue['severity'];
  code: string;
  message: string;
}

function diagnostic(issue: Issue): CliDiagnostic {
  return {
    line: issue.line + 1,
    column: issue.startCol + 1,
    endLine: issue.endLine + 1,
    endColumn: issue.endCol + 1,
    severity: issue.severity,
    code: issue.code,
    message: messageFor(issue),
  };
}

/** What a file that is not JSON Lines is instead, as the summary line names it. */
const NOT_JSON_LINES: Readonly<Record<NonNullable<ValidationSummary['notJsonLines']>, string>> = {
  'json-array': 'not JSON Lines (a JSON array)',
  'json-document': 'not JSON Lines (pretty-printed JSON)',
  text: 'not JSON Lines (text)',
};

/** What the file holds, as the summary line names it. */
function fileDescription(summary: ValidationSummary): string {
  if (summary.results) {
    return 'results file';
  }
  if (summary.notJsonLines) {
    return NOT_JSON_LINES[summary.notJsonLines];
  }
  if (summary.issues.some((i) => i.code === IssueCode.BinaryFile)) {
    return 'not a text file';
  }
  return summary.notBatch ? 'not a batch file' : `${count(summary.requests, 'request')} (${summary.kind})`;
}

function report(io: CliIo, format: OutputFormat, file: string, summary: ValidationSummary): void {
  const diagnostics = summary.issues.map(diagnostic);
  if (format === 'json') {
    const record: Record<string, unknown> = {
      file,
      kind: summary.kind,
      lines: summary.lines,
      requests: summary.requests,
      diagnostics,
    };
    if (summary.issuesDropped) {
      record.issuesDropped = summary.issuesDropped;
    }
    if (summary.notBatch) {
      record.notBatch = true;
    }
    if (summary.results) {
      record.results = true;
    }
    if (summary.notJsonLines) {
      record.notJsonLines = summary.notJsonLines;
    }
    io.stdout(`${JSON.stringify(record)}\n`);
    return;
  }
  for (const d of diagnostics) {
    io.stdout(`${file}:${d.line}:${d.column}: ${d.severity}: ${d.message}\n`);
  }
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = diagnostics.filter((d) => d.severity === 'warning').length;
  const dropped = summary.issuesDropped ? ` (${num(summary.issuesDropped)} more not shown)` : '';
  io.stderr(
    `${file}: ${fileDescription(summary)}, ${count(errors, 'error')}, ${count(warnings, 'warning')}${dropped}\n`,
  );
}

/**
 * `gemini-batch validate FILE... [--kind K] [--format text|json]`: streams each file through the validator.
 * Returns 0 without errors, 1 with errors (a file with no batch line to validate is one), 2 on bad usage or an
 * unreadable file, 3 when the validator itself failed. The results of a job are named so ("results file") and are not
 * an error.
 */
export async function runValidate(args: readonly string[], io: CliIo): Promise<number> {
  const options = parseValidateArgs(args);
  let exit: number = ExitCode.Ok;
  for (const file of options.files) {
    let summary: ValidationSummary;
    try {
      // The user asked for a batch file: one with no batch line to validate (not a batch file, empty) is an error.
      summary = await validateFile(file, { kind: options.kind, requireBatch: true });
    } catch (error) {
      if (error instanceof FileReadError) {
        io.stderr(`gemini-batch: cannot read ${file}: ${error.code}\n`);
        exit = Math.max(exit, ExitCode.Usage);
        continue;
      }
      // The validator failed on this file (a bug): say so, as such, and go on with the other files.
      const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
      io.stderr(`gemini-batch: internal error while validating ${file} (please report it): ${detail}\n`);
      exit = ExitCode.Internal;
      continue;
    }
    report(io, options.format, file, summary);
    if (exit === ExitCode.Ok && summary.issues.some((i) => i.severity === 'error')) {
      exit = ExitCode.Problems;
    }
  }
  return exit;
}
