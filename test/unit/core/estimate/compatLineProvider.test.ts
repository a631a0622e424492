import * as assert from 'node:assert/strict';
import { estimateLine, lineProvider, type TokenProvider } from '../../../../src/core/estimate/lineEstimate';
import { lineTokenCounter } from '../../../../src/core/estimate/lineTokenCounter';
import { tooLongLineEstimate } from '../../../../src/core/estimate/tooLongLine';
import { isGeminiModelId } from '../../../../src/core/models/modelTable';
import { tokenizerAssetDir } from '../../../../src/core/tokens/assetDir';
import type { TextCounter } from '../../../../src/core/tokens/textCounter';
import { loadGeminiCounter, loadOpenAiCounter } from '../../../../src/core/tokens/tokenizerData';

function chatLine(model: string, url = '/v1/chat/completions'): Record<string, unknown> {
  return {
    custom_id: 'r1',
    method: 'POST',
    url,
    body: {
      model,
      messages: [
        { role: 'system', content: 'You are a pirate.' },
        { role: 'user', content: 'Tell me a one-sentence joke.' },
      ],
    },
  };
}

/**
 * An OpenAI-format line sent to a Gemini model goes through Gemini's OpenAI-compatible layer and is billed in Gemini
 * tokens: the estimate picks Gemini's tokenizer for it, by the model it will be sent to.
 */
suite('estimate: OpenAI-format lines for Gemini models (the compatibility layer)', () => {
  let gemini: TextCounter;
  let openai: TextCounter;
  suiteSetup(async () => {
    const dir = tokenizerAssetDir(__dirname)!;
    [gemini, openai] = await Promise.all([loadGeminiCounter(dir), loadOpenAiCounter(dir)]);
  });

  test('the tokenizer follows the model: the pick first, else body.model; chat and embeddings only', () => {
    assert.equal(lineProvider(chatLine('gemini-2.5-flash'), undefined), 'gemini');
    assert.equal(lineProvider(chatLine('models/gemini-3-flash-preview'), undefined), 'gemini');
    assert.equal(lineProvider(chatLine('gemini-2.0-flash-001'), undefined), 'gemini', 'a versioned id');
    assert.equal(lineProvider(chatLine('gpt-4o-mini'), undefined), 'openai');
    assert.equal(lineProvider(chatLine('gpt-4o-mini'), 'gemini-2.5-flash'), 'gemini', 'the pick wins');
    assert.equal(lineProvider(chatLine('gemini-2.5-flash'), 'gpt-4o'), 'openai', 'the pick wins');
    assert.equal(lineProvider(chatLine('gemini-embedding-001', '/v1/embeddings'), undefined), 'gemini');
    assert.equal(lineProvider(chatLine('gemini-2.5-flash', '/v1/responses'), undefined), 'openai');
    assert.equal(lineProvider({ custom_id: 'x', body: { messages: [] } }, undefined), 'openai', 'no model');
    assert.equal(lineProvider({ key: 'k', request: { contents: [] } }, 'gpt-4o'), 'gemini', 'a Gemini line');
  });

  test('a Gemini model in an OpenAI line is counted by the Gemini rules; a GPT model as before', () => {
    const flash = estimateLine(chatLine('gemini-2.5-flash'), 3, gemini, { assumedOutputTokens: 100 })!;
    // Text + one token per Content on 2.5, the system instruction included (geminiRequestTokens.ts).
    const text = gemini.count('You are a pirate.') + gemini.count('Tell me a one-sentence joke.');
    assert.deepEqual(flash, {
      line: 3,
      key: 'r1',
      provider: 'gemini',
      model: 'gemini-2.5-flash',
      inputTokens: text + 2,
      outputTokens: 100,
      unknownMedia: 0,
    });
    const gpt = estimateLine(chatLine('gpt-4o-mini'), 3, openai, { assumedOutputTokens: 100 })!;
    assert.equal(gpt.provider, 'openai');
    assert.notEqual(gpt.inputTokens, flash.inputTokens, 'OpenAI chat overheads differ, so this test can fail');
    const picked = estimateLine(chatLine('gpt-4o-mini'), 3, gemini, {
      model: 'gemini-2.0-flash',
      assumedOutputTokens: 1,
    });
    // 2.0 bills the text alone.
    assert.deepEqual([picked?.provider, picked?.inputTokens, picked?.model], ['gemini', text, 'gemini-2.0-flash']);
  });

  test('split by tokens loads the Gemini counter for such lines and counts what the estimate counts', async () => {
    const asked: TokenProvider[] = [];
    const count = lineTokenCounter((p) => {
      asked.push(p);
      return p === 'gemini' ? gemini : openai;
    });
    const line = chatLine('gemini-2.5-flash');
    const tokens = await count(Buffer.from(JSON.stringify(line)), 1);
    assert.deepEqual(asked, ['gemini']);
    assert.equal(tokens, estimateLine(line, 1, gemini, { assumedOutputTokens: 0 })!.inputTokens);
    const picked = lineTokenCounter((p) => (asked.push(p), p === 'gemini' ? gemini : openai), 'gpt-4o');
    await picked(Buffer.from(JSON.stringify(line)), 1);
    assert.deepEqual(asked, ['gemini', 'openai']);
  });

  test('a line too long to read says the same provider from its head', () => {
    const head =
      '{"custom_id":"big","method":"POST","url":"/v1/chat/completions","body":{"model":"gemini-2.5-flash","messages":[{"role":"user","content":"aaaa';
    assert.equal(tooLongLineEstimate(head, 4000, 1, { assumedOutputTokens: 0 })?.provider, 'gemini');
    assert.equal(tooLongLineEstimate(head, 4000, 1, { assumedOutputTokens: 0, model: 'gpt-4o' })?.provider, 'openai');
    const responses = head.replace('/v1/chat/completions', '/v1/responses');
    assert.equal(tooLongLineEstimate(responses, 4000, 1, { assumedOutputTokens: 0 })?.provider, 'openai');
  });

  test('the one rule for Gemini model ids, shared with the emulator', () => {
    for (const id of ['gemini-2.5-flash', 'models/gemini-2.5-pro', 'gemma-3-27b-it', 'gemini-embedding-001']) {
      assert.equal(isGeminiModelId(id), true, id);
    }
    for (const id of ['gpt-4o', 'text-embedding-3-small', 'gemni-2.5-flash', 'Gemini-2.5-flash', '']) {
      assert.equal(isGeminiModelId(id), false, id);
    }
  });
});
