import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { pollUntil, TERMINAL, withEmulator, writeJsonl } from './helpers';

const FIXTURES = path.join(__dirname, '../../fixtures/emulator');

interface OutLine {
  key?: string;
  response?: { candidates: { content: { parts: { text: string }[] } }[] };
  error?: unknown;
}

/** The set of key paths of a JSON value (object keys sorted, array items merged), to compare shapes. */
function shape(v: unknown, prefix = ''): Set<string> {
  const out = new Set<string>();
  if (Array.isArray(v)) {
    v.forEach((x) => shape(x, `${prefix}[]`).forEach((k) => out.add(k)));
  } else if (typeof v === 'object' && v !== null) {
    for (const [k, x] of Object.entries(v)) {
      out.add(`${prefix}.${k}:${Array.isArray(x) ? 'array' : typeof x}`);
      shape(x, `${prefix}.${k}`).forEach((p) => out.add(p));
    }
  }
  return out;
}

suite('emulator: Gemini file batch flow with @google/genai', () => {
  const env = withEmulator();

  for (const apiVersion of ['v1', 'v1beta'] as const) {
    test(`upload, create, poll, download and parse results (${apiVersion})`, async () => {
      const ai = env.genai(apiVersion);
      const input = writeJsonl(env.dir, 'in.jsonl', [
        { key: 'request_1', request: { contents: [{ parts: [{ text: 'Explain AI in one sentence.' }] }] } },
        {
          key: 'request_2',
          request: {
            contents: [{ role: 'user', parts: [{ text: 'Quantum computers?' }] }],
            generationConfig: { temperature: 0.2 },
          },
        },
        { key: 'bad-role', request: { contents: [{ role: 'system', parts: [{ text: 'x' }] }] } },
      ]);
      const file = await ai.files.upload({ file: input, config: { mimeType: 'jsonl', displayName: 'batch-input' } });
      assert.match(file.name ?? '', /^files\/[a-z0-9-]+$/);
      assert.equal(file.state, 'ACTIVE');
      assert.equal(file.sizeBytes, String(readFileSync(input).length));

      const job = await ai.batches.create({
        model: 'gemini-2.5-flash',
        src: file.name!,
        config: { displayName: 'probe' },
      });
      env.runJobs();
      assert.match(job.name ?? '', /^batches\//);
      assert.equal(job.displayName, 'probe');
      assert.equal(job.model, 'models/gemini-2.5-flash');
      assert.ok(['JOB_STATE_PENDING', 'JOB_STATE_RUNNING'].includes(job.state ?? ''), job.state);

      const done = await pollUntil(
        () => ai.batches.get({ name: job.name! }),
        (j) => TERMINAL.includes(j.state ?? ''),
      );
      assert.equal(done.state, 'JOB_STATE_SUCCEEDED');
      assert.equal(done.dest?.fileName, `files/batch-${job.name!.slice('batches/'.length)}`);

      const out = path.join(env.dir, `out-${apiVersion}.jsonl`);
      await ai.files.download({ file: done.dest!.fileName!, downloadPath: out });
      await pollUntil(
        async () => readFileSync(out, 'utf8'),
        (t) => t.split('\n').filter(Boolean).length === 3,
        2000,
        20,
      );
      const lines = readFileSync(out, 'utf8')
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l) as OutLine);
      const byKey = new Map(lines.map((l) => [l.key, l]));
      assert.match(
        byKey.get('request_1')!.response!.candidates[0].content.parts[0].text,
        /^\[emulated gemini-2\.5-flash\]/,
      );
      // The Status shape of real result files: a gRPC code (3 INVALID_ARGUMENT), no `status` name.
      assert.deepEqual(byKey.get('bad-role')!.error, { code: 3, message: 'Please use a valid role: user, model.' });

      // Same structure as a real output line (the extra emulator fields aside).
      const real = readFileSync(path.join(FIXTURES, 'gemini-batch-generate-output.jsonl'), 'utf8')
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l));
      const ours = shape(byKey.get('request_1'));
      for (const p of shape(real[1])) {
        if (!p.includes('thoughtsTokenCount')) {
          assert.ok(ours.has(p), `missing ${p}`);
        }
      }
      assert.equal(Object.keys(byKey.get('request_1')!).at(-1), 'key', 'key comes last, as in real output');
    });
  }
});
