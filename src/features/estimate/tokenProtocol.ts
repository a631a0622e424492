import type { FileEstimate } from '../../core/estimate/fileEstimate';
import type { LineEstimate, LineOptions } from '../../core/estimate/lineEstimate';

/** Messages between the extension host and the token worker (tokenWorker.ts). */
export type WorkerRequest =
  | { id: number; op: 'lines'; lines: { index: number; text: string }[]; options: LineOptions }
  | { id: number; op: 'file'; path: string; options: LineOptions; overrides: unknown };

export type WorkerReply =
  | { id: number; estimates: (LineEstimate | null)[] }
  | { id: number; file: FileEstimate }
  | { id: number; error: string };
