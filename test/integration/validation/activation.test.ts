import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateExtension } from '../helpers/extension';

suite('activation', () => {
  test('the extension activates in the real extension host', async () => {
    const ext = await activateExtension();
    assert.equal(ext.isActive, true);
    assert.match(vscode.version, /^1\.\d+\.\d+/);
  });
});
