import type { Memento, Uri } from 'vscode';
import type { BatchKind } from '../../core/batchKind';
import { modelRow } from '../../core/models/modelTable';
import { FALLBACK_MODELS } from '../../core/providers/models';

/** The model the user chose for a file: the lens prices at it, the submit picker starts on it. */
export interface ModelChoices {
  chosen(uri: Uri): string | undefined;
  choose(uri: Uri, model: string): void;
}

/** Where the choices are kept in the workspace's state (a map of file URI to model id). */
const STATE_KEY = 'geminiBatch.estimate.chosenModels';
/** Files remembered at most, the least recently chosen forgotten first: a workspace's state should not grow forever. */
export const MAX_REMEMBERED = 500;

/**
 * The models chosen per file, kept in the workspace's state, so a file priced at gemini-2.5-pro is still priced (and
 * submitted) at it after a reload, as a user who picked it would expect. Only `import type` from vscode: unit-tested
 * with a plain Memento.
 */
export class PersistentModelChoices implements ModelChoices {
  constructor(
    private readonly state: Pick<Memento, 'get' | 'update'>,
    private readonly onChoose: () => void = () => undefined,
  ) {}

  chosen(uri: Uri): string | undefined {
    const model = this.all()[uri.toString()];
    return typeof model === 'string' ? model : undefined;
  }

  choose(uri: Uri, model: string): void {
    const key = uri.toString();
    const { [key]: _previous, ...rest } = this.all();
    // Re-inserted last: object keys keep insertion order, so the first ones are the least recently chosen.
    const next = Object.entries({ ...rest, [key]: model }).slice(-MAX_REMEMBERED);
    void this.state.update(STATE_KEY, Object.fromEntries(next));
    this.onChoose();
  }

  private all(): Record<string, unknown> {
    const stored = this.state.get<unknown>(STATE_KEY);
    return stored && typeof stored === 'object' && !Array.isArray(stored) ? (stored as Record<string, unknown>) : {};
  }
}

export interface PriceModelItem {
  label: string;
  description?: string;
}

/**
 * The models a file of `kind` can be priced at: those its requests can be sent to (the submit fallback list,
 * core/providers/models.ts), so a generate file is not offered the embedding model and an embedding file no text
 * model. The current one is said so and listed first.
 */
export function priceModelItems(kind: BatchKind, current: string | undefined, currentWords: string): PriceModelItem[] {
  const ids = FALLBACK_MODELS.gemini[kind];
  const ordered = current && ids.includes(current) ? [current, ...ids.filter((id) => id !== current)] : ids;
  return ordered.map((id) => {
    const name = modelRow(id)?.displayName;
    const description = id === current ? [name, currentWords].filter(Boolean).join(' · ') : name;
    return { label: id, description };
  });
}
