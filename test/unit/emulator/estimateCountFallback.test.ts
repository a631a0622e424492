import * as assert from 'node:assert/strict';
import { GEMINI_LINES, MODEL, countTokens, rough } from './estimateCountFixtures';
import { pollUntil, withEmulator } from './helpers';

suite('emulator: a failing prompt counter falls back to the rough rule', () => {
  const env = withEmulator(
    {
      promptTokens: () => {
        throw new Error('counter broke');
      },
    },
    'estfail',
  );

  test('countTokens and a batch still answer, with the numbers of an emulator without a counter', async () => {
    assert.equal(
      (await countTokens(env.emu.baseUrl, GEMINI_LINES[1].request)).totalTokens,
      rough(GEMINI_LINES[1].request),
    );
    const request = GEMINI_LINES[0].request;
    // Today's rule, unchanged without a counter: about four characters a token.
    assert.equal(
      rough(request),
      Math.ceil('Résumé : combien font 12345 × 67890 ? Réponds en français, s’il te plaît.'.length / 4),
    );
    const ai = env.genai();
    const job = await ai.batches.create({ model: MODEL, src: { inlinedRequests: [request as never] } });
    env.runJobs();
    const done = await pollUntil(
      () => ai.batches.get({ name: job.name! }),
      (j) => j.state === 'JOB_STATE_SUCCEEDED',
    );
    const usage = done.dest?.inlinedResponses?.[0].response?.usageMetadata;
    assert.equal(usage?.promptTokenCount, rough(request));
  });
});
