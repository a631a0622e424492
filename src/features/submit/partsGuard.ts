import * as path from 'path';
import * as vscode from 'vscode';
import { UserFacingError } from '../../adapters/errors';
import { earlierParts, staleParts, stampParts, type PartStamp, type StalePart } from '../../core/split';

/** The words for one part that is not what its split wrote. */
function staleWords(part: StalePart): string {
  const name = path.basename(part.path);
  switch (part.code) {
    case 'gone':
      return vscode.l10n.t('{0} is gone', name);
    case 'changed':
      return vscode.l10n.t('{0} was rewritten', name);
    default:
      return vscode.l10n.t('{0} cannot be read ({1})', name, part.errno ?? '');
  }
}

/**
 * Refuses a group whose parts are not the ones its split wrote (core/split/partStamps.ts), before anything is uploaded
 * or created: a group offered by an earlier split's notification would otherwise send part-01… of the later split and
 * fail on a part it removed, half way. `stamps` are the split's (size and time of each part); without them each part
 * is checked for being there and readable. The way out offered is the parts now beside the source, as one group.
 * Resolves to the stamps to check again right before the first upload (the prompts between take the user's time, and
 * a split may run meanwhile): the split's, else the parts' as they are now.
 */
export async function refuseStaleParts(
  parts: readonly vscode.Uri[],
  source: string,
  stamps: readonly PartStamp[] | undefined,
  command: string,
): Promise<PartStamp[]> {
  const byPath = new Map((stamps ?? []).map((s) => [s.path, s]));
  const stale = await staleParts(parts.map((p) => byPath.get(p.fsPath) ?? { path: p.fsPath }));
  if (stale.length === 0) {
    return parts.map((p) => byPath.get(p.fsPath)).every((s) => s !== undefined)
      ? parts.map((p) => byPath.get(p.fsPath)!)
      : stampParts(parts.map((p) => p.fsPath));
  }
  const current = await earlierParts(source);
  throw new UserFacingError(
    vscode.l10n.t(
      'These parts changed since the split: {0}. Nothing was submitted. Split again or submit the current parts.',
      stale.map(staleWords).join(', '),
    ),
    current.length > 0
      ? {
          title: vscode.l10n.t('Submit the {0} Current Parts…', String(current.length)),
          command,
          arguments: [current.map((p) => vscode.Uri.file(p)), { source }],
        }
      : undefined,
  );
}

/**
 * What a group submit that stopped at `failedIndex` leaves: which parts are jobs now and which were not sent, so no
 * half-group is left unexplained. `reason` is the failure's own words when there was one (the part's submit says it
 * too).
 */
export function halfGroupText(
  parts: readonly vscode.Uri[],
  created: readonly string[],
  failedIndex: number,
  reason: string | undefined,
): string {
  const n = parts.length;
  const label = (i: number) => `${i + 1}/${n} (${path.basename(parts[i].fsPath)})`;
  const made = created.map((name, i) => `${label(i)} → ${name}`);
  const notSent = parts.slice(failedIndex).map((_, i) => label(failedIndex + i));
  return [
    vscode.l10n.t('The group submit stopped at part {0}{1}.', label(failedIndex), reason ? `: ${reason}` : ''),
    made.length > 0 ? vscode.l10n.t('Created: {0}.', made.join(', ')) : vscode.l10n.t('No part was created.'),
    vscode.l10n.t('Not submitted: {0}.', notSent.join(', ')),
  ].join(' ');
}
