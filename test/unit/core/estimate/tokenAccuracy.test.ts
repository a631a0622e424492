import * as assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import * as path from 'node:path';
import { geminiRequestTokens, geminiRules } from '../../../../src/core/estimate/geminiRequestTokens';
import { openaiRequestTokens } from '../../../../src/core/estimate/openaiRequestTokens';
import type { RequestCount } from '../../../../src/core/estimate/requestCount';
import type { TextCounter } from '../../../../src/core/tokens/textCounter';
import { loadGeminiCounter, loadOpenAiCounter } from '../../../../src/core/tokens/tokenizerData';
import fixture from '../../../fixtures/tokens/published-counts.json';
import reference from '../../../fixtures/tokens/tokenizer-reference.json';

const ASSETS = path.join(__dirname, '../../../../assets/tokenizers');

/**
 * Gemini 2.5+ requests are also split by whether they can be sized offline: a Gemini 3 function call's thought
 * signature bills the thinking it replays, which the request does not show (src/core/estimate/geminiSignatureTokens.ts).
 * Those are reported as estimated, and again with the thinking the cassette recorded (the entry's `signatureTokens`).
 */
const GEMINI = 'gemini-2.5+';
const SIZED = 'sized offline';
const SIGNED = 'thought signatures, thinking estimated';
const RECORDED = 'thought signatures, thinking as recorded';
/**
 * A streamed 2.5 request (`streamGenerateContent`) bills the thinking its thought signatures replay, which the same
 * request does not bill on `generateContent`: every such recorded stream is under by that thinking, while 176 of 216
 * unstreamed 2.5 requests with signatures are exact without it (Mirascope's call_with_tools and
 * structured_output_with_tools, streamed and not; chatlas, llm-gemini and js-genai's AFC stream; /tmp research of
 * 2026-11-28 summarised in the fixture's `notes`). A batch line is never streamed, so the estimate keeps the
 * unstreamed rule and these requests are reported apart, with the thinking as recorded where the entry gives it.
 */
const STREAMED = 'streamed, thought signatures billed';

/**
 * Issue 10's bar, where the estimate meets it: a whole generation, or one class of it (`generation · class`).
 * `openai-chat`: 883/936 exact, mean 0.26%, on the fixture with the OpenAI recordings of Mirascope, chatlas, crewAI,
 * openinference, openllmetry and logfire taken whole (637/936 before the rules they taught: a json_schema response
 * format without tools, titled properties, multi-line descriptions, forced functions, compact call arguments, and
 * tool messages' `name`; see openaiResponseFormat.ts, openaiToolTokens.ts, openaiCallTokens.ts). Those rules were
 * found on the whole fixture, so its fit and held-out halves no longer separate what was fitted from what was not.
 * `gemini-2.5+ · sized offline` (every 2.5+ request whose count the estimate can make offline, tools and calls
 * included): 279/308 exact, mean 0.31% (fit half 140/157, held-out 139/151); see FLOORS for how it got there. On the
 * Gemini recordings checked beside the fixture (recorded-gemini-counts.json, recordedAccuracy.test.ts) the same rules
 * give 2.5 text 295/306, 2.5 tools 582/732 (80%), Gemini 3 text 62/62, tools 71/79: below 90% on 2.5 tools there.
 */
const MUST_HOLD = ['openai-chat', 'gemini-2.5+ · text', `${GEMINI} · ${SIZED}`];

/**
 * Pinned, so that a change to the rules shows: OpenAI chat by class, reasoning models, the tools of /v1/responses and
 * its function calls that can be sized offline (those with encrypted reasoning, compaction items or media are printed
 * as `· unsized` and stay in every other figure, but hold no bar), and Gemini 2.5+ by how it can be sized. Left on
 * chat: crewAI's and Mirascope's schemas with `$defs`/`$ref`, arrays of objects and `anyOf` with `format` (tools
 * 122/158); reasoning models: o3-mini's tools, and calls on gpt-5.4 (chatlas's single calls 1 under).
 */
