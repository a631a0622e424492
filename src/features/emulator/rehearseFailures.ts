import * as vscode from 'vscode';
// The presets alone, not the emulator's entry: the server itself loads lazily (emulatorHost's dynamic import).
import { activePresets, faultsForPresets, REHEARSAL_PRESETS } from '../../emulator/jobs/rehearsalPresets';
import type { FaultOptions } from '../../emulator';
import type { Log } from '../../adapters/log';
import type { EmulatorHost } from './emulatorHost';

/**
 * Asks which failures to rehearse (several may be picked; none clears them), the ones already rehearsed checked.
 * Undefined when dismissed.
 */
async function pickPresets(active: readonly string[]): Promise<string[] | undefined> {
  const items = REHEARSAL_PRESETS.map((p) => ({
    label: p.label,
    detail: p.detail,
    id: p.id,
    picked: active.includes(p.id),
  }));
  const picked = await vscode.window.showQuickPick(items, {
    canPickMany: true,
    title: vscode.l10n.t('Rehearse Failures on the Local Emulator'),
    placeHolder: vscode.l10n.t('Pick the failures new emulator jobs should have (pick none to clear them)'),
  });
  return picked?.map((p) => p.id);
}

/**
 * `geminiBatch.emulator.rehearseFailures [presetIds]`: starts the emulator if needed and sets its failure rehearsals
 * (src/emulator/jobs/rehearsalPresets.ts). Jobs created from then on carry them. Resolves to the fault settings applied,
 * or undefined when the pick was dismissed.
 */
export async function rehearseFailures(
  host: EmulatorHost,
  log: Log,
  ids?: string[],
): Promise<FaultOptions | undefined> {
  // A stopped emulator rehearses nothing: it is not started just to ask.
  const active = host.isRunning ? activePresets((await host.ensureStarted()).faults()) : [];
  const chosen = ids ?? (await pickPresets(active));
  if (chosen === undefined) {
    return undefined;
  }
  const emulator = await host.ensureStarted();
  const faults = faultsForPresets(chosen);
  emulator.setFaults(faults);
  const labels = REHEARSAL_PRESETS.filter((p) => chosen.includes(p.id)).map((p) => p.label);
  log.info(`emulator rehearsals: ${labels.length > 0 ? labels.join(', ') : 'none'} ${JSON.stringify(faults)}`);
  void vscode.window.showInformationMessage(
    labels.length > 0
      ? vscode.l10n.t('Emulator jobs created from now on rehearse: {0}.', labels.join(', '))
      : vscode.l10n.t('Emulator failure rehearsals cleared.'),
  );
  return faults;
}
