import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Store } from '../store';
import type { FaultController } from '../faults';
import type { JobEngine } from '../jobs/jobEngine';
import type { JobSlots } from '../jobs/jobSlots';
import type { KeyedLock } from './keyedLock';
import type { EmulatorLimits } from '../contract';
import type { WebhookRegistry } from '../gemini/webhooks';
import type { PromptCount } from '../model/promptCount';

/** What every handler may use: the instance's state (there is no module-level state anywhere). */
export interface EmulatorContext {
  store: Store;
  engine: JobEngine;
  faults: FaultController;
  slots: JobSlots;
  /** Serialises the data steps of each upload session. */
  uploadLocks: KeyedLock;
  limits: EmulatorLimits;
  jobMs: number;
  /** How long a Gemini (and compat) job may stay unfinished before it expires. */
  expiryMs: number;
  /** The same for an OpenAI `/v1/` batch: its 24 h completion window unless `expirySeconds` says otherwise. */
  openaiExpiryMs: number;
  /** The registered webhooks. */
  webhooks: WebhookRegistry;
  /** Webhook URIs may name any host (EmulatorOptions.allowAnyWebhookHost); otherwise loopback only. */
  webhookAnyHost: boolean;
  now(): number;
  /** Counts a prompt as the extension's estimate does (EmulatorOptions.promptTokens, guarded); none: the rough rule. */
  count?: PromptCount;
}

/** One parsed request. */
export interface Call {
  req: IncomingMessage;
  res: ServerResponse;
  url: URL;
  /** Path segments, each percent-decoded (so `batches%2Fx` is one segment `batches/x`). */
  segments: string[];
  /** `http://host:port` as the client reached us, for URLs we hand out. */
  origin: string;
}

/** Encodes a list position as an opaque page token: the `seq` of the last item returned. */
export function pageToken(seq: number): string {
  return Buffer.from(`s${seq}`).toString('base64url');
}

export function seqFromToken(token: string | null): number {
  if (!token) {
    return Number.POSITIVE_INFINITY;
  }
  const m = /^s(\d+)$/.exec(Buffer.from(token, 'base64url').toString('utf8'));
  return m ? Number(m[1]) : Number.NaN;
}

/** Clamps a `pageSize`/`limit` query value to [1, max], with a default. */
export function pageSizeOf(raw: string | null, dflt: number, max: number): number {
  const n = raw === null ? dflt : Number(raw);
  if (!Number.isFinite(n) || n <= 0) {
    return dflt;
  }
  return Math.min(Math.floor(n), max);
}
