import { IssueCode } from './issueCodes';
import type { Issue } from './types';

/**
 * Information notes that would repeat on every line are shown once per file: a file whose every line carries an `id`
 * beside `request` (metadata the service echoes back) would otherwise fill the Problems panel, and the cap on shown
 * problems, with the same note, hiding real errors below it. Warnings and errors are never folded.
 * One instance per validation pass (the editor's and the file/CLI's), fed the lines in file order.
 */
export class OnceNotes {
  private readonly seen = new Set<string>();

  /** True when `issue` is to be kept: anything but a repeated information note. */
  keep(issue: Issue): boolean {
    if (issue.severity !== 'info' || issue.code !== IssueCode.EchoedField) {
      return true;
    }
    const field = String(issue.params.field);
    if (this.seen.has(field)) {
      return false;
    }
    this.seen.add(field);
    return true;
  }
}
