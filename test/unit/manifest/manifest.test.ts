import * as assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(__dirname, '../../..');
const read = (file: string): unknown => JSON.parse(readFileSync(join(root, file), 'utf8'));

interface Step {
  id: string;
  title: string;
  description: string;
  media: { markdown?: string };
  completionEvents?: string[];
}
interface Manifest {
  contributes: {
    commands: { command: string; title: string }[];
    viewsWelcome: { view: string; contents: string }[];
    walkthroughs: { id: string; title: string; description: string; steps: Step[] }[];
    menus: Record<string, { command: string; when?: string }[]>;
  };
}

suite('walkthrough: the manifest holds together', () => {
  const manifest = read('package.json') as Manifest;
  const nls = read('package.nls.json') as Record<string, string>;
  const commands = new Set(manifest.contributes.commands.map((c) => c.command));
  const walkthrough = manifest.contributes.walkthroughs.find((w) => w.id === 'geminiBatch.gettingStarted');
  /** The English text VS Code shows for a manifest string: a `%key%` is looked up in package.nls.json. */
  const resolve = (value: string): string => nls[/^%(.+)%$/.exec(value)?.[1] ?? ''] ?? value;

  test('the steps a first-time user needs, in order', () => {
    assert.ok(walkthrough);
    assert.deepEqual(
      walkthrough.steps.map((s) => s.id),
      ['tryEmulator', 'openSample', 'fixMistake', 'submit', 'openResults', 'setKey'],
    );
  });

  test('every %key% in package.json is in package.nls.json, and every nls key is used', () => {
    const text = readFileSync(join(root, 'package.json'), 'utf8');
    const used = new Set([...text.matchAll(/"%([^%"]+)%"/g)].map((m) => m[1]));
    for (const key of used) {
      assert.ok(nls[key], `package.nls.json lacks ${key}`);
    }
    for (const key of Object.keys(nls)) {
      assert.ok(used.has(key), `package.nls.json has ${key}, unused`);
    }
  });

  test('each step has its markdown under media/walkthrough, a command button, and completion events on real commands', () => {
    for (const step of walkthrough!.steps) {
      assert.match(step.media.markdown ?? '', /^media\/walkthrough\/[\w-]+\.md$/, step.id);
      assert.ok(existsSync(join(root, step.media.markdown!)), `${step.media.markdown} exists`);
      const description = nls[step.description.replace(/%/g, '')];
      const links = [...description.matchAll(/\(command:([\w.]+)\)/g)].map((m) => m[1]);
      assert.ok(links.length > 0, `${step.id} has a button`);
      for (const link of links) {
        assert.ok(commands.has(link), `${step.id} links to contributed command ${link}`);
      }
      assert.ok((step.completionEvents ?? []).length > 0, `${step.id} has completion events`);
      for (const event of step.completionEvents!) {
        const [kind, id] = event.split(/:(.*)/s);
        assert.ok(
          kind === 'onCommand' || kind === 'onContext' || kind === 'onView' || kind === 'onSettingChanged',
          event,
        );
        if (kind === 'onCommand' && id.startsWith('geminiBatch.')) {
          assert.ok(commands.has(id), `${event} names a contributed command`);
        }
      }
    }
  });

  test("the Explorer offers Submit Split Parts as One Group on a split's parts, and only there", () => {
    const entry = manifest.contributes.menus['explorer/context'].find(
      (m) => m.command === 'geminiBatch.job.submitParts',
    );
    assert.ok(entry?.when, 'on the Explorer context menu, when a part');
    // The when clause's regular expression, as VS Code reads it from the JSON string.
    const when = /resourceFilename =~ \/(.+)\/$/.exec(entry.when)?.[1];
    assert.ok(when, entry.when);
    const part = new RegExp(when);
    assert.ok(part.test('questions.part-01.jsonl') && part.test('big.part-120.jsonl'));
    assert.ok(
      !part.test('questions.jsonl') && !part.test('questions.part-1.jsonl') && !part.test('a.part-01.jsonl.bak'),
    );
  });

  test('the samples the walkthrough opens ship in sample/', () => {
    for (const id of ['gemini-generate', 'gemini-embed', 'openai-chat', 'with-mistakes']) {
      assert.ok(existsSync(join(root, 'sample', `${id}.jsonl`)), id);
    }
  });

  test('welcome views: no literal backticks (they do not render markdown code), links only to contributed or built-in workbench commands', () => {
    const contents = manifest.contributes.viewsWelcome.map((w) => resolve(w.contents));
    for (const text of contents) {
      assert.doesNotMatch(text, /`/, text);
      // Ours must be contributed; VS Code's own (`workbench.trust.manage` in the Restricted Mode welcome) exist already.
      for (const link of text.matchAll(/\(command:([\w.]+)\)/g)) {
        assert.ok(commands.has(link[1]) || link[1].startsWith('workbench.'), link[1]);
      }
    }
    assert.ok(
      contents.some((text) => text.includes('command:geminiBatch.walkthrough.open')),
      'the empty view leads to the walkthrough',
    );
  });
});
