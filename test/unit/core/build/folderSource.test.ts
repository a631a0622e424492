import * as assert from 'node:assert/strict';
import { promises as fsp } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { buildFile, type BuildOptions } from '../../../../src/core/build';
import { listFolder } from '../../../../src/core/build/folderSource';
import { mediaTypeOf } from '../../../../src/core/build/mediaTypes';
import { runCli } from '../../cli/runCli';

const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]);
const DESCRIBE = '{"request":{"contents":[{"role":"user","parts":[{"text":"Describe {{file}}"},{{part}}]}]}}';

/** A data folder: text, an image, a PDF in a subfolder, a "large" video, an unsupported file and hidden ones. */
async function dataFolder(): Promise<{ root: string; dir: string }> {
  const root = await fsp.mkdtemp(path.join(os.tmpdir(), 'folder-source-'));
  const dir = path.join(root, 'inputs');
  await fsp.mkdir(path.join(dir, 'sub'), { recursive: true });
  await fsp.mkdir(path.join(dir, '.git'));
  await fsp.writeFile(path.join(dir, 'a.txt'), 'hello "world"\n');
  await fsp.writeFile(path.join(dir, 'img.PNG'), PNG);
  await fsp.writeFile(path.join(dir, 'sub', 'doc.pdf'), '%PDF-1.4 tiny');
  await fsp.writeFile(path.join(dir, 'big.mp4'), Buffer.alloc(200, 7));
  await fsp.writeFile(path.join(dir, 'tool.exe'), 'MZ');
  await fsp.writeFile(path.join(dir, '.DS_Store'), 'x');
  await fsp.writeFile(path.join(dir, '.git', 'HEAD'), 'ref');
  return { root, dir };
}

async function lines(
  file: string,
): Promise<Array<{ key: string; request: { contents: Array<{ parts: unknown[] }> } }>> {
  return (await fsp.readFile(file, 'utf8'))
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l));
}

suite('folderSource: a folder of files as data rows', () => {
  let root: string;
  let dir: string;
  setup(async () => {
    ({ root, dir } = await dataFolder());
  });
  teardown(() => fsp.rm(root, { recursive: true, force: true }));

  const options = (extra: Partial<BuildOptions>): BuildOptions => ({
    template: DESCRIBE,
    data: dir,
    format: 'folder',
    keys: { column: 'file' },
    kind: 'auto',
    folder: { inlineMaxBytes: 100 },
    ...extra,
  });

  test('lists files sorted by path with /, hidden ones left out; types by extension', async () => {
    assert.deepEqual(await listFolder(dir), ['a.txt', 'big.mp4', 'img.PNG', 'sub/doc.pdf', 'tool.exe']);
    assert.deepEqual(mediaTypeOf('x.JPG'), { mimeType: 'image/jpeg', text: false });
    assert.deepEqual(mediaTypeOf('notes.md'), { mimeType: 'text/md', text: true });
    assert.equal(mediaTypeOf('tool.exe'), undefined);
  });

  test('{{part}}: text as a text part, small media inline, large media uploaded once as fileData', async () => {
    const out = path.join(root, 'out.jsonl');
    const uploads: string[] = [];
    const upload = async (file: string, mimeType: string) => {
      uploads.push(`${path.basename(file)} ${mimeType}`);
      return `https://generativelanguage.googleapis.com/v1beta/files/f${uploads.length}`;
    };
    const result = await buildFile(options({ folder: { inlineMaxBytes: 100, upload } }), out);
    assert.equal(result.written, 4);
    assert.deepEqual(
      result.rejected.map((r) => [r.row, r.problem]),
      [[5, { code: 'unsupported-file', file: 'tool.exe' }]],
    );
    assert.deepEqual(uploads, ['big.mp4 video/mp4']);
    const byKey = new Map((await lines(out)).map((l) => [l.key, l.request.contents[0].parts]));
    assert.deepEqual([...byKey.keys()], ['a.txt', 'big.mp4', 'img.PNG', 'sub/doc.pdf']);
    assert.deepEqual(byKey.get('a.txt'), [{ text: 'Describe a.txt' }, { text: 'hello "world"\n' }]);
    assert.deepEqual(byKey.get('img.PNG')?.[1], {
      inlineData: { mimeType: 'image/png', data: PNG.toString('base64') },
    });
    assert.deepEqual(byKey.get('big.mp4')?.[1], {
      fileData: { mimeType: 'video/mp4', fileUri: 'https://generativelanguage.googleapis.com/v1beta/files/f1' },
    });
    assert.equal(
      (byKey.get('sub/doc.pdf')?.[1] as { inlineData: { mimeType: string } }).inlineData.mimeType,
      'application/pdf',
    );
  });

  test('only the columns the template uses are computed: {{file}} alone reads and uploads nothing', async () => {
    const out = path.join(root, 'names.jsonl');
    let uploads = 0;
    const upload = async () => {
      uploads++;
      return 'https://example.invalid/files/x';
    };
    const template = '{"request":{"contents":[{"parts":[{"text":"{{name}} ({{mime_type}}, {{size_bytes}} bytes)"}]}]}}';
    const result = await buildFile(options({ template, folder: { inlineMaxBytes: 100, upload } }), out);
    assert.equal(result.written, 4);
    assert.equal(uploads, 0);
    assert.match(await fsp.readFile(out, 'utf8'), /img\.PNG \(image\/png, 11 bytes\)/);
  });

  test('without an uploader a large file wanted as a part is left out; {{data_url}} for OpenAI image lines', async () => {
    const out = path.join(root, 'noupload.jsonl');
    const result = await buildFile(options({}), out);
    assert.deepEqual(
      result.rejected.map((r) => r.problem.code),
      ['too-large-inline', 'unsupported-file'],
    );
    const openai =
      '{"method":"POST","url":"/v1/chat/completions","body":{"model":"gpt-4o-mini","messages":[{"role":"user","content":[{"type":"image_url","image_url":{"url":"{{data_url}}"}}]}]}}';
    const images = path.join(root, 'images.jsonl');
    const built = await buildFile(options({ template: openai, keys: 'row-number' }), images);
    const img = (await fsp.readFile(images, 'utf8')).split('\n').find((l) => l.includes('image/png'));
    assert.ok(img?.includes(`data:image/png;base64,${PNG.toString('base64')}`), img);
    assert.equal(built.kind, 'openai');
  });

  test('CLI: build --data FOLDER writes FOLDER.batch.jsonl beside it and lists what it left out', async () => {
    const template = path.join(root, 't.json');
    await fsp.writeFile(template, DESCRIBE);
    const { code, out, err } = await runCli(
      'build',
      '--template',
      template,
      '--data',
      `${dir}/`,
      '--key',
      'file',
      '--inline-max-mb',
      '0.0001',
    );
    assert.equal(code, 1, err);
    assert.equal(out.trim(), path.join(root, 'inputs.batch.jsonl'));
    assert.match(err, /row 2: big\.mp4 is too large to go inline/);
    assert.match(err, /row 5: tool\.exe is not a type Gemini reads/);
    assert.deepEqual(
      (await lines(out.trim())).map((l) => l.key),
      ['a.txt', 'img.PNG', 'sub/doc.pdf'],
    );
  });
});
