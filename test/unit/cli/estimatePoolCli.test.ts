import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { capturedIo } from './runCli';
import { defaultWorkers, type EstimateRuntime, runEstimate } from '../../../src/cli/estimateCommand';
import { idleCores } from '../../../src/cli/idleCores';
import { geminiLines } from '../../../bench/generateData';

const WORKER = path.join(__dirname, '../../../src/cli/estimateWorker.ts');

async function run(argv: string[], runtime: EstimateRuntime): Promise<{ code: number; out: string; err: string }> {
  const { io, out, err } = capturedIo();
  const code = await runEstimate(argv, io, __dirname, runtime);
  return { code, out: out(), err: err() };
}

suite('cli: gemini-batch estimate on the worker pool', function () {
  this.timeout(60_000);
  let dir: string;
  let files: string[];
  const serial: EstimateRuntime = { workerScript: WORKER, workers: 2, poolMinBytes: Number.POSITIVE_INFINITY };
  const pooled: EstimateRuntime = {
    workerScript: WORKER,
    workers: 2,
    poolMinBytes: 0,
    execArgv: ['--require', 'tsx/cjs'],
  };
  suiteSetup(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gbs-pool-cli-'));
    files = ['a', 'b'].map((name, i) => {
      const file = path.join(dir, `${name}.jsonl`);
      fs.writeFileSync(file, geminiLines(200, i + 1, name).join('\r\n'));
      return file;
    });
  });
  suiteTeardown(() => fs.rmSync(dir, { recursive: true, force: true }));

  test('prints what the serial path prints, per line too, for several files and a missing one', async () => {
    for (const extra of [[], ['--per-line'], ['--format', 'json', '--per-line', '--model', 'gemini-2.5-pro']]) {
      const argv = [...files, path.join(dir, 'missing.jsonl'), ...extra];
      const want = await run(argv, serial);
      assert.equal(want.code, 2);
      assert.match(want.out, /a\.jsonl.*\n(.|\n)*b\.jsonl/);
      assert.deepEqual(await run(argv, pooled), want);
    }
  });

  test('the worker script missing: the serial path', async () => {
    const argv = [files[0]];
    assert.deepEqual(await run(argv, { ...pooled, workerScript: path.join(dir, 'none.js') }), await run(argv, serial));
  });

  test('a worker that dies: a clear message and exit 3, no hang', async () => {
    const script = path.join(dir, 'dying.js');
    fs.writeFileSync(script, "require('node:worker_threads').parentPort.on('message', () => process.exit(5));\n");
    const { code, out, err } = await run([files[0]], { workerScript: script, workers: 2, poolMinBytes: 0 });
    assert.equal(code, 3);
    assert.equal(out, '');
    assert.match(err, /cannot estimate .*a\.jsonl: estimate worker \d exited \(code 5\)/);
  });

  test('by default one worker per idle core beyond the main thread, at most three', () => {
    assert.equal(defaultWorkers(2, 1.9), 1, 'an idle 2-core machine: the main thread and one worker');
    assert.equal(defaultWorkers(2, 1.3), 0, 'a 2-core machine with other work counts on one thread');
    assert.equal(defaultWorkers(8, 7), 3);
    assert.equal(defaultWorkers(8, 2.4), 1);
    assert.equal(defaultWorkers(1, 1), 0);
  });

  test('workers decided at the first large file only, once; none decided means the serial path', async () => {
    let decided = 0;
    const decide = (workers: number) => async () => {
      decided++;
      return workers;
    };
    const argv = [...files, '--per-line'];
    const want = await run(argv, serial);
    assert.deepEqual(await run(argv, { ...pooled, workers: decide(0) }), want);
    assert.deepEqual(await run(argv, { ...pooled, workers: decide(2) }), want);
    assert.equal(decided, 2, 'once per run, not per file');
    await run(argv, { ...pooled, poolMinBytes: Number.POSITIVE_INFINITY, workers: decide(2) });
    assert.equal(decided, 2, 'no large file: nothing to decide');
  });

  test('idle cores: the idle share of every core over the wait, times the cores', async () => {
    const cpu = (idle: number, busy: number) => ({
      model: 'x',
      speed: 1,
      times: { user: busy, nice: 0, sys: 0, idle, irq: 0 },
    });
    const reads = [
      [cpu(1000, 1000), cpu(1000, 1000)],
      [cpu(1100, 1000), cpu(1000, 1100)],
    ];
    let waited = 0;
    const idle = await idleCores(
      100,
      () => reads.shift() ?? [],
      async (ms) => {
        waited = ms;
      },
    );
    assert.equal(waited, 100);
    assert.equal(idle, 1, 'one core idle, one busy');
  });
});
