import { isLoopbackUri, type WebhookRegistry } from './webhooks';
import { newMessageId, webhookEvent, webhookHeaders } from './webhookEvent';
import type { EmulatorClock, JobRecord } from '../contract';

/**
 * When a receiver does not take an event. The real service: "Your endpoint must respond with a 2xx status code
 * within a few seconds to avoid a retry. To ensure delivery, the Gemini API automatically retries failed requests for
 * 24 hours with exponential backoff" (https://ai.google.dev/gemini-api/docs/webhooks, "Handle webhook requests";
 * "at-least-once delivery with automatic retries for up to 24 hours", blog.google, event-driven webhooks, 2026-05-04).
 * The schedule itself is not published, so this one is the emulator's own: the same rule (anything but a 2xx, a
 * refused connection or no answer in time is a failure) on a compressed schedule, 6 attempts 1, 2, 4, 8 and 16 s apart,
 * so a receiver's retry handling can be tried locally in half a minute instead of a day.
 */
export interface RetryPolicy {
  /** Attempts in all, the first included. */
  attempts: number;
  /** Wait before the first retry; each later one doubles it. */
  firstDelayMs: number;
  /** One attempt that has no answer by then is aborted and counts as failed. */
  timeoutMs: number;
}

export const WEBHOOK_RETRY: RetryPolicy = { attempts: 6, firstDelayMs: 1000, timeoutMs: 5000 };

/** One event on its way to one URI. Every attempt keeps the event's `webhook-id` (Standard Webhooks: a receiver drops repeats by it). */
interface Delivery {
  uri: string;
  body: string;
  secret?: string;
  messageId: string;
}

/**
 * POSTs batch events when jobs end, retrying failed deliveries on the emulator's clock. Nothing here is awaited by the
 * job engine or the server: `deliver` only starts the work. `close()` drops the retries still waiting and aborts the
 * attempts under way.
 */
export class WebhookSender {
  private readonly inFlight = new Set<Promise<void>>();
  /** The cancellers of the retries waiting on the clock. */
  private readonly waiting = new Set<() => void>();
  private readonly abort = new AbortController();

  constructor(
    private readonly registry: WebhookRegistry,
    private readonly clock: EmulatorClock,
    private readonly anyHost: boolean,
    private readonly log: (line: string) => void,
    private readonly policy: RetryPolicy = WEBHOOK_RETRY,
  ) {}

  /** Sends the job's end event: to its own `webhookConfig.uris` if it has some (they replace the registered ones), else to every registered webhook subscribed to it. */
  deliver(job: JobRecord): void {
    if (!job.final || job.api === 'openai') {
      return;
    }
    const event = webhookEvent(job, this.clock.now());
    const body = JSON.stringify(event);
    const dynamic = job.webhook?.uris ?? [];
    const targets: { uri: string; secret?: string }[] =
      dynamic.length > 0
        ? dynamic.map((uri) => ({ uri }))
        : this.registry
            .all()
            .filter((w) => w.events.includes(event.type as string))
            .map((w) => ({ uri: w.uri, secret: w.secret }));
    for (const t of targets) {
      this.attempt({ ...t, body, messageId: newMessageId() }, 1);
    }
  }

  async close(): Promise<void> {
    this.abort.abort();
    this.waiting.forEach((cancel) => cancel());
    this.waiting.clear();
    await Promise.all([...this.inFlight]);
  }

  private attempt(d: Delivery, n: number): void {
    if (this.abort.signal.aborted) {
      return;
    }
    const p = this.post(d, n)
      .then((failure) => (failure === undefined ? undefined : this.retryLater(d, n, failure)))
      .finally(() => this.inFlight.delete(p));
    this.inFlight.add(p);
  }

  private retryLater(d: Delivery, n: number, failure: string): void {
    if (this.abort.signal.aborted) {
      return;
    }
    if (n >= this.policy.attempts) {
      this.log(`webhook POST ${d.uri} ${failure}; gave up after ${n} attempts`);
      return;
    }
    const delay = this.policy.firstDelayMs * 2 ** (n - 1);
    this.log(`webhook POST ${d.uri} ${failure}; attempt ${n + 1} of ${this.policy.attempts} in ${delay} ms`);
    const cancel = this.clock.after(delay, () => {
      this.waiting.delete(cancel);
      this.attempt(d, n + 1);
    });
    this.waiting.add(cancel);
  }

  /** One attempt; resolves with what went wrong, or undefined once the receiver took the event. */
  private async post(d: Delivery, n: number): Promise<string | undefined> {
    // Checked again here: a URI stored before a restart without the allow flag is not called.
    if (!this.anyHost && !isLoopbackUri(d.uri)) {
      this.log(`webhook ${d.uri} skipped: not a loopback URI`);
      return undefined;
    }
    // The attempt's deadline runs on the emulator's clock, so tests reach it by advancing time instead of waiting.
    const timeout = new AbortController();
    const cancelTimeout = this.clock.after(this.policy.timeoutMs, () => timeout.abort());
    try {
      const signal = AbortSignal.any([this.abort.signal, timeout.signal]);
      const headers = webhookHeaders(d.body, this.clock.now(), d.secret, d.messageId);
      // redirect: 'manual', so a receiver cannot bounce the event to a host the user did not choose.
      const res = await fetch(d.uri, { method: 'POST', headers, body: d.body, signal, redirect: 'manual' });
      await res.arrayBuffer().catch(() => undefined);
      if (res.status >= 200 && res.status < 300) {
        this.log(`webhook POST ${d.uri} ${res.status}${n > 1 ? ` (attempt ${n})` : ''}`);
        return undefined;
      }
      return `answered ${res.status}`;
    } catch (e) {
      return timeout.signal.aborted
        ? `had no answer within ${this.policy.timeoutMs} ms`
        : `failed: ${String((e as Error)?.message ?? e)}`;
    } finally {
      cancelTimeout();
    }
  }
}
