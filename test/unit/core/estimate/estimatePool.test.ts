import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { EstimatePool, EstimateWorkerError } from '../../../../src/core/estimate/estimatePool';
import { estimateFile, type FileEstimate } from '../../../../src/core/estimate/fileEstimate';
import type { LineEstimate, TokenProvider } from '../../../../src/core/estimate/lineEstimate';
import { parseOverrides } from '../../../../src/core/pricing/prices';
import { tokenizerAssetDir } from '../../../../src/core/tokens/assetDir';
import type { TextCounter } from '../../../../src/core/tokens/textCounter';
import { loadGeminiCounter, loadGeminiVocab, loadOpenAiCounter } from '../../../../src/core/tokens/tokenizerData';
import { geminiLines } from '../../../../bench/generateData';
import { referenceEstimate } from './referenceEstimate';
import { signatureLine, unsizedResponsesLine } from './caveatLines';

const ASSETS = tokenizerAssetDir(__dirname) as string;
// The worker from its source: under tsx here, built to dist/estimateWorker.js for the CLI.
const WORKER = path.join(__dirname, '../../../../src/cli/estimateWorker.ts');
const TSX = ['--require', 'tsx/cjs'];

/**
 * Mixed providers and models, blank, CRLF, broken and non-request lines, a BOM, a long line, no final LF, multi-byte
 * text and keys.
 */
function mixedFile(dir: string): string {
  const gemini = geminiLines(300, 7);
  const lines: string[] = [];
  gemini.forEach((line, i) => {
    const model = ['gemini-2.5-flash', 'gemini-2.5-pro', 'no-such-model', undefined][i % 4];
    const parsed = JSON.parse(line) as { request: Record<string, unknown> };
    if (model) {
      parsed.request.model = `models/${model}`;
    }
    if (i % 50 === 0) {
      (parsed as { key?: string }).key = `clé-${i}-数据`;
    }
    lines.push(JSON.stringify(parsed));
    if (i % 5 === 0) {
      lines.push(
        JSON.stringify({
          custom_id: `o${i}`,
          method: 'POST',
          url: '/v1/chat/completions',
          body: {
            model: i % 10 ? 'gpt-4o-mini' : 'gpt-4o',
            messages: [{ role: 'user', content: `hello ${i} ünï 😀` }],
          },
        }),
      );
    }
    if (i % 17 === 0) {
      lines.push('', 'not json {', '[1,2]', '{"other":true}', '   ');
    }
    if (i === 100) {
      lines.push(JSON.stringify({ key: 'long', request: { contents: 'word '.repeat(20_000) } }));
    }
    // Estimates with caveats: a Gemini 3 call whose thought signature is guessed (approximateTokens), an OpenAI
    // Responses input holding encrypted reasoning (unsizedItems). Both must come through the pool as they are.
    if (i % 60 === 0) {
      lines.push(signatureLine(`sig-${i}`, 400 + i), unsizedResponsesLine(`r${i}`));
    }
  });
  const text = '\ufeff' + lines.map((l, i) => (i % 3 === 0 ? `${l}\r` : l)).join('\n');
  const file = path.join(dir, 'mixed.jsonl');
  fs.writeFileSync(file, text);
  return file;
}

/**
 * Gemini lines only, so the block reader hands them over in byte form (blockLines.ts): non-ASCII text, keys and a
 * model name, and between them lines that must come as text (a `\u` escape, bytes that are not UTF-8).
 */
