import * as assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { BuildResult } from '../../../src/core/build';
import { emulatorSuite, scratchFolder } from '../jobs/runHelpers';

const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]);

/**
 * "New Batch File from Data…" on a folder of files, scripted, against the emulator: small media inline, large media
 * uploaded through the provider's Files API and referenced with `fileData`, text files as text parts.
 */
suite('build: a folder of files as data', function () {
  this.timeout(60000);
  const s = emulatorSuite(1);
  const folder = scratchFolder('folder-build');

  test('each file a line: text inline, a small image inline, a large video uploaded and named by its URI', async () => {
    const data = path.join(folder.path, 'inputs');
    await fs.mkdir(data, { recursive: true });
    await fs.writeFile(path.join(data, 'note.txt'), 'Remember the milk.');
    await fs.writeFile(path.join(data, 'pic.png'), PNG);
    await fs.writeFile(path.join(data, 'clip.mp4'), Buffer.alloc(4096, 1));
    // About 100 bytes of base64: the image goes inline, the 4 KB video is uploaded.
    await s.settings.set('build.mediaInlineMaxMB', 0.0001);
    const out = path.join(folder.path, 'inputs.batch.jsonl');
    const template = '{"request":{"contents":[{"role":"user","parts":[{"text":"Describe {{name}}."},{{part}}]}]}}';
    const result = await vscode.commands.executeCommand<BuildResult>(
      'geminiBatch.file.buildFromData',
      vscode.Uri.file(data),
      { template, key: 'file', out },
    );
    assert.equal(result?.written, 3, JSON.stringify(result?.rejected));
    const lines = (await fs.readFile(out, 'utf8'))
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { key: string; request: { contents: Array<{ parts: unknown[] }> } });
    const parts = new Map(lines.map((l) => [l.key, l.request.contents[0].parts[1] as Record<string, unknown>]));
    assert.deepEqual([...parts.keys()], ['clip.mp4', 'note.txt', 'pic.png']);
    assert.deepEqual(parts.get('note.txt'), { text: 'Remember the milk.' });
    assert.deepEqual(parts.get('pic.png'), { inlineData: { mimeType: 'image/png', data: PNG.toString('base64') } });
    const video = parts.get('clip.mp4')?.fileData as { mimeType: string; fileUri: string };
    assert.equal(video.mimeType, 'video/mp4');
    assert.ok(video.fileUri.startsWith(`${s.baseUrl}/`), `uploaded to the emulator: ${video.fileUri}`);
    const uploaded = await s.api.model.provider().then((p) => p.listFiles({ pageSize: 50 }));
    assert.ok(
      uploaded.files.some((f) => f.displayName === 'clip.mp4' && f.mimeType === 'video/mp4'),
      `the emulator holds the video: ${JSON.stringify(uploaded.files.map((f) => f.displayName))}`,
    );
  });
});
