import * as assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import * as path from 'node:path';
import { genai, tempDir } from './helpers';

const ROOT = path.resolve(__dirname, '../../..');

/** Runs `runEmulatorCommand(args)` in a child Node, as `gemini-batch emulator` would. */
function runCli(args: string[], env: NodeJS.ProcessEnv = {}) {
  const code =
    "require('./src/cli/emulatorCommand.ts').runEmulatorCommand(process.argv.slice(1)).then((c) => process.exit(c))";
  const child = spawn(process.execPath, ['--require', require.resolve('tsx/cjs'), '-e', code, '--', ...args], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const exited = once(child, 'exit').then(([c]) => c as number);
  /** Resolves with the first match of `pattern` in stdout, as data arrives; rejects if the child exits first. */
  const waitFor = (pattern: RegExp): Promise<RegExpExecArray> =>
    new Promise((resolve, reject) => {
      const check = (): void => {
        const m = pattern.exec(stdout);
        if (m) {
          child.stdout.off('data', check);
          child.off('exit', onExit);
          resolve(m);
        }
      };
      const onExit = (): void => {
        child.stdout.off('data', check);
        reject(new Error(`exited before printing ${pattern}: ${stdout} ${stderr}`));
      };
      child.stdout.on('data', check);
      child.once('exit', onExit);
      check();
    });
  return { child, exited, waitFor, out: () => stdout, err: () => stderr };
}

suite('emulator: gemini-batch emulator command', () => {
  test('prints the base URL, serves the SDK with env faults, stops on SIGTERM with exit 0', async () => {
    const tmp = tempDir('cli');
    const cli = runCli(['--port', '0', '--data-dir', path.join(tmp.dir, 'data'), '--job-seconds=0.2'], {
      GEMINI_BATCH_EMULATOR_FAULTS: '{"latencyMs":1}',
    });
    try {
      const m = await cli.waitFor(/listening on (http:\/\/127\.0\.0\.1:\d+)/);
      const pager = await genai(m[1]).files.list();
      assert.equal(pager.page.length, 0);
      cli.child.kill('SIGTERM');
      assert.equal(await cli.exited, 0);
      assert.match(cli.out(), /GET \/v1beta\/files 200 \d+ms/);
    } finally {
      if (cli.child.exitCode === null) {
        cli.child.kill('SIGKILL');
      }
      tmp.cleanup();
    }
  });

  test('--help exits 0; a bad flag exits 2 with the reason', async () => {
    const help = runCli(['--help']);
    assert.equal(await help.exited, 0);
    assert.match(help.out(), /Usage: gemini-batch emulator/);
    const bad = runCli(['--port', 'abc']);
    assert.equal(await bad.exited, 2);
    assert.match(bad.err(), /--port needs a non-negative number/);
    // --ordered is a known flag (parsed before --help is honoured), and the help says what it does.
    const ordered = runCli(['--ordered', '--webhook-any-host', '--help']);
    assert.equal(await ordered.exited, 0, ordered.err());
    assert.match(ordered.out(), /--ordered\s+write results in input order/);
  });
});