const FLOORS: { key: string; exact: number; mean: number }[] = [
  { key: 'openai-chat · text', exact: 0.98, mean: 0.001 },
  { key: 'openai-chat · tools · held-out', exact: 0.77, mean: 0.013 },
  { key: 'openai-chat · function-calls · held-out', exact: 0.94, mean: 0.001 },
  // 79/111 → 88/111, mean 2.81% → 2.39%: the final channel of gpt-5's answers (openaiRequestTokens.ts).
  { key: 'openai-chat-reasoning', exact: 0.79, mean: 0.024 },
  // test_openai_responses_stream bills gpt-4o 255 and 278 where the rules give 39 and 62. 49/74 → 52/74: titles.
  { key: 'openai-responses · tools · held-out', exact: 0.7, mean: 0.085 },
  // 28/196 → 97/196, mean 15.38% → 2.54%: stored and parallel calls (openaiResponsesCalls.ts), titles, final channel.
  { key: 'openai-responses · function-calls · sizable', exact: 0.49, mean: 0.026 },
  // 212/225, mean 1.46% (203/225, 1.64% before the final channel).
  { key: 'openai-responses · text', exact: 0.94, mean: 0.015 },
  // Issue 10's 90% (MUST_HOLD) since a declared result became a block of its own on 2.5 (279/308, mean 0.31%;
  // 276/308 and 0.42% before, geminiToolRules.ts `responseBlock`, taught by google/adk-go's recordings; 275/308 and
  // 0.48% before type unions, geminiTypeUnion.ts; 274/308 and 0.61% before 2.5's optional
  // properties, `default` and the parameters' own description, geminiToolRules.ts; 258/308 and 0.70% before a 2.5
  // declaration's name was billed before `(` and a Gemini 3 declaration's properties once; 252/308 before a declaration's described
  // property cost 1 less on 2.5 Flash, geminiToolTokens.ts; 249/308 and 0.78% before the rules for 2.5
  // descriptions and titles in geminiSchemaView.ts). Measured 2026-11-28 once the fixture took whole
  // the Gemini recordings of Mirascope, chatlas, crewAI, llm-gemini and openinference (78%, 239/308, mean 1.50% with
  // the rules before them; 82%, 99/121, mean 2.61% on the old fixture). They showed that property titles are not
  // billed on 2.5, nor `pattern`, and that streamed 2.5 requests bill their thought signatures (reported apart).
  // Left: nested objects, recursion, strict-incompatible keywords, enums, a long markdown description, and a run of
  // requests 1 over whose cause differs between interactions of one recording (geminiToolTokens.ts).
  { key: `${GEMINI} · ${SIZED}`, exact: 0.9, mean: 0.0032 },
  // The rules apart from the thinking a thought signature replays, which no request shows (geminiSignatureTokens.ts).
  { key: `${GEMINI} · ${RECORDED}`, exact: 0.86, mean: 0.008 },
  // That thinking guessed from the signature's length: never exact, close on the whole (held-out mean 4.19% with the
  // new sources, 3.95% before).
  { key: `${GEMINI} · ${SIGNED} · held-out`, exact: 0, mean: 0.043 },
  // The Gemini 3 declaration rule: 21/21 (18/21 when each property cost 3: the declarations with two properties,
  // Mirascope's test_strict_mode_with_tools and llm-gemini's test_tools_with_gemini_3_thought_signatures, 3 over).
  { key: 'gemini-2.5+ · tools · gemini-3', exact: 1, mean: 0 },
  // Gemini 2.0 bills tools and calls as their texts alone (gemini20ToolTokens.ts): tools 0/30 → 6/30, mean 94% →
  // 10%; function calls 0/28 → 9/28, mean 99% → 7.9% (with the 2.5 rendering before).
  { key: 'gemini-2.0 · tools · held-out', exact: 0.2, mean: 0.076 },
  { key: 'gemini-2.0 · function-calls · held-out', exact: 0.15, mean: 0.089 },
];

interface Entry {
  provider: string;
  generation: string;
  class: string;
  model: string;
  count: number;
  request?: Record<string, unknown>;
  url?: string;
  body?: Record<string, unknown>;
  source: string;
  /** Gemini 3: the thinking its thought signatures bill, as the cassette recorded it (geminiSignatureTokens.ts). */
  signatureTokens?: number;
  /** Sent to `streamGenerateContent`. */
  streamed?: boolean;
}

function hasThoughtSignature(request: Record<string, unknown> | undefined): boolean {
  const contents = request?.contents;
  return (
    Array.isArray(contents) &&
    contents.some(
      (content: { parts?: unknown }) =>
        Array.isArray(content?.parts) &&
        content.parts.some((part: Record<string, unknown>) => part?.thoughtSignature ?? part?.thought_signature),
    )
  );
}

/**
 * The half an entry fell in when the tool and function-call rules were fitted (src/core/estimate/geminiToolTokens.ts):
 * sha-256 of its source, even is `fit`, odd is `held-out`. Entries of one recorded test can land in both halves.
 */
