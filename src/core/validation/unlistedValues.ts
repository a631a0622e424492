import type { BatchKind } from '../batchKind';
import { IssueCode } from './issueCodes';
import type { Issue } from './types';

/**
 * Values outside a schema's enum that the real service is known to run: reported as warnings, never as errors (a false
 * error is worse than a missed one). Each entry names its evidence.
 */
interface Unlisted {
  kinds: readonly BatchKind[];
  /** The path of the value, array indices as `*` (e.g. `/request/contents/*\/role`). */
  path: RegExp;
  /** The values known to run; undefined: any value of this field (the enum is only what the spec lists today). */
  values?: ReadonlySet<string>;
  hint: 'legacy-role' | 'model-dependent';
}

const UNLISTED: readonly Unlisted[] = [
  {
    // Role `function` for a functionResponse turn: the cookbook's REST notebook sends it and prints the model's answer
    // (google-gemini/cookbook quickstarts/rest/Function_calling_REST.ipynb, cells 15 and 17, commit f1e7e3de).
    // Today's docs use `user`, so it is leniency the API does not promise.
    kinds: ['gemini-generate'],
    path: /^\/request\/contents\/\d+\/role$|^\/contents\/\d+\/role$/,
    values: new Set(['function']),
    hint: 'legacy-role',
  },
  {
    // Video and image sizes and durations depend on the model, and the spec's enums trail the models: OpenAI's video
    // guide (Batch section) submits `"size": "1920x1080", "seconds": "20"` for sora-2-pro, outside the enums of the
    // spec and of the openai SDK's VideoSize / VideoSeconds (node_modules/openai/resources/videos.d.ts).
    kinds: ['openai'],
    path: /^\/body\/(size|seconds|quality)$/,
    hint: 'model-dependent',
  },
];

/** The issue as a warning when its value is one the service runs though the schema does not list it. */
export function softenUnlisted(kind: BatchKind, issue: Issue): Issue {
  if (issue.code !== IssueCode.InvalidValue || issue.params.keyword !== 'enum' || issue.path === undefined) {
    return issue;
  }
  const value = String(issue.params.value ?? '');
  for (const rule of UNLISTED) {
    if (!rule.kinds.includes(kind) || !rule.path.test(issue.path)) {
      continue;
    }
    if (rule.values !== undefined && !rule.values.has(value)) {
      continue;
    }
    return { ...issue, severity: 'warning', params: { ...issue.params, hint: rule.hint } };
  }
  return issue;
}
