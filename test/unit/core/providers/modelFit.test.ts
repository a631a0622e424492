import * as assert from 'node:assert/strict';
import { isGeminiModelId } from '../../../../src/core/models/modelTable';
import { modelFit } from '../../../../src/core/providers/modelFit';
import { isKnownGeminiModel } from '../../../../src/emulator/model/emulatedModels';

suite('modelFit: does the chosen provider serve the file’s model', () => {
  test('the emulator refuses an OpenAI model (its compat layer runs Gemini models only) and serves Gemini ones', () => {
    assert.equal(modelFit('emulator', 'gpt-4o-mini'), 'notServed');
    assert.equal(modelFit('emulator', 'text-embedding-3-small'), 'notServed');
    assert.equal(modelFit('emulator', 'gemini-2.5-flash'), 'served');
    assert.equal(modelFit('emulator', 'models/gemini-2.5-flash'), 'served');
    assert.equal(modelFit('emulator', 'gemini-9.9-future'), 'served');
  });

  test('real providers, whose lists are not known offline, and a file naming no model: unknown, never a warning', () => {
    for (const provider of ['gemini', 'geminiOpenAI', 'openai'] as const) {
      assert.equal(modelFit(provider, 'gpt-4o-mini'), 'unknown');
      assert.equal(modelFit(provider, 'no-such-model'), 'unknown');
    }
    assert.equal(modelFit('emulator', undefined), 'unknown');
  });

  test('the submit warning and the emulator decide by one rule', () => {
    for (const id of ['gpt-4o-mini', 'gemini-2.5-flash', 'gemini-embedding-001', 'gemni-2.5-flash', 'gemma-3-27b-it']) {
      assert.equal(isGeminiModelId(id), isKnownGeminiModel(id), id);
    }
  });
});
