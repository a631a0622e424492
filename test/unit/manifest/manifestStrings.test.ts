import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(__dirname, '../../..');
const read = (file: string): unknown => JSON.parse(readFileSync(join(root, file), 'utf8'));

type Json = Record<string, unknown>;
const list = (value: unknown): Json[] => (Array.isArray(value) ? (value as Json[]) : []);

/** Every manifest string VS Code shows, with where it is: what package.nls.json must carry as a `%key%`. */
function shownStrings(manifest: Json): [string, unknown][] {
  const c = manifest.contributes as Json;
  const shown: [string, unknown][] = [];
  for (const cmd of list(c.commands)) {
    shown.push(
      [`command ${String(cmd.command)} title`, cmd.title],
      [`command ${String(cmd.command)} category`, cmd.category],
    );
  }
  const configuration = c.configuration as Json;
  shown.push(['configuration title', configuration.title]);
  for (const [id, setting] of Object.entries(configuration.properties as Record<string, Json>)) {
    shown.push([`setting ${id} description`, setting.markdownDescription ?? setting.description]);
    list(setting.enumDescriptions).forEach((d, i) => shown.push([`setting ${id} enumDescriptions[${i}]`, d]));
  }
  for (const container of list((c.viewsContainers as Json).activitybar)) {
    shown.push([`views container ${String(container.id)} title`, container.title]);
  }
  for (const view of Object.values(c.views as Record<string, Json[]>).flat()) {
    shown.push(
      [`view ${String(view.id)} name`, view.name],
      [`view ${String(view.id)} contextualTitle`, view.contextualTitle],
    );
  }
  list(c.viewsWelcome).forEach((w, i) => shown.push([`viewsWelcome[${i}] contents`, w.contents]));
  for (const walkthrough of list(c.walkthroughs)) {
    shown.push([`walkthrough title`, walkthrough.title], [`walkthrough description`, walkthrough.description]);
    for (const step of list(walkthrough.steps)) {
      shown.push(
        [`step ${String(step.id)} title`, step.title],
        [`step ${String(step.id)} description`, step.description],
      );
    }
  }
  for (const editor of list(c.customEditors)) {
    shown.push([`custom editor ${String(editor.viewType)} displayName`, editor.displayName]);
  }
  const capabilities = manifest.capabilities as Record<string, Json>;
  shown.push(['untrustedWorkspaces description', capabilities.untrustedWorkspaces.description]);
  shown.push(['virtualWorkspaces description', capabilities.virtualWorkspaces.description]);
  return shown;
}

suite('l10n: the manifest shows text from package.nls.json', () => {
  const manifest = read('package.json') as Json;
  const nls = read('package.nls.json') as Record<string, string>;

  test('every command title and category, setting description, view, welcome, walkthrough step and editor name is a %key%', () => {
    const raw = shownStrings(manifest)
      .filter(([, value]) => value !== undefined && !/^%[^%]+%$/.test(String(value)))
      .map(([where, value]) => `${where}: ${String(value)}`);
    assert.deepEqual(raw, [], `move these to package.nls.json:\n${raw.join('\n')}`);
  });

  test('each %key% resolves to English text in package.nls.json', () => {
    for (const [where, value] of shownStrings(manifest)) {
      const key = /^%([^%]+)%$/.exec(String(value))?.[1];
      if (key) {
        assert.ok(nls[key]?.trim(), `${where}: ${key} has no text in package.nls.json`);
      }
    }
  });
});
