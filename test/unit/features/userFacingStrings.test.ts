import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

const root = join(__dirname, '../../..');

/** The editor layer: where text reaches the user through the VS Code API (the core returns data and codes). */
function editorSources(): string[] {
  const walk = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
      const full = join(dir, entry.name);
      if (entry.isDirectory()) {
        return walk(full);
      }
      return entry.name.endsWith('.ts') ? [full] : [];
    });
  return [...walk(join(root, 'src/features')), ...walk(join(root, 'src/adapters')), join(root, 'src/extension.ts')];
}

/** The code without comments (block comments and whole-line `//` comments), so prose about a call is not a call. */
function code(file: string): string {
  return readFileSync(file, 'utf8')
    .replace(/\/\*[\s\S]*?\*\//g, (comment) => comment.replace(/[^\n]/g, ' '))
    .replace(/^\s*\/\/.*$/gm, '');
}

/** A string literal ('…', "…" or `…`) as it starts a user-facing slot. */
const LITERAL = String.raw`('(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*"|\`(?:[^\`\\]|\\.)*\`)`;

/**
 * The slots whose text the user reads, each followed directly by a literal. A simple heuristic, not a parser: it
 * catches the usual ways a raw English string reaches the screen, and misses text built elsewhere and passed in.
 * Left out on purpose: `label:`/`description:` (also used for data such as model ids and format names) and
 * `new vscode.Diagnostic` (its text is the core's message table, shared with the CLI).
 */
const SLOTS: { what: string; pattern: RegExp }[] = [
  { what: 'a message', pattern: new RegExp(String.raw`show(?:Information|Warning|Error)Message\(\s*${LITERAL}`, 'g') },
  {
    what: 'a title, placeholder, prompt, tooltip, detail or open label',
    pattern: new RegExp(
      String.raw`\b(?:title|placeHolder|placeholder|prompt|tooltip|detail|openLabel)\s*:\s*${LITERAL}`,
      'g',
    ),
  },
  {
    what: 'a property set on a quick pick, input box, status bar item or tree item',
    pattern: new RegExp(String.raw`\.(?:title|placeholder|prompt|tooltip|text|name|description)\s*=\s*${LITERAL}`, 'g'),
  },
  {
    what: 'a tree item, code action or error shown to the user',
    pattern: new RegExp(String.raw`new (?:vscode\.)?(?:TreeItem|CodeAction|UserFacingError)\(\s*${LITERAL}`, 'g'),
  },
  { what: 'a progress title', pattern: new RegExp(String.raw`withCancellableProgress\(\s*${LITERAL}`, 'g') },
  {
    what: 'a button label compared after the click',
    pattern: new RegExp(String.raw`(?:===|!==)\s*('[A-Z][a-z]+(?: [A-Za-z]+)*…?'|"[A-Z][a-z]+(?: [A-Za-z]+)*…?")`, 'g'),
  },
];

/**
 * Words in a literal: what is left once `${…}` expressions and `$(icon)` codicons are removed. A literal of only
 * codicons and localized pieces (`$(sync~spin) ${vscode.l10n.t('…')}`) has none.
 */
function hasWords(literal: string): boolean {
  const text = literal.slice(1, -1);
  let body = '';
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    if (depth === 0 && text.startsWith('${', i)) {
      depth = 1;
      i++;
    } else if (depth === 0) {
      body += text[i];
    } else if (text[i] === '{') {
      depth++;
    } else if (text[i] === '}') {
      depth--;
    }
  }
  return /[A-Za-z]{2}/.test(body.replace(/\$\([\w~-]+\)/g, ''));
}

/** Every raw literal in a user-facing slot of `text`, as "file:line: what: literal". */
export function rawUserFacingLiterals(text: string, file: string): string[] {
  const found: string[] = [];
  for (const { what, pattern } of SLOTS) {
    for (const match of text.matchAll(pattern)) {
      if (hasWords(match[1])) {
        const line = text.slice(0, match.index).split('\n').length;
        found.push(`${file}:${line}: ${what}: ${match[1]}`);
      }
    }
  }
  return found;
}

suite('l10n: user-facing text goes through vscode.l10n.t', () => {
  test('no raw string literal in a user-facing slot of src/features, src/adapters or src/extension.ts', () => {
    const found = editorSources().flatMap((file) => rawUserFacingLiterals(code(file), relative(root, file)));
    assert.deepEqual(found, [], `wrap these in vscode.l10n.t('…', args):\n${found.join('\n')}`);
  });

  test('the heuristic flags what it is meant to flag, and lets localized text and codicons through', () => {
    const flagged = [
      "vscode.window.showInformationMessage('Done.')",
      'vscode.window.showErrorMessage(`Could not read ${name}.`)',
      "showQuickPick(items, { placeHolder: 'Which job?' })",
      "item.tooltip = 'Click to retry.'",
      "new vscode.TreeItem('Last refresh failed', none)",
      "throw new UserFacingError('Open a folder first.')",
      'withCancellableProgress(`Splitting ${name}`, words, work)',
      "if (choice === 'Show Logs') {",
    ];
    for (const text of flagged) {
      assert.equal(rawUserFacingLiterals(text, 'x.ts').length, 1, text);
    }
    const clean = [
      "vscode.window.showInformationMessage(vscode.l10n.t('Done.'))",
      "{ title: `$(cloud-upload) ${vscode.l10n.t('Submit Batch Job')}` }",
      'item.text = `$(checklist) ${info.kind}`',
      'vscode.window.showErrorMessage(message, button)',
      "if (job.state === 'succeeded') {",
    ];
    for (const text of clean) {
      assert.deepEqual(rawUserFacingLiterals(text, 'x.ts'), [], text);
    }
  });
});
