import * as assert from 'node:assert/strict';
import type { Uri } from 'vscode';
import { modelIds } from '../../../../src/core/models/modelTable';
import {
  MAX_REMEMBERED,
  PersistentModelChoices,
  priceModelItems,
} from '../../../../src/features/estimate/modelChoices';

/** A workspace state as VS Code's Memento keeps it: values survive a new PersistentModelChoices (a reload). */
function memento(): { get<T>(key: string): T | undefined; update(key: string, value: unknown): Thenable<void> } {
  const values = new Map<string, unknown>();
  return {
    get: <T>(key: string) => values.get(key) as T | undefined,
    update: (key: string, value: unknown) => {
      // Stored as VS Code stores it: serialised, so no reference to the caller's object survives.
      values.set(key, JSON.parse(JSON.stringify(value)));
      return Promise.resolve();
    },
  };
}

const uri = (path: string): Uri => ({ toString: () => `file://${path}` }) as Uri;

suite('modelChoices: the model a file is priced at', () => {
  test('a choice outlives the object that made it (a window reload), per file', () => {
    const state = memento();
    let changes = 0;
    new PersistentModelChoices(state, () => changes++).choose(uri('/w/a.jsonl'), 'gemini-2.5-pro');
    const reloaded = new PersistentModelChoices(state);
    assert.equal(reloaded.chosen(uri('/w/a.jsonl')), 'gemini-2.5-pro');
    assert.equal(reloaded.chosen(uri('/w/b.jsonl')), undefined);
    assert.equal(changes, 1);
    reloaded.choose(uri('/w/a.jsonl'), 'gemini-2.5-flash');
    assert.equal(new PersistentModelChoices(state).chosen(uri('/w/a.jsonl')), 'gemini-2.5-flash');
  });

  test('the least recently chosen file is forgotten first, past the bound', () => {
    const state = memento();
    const choices = new PersistentModelChoices(state);
    for (let i = 0; i < MAX_REMEMBERED + 2; i++) {
      choices.choose(uri(`/w/${i}.jsonl`), 'gemini-2.5-flash');
    }
    // File 2 chosen again: it is now the most recent and outlives file 3.
    choices.choose(uri('/w/2.jsonl'), 'gemini-2.5-pro');
    choices.choose(uri('/w/new.jsonl'), 'gemini-2.5-pro');
    assert.equal(choices.chosen(uri('/w/0.jsonl')), undefined);
    assert.equal(choices.chosen(uri('/w/2.jsonl')), 'gemini-2.5-pro');
    assert.equal(choices.chosen(uri('/w/3.jsonl')), undefined);
    assert.equal(choices.chosen(uri('/w/4.jsonl')), 'gemini-2.5-flash');
    assert.equal(Object.keys(state.get<object>('geminiBatch.estimate.chosenModels') ?? {}).length, MAX_REMEMBERED);
  });

  test('a damaged state (not a map, a non-string model) reads as no choice', () => {
    for (const stored of [null, 7, 'x', ['gemini-2.5-pro'], { 'file:///w/a.jsonl': 3 }]) {
      const state = memento();
      void state.update('geminiBatch.estimate.chosenModels', stored);
      const choices = new PersistentModelChoices(state);
      assert.equal(choices.chosen(uri('/w/a.jsonl')), undefined);
      choices.choose(uri('/w/a.jsonl'), 'gemini-2.5-flash');
      assert.equal(choices.chosen(uri('/w/a.jsonl')), 'gemini-2.5-flash');
    }
  });

  test('a generate file is offered no embedding model, an embedding file only embedding models', () => {
    const generate = priceModelItems('gemini-generate', undefined, 'current').map((i) => i.label);
    assert.ok(generate.includes('gemini-2.5-flash'));
    for (const id of modelIds('embed')) {
      assert.ok(!generate.includes(id), id);
    }
    assert.deepEqual(
      priceModelItems('gemini-embed', undefined, 'current').map((i) => i.label),
      modelIds('embed'),
    );
  });

  test('the current model is listed first and said so; an unknown current model is not invented', () => {
    const items = priceModelItems('gemini-generate', 'gemini-2.5-pro', 'current');
    assert.equal(items[0].label, 'gemini-2.5-pro');
    assert.match(items[0].description ?? '', /current$/);
    assert.equal(items.filter((i) => /current/.test(i.description ?? '')).length, 1);
    const unknown = priceModelItems('gemini-generate', 'gpt-4o-mini', 'current');
    assert.ok(!unknown.some((i) => i.label === 'gpt-4o-mini' || /current/.test(i.description ?? '')));
  });
});
