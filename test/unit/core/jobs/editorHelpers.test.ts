import * as assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Redactor } from '../../../../src/core/util/redactor';
import { BatchApiError, type BatchJob } from '../../../../src/core/providers/types';
import { endedBeforeCancel, showCancelled } from '../../../../src/core/jobs/afterCancel';
import {
  noticeActions,
  showNoticeIn,
  type JobNotice,
  type NoticeWindow,
} from '../../../../src/features/jobs/showNotice';
import { openaiBatchHead } from '../../../../src/core/jobs/jobInput';
import { refusalAction, refusalOf } from '../../../../src/core/jobs/refusal';

const OPEN_RESULTS = 'Open Results';
const SHOW_JOB = 'Show Job';
const LABELS = { openResults: OPEN_RESULTS, showJob: SHOW_JOB };

const running = {
  name: 'batches/x',
  provider: 'emulator',
  state: 'cancelling',
  rawState: 'x',
  progress: {},
} as BatchJob;

suite('editor helpers', () => {
  test('the log redacts any stored key of 4 or more characters, longest first', () => {
    const redactor = new Redactor();
    ['abcd', 'xyz', 'abcdefgh'].forEach((k) => redactor.add(k));
    assert.equal(redactor.scrub('key abcd, long abcdefgh, short xyz'), 'key ***, long ***, short xyz');
  });

  test('a failed read-back after a successful cancel is logged and polled, never thrown', async () => {
    const calls: string[] = [];
    const sink = {
      upsert: () => calls.push('upsert'),
      pollSoon: () => calls.push('poll'),
      warn: (t: string) => calls.push(`warn ${t}`),
    };
    const limited = { getJob: () => Promise.reject(new BatchApiError('rateLimit', 'HTTP 429', 429, 1000)) };
    await showCancelled(limited, 'batches/x', 'gemini-generate', sink);
    assert.equal(calls.length, 2);
    assert.match(calls[0], /^warn .*batches\/x.*429/);
    assert.equal(calls[1], 'poll');
    calls.length = 0;
    await showCancelled({ getJob: () => Promise.resolve(running) }, 'batches/x', undefined, sink);
    assert.deepEqual(calls, ['upsert']);
  });

  test('Cancel on an ended job: any end known before the call, any end but cancelled read back after it', () => {
    assert.equal(endedBeforeCancel(undefined, false), undefined);
    assert.equal(endedBeforeCancel('running', false), undefined);
    assert.equal(endedBeforeCancel('cancelling', true), undefined);
    assert.equal(endedBeforeCancel('succeeded', false), 'succeeded');
    assert.equal(endedBeforeCancel('cancelled', false), 'cancelled', 'cancelled already: nothing to cancel');
    assert.equal(endedBeforeCancel('cancelled', true), undefined, 'read back cancelled: the cancel did it');
    assert.equal(endedBeforeCancel('partially_succeeded', true), 'partially_succeeded', 'it ended first');
    assert.equal(endedBeforeCancel('expired', true), 'expired');
  });

  test('showCancelled resolves to the job read back, or undefined when the read failed', async () => {
    const sink = { upsert: () => undefined, pollSoon: () => undefined, warn: () => undefined };
    assert.equal(
      await showCancelled({ getJob: () => Promise.resolve(running) }, 'batches/x', undefined, sink),
      running,
    );
    const failing = { getJob: () => Promise.reject(new Error('blip')) };
    assert.equal(await showCancelled(failing, 'batches/x', undefined, sink), undefined);
  });

  test('the default notification passes the actions to the window, by severity', async () => {
    const seen: { fn: string; items: unknown[] }[] = [];
    const fake = {
      showInformationMessage: (message: string, ...items: string[]) => {
        seen.push({ fn: 'info', items: [message, ...items] });
        return Promise.resolve(OPEN_RESULTS);
      },
      showWarningMessage: (message: string, ...items: string[]) => {
        seen.push({ fn: 'warning', items: [message, ...items] });
        return Promise.resolve(undefined);
      },
    } as unknown as NoticeWindow;
    const show = showNoticeIn(fake);
    const notice = (severity: JobNotice['severity'], withResults: boolean): JobNotice => ({
      job: running,
      severity,
      message: 'm',
      actions: noticeActions(withResults, LABELS),
    });
    assert.equal(await show(notice('info', true)), OPEN_RESULTS);
    await show(notice('warning', false));
    assert.deepEqual(seen, [
      { fn: 'info', items: ['m', 'Open Results', 'Show Job'] },
      { fn: 'warning', items: ['m', SHOW_JOB] },
    ]);
  });

  test('a JSON Lines file that is not a batch is refused as such', () => {
    const base = { issues: [], requests: 0 };
    assert.equal(
      refusalOf('log.jsonl', { ...base, notBatch: true }),
      'log.jsonl is not a batch file (no line looks like a Gemini or OpenAI batch request).',
    );
    assert.equal(refusalOf('e.jsonl', base), 'e.jsonl holds no requests.');
    assert.equal(refusalOf('ok.jsonl', { ...base, requests: 3 }), undefined);
    const error = {
      code: 'too-deep' as const,
      severity: 'error' as const,
      params: {},
      line: 0,
      startCol: 0,
      endLine: 0,
      endCol: 1,
    };
    assert.match(refusalOf('b.jsonl', { issues: [error, error], requests: 2 }) ?? '', /has 2 errors/);
  });

  test('the refusal offers a button only where it leads somewhere', () => {
    const issue = (
      code: 'not-a-batch-file' | 'binary-file' | 'too-deep' | 'results-file',
      severity: 'error' | 'warning' | 'info',
    ) => ({ code, severity, params: {}, line: 0, startCol: 0, endLine: 0, endCol: 1 }) as const;
    assert.equal(refusalAction({ issues: [issue('not-a-batch-file', 'warning')], notBatch: true }), 'setKind');
    assert.equal(
      refusalAction({ issues: [issue('not-a-batch-file', 'error')], notBatch: true }),
      'setKind',
      'required batch: still no problems to show',
    );
    assert.equal(refusalAction({ issues: [issue('binary-file', 'error')], notBatch: true }), undefined);
    assert.equal(refusalAction({ issues: [issue('results-file', 'info')], notBatch: true, results: true }), undefined);
    assert.equal(refusalAction({ issues: [issue('too-deep', 'error')] }), 'showProblems');
    assert.equal(refusalAction({ issues: [] }), undefined, 'empty: nothing to show');
  });

  test('the results of a job are refused as results, not as "not a batch file"', () => {
    const note = {
      code: 'results-file' as const,
      severity: 'info' as const,
      params: {},
      line: 0,
      startCol: 0,
      endLine: 0,
      endCol: 1,
    };
    const refusal =
      refusalOf('chat.results.jsonl', { issues: [note], requests: 0, notBatch: true, results: true }) ?? '';
    assert.match(refusal, /^chat\.results\.jsonl holds the results of a batch job/);
    assert.doesNotMatch(refusal, /not a batch file/);
  });

  test('an OpenAI batch names its model and endpoint in its first request line', async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'head-'));
    try {
      const file = path.join(dir, 'o.jsonl');
      await fs.writeFile(
        file,
        '\ufeff\r\n{"custom_id":"a","method":"POST","url":"/v1/embeddings","body":{"model":"text-embedding-3-small","input":"x"}}\r\n{}',
      );
      assert.deepEqual(await openaiBatchHead(file), { endpoint: '/v1/embeddings', model: 'text-embedding-3-small' });
      await fs.writeFile(file, '\n\n');
      assert.deepEqual(await openaiBatchHead(file), {});
    } finally {
      await fs.rm(dir, { recursive: true, force: true });
    }
  });
});