function half(entry: Entry): 'fit' | 'held-out' {
  const last = createHash('sha256').update(entry.source).digest('hex').slice(-1);
  return parseInt(last, 16) % 2 === 0 ? 'fit' : 'held-out';
}

interface Figures {
  n: number;
  exact: number;
  /** Mean of |estimate − count| / count. */
  mean: number;
  /** Largest |estimate − count| / count. */
  max: number;
}

function figures(pairs: { got: number; want: number }[]): Figures {
  const errors = pairs.map(({ got, want }) => Math.abs(got - want) / want);
  return {
    n: pairs.length,
    exact: pairs.filter(({ got, want }) => got === want).length,
    mean: errors.reduce((a, b) => a + b, 0) / Math.max(1, errors.length),
    max: Math.max(0, ...errors),
  };
}

function line(label: string, f: Figures): string {
  const share = ((100 * f.exact) / f.n).toFixed(0);
  return `    ${label.padEnd(36)} ${String(f.exact).padStart(3)}/${String(f.n).padEnd(3)} exact (${share.padStart(3)}%), mean error ${(100 * f.mean).toFixed(2)}%, max ${(100 * f.max).toFixed(1)}%`;
}

/**
 * The offline estimate against counts the APIs returned, as published (test/fixtures/tokens/published-counts.json,
 * each entry with its source; what could not be rebuilt exactly is listed there under `excluded`). Prints, per
 * generation and per class of request (plain text, tool declarations, function calls), the share of exact counts and
 * the mean and max error, and holds issue 10's bar (≥ 90% exact, mean error ≤ 2%) where the estimate meets it.
 */