function geminiFile(dir: string): string {
  const rows: Buffer[] = geminiLines(200, 11).map((line, i) => {
    const parsed = JSON.parse(line) as { key: string; request: Record<string, unknown> };
    parsed.key = i % 7 === 0 ? `clé-${i}-数据-😀` : parsed.key;
    if (i === 3) {
      parsed.request.model = 'models/gémini-ü';
    }
    let text = JSON.stringify(parsed);
    if (i % 11 === 0) {
      text = text.replace(/[^\x00-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
    }
    return Buffer.from(text, 'utf8');
  });
  rows.splice(
    50,
    0,
    Buffer.from([...Buffer.from('{"key":"bad","request":{"contents":"a'), 0xc3, 0x28, 0x22, 0x7d, 0x7d]),
  );
  const file = path.join(dir, 'gemini-bytes.jsonl');
  fs.writeFileSync(file, Buffer.concat(rows.flatMap((r) => [r, Buffer.from('\n')])));
  return file;
}

/** One thread's counters, loaded once (from `dir`). */
function countersFrom(dir: string): (p: TokenProvider) => Promise<TextCounter> {
  const loaded = new Map<TokenProvider, Promise<TextCounter>>();
  return (p) => {
    if (!loaded.has(p)) {
      loaded.set(p, p === 'gemini' ? loadGeminiCounter(dir) : loadOpenAiCounter(dir));
    }
    return loaded.get(p) as Promise<TextCounter>;
  };
}

const vocab = loadGeminiVocab(ASSETS);
const OVERRIDES = parseOverrides({ 'gpt-4o': { input: 1, output: 2 } });
const counterFor = countersFrom(ASSETS);

/** The estimate before the block reader (lineReader, one line after the other): what every path must give. */
function serial(file: string, model?: string): Promise<{ result: FileEstimate; lines: LineEstimate[] }> {
  return referenceEstimate(file, counterFor, { model, assumedOutputTokens: 1000, overrides: OVERRIDES });
}

async function serialBlocks(
  file: string,
  blockBytes: number,
  model?: string,
): Promise<{ result: FileEstimate; lines: LineEstimate[] }> {
  const lines: LineEstimate[] = [];
  const result = await estimateFile(file, {
    counterFor,
    model,
    assumedOutputTokens: 1000,
    overrides: OVERRIDES,
    onLine: (l) => lines.push(l),
    blockBytes,
  });
  return { result, lines };
}

/** Two workers over small blocks: many boundaries, lines cut across blocks, one line longer than many blocks. */
function smallBlockPool(callerCounts: boolean, shared: boolean): EstimatePool {
  return new EstimatePool({
    workerScript: WORKER,
    assetDir: ASSETS,
    workers: 2,
    counterFor,
    blockBytes: 4096,
    callerCounts,
    geminiVocab: shared ? () => vocab : undefined,
    execArgv: TSX,
  });
}

async function pooled(
  pool: EstimatePool,
  file: string,
  model?: string,
): Promise<{ result: FileEstimate; lines: LineEstimate[] }> {
  const lines: LineEstimate[] = [];
  const result = await pool.estimate(file, {
    model,
    assumedOutputTokens: 1000,
    overrides: OVERRIDES,
    onLine: (l) => lines.push(l),
  });
  return { result, lines };
}

suite('estimate: worker pool', function () {
  this.timeout(60_000);
  let dir: string;
  let file: string;
  suiteSetup(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gbs-pool-'));
    file = mixedFile(dir);
  });
  suiteTeardown(() => fs.rmSync(dir, { recursive: true, force: true }));

  test('the serial path, block by block: the same totals and per-line estimates as line by line', async () => {
    const expected = await serial(file);
    assert.ok(expected.result.requests > 300 && expected.result.unpricedModels.length > 0);
    assert.ok(expected.result.approximateRequests === 5 && expected.result.unsizedItems === 5, 'caveats in the file');
    assert.deepEqual(expected.result.tokenizers, ['gemini-sentencepiece', 'o200k_base']);
    // 97 and 4093: lines and multi-byte characters cut at block ends; the default; one block.
    for (const blockBytes of [97, 4093, 1024 * 1024, 1 << 30]) {
      assert.deepEqual(await serialBlocks(file, blockBytes), expected, `blocks of ${blockBytes}`);
    }
    assert.deepEqual(await serialBlocks(file, 4093, 'gemini-2.5-flash'), await serial(file, 'gemini-2.5-flash'));
  });

  // Workers alone, loading their own vocabularies or asking for the calling thread's Gemini table; then the calling
  // thread counting too.
  for (const [callerCounts, shared] of [
    [false, false],
    [false, true],
    [true, true],
  ]) {
    const who = `${callerCounts ? 'the calling thread and two workers' : 'two workers alone'}, ${shared ? 'one Gemini table' : 'a table each'}`;
    test(`the pool (${who}): the same totals and per-line estimates, in file order, as the serial path`, async () => {
      const pool = smallBlockPool(callerCounts, shared);
      try {
        for (const model of [undefined, 'gemini-2.5-flash']) {
          assert.deepEqual(await pooled(pool, file, model), await serial(file, model));
        }
      } finally {
        await pool.close();
      }
    });
  }

  test('Gemini lines read in byte form: the same totals and per-line estimates (keys, models) as read as text', async () => {
    const bytesFile = geminiFile(dir);
    const want = await serial(bytesFile);
    assert.ok(want.lines.some((l) => l.key === 'clé-7-数据-😀') && want.lines.some((l) => l.model === 'gémini-ü'));
    for (const blockBytes of [97, 1024 * 1024]) {
      assert.deepEqual(await serialBlocks(bytesFile, blockBytes), want, `blocks of ${blockBytes}`);
    }
    const pool = smallBlockPool(true, true);
    try {
      assert.deepEqual(await pooled(pool, bytesFile), want);
    } finally {
      await pool.close();
    }
  });

  test("OpenAI-format lines for Gemini models: the workers load and use Gemini's counter (byte form too)", async () => {
    // Sent through Gemini's OpenAI-compatible layer, billed in Gemini tokens (lineEstimate.ts lineProvider).
    const compat = path.join(dir, 'compat.jsonl');
    const rows = Array.from({ length: 400 }, (_, i) =>
      JSON.stringify({
        custom_id: i % 9 === 0 ? `clé-${i}-😀` : `c${i}`,
        method: 'POST',
        url: '/v1/chat/completions',
        body: {
          model: i % 2 ? 'gemini-2.5-flash' : 'gemini-3-flash-preview',
          messages: [
            { role: 'system', content: `Réponds en français ${i}.` },
            { role: 'user', content: `Bonjour ${i} — 数据 ${'mot '.repeat(i % 13)}` },
          ],
        },
      }),
    );
    fs.writeFileSync(compat, rows.join('\n'));
    const want = await serial(compat);
    assert.deepEqual(want.result.tokenizers, ['gemini-sentencepiece']);
    assert.ok(want.lines.every((l) => l.provider === 'gemini'));
    const gpt = await serial(compat, 'gpt-4o');
    assert.deepEqual(gpt.result.tokenizers, ['o200k_base'], "sent to gpt-4o, the same lines are OpenAI's");
    const pool = smallBlockPool(false, false);
    try {
      assert.deepEqual(await pooled(pool, compat), want);
      assert.deepEqual(await pooled(pool, compat, 'gpt-4o'), gpt);
    } finally {
      await pool.close();
    }
  });

  test('an empty file and a file without requests', async () => {
    const empty = path.join(dir, 'empty.jsonl');
    fs.writeFileSync(empty, '');
    const none = path.join(dir, 'none.jsonl');
    fs.writeFileSync(none, '\n\nnot json\n');
    const pool = new EstimatePool({ workerScript: WORKER, assetDir: ASSETS, workers: 2, counterFor, execArgv: TSX });
    try {
      for (const f of [empty, none]) {
        assert.deepEqual(await pool.estimate(f, { assumedOutputTokens: 1000 }), (await serial(f)).result);
      }
    } finally {
      await pool.close();
    }
  });

  test('a worker that cannot load its vocabulary: a clear error, no hang', async () => {
    // The calling thread counts too, from the same (broken) installation: whichever fails first is reported.
    const pool = new EstimatePool({
      workerScript: WORKER,
      assetDir: dir,
      workers: 2,
      counterFor: countersFrom(dir),
      blockBytes: 4096,
      execArgv: TSX,
    });
    try {
      await assert.rejects(pool.estimate(file, { assumedOutputTokens: 1000 }), (error: Error) => {
        assert.match(error.message, /ENOENT/);
        return true;
      });
    } finally {
      await pool.close();
    }
  });

  test('a worker that dies: a clear error, no hang', async () => {
    const script = path.join(dir, 'dying.js');
    fs.writeFileSync(script, "require('node:worker_threads').parentPort.on('message', () => process.exit(7));\n");
    const pool = new EstimatePool({ workerScript: script, assetDir: ASSETS, workers: 2, counterFor, blockBytes: 4096 });
    try {
      await assert.rejects(pool.estimate(file, { assumedOutputTokens: 1000 }), (error: Error) => {
        assert.ok(error instanceof EstimateWorkerError);
        assert.match(error.message, /estimate worker \d exited \(code 7\)/);
        return true;
      });
    } finally {
      await pool.close();
    }
  });
});
