import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { signatureLine, unsizedResponsesLine } from '../core/estimate/caveatLines';
import { runCli } from './runCli';

const run = runCli;

suite('cli: gemini-batch estimate', function () {
  this.timeout(60_000);
  let dir: string;
  let file: string;
  suiteSetup(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gbs-est-'));
    file = path.join(dir, 'in.jsonl');
    fs.writeFileSync(
      file,
      [
        '{"key":"a","request":{"contents":[{"role":"user","parts":[{"text":"What\'s the highest mountain in Africa?"}]}],"generationConfig":{"maxOutputTokens":100}}}',
        'not json',
        '{"key":"b","request":{"contents":[{"parts":[{"text":"Hi"},{"fileData":{"fileUri":"gs://x","mimeType":"video/mp4"}}]}]}}',
        '',
      ].join('\n'),
    );
  });
  suiteTeardown(() => fs.rmSync(dir, { recursive: true, force: true }));

  test('--format json --per-line: the documented shape', async () => {
    const { code, out, err } = await run(
      'estimate',
      file,
      '--model',
      'gemini-2.5-flash',
      '--format',
      'json',
      '--per-line',
    );
    assert.equal(code, 0);
    const record = JSON.parse(out) as Record<string, unknown>;
    // `lines` is streamed as the lines are counted (memory stays flat), so it comes right after `file`.
    assert.deepEqual(Object.keys(record), [
      'file',
      'lines',
      'model',
      'requests',
      'input_tokens',
      'output_tokens_assumed',
      'cost_usd_batch',
      'cost_usd_standard',
      'method',
    ]);
    assert.equal(record.requests, 2);
    assert.equal(record.output_tokens_assumed, 100 + 1000);
    assert.equal(record.cost_usd_batch, (record.cost_usd_standard as number) / 2);
    assert.deepEqual(
      (record.lines as { line: number; key: string }[]).map((l) => [l.line, l.key]),
      [
        [1, 'a'],
        [3, 'b'],
      ],
    );
    assert.match(err, /1 media part of unknown size is not counted/);
  });

  test('what the count cannot know is said on stderr: guessed signature thinking, items the client cannot see', async () => {
    const caveats = path.join(path.dirname(file), 'caveats.jsonl');
    fs.writeFileSync(caveats, [signatureLine('g3', 600), unsizedResponsesLine('r')].join('\n'));
    const { code, err } = await run('estimate', caveats);
    assert.equal(code, 0, err);
    assert.match(
      err,
      /about [\d,]+ input tokens in 1 request are a guess: the thinking their thought signatures replay/,
    );
    assert.match(err, /1 item the client cannot see \(.*\) is not counted/);
  });

  test('no model: the cost is null ("price unknown"), not a guess', async () => {
    const { out } = await run('estimate', file, '--format=json');
    const record = JSON.parse(out) as Record<string, unknown>;
    assert.equal(record.model, null);
    assert.equal(record.cost_usd_batch, null);
  });

  test('text: the price said once when unknown, counts in the singular for one, thousands separated (not in JSON)', async () => {
    const noModel = await run('estimate', file);
    assert.match(
      noModel.out,
      /: 2 requests, \d+ input tokens, 1,100 output tokens \(assumed\), price unknown \(give --model\), no model given,/,
    );
    assert.equal(noModel.out.match(/price/g)?.length, 1, noModel.out);
    const one = path.join(dir, 'one.jsonl');
    fs.writeFileSync(
      one,
      '{"key":"a","request":{"contents":[{"parts":[{"text":"Hi"}]}],"generationConfig":{"maxOutputTokens":1}}}\n',
    );
    const priced = await run('estimate', one, '--model', 'gemini-2.5-flash', '--output-tokens', '1234567');
    assert.match(
      priced.out,
      /: 1 request, \d input tokens?, 1 output token \(assumed\), \$[\d.]+ at batch price \(\$[\d.]+ standard\), model gemini-2\.5-flash,/,
    );
    const many = await run('estimate', file, '--output-tokens', '1234567', '--format', 'json');
    assert.equal((JSON.parse(many.out) as { output_tokens_assumed: number }).output_tokens_assumed, 100 + 1234567);
    const text = await run('estimate', file, '--output-tokens', '1234567');
    assert.match(text.out, / 1,234,667 output tokens \(assumed\)/);
  });

  test("an OpenAI-format file for a Gemini model (sample/openai-chat.jsonl): counted with Gemini's tokenizer", async () => {
    const sample = path.join(__dirname, '../../../sample/openai-chat.jsonl');
    const text = await run('estimate', sample);
    assert.equal(text.code, 0, text.err);
    assert.match(text.out, /model gemini-2\.5-flash, offline:gemini-sentencepiece$/m);
    const json = JSON.parse((await run('estimate', sample, '--format', 'json')).out) as Record<string, unknown>;
    assert.equal(json.method, 'offline:gemini-sentencepiece');
    // The first line is the cookbook's "Tell me a one-sentence joke." (9 prompt tokens recorded); the second adds
    // "You are a pirate." as a system instruction (5 tokens of text + 1 for its Content).
    assert.equal(json.input_tokens, 9 + 9 + 6);
    const gpt = JSON.parse((await run('estimate', sample, '--model', 'gpt-4o-mini', '--format', 'json')).out) as {
      method: string;
    };
    assert.equal(gpt.method, 'offline:o200k_base', "sent to an OpenAI model, the same file is OpenAI's");
  });

  test('bad usage and unreadable files', async () => {
    assert.equal((await run('estimate')).code, 2);
    assert.equal((await run('estimate', file, '--output-tokens', '-1')).code, 2);
    const missing = await run('estimate', path.join(os.tmpdir(), 'no-such-file-gbs.jsonl'));
    assert.equal(missing.code, 2);
    assert.match(missing.err, /cannot read/);
  });
});
