import * as vscode from 'vscode';

export const SOURCE = 'gemini-batch';

/** The extension's diagnostics for `uri` (other extensions' entries left out). */
export function ourDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === SOURCE);
}

function describe(diagnostics: readonly vscode.Diagnostic[]): string {
  return JSON.stringify(
    diagnostics.map((d) => ({
      code: d.code,
      range: [d.range.start.line, d.range.start.character, d.range.end.line, d.range.end.character],
      message: d.message,
    })),
  );
}

/**
 * Resolves with the extension's diagnostics for `uri` as soon as `predicate` holds for them: checked now, then on each
 * `languages.onDidChangeDiagnostics` for that uri. No polling and no sleeps; the deadline only turns a hang into a
 * readable failure that shows what was last seen.
 */
export function waitForDiagnostics(
  uri: vscode.Uri,
  predicate: (diagnostics: vscode.Diagnostic[]) => boolean,
  timeoutMs = 15000,
): Promise<vscode.Diagnostic[]> {
  return new Promise((resolve, reject) => {
    const key = uri.toString();
    const done = (ok: boolean, diagnostics: vscode.Diagnostic[]) => {
      subscription.dispose();
      clearTimeout(timer);
      if (ok) {
        resolve(diagnostics);
      } else {
        reject(
          new Error(
            `diagnostics for ${uri.path} never matched within ${timeoutMs} ms; last seen: ${describe(diagnostics)}`,
          ),
        );
      }
    };
    // Subscribe before the first check, so a change between the two cannot be missed.
    const subscription = vscode.languages.onDidChangeDiagnostics((e) => {
      if (e.uris.some((u) => u.toString() === key)) {
        const current = ourDiagnostics(uri);
        if (predicate(current)) {
          done(true, current);
        }
      }
    });
    const timer = setTimeout(() => done(false, ourDiagnostics(uri)), timeoutMs);
    const now = ourDiagnostics(uri);
    if (predicate(now)) {
      done(true, now);
    }
  });
}

/** [code, startLine, startCol, endLine, endCol] of each diagnostic, sorted, for compact deep-equal assertions. */
export function summarize(diagnostics: readonly vscode.Diagnostic[]): [string, number, number, number, number][] {
  return diagnostics
    .map((d): [string, number, number, number, number] => [
      String(typeof d.code === 'object' ? d.code.value : d.code),
      d.range.start.line,
      d.range.start.character,
      d.range.end.line,
      d.range.end.character,
    ])
    .sort((a, b) => a[1] - b[1] || a[2] - b[2] || a[0].localeCompare(b[0]));
}
