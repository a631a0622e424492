import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { listFiles, PackageManager } from '@vscode/vsce';

const root = join(__dirname, '../../..');
const NOTICE = 'assets/tokenizers/NOTICE.md';
/** §3.1 of https://ai.google.dev/gemma/terms asks every distribution of Gemma to carry this exact sentence. */
const GEMMA_NOTICE = 'Gemma is provided under and subject to the Gemma Terms of Use found at ai.google.dev/gemma/terms';

// The vocabularies are third-party data (Gemma Terms of Use, MIT): their notices must travel with them. vsce's own
// listFiles applies .vscodeignore exactly as `npm run package` does (`--no-dependencies` is PackageManager.None).
suite('packaging: the tokenizer vocabularies ship with their notices', () => {
  let packaged: string[] = [];
  suiteSetup(async () => {
    packaged = (await listFiles({ cwd: root, packageManager: PackageManager.None })).map((f) => f.replace(/\\/g, '/'));
  });

  test('the .vsix holds the vocabularies and assets/tokenizers/NOTICE.md', () => {
    assert.ok(packaged.includes(NOTICE), `${NOTICE} is packaged`);
    assert.ok(packaged.includes('assets/tokenizers/gemini.vocab.gz'), 'the vocabularies are packaged');
  });

  test('every packaged vocabulary file is named in a heading of the notice', () => {
    const headings = readFileSync(join(root, NOTICE), 'utf8')
      .split('\n')
      .filter((line) => line.startsWith('## '));
    const data = packaged.filter((f) => f.startsWith('assets/tokenizers/') && f !== NOTICE);
    for (const file of data) {
      const name = file.slice('assets/tokenizers/'.length);
      assert.ok(
        headings.some((h) => h.includes(name)),
        `${name} has a section in ${NOTICE}`,
      );
    }
  });

  test('the notice carries the Gemma sentence verbatim', () => {
    assert.ok(readFileSync(join(root, NOTICE), 'utf8').includes(GEMMA_NOTICE));
  });

  test('the CLI package ships the whole tokenizer folder (esbuild.js copies it), notice included', () => {
    const cli = JSON.parse(readFileSync(join(root, 'packages/cli/package.json'), 'utf8')) as { files: string[] };
    assert.ok(cli.files.includes('dist/assets/tokenizers'), 'packages/cli files list the folder, not single files');
  });
});
