import { createHmac, randomBytes } from 'node:crypto';
import { isLoopbackUri, type WebhookRegistry } from './webhooks';
import type { FinalState, JobRecord } from '../contract';

/** How long one delivery may take before it is given up (the real service wants a 2xx "within seconds"). */
const DELIVERY_TIMEOUT_MS = 5000;

const EVENT_OF: Record<FinalState, string> = {
  SUCCEEDED: 'batch.succeeded',
  FAILED: 'batch.failed',
  CANCELLED: 'batch.cancelled',
  EXPIRED: 'batch.expired',
};

/**
 * The event body: the thin Standard Webhooks payload Gemini sends, `{type, version, timestamp, data}` with `data.id`,
 * a results pointer on success (`file_name`), `error_code`/`error_message` on failure, and the create call's
 * `user_metadata` for a dynamic webhook (hookdeck/webhook-skills skills/gemini-webhooks/references/overview.md,
 * which follows https://ai.google.dev/gemini-api/docs/webhooks).
 */
export function webhookEvent(job: JobRecord, nowMs: number): Record<string, unknown> {
  const final = job.final!;
  const data: Record<string, unknown> = { id: `batches/${job.id}` };
  if (final.outputFile) {
    data.file_name = `files/${final.outputFile}`;
  }
  if (final.state === 'FAILED' || final.state === 'EXPIRED') {
    data.error_code = final.state === 'FAILED' ? 13 : 4;
    data.error_message = final.error ?? (final.state === 'EXPIRED' ? 'The batch expired before it finished.' : 'The batch failed.');
  }
  if (job.webhook?.userMetadata !== undefined) {
    data.user_metadata = job.webhook.userMetadata;
  }
  return { type: EVENT_OF[final.state], version: 'v1', timestamp: new Date(nowMs).toISOString(), data };
}

/**
 * Standard Webhooks headers: `webhook-id`, `webhook-timestamp` (Unix seconds) and, for a registered webhook,
 * `webhook-signature: v1,<base64 HMAC-SHA256 of "id.timestamp.body" under the base64 key after "whsec_">`
 * (same source, references/verification.md). A dynamic webhook (`batch.webhookConfig.uris`) is signed by the real
 * service with an RS256 JWT from Google's keys, which the emulator cannot make: it sends none.
 */
export function webhookHeaders(body: string, nowMs: number, secret?: string): Record<string, string> {
  const id = `msg_${randomBytes(12).toString('hex')}`;
  const ts = String(Math.floor(nowMs / 1000));
  const headers: Record<string, string> = { 'content-type': 'application/json', 'webhook-id': id, 'webhook-timestamp': ts };
  if (secret !== undefined) {
    const key = Buffer.from(secret.replace(/^whsec_/, ''), 'base64');
    headers['webhook-signature'] = `v1,${createHmac('sha256', key).update(`${id}.${ts}.${body}`).digest('base64')}`;
  }
  return headers;
}

/** POSTs batch events when jobs end; `close()` aborts deliveries still under way. */
export class WebhookSender {
  private readonly inFlight = new Set<Promise<void>>();
  private readonly abort = new AbortController();

  constructor(
    private readonly registry: WebhookRegistry,
    private readonly now: () => number,
    private readonly anyHost: boolean,
    private readonly log: (line: string) => void,
  ) {}

  /** Sends the job's end event: to its own `webhookConfig.uris` if it has some (they replace the registered ones), else to every registered webhook subscribed to it. */
  deliver(job: JobRecord): void {
    if (!job.final || job.api === 'openai') {
      return;
    }
    const event = webhookEvent(job, this.now());
    const body = JSON.stringify(event);
    const dynamic = job.webhook?.uris ?? [];
    const targets: { uri: string; secret?: string }[] =
      dynamic.length > 0 ? dynamic.map((uri) => ({ uri })) : this.registry.all().filter((w) => w.events.includes(event.type as string)).map((w) => ({ uri: w.uri, secret: w.secret }));
    for (const t of targets) {
      const p = this.post(t.uri, body, t.secret).finally(() => this.inFlight.delete(p));
      this.inFlight.add(p);
    }
  }

  private async post(uri: string, body: string, secret?: string): Promise<void> {
    // Checked again here: a URI stored before a restart without the allow flag is not called.
    if (!this.anyHost && !isLoopbackUri(uri)) {
      this.log(`webhook ${uri} skipped: not a loopback URI`);
      return;
    }
    try {
      const signal = AbortSignal.any([this.abort.signal, AbortSignal.timeout(DELIVERY_TIMEOUT_MS)]);
      // redirect: 'manual', so a receiver cannot bounce the event to a host the user did not choose.
      const res = await fetch(uri, { method: 'POST', headers: webhookHeaders(body, this.now(), secret), body, signal, redirect: 'manual' });
      await res.arrayBuffer().catch(() => undefined);
      this.log(`webhook POST ${uri} ${res.status}`);
    } catch (e) {
      this.log(`webhook POST ${uri} failed: ${String((e as Error)?.message ?? e)}`);
    }
  }

  async close(): Promise<void> {
    this.abort.abort();
    await Promise.all([...this.inFlight]);
  }
}
