import { createHmac, randomBytes } from 'node:crypto';
import type { FinalState, JobRecord } from '../contract';

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
    data.error_message =
      final.error ?? (final.state === 'EXPIRED' ? 'The batch expired before it finished.' : 'The batch failed.');
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
export function webhookHeaders(
  body: string,
  nowMs: number,
  secret?: string,
  id = newMessageId(),
): Record<string, string> {
  const ts = String(Math.floor(nowMs / 1000));
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    'webhook-id': id,
    'webhook-timestamp': ts,
  };
  if (secret !== undefined) {
    const key = Buffer.from(secret.replace(/^whsec_/, ''), 'base64');
    headers['webhook-signature'] = `v1,${createHmac('sha256', key).update(`${id}.${ts}.${body}`).digest('base64')}`;
  }
  return headers;
}

/** A Standard Webhooks message id: one per event, kept by every retry of it so a receiver can drop duplicates. */
export function newMessageId(): string {
  return `msg_${randomBytes(12).toString('hex')}`;
}
