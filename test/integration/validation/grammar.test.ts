import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { activateExtension } from '../helpers/extension';

/** The bits of vscode-textmate / vscode-oniguruma used here (loaded from the running VS Code, not from our deps). */
interface Token {
  startIndex: number;
  endIndex: number;
  scopes: string[];
}
interface Grammar {
  tokenizeLine(line: string, state: unknown): { tokens: Token[]; ruleStack: unknown };
}
interface TextMate {
  INITIAL: unknown;
  Registry: new (options: object) => { loadGrammar(scope: string): Promise<Grammar | null> };
  parseRawGrammar(content: string, filePath: string): unknown;
}
interface Oniguruma {
  loadWASM(data: ArrayBuffer): Promise<void>;
  OnigScanner: new (patterns: string[]) => unknown;
  OnigString: new (text: string) => unknown;
}

interface Contributes {
  grammars?: { scopeName: string; path: string; language?: string; injectTo?: string[] }[];
}

/** VS Code's own JSON Lines grammar and our injection, tokenized by the TextMate engine of the running VS Code. */
async function loadGrammar(
  extensionPath: string,
  grammar: { scopeName: string; path: string; injectTo: string[] },
): Promise<Grammar | undefined> {
  const appRoot = vscode.env.appRoot;
  const modules = path.join(appRoot, 'node_modules');
  const jsonExt = path.join(appRoot, 'extensions', 'json');
  if (!fs.existsSync(path.join(modules, 'vscode-textmate')) || !fs.existsSync(jsonExt)) {
    return undefined;
  }
  const jsonl = (
    JSON.parse(fs.readFileSync(path.join(jsonExt, 'package.json'), 'utf8')) as { contributes: Contributes }
  ).contributes.grammars?.find((g) => g.language === 'jsonl');
  assert.ok(jsonl, 'VS Code has a JSON Lines grammar');
  assert.deepEqual(
    grammar.injectTo,
    [jsonl.scopeName],
    `injectTo must name VS Code's JSON Lines scope (${jsonl.scopeName})`,
  );
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const textmate = require(path.join(modules, 'vscode-textmate')) as TextMate;
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const onig = require(path.join(modules, 'vscode-oniguruma')) as Oniguruma;
  const wasm = fs.readFileSync(path.join(modules, 'vscode-oniguruma', 'release', 'onig.wasm'));
  await onig.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength) as ArrayBuffer);
  const files: Record<string, string> = {
    [jsonl.scopeName]: path.join(jsonExt, jsonl.path),
    [grammar.scopeName]: path.join(extensionPath, grammar.path),
  };
  const registry = new textmate.Registry({
    onigLib: Promise.resolve({
      createOnigScanner: (p: string[]) => new onig.OnigScanner(p),
      createOnigString: (s: string) => new onig.OnigString(s),
    }),
    loadGrammar: async (scope: string) =>
      files[scope] ? textmate.parseRawGrammar(fs.readFileSync(files[scope], 'utf8'), files[scope]) : null,
    getInjections: (scope: string) => (scope === jsonl.scopeName ? [grammar.scopeName] : undefined),
  });
  return (await registry.loadGrammar(jsonl.scopeName)) ?? undefined;
}

suite('validation: envelope-key highlighting', () => {
  test('top-level envelope keys get their own scope; the same names nested inside a request do not', async function () {
    const ext = await activateExtension();
    const declared = (ext.packageJSON as { contributes: Contributes }).contributes.grammars?.find((g) => g.injectTo);
    assert.ok(declared?.injectTo, 'package.json contributes the injection grammar');
    const grammar = await loadGrammar(ext.extensionPath, { ...declared, injectTo: declared.injectTo });
    if (!grammar) {
      this.skip(); // a VS Code build without its TextMate modules on disk (e.g. packed in an asar archive)
    }
    const scopesOf = (line: string) => {
      const found: Record<string, string[]> = {};
      for (const t of grammar.tokenizeLine(line, undefined).tokens) {
        const text = line.slice(t.startIndex, t.endIndex);
        (found[text] ??= []).push(t.scopes[t.scopes.length - 1]);
      }
      return found;
    };
    const gemini = scopesOf('{"key": "k", "request": {"contents": [{"parts": [{"text": "x"}]}], "key": 1}}');
    assert.equal(gemini['key'][0], 'keyword.other.batch-envelope');
    assert.equal(gemini['request'][0], 'keyword.other.batch-envelope');
    assert.equal(gemini['contents'][0], 'support.type.property-name.json.lines');
    assert.notEqual(gemini['key'][1], 'keyword.other.batch-envelope', 'a nested "key" is an ordinary property');
    const openai = scopesOf(
      '{"custom_id": "a", "method": "POST", "url": "/v1/embeddings", "body": {"model": "m", "url": 1}}',
    );
    for (const key of ['custom_id', 'method', 'body']) {
      assert.equal(openai[key][0], 'keyword.other.batch-envelope', key);
    }
    assert.deepEqual(openai['url'], ['keyword.other.batch-envelope', 'support.type.property-name.json.lines']);
  });
});
