import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { summarizeResults } from '../../../src/core/jobs/summarizeResults';
import { usd } from '../../../src/cli/textFormat';
import { runCli } from './runCli';

const ROOT = path.join(__dirname, '../../..');
const JOBS = path.join(ROOT, 'test', 'fixtures', 'jobs');
const INPUT = path.join(JOBS, 'openai-input-3.jsonl');
/** request-2 and request-1 answered, in that order (the service does not keep the input's order). */
const OUTPUT = path.join(JOBS, 'openai-batch-output-guide-example.jsonl');
/** request-3 and request-7 expired (request-7 is in no input here); request-4 has no line at all. */
const EXPIRED = path.join(JOBS, 'openai-batch-error-expired-guide-example.jsonl');

const run = runCli;

suite('cli: gemini-batch results', () => {
  let dir: string;
  setup(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gbs-results-cli-'));
  });
  teardown(() => {
    fs.rmSync(dir, { recursive: true, force: true });
  });

  test('summary of an all-succeeded file: counts, finish reasons, token totals; exit 0', async () => {
    const { code, out } = await run('results', OUTPUT, '--format', 'json');
    assert.equal(code, 0);
    const summary = JSON.parse(out);
    assert.equal(summary.total, 2);
    assert.equal(summary.succeeded, 2);
    assert.deepEqual(summary.byFinishReason, { stop: 2 });
    assert.deepEqual(summary.tokens, { prompt: 42, output: 11, thoughts: 0, cached: 0, total: 53 });
  });

  test('joined to the input by key: expired and missing requests fail; the retry file holds exactly those lines; exit 1', async () => {
    const retry = path.join(dir, 'retry.jsonl');
    const { code, out } = await run(
      'results',
      OUTPUT,
      EXPIRED,
      '--input',
      INPUT,
      '--retry-file',
      retry,
      '--format',
      'json',
    );
    assert.equal(code, 1);
    const summary = JSON.parse(out);
    // request-7 matches no input line: still reported (line null), never dropped.
    assert.equal(summary.total, 5);
    assert.equal(summary.unmatchedResults, 1);
    assert.equal(summary.succeeded, 2);
    assert.deepEqual(summary.byErrorCode, { batch_expired: 2, missing_result: 1 });
    assert.deepEqual(summary.retry, {
      file: retry,
      lines: 2,
      failed: 1,
      no_answer: 0,
      blocked: 0,
      missing: 1,
      needs_fix: 0,
    });
    const inputLines = fs.readFileSync(INPUT, 'utf8').split('\n');
    assert.equal(fs.readFileSync(retry, 'utf8'), `${inputLines[3]}\n${inputLines[4]}\n`);
  });

  test('--format csv --failed: a header, then the failed rows only, on stdout; the summary on stderr', async () => {
    const { code, out, err } = await run('results', OUTPUT, EXPIRED, '--input', INPUT, '--format', 'csv', '--failed');
    assert.equal(code, 1);
    const lines = out.split('\r\n');
    assert.equal(
      lines[0],
      'key,line,ok,prompt,answer,finishReason,promptTokens,outputTokens,thoughtsTokens,cachedTokens,totalTokens,errorCode,errorMessage,outcome,noAnswerReason',
    );
    assert.equal(
      lines[1],
      'request-3,4,false,Hi,,,,,,,,batch_expired,This request could not be executed before the completion window expired.,failed,',
    );
    assert.match(lines[2], /^request-4,5,false,Hey,,,,,,,,missing_result,/);
    assert.match(lines[3], /^request-7,,false,,,/);
    assert.equal(lines[4], '');
    assert.equal(JSON.parse(err).failed, 3);
  });

  test('--format jsonl: one record per request in input order, prompts from the input', async () => {
    const { out } = await run('results', OUTPUT, '--input', INPUT, '--format=jsonl');
    const records = out
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    assert.deepEqual(
      records.map((r) => r.key),
      ['request-1', 'request-2', 'request-3', 'request-4'],
    );
    assert.equal(records[0].prompt, 'Hello world!');
    assert.equal(records[0].answer, 'Hello! How can I assist you today?');
    assert.equal(records[0].totalTokens, 29);
  });

  test('OpenAI 5xx with "code": null: server_error, retry, alike read alone, joined to the input, and by the editor', async () => {
    const input = path.join(dir, 'in.jsonl');
    const errors = path.join(dir, 'errors.jsonl');
    const keys = ['a', 'b', 'c', 'd'];
    fs.writeFileSync(
      input,
      keys
        .map(
          (k) =>
            `{"custom_id":"${k}","method":"POST","url":"/v1/chat/completions","body":{"model":"gpt-4o-mini","messages":[{"role":"user","content":"hi"}]}}\n`,
        )
        .join(''),
    );
    // The error file's shape (reference batch-api.md §3): the error in response.body.error, an ErrorObject whose
    // `code` is null (node_modules/openai/resources/shared.d.ts); with OpenAI's `type`, without one, or no object.
    const failed = (key: string, status: number, body: unknown): string =>
      `${JSON.stringify({ id: `batch_req_${key}`, custom_id: key, response: { status_code: status, request_id: 'r', body }, error: null })}\n`;
    fs.writeFileSync(
      errors,
      failed('a', 503, { error: { message: 'overloaded', type: 'server_error', param: null, code: null } }) +
        failed('b', 503, { error: { message: 'overloaded', type: null, param: null, code: null } }) +
        failed('c', 502, 'Bad Gateway') +
        failed('d', 400, { error: { message: 'bad', type: 'invalid_request_error', param: null, code: null } }),
    );
    const expected = { server_error: 3, invalid_request_error: 1 };
    const editor = await summarizeResults({ errors });
    assert.deepEqual(editor.byErrorCode, expected);
    for (const args of [[errors], [errors, '--input', input]]) {
      const { code, out } = await run('results', ...args, '--format', 'json');
      assert.equal(code, 1);
      const summary = JSON.parse(out);
      assert.deepEqual(summary.byErrorCode, expected, args.join(' '));
      assert.deepEqual(summary.adviceByCode, { server_error: 'retry', invalid_request_error: 'fix' }, args.join(' '));
    }
  });

  test('a batch input file given as results: exit 2, "this is a batch input file, not results", nothing else', async () => {
    for (const argv of [
      ['results', INPUT],
      ['results', OUTPUT, INPUT, '--input', INPUT],
    ]) {
      const { code, out, err } = await run(...argv);
      assert.equal(code, 2, argv.join(' '));
      assert.equal(out, '');
      assert.match(err, /openai-input-3\.jsonl: this is a batch input file, not results/);
    }
  });

  test('results none of which matches --input: exit 2, "is it the file this job was made from?", no retry file', async () => {
    const other = path.join(dir, 'other.jsonl');
    const retry = path.join(dir, 'retry.jsonl');
    fs.writeFileSync(
      other,
      ['x', 'y']
        .map(
          (k) =>
            `{"custom_id":"${k}","method":"POST","url":"/v1/chat/completions","body":{"model":"gpt-4o-mini","messages":[{"role":"user","content":"hi"}]}}\n`,
        )
        .join(''),
    );
    const { code, out, err } = await run('results', OUTPUT, '--input', other, '--retry-file', retry);
    assert.equal(code, 2);
    assert.equal(out, '');
    assert.match(err, /no result matches --input .*other\.jsonl: is it the file this job was made from\?/);
    assert.equal(fs.existsSync(retry), false);
    // One result in common is a join, with its unmatched results counted as before.
    fs.appendFileSync(other, fs.readFileSync(INPUT, 'utf8').split('\n')[1] + '\n');
    const some = await run('results', OUTPUT, '--input', other, '--format', 'json');
    assert.equal(some.code, 1);
    assert.equal(JSON.parse(some.out).unmatchedResults, 1);
  });

  test('the cost is printed without float noise (0.0000696, not 0.00006960000000000001)', async () => {
    const results = path.join(dir, 'out.jsonl');
    const answered = (key: string, prompt: number, completion: number): string =>
      `${JSON.stringify({
        id: `batch_req_${key}`,
        custom_id: key,
        response: {
          status_code: 200,
          request_id: 'r',
          body: {
            object: 'chat.completion',
            model: 'gemini-2.5-flash',
            choices: [{ index: 0, message: { role: 'assistant', content: 'ha' }, finish_reason: 'stop' }],
            usage: { prompt_tokens: prompt, completion_tokens: completion, total_tokens: prompt + completion },
          },
        },
        error: null,
      })}\n`;
    fs.writeFileSync(results, answered('joke-2', 24, 28) + answered('joke-1', 15, 23));
    const { code, out } = await run('results', results, '--format', 'json');
    assert.equal(code, 0);
    assert.match(out, /"batchUsd": 0\.0000696,/);
  });

  test('text (the default): the rows that need a look with their input line, then a summary a person reads', async () => {
    const retry = path.join(dir, 'retry.jsonl');
    const { code, out, err } = await run('results', OUTPUT, EXPIRED, '--input', INPUT, '--retry-file', retry);
    assert.equal(code, 1);
    assert.equal(err, '');
    const expired = 'This request could not be executed before the completion window expired.';
    assert.equal(
      out,
      [
        `${INPUT}:4 request-3: failed (batch_expired): ${expired}`,
        `${INPUT}:5 request-4: failed (missing_result): No result line for this request.`,
        `request-7: failed (batch_expired): ${expired}`,
        '5 requests: 2 succeeded, 3 failed (batch_expired: 2, missing_result: 1), 0 with no answer',
        `1 result with the key of no line of ${INPUT}`,
        'tokens: 42 prompt, 11 output',
        'cost: $0.000019 at batch price, from the usage the results report',
        `retry: 2 lines written to ${retry} (1 failed, 0 no answer, 1 missing)`,
        '',
      ].join('\n'),
    );
    const explicit = await run('results', OUTPUT, EXPIRED, '--input', INPUT, '--format', 'text');
    assert.equal(explicit.out, out.replace(/retry: .*\n/, ''));
  });

  test('text: no answer by reason, failures by code, and the cost the JSON summary has (one summarizer)', async () => {
    const results = path.join(dir, 'gemini.jsonl');
    const usage = (prompt: number, output = 0) =>
      `"usageMetadata":{"promptTokenCount":${prompt},"candidatesTokenCount":${output},"totalTokenCount":${prompt + output}}`;
    const answered = (key: string, model: string) =>
      `{"key":"${key}","response":{"candidates":[{"content":{"parts":[{"text":"hi"}],"role":"model"},"finishReason":"STOP"}],${usage(10, 5)},"modelVersion":"${model}"}}`;
    fs.writeFileSync(
      results,
      [
        answered('a', 'gemini-2.5-flash'),
        `{"key":"b","response":{"promptFeedback":{"blockReason":"SAFETY"},${usage(7)},"modelVersion":"gemini-2.5-flash"}}`,
        `{"key":"c","response":{"candidates":[{"finishReason":"MAX_TOKENS"}],${usage(7)},"modelVersion":"gemini-2.5-flash"}}`,
        '{"key":"d","error":{"code":8,"message":"Resource exhausted","status":"RESOURCE_EXHAUSTED"}}',
        answered('e', 'no-such-model'),
      ].join('\n'),
    );
    const text = await run('results', results);
    const json = await run('results', results, '--format', 'json');
    assert.equal(text.code, 1);
    assert.equal(json.code, 1);
    const summary = JSON.parse(json.out) as { cost: { batchUsd: number } };
    assert.ok(summary.cost.batchUsd > 0);
    assert.equal(
      text.out,
      [
        'b: no answer (SAFETY)',
        'c: no answer (MAX_TOKENS)',
        'd: failed (RESOURCE_EXHAUSTED): Resource exhausted',
        '5 requests: 2 succeeded, 1 failed (RESOURCE_EXHAUSTED: 1), 2 with no answer (SAFETY: 1, MAX_TOKENS: 1)',
        'tokens: 34 prompt, 10 output',
        `cost: ${usd(summary.cost.batchUsd)} at batch price, from the usage the results report; ` +
          '1 response of a model with no known price left out',
        '',
      ].join('\n'),
    );
  });

  test('text: past 20 rows that need a look, the rest are counted; --failed lists them all', async () => {
    const results = path.join(dir, 'many.jsonl');
    const failed = (i: number) => `{"key":"k${i}","error":{"code":8,"message":"busy","status":"RESOURCE_EXHAUSTED"}}\n`;
    fs.writeFileSync(results, Array.from({ length: 25 }, (_, i) => failed(i)).join(''));
    const some = await run('results', results);
    const lines = some.out.trim().split('\n');
    assert.equal(lines.filter((l) => l.endsWith(': failed (RESOURCE_EXHAUSTED): busy')).length, 20);
    assert.equal(lines[20], '… and 5 more rows failed or with no answer (--failed lists them all)');
    assert.equal(lines[21], '25 requests: 0 succeeded, 25 failed (RESOURCE_EXHAUSTED: 25), 0 with no answer');
    const all = await run('results', results, '--failed');
    const listed = all.out.trim().split('\n');
    assert.deepEqual(
      listed.slice(0, 25).map((l) => l.split(':')[0]),
      Array.from({ length: 25 }, (_, i) => `k${i}`),
    );
    assert.equal(listed.length, 26);
  });

  test('bad usage and unreadable files: exit 2 with a message', async () => {
    for (const argv of [
      ['results'],
      ['results', OUTPUT, '--format', 'xml'],
      ['results', OUTPUT, '--retry-file', 'x.jsonl'],
      ['results', OUTPUT, '--bogus'],
    ]) {
      const { code, err } = await run(...argv);
      assert.equal(code, 2, argv.join(' '));
      assert.match(err, /gemini-batch: .+\nRun gemini-batch --help/);
    }
    const missing = await run('results', path.join(dir, 'nope.jsonl'));
    assert.equal(missing.code, 2);
    assert.match(missing.err, /cannot read .*nope\.jsonl: ENOENT/);
  });

  test('spawned through the real entry point: exit status 1 for failures', function () {
    this.timeout(60_000);
    const tsx = path.join(ROOT, 'node_modules', '.bin', 'tsx');
    const result = spawnSync(
      tsx,
      [path.join(ROOT, 'src', 'cli.ts'), 'results', path.join(JOBS, 'gemini-error-lines.jsonl'), '--format', 'json'],
      { encoding: 'utf8', timeout: 60_000 },
    );
    assert.equal(result.status, 1, result.stderr);
    const summary = JSON.parse(result.stdout);
    assert.deepEqual(summary.byErrorCode, {
      INVALID_ARGUMENT: 1,
      RESOURCE_EXHAUSTED: 1,
      unparseable_line: 1,
      rate_limit_exceeded: 1,
    });
  });
});
