import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { messageFor, validateLine } from '../../../../src/core/validation';
import type { BatchKind } from '../../../../src/core/batchKind';
import { fixAllInLine } from '../../../../src/features/validation/fixAllEdits';

/** Valid lines whose enum values are the only strings written in capitals, and whose lists of one can be unwrapped. */
const BASES: readonly [BatchKind, unknown][] = [
  [
    'gemini-generate',
    {
      key: 'a',
      request: {
        contents: [{ role: 'user', parts: [{ text: 'Hello there' }] }],
        systemInstruction: { parts: [{ text: 'be brief' }] },
        safetySettings: [{ category: 'HARM_CATEGORY_HATE_SPEECH', threshold: 'BLOCK_ONLY_HIGH' }],
        tools: [{ codeExecution: {} }],
        toolConfig: { functionCallingConfig: { mode: 'ANY', allowedFunctionNames: ['lookup'] } },
        generationConfig: {
          responseModalities: ['TEXT'],
          stopSequences: ['stop here'],
          mediaResolution: 'MEDIA_RESOLUTION_LOW',
          thinkingConfig: { thinkingLevel: 'LOW' },
        },
      },
    },
  ],
  [
    'gemini-generate',
    {
      key: 'b',
      request: {
        contents: [{ parts: [{ text: 'q' }, { inlineData: { mimeType: 'image/png', data: 'aGk=' } }] }],
        safety_settings: [{ category: 'HARM_CATEGORY_DANGEROUS_CONTENT', threshold: 'OFF' }],
        generation_config: { response_modalities: ['TEXT', 'IMAGE'], thinking_config: { thinking_level: 'HIGH' } },
      },
    },
  ],
  [
    'gemini-embed',
    {
      key: 'e',
      request: { content: { parts: [{ text: 'x' }] }, taskType: 'RETRIEVAL_QUERY', output_dimensionality: 8 },
    },
  ],
];

const ENUM_LIKE = /^[A-Z][A-Z_]+$/;

/**
 * The base with some enum values in another case and some lists of one written as their single item, driven by a
 * stream of random choices (`pick(i)` says whether to change the i-th place met). Keys and `key` are left alone.
 */
function mutate(value: unknown, pick: () => boolean, caseOf: (s: string) => string, inRequest = false): unknown {
  if (typeof value === 'string') {
    return inRequest && ENUM_LIKE.test(value) && pick() ? caseOf(value) : value;
  }
  if (Array.isArray(value)) {
    const items = value.map((v) => mutate(v, pick, caseOf, inRequest));
    return inRequest && items.length === 1 && pick() ? items[0] : items;
  }
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [k, mutate(v, pick, caseOf, inRequest || k === 'request')]),
    );
  }
  return value;
}

const lineArb = fc
  .record({
    base: fc.integer({ min: 0, max: BASES.length - 1 }),
    picks: fc.array(fc.boolean(), { minLength: 1, maxLength: 40 }),
    cases: fc.array(fc.boolean(), { minLength: 1, maxLength: 12 }),
    spaced: fc.boolean(),
  })
  .map(({ base, picks, cases, spaced }) => {
    let i = 0;
    const pick = (): boolean => picks[i++ % picks.length];
    // A case pattern that always changes the value: the first letter is lower-cased, the rest follow the pattern.
    const caseOf = (s: string): string =>
      [...s].map((c, j) => (j === 0 || cases[j % cases.length] ? c.toLowerCase() : c)).join('');
    const [kind, value] = BASES[base];
    return { kind, line: JSON.stringify(mutate(value, pick, caseOf), null, spaced ? 1 : undefined).replace(/\n/g, '') };
  });

suite('validation: lenient forms are never errors (property)', () => {
  test('the bases are valid lines', () => {
    for (const [kind, value] of BASES) {
      assert.deepEqual(validateLine(kind, JSON.stringify(value), 0), []);
    }
  });

  test('enum values in another case and unwrapped lists of one give warnings, never an error', () => {
    fc.assert(
      fc.property(lineArb, ({ kind, line }) => {
        const issues = validateLine(kind, line, 0);
        const errors = issues.filter((i) => i.severity === 'error');
        assert.deepEqual(errors.map(messageFor), [], line);
        for (const issue of issues) {
          assert.ok(['enum-case', 'single-value'].includes(issue.code), `${issue.code} on ${line}`);
          assert.ok(issue.startCol >= 0 && issue.endCol <= line.length && issue.startCol < issue.endCol);
        }
      }),
      { numRuns: 300 },
    );
  });

  test('fixing all of each kind gives back a clean line', () => {
    fc.assert(
      fc.property(lineArb, ({ kind, line }) => {
        let current = line;
        for (const code of ['single-value', 'enum-case']) {
          const fix = fixAllInLine(
            current,
            validateLine(kind, current, 0).filter((i) => i.code === code),
          );
          if (fix) {
            current = current.slice(0, fix.startCol) + fix.newText + current.slice(fix.endCol);
          }
        }
        assert.deepEqual(validateLine(kind, current, 0).map(messageFor), [], `${line}\n→ ${current}`);
      }),
      { numRuns: 200 },
    );
  });
});
