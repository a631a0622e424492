import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { inProcessPromptTokens } from '../../../src/cli/emulatorTokens';
import { estimateLine } from '../../../src/core/estimate/lineEstimate';
import { tokenizerAssetDir } from '../../../src/core/tokens/assetDir';
import type { TextCounter } from '../../../src/core/tokens/textCounter';
import { loadGeminiCounter, loadOpenAiCounter } from '../../../src/core/tokens/tokenizerData';
import { CHAT, GEMINI_LINES, MODEL, type Usage, countTokens, rough } from './estimateCountFixtures';
import { createOpenAiBatch, pollUntil, withEmulator, writeJsonl } from './helpers';

/**
 * With `EmulatorOptions.promptTokens`, the emulator reports the input the estimate gave the same request: an offline
 * first run's "actual cost" then agrees with the estimate made before submitting.
 */
suite('emulator: usage counted as the estimate counts (promptTokens)', () => {
  const env = withEmulator({ promptTokens: inProcessPromptTokens(__dirname) }, 'estcount');
  let gemini: TextCounter;
  let openai: TextCounter;
  const estimated = (line: Record<string, unknown>, counter: TextCounter, model?: string): number =>
    estimateLine(line, 1, counter, { model, assumedOutputTokens: 0 })!.inputTokens;

  suiteSetup(async () => {
    const dir = tokenizerAssetDir(__dirname)!;
    [gemini, openai] = await Promise.all([loadGeminiCounter(dir), loadOpenAiCounter(dir)]);
  });

  test('a batch: each result promptTokenCount and countTokens equal estimateLine (text, system, tools)', async () => {
    const ai = env.genai();
    const file = await ai.files.upload({
      file: writeJsonl(env.dir, 'in.jsonl', GEMINI_LINES),
      config: { mimeType: 'jsonl' },
    });
    const job = await ai.batches.create({ model: MODEL, src: file.name! });
    env.runJobs();
    const done = await pollUntil(
      () => ai.batches.get({ name: job.name! }),
      (j) => j.state === 'JOB_STATE_SUCCEEDED',
    );
    const out = path.join(env.dir, 'out.jsonl');
    await ai.files.download({ file: done.dest!.fileName!, downloadPath: out });
    const text = await pollUntil(
      async () => readFileSync(out, 'utf8'),
      (t) => t.trim().split('\n').length === GEMINI_LINES.length && t.endsWith('\n'),
    );
    const results = new Map(
      text
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l) as { key: string; response: { usageMetadata: Usage } })
        .map((l) => [l.key, l.response.usageMetadata]),
    );
    for (const line of GEMINI_LINES) {
      const expected = estimated(line, gemini, MODEL);
      assert.notEqual(expected, rough(line.request), `${line.key}: the rough rule differs, so this test can fail`);
      const usage = results.get(line.key)!;
      assert.equal(usage.promptTokenCount, expected, `${line.key}: usageMetadata.promptTokenCount`);
      assert.deepEqual(usage.promptTokensDetails, [{ modality: 'TEXT', tokenCount: expected }], line.key);
      assert.equal(
        (await countTokens(env.emu.baseUrl, line.request)).totalTokens,
        expected,
        `${line.key}: countTokens`,
      );
    }
  });

  test('the SDK: countTokens and generateContent agree with the estimate', async () => {
    const ai = env.genai();
    const contents = GEMINI_LINES[0].request.contents as never;
    const expected = estimated({ request: { contents } }, gemini, MODEL);
    assert.equal((await ai.models.countTokens({ model: MODEL, contents })).totalTokens, expected);
    const answer = await ai.models.generateContent({ model: MODEL, contents });
    assert.equal(answer.usageMetadata?.promptTokenCount, expected);
  });

  test('media the estimate cannot size: a stand-in on top, and TEXT is the total minus the media', async () => {
    const request = {
      contents: [
        {
          role: 'user',
          parts: [{ text: 'What is in this picture?' }, { inlineData: { mimeType: 'image/png', data: 'AAAA' } }],
        },
      ],
    };
    const text = estimated({ request }, gemini, MODEL);
    const counted = await countTokens(env.emu.baseUrl, request);
    assert.deepEqual(counted.promptTokensDetails, [
      { modality: 'TEXT', tokenCount: text },
      { modality: 'IMAGE', tokenCount: 258 },
    ]);
    assert.equal(counted.totalTokens, text + 258);
  });

  test('a Gemini compat (/v1beta/openai/) batch and chat call: the prompt tokens are the Gemini count of the estimate', async () => {
    const ai = env.genai('v1beta');
    const client = env.openai('/v1beta/openai/');
    // Digits: Gemini's tokenizer splits them one a token, o200k_base in threes, so a count by the wrong vocabulary shows.
    const body = { model: 'gemini-2.5-flash', messages: [{ role: 'user', content: 'What is 1234567890 times 2?' }] };
    const line = { custom_id: 'g1', method: 'POST', url: '/v1/chat/completions', body };
    const expected = estimated(line, gemini);
    assert.notEqual(expected, estimated(line, openai), 'counted with o200k_base it differs, so this test can fail');
    const file = await ai.files.upload({
      file: writeJsonl(env.dir, 'compat.jsonl', [line]),
      config: { mimeType: 'jsonl' },
    });
    const batch = await client.batches.create({
      input_file_id: file.name!,
      endpoint: '/v1/chat/completions',
      completion_window: '24h',
    });
    env.runJobs();
    const done = await pollUntil(
      () => client.batches.retrieve(batch.id),
      (b) => b.status === 'completed',
    );
    const out = path.join(env.dir, 'compat-out.jsonl');
    await ai.files.download({ file: done.output_file_id!, downloadPath: out });
    const text = await pollUntil(
      async () => readFileSync(out, 'utf8'),
      (t) => t.endsWith('\n'),
    );
    // The batch output's usage is camelCase there (compatLine.ts); the chat call's is OpenAI's.
    const result = JSON.parse(text.trim()) as { response: { body: { usage: { promptTokens: number } } } };
    assert.equal(result.response.body.usage.promptTokens, expected);
    const sync = await client.chat.completions.create(body as never);
    assert.equal(sync.usage?.prompt_tokens, expected);
  });

  test('an OpenAI /v1/ batch and a chat call: usage.prompt_tokens equals estimateLine', async () => {
    const client = env.openai('/v1/');
    const line = { custom_id: 'c1', method: 'POST', url: '/v1/chat/completions', body: CHAT };
    const expected = estimated(line, openai);
    const input = writeJsonl(env.dir, 'chat.jsonl', [line]);
    const batch = await createOpenAiBatch(client, input);
    env.runJobs();
    const done = await pollUntil(
      () => client.batches.retrieve(batch.id),
      (b) => b.status === 'completed',
    );
    const result = JSON.parse((await (await client.files.content(done.output_file_id!)).text()).trim()) as {
      response: { body: { usage: { prompt_tokens: number } } };
    };
    assert.equal(result.response.body.usage.prompt_tokens, expected);
    const sync = await client.chat.completions.create(CHAT as never);
    assert.equal(sync.usage?.prompt_tokens, expected);
  });
});
