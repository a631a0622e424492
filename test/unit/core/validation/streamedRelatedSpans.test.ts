import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { validateFile, validateText, type Issue } from '../../../../src/core/validation';
import { packFirstSeen, unpackFirstSeen } from '../../../../src/core/validation/crossLineIssues';

const REQUEST = '"request":{"contents":[{"parts":[{"text":"Hi"}]}]}';

/**
 * First lines whose key value sits in different places and forms. A streamed file keeps a compact position per id
 * (the common layouts) and works the columns out for the rest as the line passes; a whole text looks the first line
 * up again when a duplicate shows up. Both must point the duplicate's related span at the same characters.
 */
const FIRST_LINES: Record<string, [line: string, id: string]> = {
  compact: [`{"key":"dup",${REQUEST}}`, 'dup'],
  'spaces around the colon (Python json.dumps)': [`{"key" : "dup", ${REQUEST}}`, 'dup'],
  'blank before the first key': [`{  "key": "dup", ${REQUEST}}`, 'dup'],
  'tab after the colon': [`{"key":\t"dup", ${REQUEST}}`, 'dup'],
  'key after the request': [`{${REQUEST},"key":"dup"}`, 'dup'],
  'escaped characters in the id': [`{"key":"d\\u0075p\\"x",${REQUEST}}`, 'dup"x'],
  'an escaped backslash right before the closing quote': [`{"key":"dup\\\\",${REQUEST}}`, 'dup\\'],
  'an escape in the id': [`{"key":"d\\u0075p",${REQUEST}}`, 'dup'],
  'the key property twice (the last one wins)': [`{"key":"x\\"y","key":"ab",${REQUEST}}`, 'ab'],
  'the key property twice, the first value shorter': [`{"key":"a","key":"bc",${REQUEST}}`, 'bc'],
  'an empty id': [`{"key":"",${REQUEST}}`, ''],
  'a non-ASCII id': [`{"key":"clé-😀",${REQUEST}}`, 'clé-😀'],
};

function relatedOf(issues: readonly Issue[]): unknown[] {
  return issues.filter((i) => i.code === 'duplicate-key').map((i) => [i.line, i.params.firstLine, i.related]);
}

suite('validation: a streamed file and a whole text give a duplicate the same related span', () => {
  let dir: string;
  suiteSetup(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gbs-related-'));
  });
  suiteTeardown(() => {
    fs.rmSync(dir, { recursive: true, force: true });
  });

  for (const [name, [first, id]] of Object.entries(FIRST_LINES)) {
    test(name, async () => {
      const lines = [first, `{"key":"other",${REQUEST}}`, `{"key":${JSON.stringify(id)},${REQUEST}}`];
      const text = `${lines.join('\n')}\n`;
      const file = path.join(dir, 'lines.jsonl');
      fs.writeFileSync(file, text);
      const fromText = validateText(text).issues;
      const fromFile = (await validateFile(file)).issues;
      assert.deepEqual(relatedOf(fromFile), relatedOf(fromText));
      assert.equal(relatedOf(fromText).length, 1, 'one duplicate');
      assert.deepEqual(fromFile, fromText);
    });
  }

  test('OpenAI custom_id: the compact position unpacks to the value with its quotes', () => {
    const line = JSON.stringify({ custom_id: 'r-1', method: 'POST', url: '/v1/chat/completions', body: {} });
    const packed = packFirstSeen(41, line, 'custom_id', 'r-1');
    assert.equal(typeof packed, 'number', 'the common layout is kept as one number');
    const at = unpackFirstSeen(packed, 'r-1');
    assert.equal(at.line, 41);
    assert.equal(line.slice(at.startCol, at.endCol), '"r-1"');
  });
});
