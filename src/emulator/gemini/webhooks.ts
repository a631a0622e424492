import { randomBytes } from 'node:crypto';
import { promises as fsp } from 'node:fs';
import * as path from 'node:path';
import type { Call, EmulatorContext } from '../http/context';
import { HttpError, readJsonBody, sendJson } from '../http/httpUtil';
import { newId } from '../store';

/**
 * The `webhooks` resource: `POST/GET /{v}/webhooks`, `GET/DELETE /{v}/webhooks/{id}` (REST reference
 * https://ai.google.dev/static/api/webhooks.md.txt; @google/genai 3.1 `client.webhooks`, paths "/{api_version}/webhooks"
 * and "/{api_version}/webhooks/{id}" in node_modules/@google/genai/dist/node/index.cjs). Fields are snake_case there:
 * `name`, `subscribed_events`, `uri`, `state`, `create_time`, `update_time`, and `new_signing_secret` on create only.
 */

/** The batch events a webhook may subscribe to (the SDK's `WebhookSubscribedEvent`; `batch.cancelled` per its docs). */
export const BATCH_EVENTS = ['batch.succeeded', 'batch.failed', 'batch.cancelled', 'batch.expired'] as const;
const OTHER_EVENTS = [
  'interaction.requires_action',
  'interaction.completed',
  'interaction.failed',
  'interaction.cancelled',
  'video.generated',
];

export interface StoredWebhook {
  id: string;
  displayName?: string;
  events: string[];
  uri: string;
  /** `whsec_<base64>`: the Standard Webhooks secret the deliveries are signed with. */
  secret: string;
  createMs: number;
}

/**
 * Whether a URI points at this machine. The emulator sends events only there unless started with
 * `allowAnyWebhookHost`: it must never POST to a host the user did not choose, whatever a request body says.
 */
export function isLoopbackUri(uri: string): boolean {
  let host: string;
  try {
    const u = new URL(uri);
    if (u.protocol !== 'http:' && u.protocol !== 'https:') {
      return false;
    }
    host = u.hostname.replace(/^\[|\]$/g, '');
  } catch {
    return false;
  }
  return host === 'localhost' || host === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
}

/** Refuses a webhook URI the emulator will not call (400), with the way out in the message. */
export function checkWebhookUri(ctx: EmulatorContext, uri: unknown, field: string): string {
  if (typeof uri !== 'string' || !/^https?:\/\//.test(uri)) {
    throw new HttpError(400, `* ${field}: must be an http(s) URI`);
  }
  if (!ctx.webhookAnyHost && !isLoopbackUri(uri)) {
    throw new HttpError(
      400,
      `* ${field}: the emulator only calls loopback URIs (localhost, 127.0.0.1, ::1); start it with --webhook-any-host to allow ${uri}`,
    );
  }
  return uri;
}

/** The registered webhooks, kept in `<dataDir>/webhooks.json` (written whole on each change; a handful of rows). */
export class WebhookRegistry {
  private readonly rows = new Map<string, StoredWebhook>();
  private readonly file: string;
  private saving: Promise<void> = Promise.resolve();
  constructor(dataDir: string) {
    this.file = path.join(dataDir, 'webhooks.json');
  }
  async open(): Promise<void> {
    const text = await fsp.readFile(this.file, 'utf8').catch(() => '[]');
    try {
      for (const w of JSON.parse(text) as StoredWebhook[]) {
        this.rows.set(w.id, w);
      }
    } catch {
      // A damaged file: start with no webhooks rather than refuse to start.
    }
  }
  all(): StoredWebhook[] {
    return [...this.rows.values()].sort((a, b) => a.createMs - b.createMs);
  }
  get(id: string): StoredWebhook | undefined {
    return this.rows.get(id.replace(/^webhooks\//, ''));
  }
  async put(w: StoredWebhook): Promise<void> {
    this.rows.set(w.id, w);
    await this.save();
  }
  async remove(id: string): Promise<boolean> {
    const had = this.rows.delete(id.replace(/^webhooks\//, ''));
    await this.save();
    return had;
  }
  /** Saves run one after another: two at once would share the temp file and one rename would miss it. */
  private save(): Promise<void> {
    const write = async (): Promise<void> => {
      const tmp = `${this.file}.tmp`;
      await fsp.writeFile(tmp, JSON.stringify(this.all()));
      await fsp.rename(tmp, this.file);
    };
    const next = this.saving.then(write, write);
    this.saving = next.catch(() => undefined);
    return next;
  }
}

function resource(w: StoredWebhook, withSecret: boolean): Record<string, unknown> {
  const time = new Date(w.createMs).toISOString();
  return {
    name: `webhooks/${w.id}`,
    ...(w.displayName !== undefined ? { display_name: w.displayName } : {}),
    subscribed_events: w.events,
    uri: w.uri,
    state: 'enabled',
    create_time: time,
    update_time: time,
    ...(withSecret ? { new_signing_secret: w.secret } : {}),
  };
}

function findWebhook(ctx: EmulatorContext, id: string): StoredWebhook {
  const w = ctx.webhooks.get(id);
  if (!w) {
    throw new HttpError(404, `Webhook webhooks/${id.replace(/^webhooks\//, '')} not found.`);
  }
  return w;
}

export async function createWebhook(ctx: EmulatorContext, call: Call): Promise<void> {
  const body = await readJsonBody(call.req);
  const events = body.subscribed_events ?? body.subscribedEvents;
  const known = [...BATCH_EVENTS, ...OTHER_EVENTS] as string[];
  if (
    !Array.isArray(events) ||
    events.length === 0 ||
    !events.every((e) => typeof e === 'string' && known.includes(e))
  ) {
    throw new HttpError(400, `* subscribed_events: a non-empty list of ${known.join(', ')}`);
  }
  const uri = checkWebhookUri(ctx, body.uri, 'uri');
  const name = body.name;
  if (name !== undefined && typeof name !== 'string') {
    throw new HttpError(400, '* name: must be a string');
  }
  const w: StoredWebhook = {
    id: newId(12),
    displayName: name,
    events: events as string[],
    uri,
    secret: `whsec_${randomBytes(24).toString('base64')}`,
    createMs: ctx.now(),
  };
  await ctx.webhooks.put(w);
  sendJson(call.res, 200, resource(w, true));
}

export function listWebhooks(ctx: EmulatorContext, call: Call): void {
  sendJson(call.res, 200, { webhooks: ctx.webhooks.all().map((w) => resource(w, false)) });
}

export function getWebhook(ctx: EmulatorContext, call: Call, id: string): void {
  sendJson(call.res, 200, resource(findWebhook(ctx, id), false));
}

export async function deleteWebhook(ctx: EmulatorContext, call: Call, id: string): Promise<void> {
  await ctx.webhooks.remove(findWebhook(ctx, id).id);
  sendJson(call.res, 200, {});
}
