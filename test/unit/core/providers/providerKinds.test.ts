import * as assert from 'node:assert/strict';
import { runsKind } from '../../../../src/core/providers/providerKinds';

suite('providerKinds: which provider runs which batch files', () => {
  test('OpenAI and the Gemini compatibility layer run OpenAI-format files only; Gemini and the emulator run all', () => {
    const kinds = ['gemini-generate', 'gemini-embed', 'openai'] as const;
    const table = (['gemini', 'geminiOpenAI', 'openai', 'emulator'] as const).map((p) => [
      p,
      kinds.filter((k) => runsKind(p, k)),
    ]);
    assert.deepEqual(table, [
      ['gemini', ['gemini-generate', 'gemini-embed', 'openai']],
      ['geminiOpenAI', ['openai']],
      ['openai', ['openai']],
      ['emulator', ['gemini-generate', 'gemini-embed', 'openai']],
    ]);
  });
});
