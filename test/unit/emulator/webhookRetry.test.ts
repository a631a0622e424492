import * as assert from 'node:assert/strict';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WEBHOOK_RETRY, WebhookSender } from '../../../src/emulator/gemini/webhookDelivery';
import { WebhookRegistry } from '../../../src/emulator/gemini/webhooks';
import type { JobRecord } from '../../../src/emulator/contract';
import { ManualClock } from './manualClock';
import { tempDir } from './helpers';

/** A receiver that answers each POST with the next scripted status ('hang': never answers); `next()` waits for a POST. */
async function scriptedReceiver(script: (number | 'hang')[]): Promise<{
  url: string;
  got: IncomingHttpHeaders[];
  next: () => Promise<IncomingHttpHeaders>;
  close: () => Promise<void>;
}> {
  const got: IncomingHttpHeaders[] = [];
  const waiters: ((h: IncomingHttpHeaders) => void)[] = [];
  const server = createServer((req, res) => {
    req.resume().on('end', () => {
      const answer = script[got.length] ?? 204;
      got.push(req.headers);
      if (answer !== 'hang') {
        res.writeHead(answer).end();
      }
      waiters.shift()?.(req.headers);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  let asked = 0;
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`,
    got,
    next: () => {
      const i = asked++;
      return i < got.length ? Promise.resolve(got[i]) : new Promise((resolve) => waiters.push(resolve));
    },
    close: () => {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

/** The sender's log: `next()` resolves with its next line (the event a test waits on instead of sleeping). */
function logWatch(): { log: (l: string) => void; lines: string[]; next: () => Promise<string> } {
  const lines: string[] = [];
  const waiters: ((l: string) => void)[] = [];
  let read = 0;
  return {
    lines,
    log: (l) => {
      lines.push(l);
      waiters.shift()?.(l);
    },
    next: () => {
      const i = read++;
      return i < lines.length ? Promise.resolve(lines[i]) : new Promise((resolve) => waiters.push(resolve));
    },
  };
}

function endedJob(uri: string): JobRecord {
  return {
    id: 'j1',
    api: 'gemini',
    kind: 'generate',
    model: 'models/gemini-2.5-flash',
    inline: true,
    total: 1,
    createMs: 0,
    jobMs: 0,
    expiryMs: 1,
    seq: 1,
    webhook: { uris: [uri] },
    final: { state: 'SUCCEEDED', endMs: 0, succeeded: 1, failed: 0 },
  } as JobRecord;
}

suite('emulator: webhook delivery retries (simulated time)', () => {
  let tmp: ReturnType<typeof tempDir>;
  let clock: ManualClock;
  let watch: ReturnType<typeof logWatch>;
  let sender: WebhookSender;
  setup(async () => {
    tmp = tempDir('hookretry');
    const registry = new WebhookRegistry(tmp.dir);
    await registry.open();
    clock = new ManualClock();
    watch = logWatch();
    sender = new WebhookSender(registry, clock, false, watch.log);
  });
  teardown(async () => {
    try {
      await sender.close();
    } finally {
      tmp.cleanup();
    }
  });

  test('non-2xx answers are retried after 1 s, then 2 s, with the same webhook-id, until a 2xx', async () => {
    const rx = await scriptedReceiver([500, 429, 204]);
    try {
      sender.deliver(endedJob(rx.url));
      const first = await rx.next();
      assert.match(await watch.next(), /answered 500; attempt 2 of 6 in 1000 ms/);
      clock.advance(999);
      assert.equal(clock.nextDueIn, 1, 'the retry is still waiting, due in 1 ms');
      clock.advance(1);
      const second = await rx.next();
      assert.match(await watch.next(), /answered 429; attempt 3 of 6 in 2000 ms/);
      clock.advance(2000);
      const third = await rx.next();
      assert.match(await watch.next(), / 204 \(attempt 3\)/);
      assert.equal(clock.pending, 0, 'nothing more is armed once delivered');
      assert.equal(new Set([first, second, third].map((h) => h['webhook-id'])).size, 1, 'one event, one id');
    } finally {
      await rx.close();
    }
  });

  test('a refused connection is retried with doubling waits, and given up after the bounded attempts', async () => {
    const rx = await scriptedReceiver([]);
    const url = rx.url;
    await rx.close(); // nothing listens there now
    sender.deliver(endedJob(url));
    for (let n = 1; n < WEBHOOK_RETRY.attempts; n++) {
      const delay = WEBHOOK_RETRY.firstDelayMs * 2 ** (n - 1);
      assert.match(await watch.next(), new RegExp(`failed: .*; attempt ${n + 1} of 6 in ${delay} ms`));
      clock.advance(delay);
    }
    assert.match(await watch.next(), /gave up after 6 attempts/);
    assert.equal(clock.pending, 0, 'no attempt after the last');
    assert.equal(watch.lines.length, 6);
  });

  test('a receiver that never answers is aborted at the timeout (on the clock) and the retry delivers', async () => {
    const rx = await scriptedReceiver(['hang', 204]);
    try {
      sender.deliver(endedJob(rx.url));
      await rx.next();
      clock.advance(WEBHOOK_RETRY.timeoutMs);
      assert.match(await watch.next(), /had no answer within 5000 ms; attempt 2 of 6 in 1000 ms/);
      clock.advance(1000);
      await rx.next();
      assert.match(await watch.next(), / 204 \(attempt 2\)/);
    } finally {
      await rx.close();
    }
  });

  test('close() drops a waiting retry: nothing stays armed and no further POST is made', async () => {
    const rx = await scriptedReceiver([503]);
    try {
      sender.deliver(endedJob(rx.url));
      assert.match(await watch.next(), /answered 503; attempt 2/);
      assert.equal(clock.pending, 1);
      await sender.close();
      assert.equal(clock.pending, 0);
      clock.advance(60_000);
      assert.equal(rx.got.length, 1);
    } finally {
      await rx.close();
    }
  });

  test('a hanging receiver holds nothing: deliver() returns at once and close() aborts the attempt under way', async () => {
    const rx = await scriptedReceiver(['hang']);
    try {
      sender.deliver(endedJob(rx.url));
      assert.equal(rx.got.length, 0, 'deliver() only starts the work');
      await rx.next();
      assert.equal(clock.nextDueIn, WEBHOOK_RETRY.timeoutMs, 'the attempt waits on its timeout');
      await sender.close();
      assert.equal(clock.pending, 0, 'no timeout or retry left armed');
    } finally {
      await rx.close();
    }
  });
});
