import Module, { createRequire } from 'node:module';

/** What vscode.l10n.t does without a bundle: the English source with its {n} placeholders filled in. */
export const englishL10n = {
  t: (message: string, ...args: unknown[]) => message.replace(/\{(\d+)\}/g, (_, i: string) => String(args[+i])),
};

/**
 * Call in a suite body: loads the editor-layer module at `modulePath` (absolute) with `fake` standing in for `vscode`,
 * which plain Node cannot load, while the suite runs; the real loader is back in its teardown. Returns the module
 * once the suite has started.
 */
export function requireWithFakeVscode<T>(fake: unknown, modulePath: string): () => T {
  const loader = Module as unknown as { _load: (request: string, ...rest: unknown[]) => unknown };
  let realLoad: typeof loader._load | undefined;
  let loaded: T | undefined;
  suiteSetup(() => {
    const real = loader._load;
    realLoad = real;
    loader._load = function (request: string, ...rest: unknown[]) {
      return request === 'vscode' ? fake : real.call(this, request, ...rest);
    };
    loaded = createRequire(__filename)(modulePath) as T;
  });
  suiteTeardown(() => {
    if (realLoad) {
      loader._load = realLoad;
    }
  });
  return () => {
    if (loaded === undefined) {
      throw new Error(`${modulePath} is loaded in suiteSetup: read it inside a test`);
    }
    return loaded;
  };
}
