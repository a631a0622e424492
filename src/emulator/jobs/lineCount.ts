import { isObj } from '../http/bodyFields';
import { parseObject } from './jobInput';
import type { PromptCount } from '../model/promptCount';
import type { JobRecord } from '../contract';

/**
 * The input tokens of one batch line as the extension's estimate counts it, for `runLine` to report: the request is
 * picked out of the line exactly as lineExec.ts picks the one it runs, and counted for the job's model (the model
 * the estimate is asked to price at when the user submits). Undefined when the line holds no request to count (it
 * then fails on its own in runLine) or the count failed.
 */
export async function lineTokens(job: JobRecord, text: string, count: PromptCount): Promise<number | undefined> {
  const obj = parseObject(text);
  if (!obj) {
    return undefined;
  }
  if (job.kind === 'openai') {
    // The job's endpoint, not the line's `url`: the emulator runs every line at the job's endpoint.
    return isObj(obj.body)
      ? count({ url: job.endpoint ?? '/v1/chat/completions', body: obj.body }, undefined)
      : undefined;
  }
  const wrapped = 'request' in obj || 'key' in obj || job.inline;
  const request = wrapped ? obj.request : obj;
  return isObj(request) ? count({ request }, job.model.replace(/^models\//, '')) : undefined;
}
