import * as assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { pollUntil, TERMINAL, withEmulator } from './helpers';
import { joinResults } from '../../../src/core/jobs/joinResults';

/** The older documented form: a bare GenerateContentRequest per line, no key (reference §1.3). */
const BARE_FIXTURE = path.join(__dirname, '../../fixtures/validation/bare/bare-requests.jsonl');

suite('emulator: unusual but accepted input lines', () => {
  const env = withEmulator({}, 'bad-lines');

  test('bare request lines run, their results have no key, and the join matches them by position', async () => {
    const ai = env.genai();
    const file = await ai.files.upload({ file: BARE_FIXTURE, config: { mimeType: 'jsonl' } });
    const job = await ai.batches.create({ model: 'gemini-2.5-flash', src: file.name! });
    env.runJobs();
    const done = await pollUntil(
      () => ai.batches.get({ name: job.name! }),
      (j) => TERMINAL.includes(j.state ?? ''),
    );
    assert.equal(done.state, 'JOB_STATE_SUCCEEDED');

    const out = path.join(env.dir, 'out.jsonl');
    await ai.files.download({ file: done.dest!.fileName!, downloadPath: out });
    await pollUntil(
      async () => readFileSync(out, 'utf8'),
      (t) => t.split('\n').filter(Boolean).length === 2,
      2000,
      20,
    );
    const lines = readFileSync(out, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    for (const line of lines) {
      assert.deepEqual(Object.keys(line), ['response'], 'a keyless input line gives a result line with no key');
    }

    const joined = path.join(env.dir, 'joined.jsonl');
    const counts = await joinResults(BARE_FIXTURE, out, undefined, joined);
    assert.deepEqual(counts, { matched: 2, missingResults: 0, orphanResults: 0, unparseableResults: 0 });
    const rows = readFileSync(joined, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { line: number; key: unknown; request: { contents: unknown } });
    assert.deepEqual(
      rows.map((r) => [r.line, r.key]),
      [
        [1, null],
        [2, null],
      ],
    );
    assert.deepEqual(rows[1].request.contents, [{ role: 'user', parts: [{ text: 'Why is the sky blue?' }] }]);
  });

  test('lines the service runs by leniency (enum case, single values, fields beside request) are accepted and run', async () => {
    const ai = env.genai();
    const input = path.join(env.dir, 'lenient.jsonl');
    writeFileSync(
      input,
      [
        '{"key":"a","request":{"contents":{"parts":{"text":"What is the sum of the first 50 primes?"}},"tools":[{"code_execution":{}}]}}',
        '{"key":"b","request":{"contents":[{"parts":[{"text":"x"}]}],"generationConfig":{"thinkingConfig":{"thinkingLevel":"High"}}}}',
        '{"id":"c1","key":"c","request":{"contents":[{"parts":[{"text":"y"}]}]},"generation_config":{"temperature":0}}',
      ].join('\n'),
    );
    const file = await ai.files.upload({ file: input, config: { mimeType: 'jsonl' } });
    const job = await ai.batches.create({ model: 'gemini-2.5-flash', src: file.name! });
    env.runJobs();
    const done = await pollUntil(
      () => ai.batches.get({ name: job.name! }),
      (j) => TERMINAL.includes(j.state ?? ''),
    );
    assert.equal(done.state, 'JOB_STATE_SUCCEEDED');
    const out = path.join(env.dir, 'lenient-out.jsonl');
    await ai.files.download({ file: done.dest!.fileName!, downloadPath: out });
    await pollUntil(
      async () => readFileSync(out, 'utf8'),
      (t) => t.split('\n').filter(Boolean).length === 3,
      2000,
      20,
    );
    // Results come back in any order (as on the service): compare by key.
    const lines = readFileSync(out, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    const byKey = new Map(lines.map((l) => [l.key, l]));
    assert.deepEqual([...byKey.keys()].sort(), ['a', 'b', 'c']);
    assert.deepEqual(
      ['a', 'b', 'c'].map((k) => 'response' in byKey.get(k)!),
      [true, true, true],
    );
    assert.match(JSON.stringify(byKey.get('a')!.response), /sum of the first 50 primes/);
  });

  test('an integer beyond its proto type fails the batch at creation (proto3 JSON refuses out-of-range integers)', async () => {
    const ai = env.genai();
    const input = path.join(env.dir, 'range.jsonl');
    const line = (key: string, tokens: number): string =>
      JSON.stringify({
        key,
        request: { contents: [{ parts: [{ text: 'x' }] }], generationConfig: { maxOutputTokens: tokens } },
      });
    writeFileSync(input, `${line('fits', 2147483647)}\n${line('too-big', 2147483648)}\n`);
    const file = await ai.files.upload({ file: input, config: { mimeType: 'jsonl' } });
    await assert.rejects(ai.batches.create({ model: 'gemini-2.5-flash', src: file.name! }), (error: Error) => {
      assert.match(error.message, /Error on line 2: invalid JSON/);
      assert.doesNotMatch(error.message, /Error on line 1/, 'the largest int32 parses');
      return true;
    });
  });

  test('a bare request with an unknown field fails the batch at creation, as the service does', async () => {
    const ai = env.genai();
    const input = path.join(env.dir, 'bad.jsonl');
    writeFileSync(
      input,
      '{"contents":[{"parts":[{"text":"x"}]}]}\n{"contents":[{"parts":[{"text":"x"}]}],"thinking_config":{}}\n',
    );
    const file = await ai.files.upload({ file: input, config: { mimeType: 'jsonl' } });
    await assert.rejects(ai.batches.create({ model: 'gemini-2.5-flash', src: file.name! }), (error: Error) => {
      assert.match(error.message, /Error on line 2: invalid JSON, near column 40: no such field: 'thinking_config'/);
      assert.doesNotMatch(error.message, /Error on line 1/, 'the clean bare line parses');
      return true;
    });
  });

  test('a field named like an Object.prototype member fails the batch at creation (400), never a 500', async () => {
    const ai = env.genai();
    const input = path.join(env.dir, 'proto.jsonl');
    writeFileSync(input, '{"key":"a","request":{"contents":[{"parts":[{"text":"x"}]}],"constructor":{}}}\n');
    const file = await ai.files.upload({ file: input, config: { mimeType: 'jsonl' } });
    await assert.rejects(ai.batches.create({ model: 'gemini-2.5-flash', src: file.name! }), (error: Error) => {
      assert.match(error.message, /Error on line 1/);
      assert.doesNotMatch(error.message, /Internal|500/);
      return true;
    });
  });
});
