import * as assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApiError } from '@google/genai';
import { isLoopbackUri } from '../../../../src/emulator/gemini/webhooks';
import { withEmulator, writeJsonl } from '../helpers';

interface Delivery {
  headers: IncomingHttpHeaders;
  body: string;
}

/** A local HTTP receiver: `next()` resolves with the next POST it gets (no sleeping: the test waits on the event). */
async function receiver(): Promise<{
  url: string;
  next: () => Promise<Delivery>;
  received: Delivery[];
  close: () => Promise<void>;
}> {
  const received: Delivery[] = [];
  const waiters: ((d: Delivery) => void)[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const d = { headers: req.headers, body: Buffer.concat(chunks).toString('utf8') };
      received.push(d);
      res.writeHead(204).end();
      waiters.shift()?.(d);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hook`,
    received,
    next: () =>
      received.length > waiters.length
        ? Promise.resolve(received[waiters.length])
        : new Promise((resolve) => waiters.push(resolve)),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** Standard Webhooks verification, as a receiver does it (HMAC-SHA256 over "id.timestamp.body", key after whsec_). */
function signatureOk(d: Delivery, secret: string): boolean {
  const key = Buffer.from(secret.replace(/^whsec_/, ''), 'base64');
  const expected = createHmac('sha256', key)
    .update(`${String(d.headers['webhook-id'])}.${String(d.headers['webhook-timestamp'])}.${d.body}`)
    .digest('base64');
  return d.headers['webhook-signature'] === `v1,${expected}`;
}

const lines = [{ key: 'a', request: { contents: [{ parts: [{ text: 'hi' }] }] } }];

suite('emulator: webhooks', () => {
  const env = withEmulator({}, 'hooks');

  test('a registered webhook (created with @google/genai) gets a signed batch.succeeded event; list and delete', async () => {
    const rx = await receiver();
    try {
      const ai = env.genai();
      const hook = await ai.webhooks.create({
        name: 'local',
        subscribed_events: ['batch.succeeded', 'batch.failed'],
        uri: rx.url,
      });
      assert.match(hook.name ?? '', /^webhooks\//);
      assert.match(hook.new_signing_secret ?? '', /^whsec_/);
      const listed = await ai.webhooks.list();
      assert.deepEqual(
        listed.webhooks?.map((w) => w.name),
        [hook.name],
      );
      assert.equal(listed.webhooks?.[0].new_signing_secret, undefined, 'the secret is shown once, on create');

      const file = await ai.files.upload({
        file: writeJsonl(env.dir, 'in.jsonl', lines),
        config: { mimeType: 'jsonl' },
      });
      const job = await ai.batches.create({ model: 'gemini-2.5-flash', src: file.name! });
      env.runJobs();
      const d = await rx.next();
      const event = JSON.parse(d.body) as {
        type: string;
        version: string;
        timestamp: string;
        data: Record<string, unknown>;
      };
      assert.equal(event.type, 'batch.succeeded');
      assert.equal(event.version, 'v1');
      assert.ok(Number.isFinite(Date.parse(event.timestamp)));
      assert.equal(event.data.id, job.name);
      assert.equal(event.data.file_name, (await ai.batches.get({ name: job.name! })).dest?.fileName);
      assert.ok(signatureOk(d, hook.new_signing_secret!), 'verifies with the secret given on create');
      assert.ok(!signatureOk(d, `whsec_${Buffer.from('another key').toString('base64')}`), 'and not with another');

      await ai.webhooks.delete(hook.name!.replace(/^webhooks\//, ''));
      assert.deepEqual((await ai.webhooks.list()).webhooks ?? [], []);
    } finally {
      await rx.close();
    }
  });

  test('batch.webhookConfig: its URIs replace the registered ones and the event carries user_metadata', async () => {
    const registered = await receiver();
    const dynamic = await receiver();
    try {
      const ai = env.genai();
      await ai.webhooks.create({ subscribed_events: ['batch.cancelled', 'batch.succeeded'], uri: registered.url });
      const job = await ai.batches.create({
        model: 'gemini-2.5-flash',
        src: [{ contents: [{ parts: [{ text: 'x' }], role: 'user' }] }],
        config: { webhookConfig: { uris: [dynamic.url], userMetadata: { tenant: 't1' } } },
      });
      await ai.batches.cancel({ name: job.name! });
      const d = await dynamic.next();
      const event = JSON.parse(d.body) as { type: string; data: Record<string, unknown> };
      assert.equal(event.type, 'batch.cancelled');
      assert.deepEqual(event.data.user_metadata, { tenant: 't1' });
      assert.equal(
        d.headers['webhook-signature'],
        undefined,
        'dynamic events are JWT-signed by the real service; the emulator sends none',
      );
      // close() waits for every delivery under way: after it, the registered receiver has provably got nothing.
      await env.emu.close();
      assert.equal(registered.received.length, 0);
    } finally {
      await Promise.all([registered.close(), dynamic.close()]);
    }
  });

  test('a URI off this machine is refused (400) on both paths, so no request can make the emulator call out', async () => {
    const ai = env.genai();
    await assert.rejects(
      ai.webhooks.create({ subscribed_events: ['batch.succeeded'], uri: 'https://example.com/hook' }),
      /400|loopback/,
    );
    await assert.rejects(
      ai.batches.create({
        model: 'gemini-2.5-flash',
        src: [{ contents: [{ parts: [{ text: 'x' }] }] }],
        config: { webhookConfig: { uris: ['http://10.0.0.1/h'] } },
      }),
      (e) => e instanceof ApiError && e.status === 400 && /loopback/.test(e.message),
    );
    await assert.rejects(
      ai.webhooks.create({ subscribed_events: ['no.such.event'], uri: 'http://127.0.0.1:1/h' }),
      /400|subscribed_events/,
    );
    assert.deepEqual((await ai.webhooks.list()).webhooks ?? [], []);
  });

  test('twenty webhooks created at once are all kept, and survive a restart', async () => {
    const ai = env.genai();
    const made = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        ai.webhooks.create({ subscribed_events: ['batch.succeeded'], uri: `http://127.0.0.1:9/h${i}` }),
      ),
    );
    assert.equal(new Set(made.map((w) => w.name)).size, 20);
    await env.restart({});
    const listed = (await env.genai().webhooks.list()).webhooks ?? [];
    assert.deepEqual(listed.map((w) => w.name).sort(), made.map((w) => w.name).sort());
  });

  test('isLoopbackUri: loopback names and addresses only', () => {
    for (const u of ['http://localhost:8080/x', 'http://127.0.0.1/x', 'https://127.9.9.9/x', 'http://[::1]:9/x']) {
      assert.ok(isLoopbackUri(u), u);
    }
    for (const u of [
      'http://example.com/x',
      'http://10.0.0.1/x',
      'http://localhost.evil.com/x',
      'http://127.0.0.1.nip.io/x',
      'ftp://127.0.0.1/x',
      'not a url',
      'http://0.0.0.0/x',
    ]) {
      assert.ok(!isLoopbackUri(u), u);
    }
  });
});

suite('emulator: webhooks with allowAnyWebhookHost', () => {
  const env = withEmulator({ allowAnyWebhookHost: true }, 'hooks-any');

  test('another host is accepted when the emulator was started with the allow flag', async () => {
    const hook = await env
      .genai()
      .webhooks.create({ subscribed_events: ['batch.succeeded'], uri: 'https://example.com/hook' });
    assert.equal(hook.uri, 'https://example.com/hook');
  });
});
