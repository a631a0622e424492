import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { droppedOverrideText, readOverrides } from '../../../../src/core/pricing/priceOverrides';

suite('pricing: the overrides setting', () => {
  test('a partial entry with a typo is dropped, and the report names the model and the fields', () => {
    const { prices, dropped } = readOverrides({
      'gemini-2.5-flash': { batchInput: 1.0, batchOuput: 5 },
      'gemini-2.5-pro': { input: 2, output: 9 },
    });
    assert.deepEqual([...prices.keys()], ['gemini-2.5-pro']);
    assert.deepEqual(dropped, [
      { model: 'gemini-2.5-flash', missing: ['input', 'output'], unknown: ['batchOuput'], invalid: [] },
    ]);
    assert.equal(
      droppedOverrideText(dropped[0]),
      '"gemini-2.5-flash": missing input, output; unknown field batchOuput',
    );
  });

  test('a misspelt optional price drops the entry rather than half-applying it', () => {
    const { prices, dropped } = readOverrides({ 'gpt-4o': { input: 1, output: 2, batchOuput: 0.2 } });
    assert.equal(prices.size, 0);
    assert.equal(droppedOverrideText(dropped[0]), '"gpt-4o": unknown field batchOuput');
  });

  test('bad values and non-objects are reported; a well-formed entry keeps every field', () => {
    const { prices, dropped } = readOverrides({
      a: { input: -1, output: 2 },
      b: { input: 1, output: 2, cachedInput: '0.1' },
      c: 3,
      d: { input: 1, output: 2, cachedInput: 0.1, batchInput: 0.4, batchOutput: 0.8 },
    });
    assert.deepEqual(prices.get('d'), { input: 1, output: 2, cachedInput: 0.1, batchInput: 0.4, batchOutput: 0.8 });
    assert.deepEqual(dropped.map(droppedOverrideText), [
      '"a": missing input',
      '"b": not a number ≥ 0: cachedInput',
      '"c": not an object like {"input": 0.3, "output": 2.5}',
    ]);
    assert.deepEqual(readOverrides(undefined), { prices: new Map(), dropped: [] });
  });

  test("package.json's schema lists the fields the parser reads, the same required ones, and no others", () => {
    const pkg = JSON.parse(readFileSync(join(__dirname, '../../../../package.json'), 'utf8')) as {
      contributes: {
        configuration: { properties: Record<string, unknown> }[] | { properties: Record<string, unknown> };
      };
    };
    const sections = [pkg.contributes.configuration].flat();
    const setting = sections.map((s) => s.properties['geminiBatch.pricing.overrides']).find(Boolean) as {
      additionalProperties: {
        properties: Record<string, { minimum: number }>;
        required: string[];
        additionalProperties: boolean;
      };
    };
    const entry = setting.additionalProperties;
    assert.equal(entry.additionalProperties, false);
    assert.deepEqual(entry.required, ['input', 'output']);
    const full = Object.fromEntries(Object.keys(entry.properties).map((k) => [k, 1]));
    assert.deepEqual(readOverrides({ m: full }).dropped, [], 'every schema field is one the parser knows');
    assert.ok(Object.values(entry.properties).every((p) => p.minimum === 0));
  });
});