suite('tokens: accuracy on published counts', function () {
  this.timeout(60_000);
  let gemini: TextCounter;
  let openai: TextCounter;
  const byGeneration = new Map<string, { got: number; want: number }[]>();
  const byClass = new Map<string, { got: number; want: number }[]>();
  const byHalf = new Map<string, { got: number; want: number }[]>();
  const bySizing = new Map<string, { got: number; want: number }[]>();
  /** Sources of entries flagged approximate without a recorded signature figure, or the reverse. */
  const signatureMismatch: string[] = [];
  function add(map: Map<string, { got: number; want: number }[]>, key: string, pair: { got: number; want: number }) {
    map.set(key, [...(map.get(key) ?? []), pair]);
  }
  suiteSetup(async () => {
    gemini = await loadGeminiCounter(ASSETS);
    openai = await loadOpenAiCounter(ASSETS);
    for (const entry of fixture.entries as Entry[]) {
      const count = estimate(entry);
      const pair = { got: count.tokens, want: entry.count };
      const halfKey = `${entry.generation} · ${entry.class} · ${half(entry)}`;
      const modelKey = `${entry.generation} · ${entry.class} · ${entry.model.replace(/-(flash|pro).*$/, '')}`;
      for (const [map, key] of [
        [byGeneration, entry.generation],
        [byClass, `${entry.generation} · ${entry.class}`],
        [byHalf, halfKey],
        [byHalf, modelKey],
      ] as const) {
        add(map, key, pair);
      }
      // A request whose estimate holds a fitted guess (a Gemini 3 thought signature bills thinking the request does
      // not show) is reported apart from those that can be sized offline, then again with the thinking it recorded.
      const approximate = count.approximateTokens !== undefined;
      const streamedSigned = !approximate && entry.streamed === true && hasThoughtSignature(entry.request);
      const sized = !approximate && !streamedSigned;
      // OpenAI: items the client cannot see (encrypted reasoning, compaction) or media (openaiResponsesInput.ts).
      if (entry.provider === 'openai') {
        const sizable = (count.unsizedItems ?? 0) === 0 && count.unknownMedia === 0;
        add(bySizing, `${entry.generation} · ${entry.class} · ${sizable ? 'sizable' : 'unsized'}`, pair);
      }
      if (entry.generation === GEMINI) {
        let sizing = sized ? SIZED : SIGNED;
        if (streamedSigned) {
          sizing = STREAMED;
        }
        add(bySizing, `${GEMINI} · ${sizing} · ${half(entry)}`, pair);
        add(bySizing, `${GEMINI} · ${sizing}`, pair);
      }
      if (approximate || (streamedSigned && entry.signatureTokens !== undefined)) {
        const got = count.tokens - (count.approximateTokens ?? 0) + (entry.signatureTokens ?? NaN);
        add(bySizing, `${GEMINI} · ${RECORDED}`, { got, want: entry.count });
      }
      if ((approximate && entry.signatureTokens === undefined) || (sized && entry.signatureTokens !== undefined)) {
        signatureMismatch.push(entry.source);
      }
    }
  });

  function estimate(entry: Entry): RequestCount & { unsizedItems?: number } {
    if (entry.provider === 'openai') {
      return openaiRequestTokens(entry.url ?? '', entry.body ?? {}, openai);
    }
    return geminiRequestTokens(entry.request ?? {}, gemini, geminiRules(entry.model));
  }

  function held(key: string, map: Map<string, { got: number; want: number }[]>): Figures {
    const pairs = map.get(key);
    assert.ok(pairs && pairs.length >= 10, `${key}: too few published counts (${pairs?.length ?? 0})`);
    return figures(pairs);
  }

  test('per generation and class: share exact, mean and max error', () => {
    for (const [key, pairs] of [...byGeneration].sort()) {
      console.log(line(key, figures(pairs)));
    }
    console.log('    by class:');
    for (const [key, pairs] of [...byClass].sort()) {
      console.log(line(key, figures(pairs)));
    }
    console.log('    tools and function calls, fit and held-out halves, per model line:');
    for (const [key, pairs] of [...byHalf].sort()) {
      if (!key.includes(' · text')) {
        console.log(line(key, figures(pairs)));
      }
    }
    console.log('    sized offline, and with thought signatures (thinking estimated, then as recorded):');
    for (const [key, pairs] of [...bySizing].sort()) {
      console.log(line(key, figures(pairs)));
    }
    assert.ok(byGeneration.has('gemini-2.5+') && byGeneration.has('openai-chat'));
  });

  function pairsOf(key: string): Map<string, { got: number; want: number }[]> {
    return [byGeneration, byClass, byHalf, bySizing].find((map) => map.has(key)) ?? byClass;
  }

  // Issue 10's must-hold, for the requests where the counting rules are known.
  for (const key of MUST_HOLD) {
    test(`${key}: ≥ 90% exact and mean error ≤ 2%`, () => {
      const f = held(key, pairsOf(key));
      assert.ok(f.exact / f.n >= 0.9, line(key, f));
      assert.ok(f.mean <= 0.02, line(key, f));
    });
  }

  for (const { key, exact, mean } of FLOORS) {
    test(`${key}: ≥ ${Math.round(100 * exact)}% exact and mean error ≤ ${(100 * mean).toFixed(1)}%`, () => {
      const pairs = pairsOf(key).get(key) ?? [];
      assert.ok(pairs.length >= 9, `${key}: too few published counts (${pairs.length})`);
      const f = figures(pairs);
      assert.ok(f.exact / f.n >= exact, line(key, f));
      assert.ok(f.mean <= mean, line(key, f));
    });
  }

  test('the estimate marks as approximate exactly the requests whose thought signatures bill recorded thinking', () => {
    assert.deepEqual(signatureMismatch, []);
    assert.ok((bySizing.get(`${GEMINI} · ${RECORDED}`)?.length ?? 0) >= 60);
  });

  test('the per-Content overhead (a Content with a role) is what separates 2.5+ from 2.0', () => {
    const request = {
      contents: [{ role: 'user', parts: [{ text: 'Why is the sky blue?' }] }],
      systemInstruction: { role: 'user', parts: [{ text: 'Be brief.' }] },
    };
    const old = geminiRequestTokens(request, gemini, geminiRules('gemini-2.0-flash')).tokens;
    assert.equal(geminiRequestTokens(request, gemini, geminiRules('gemini-2.5-flash')).tokens, old + 2);
    // Without a role (REST requests, Batch API files written by hand) a Content bills nothing more.
    const roleless = { contents: [{ parts: [{ text: 'Why is the sky blue?' }] }] };
    const flash = geminiRequestTokens(roleless, gemini, geminiRules('gemini-2.5-flash')).tokens;
    assert.equal(flash, geminiRequestTokens(roleless, gemini, geminiRules('gemini-2.0-flash')).tokens);
  });
});

suite('tokens: the offline counters match the published tokenizers', function () {
  this.timeout(60_000);
  test('every reference text (spaces, tabs, newlines, scripts, emoji, base64) counts exactly', async () => {
    const gemini = await loadGeminiCounter(ASSETS);
    const openai = await loadOpenAiCounter(ASSETS);
    for (const entry of reference.entries) {
      assert.equal(gemini.count(entry.text), entry.gemini, `gemini: ${JSON.stringify(entry.text)}`);
      assert.equal(openai.count(entry.text), entry.o200k, `o200k: ${JSON.stringify(entry.text)}`);
    }
  });
});
