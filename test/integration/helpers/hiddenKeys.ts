/** The environment variables the extension reads a key from (src/features/auth). */
const KEY_ENV_NAMES = ['GEMINI_API_KEY', 'GOOGLE_API_KEY'];

/**
 * The extension host shares the test's process environment: a suite that must see "no key" hides any real one
 * (`hide` in suiteSetup) and puts it back afterwards (`restore` in suiteTeardown).
 */
export function hiddenKeys(): { hide(): void; restore(): void } {
  const saved = new Map<string, string | undefined>();
  return {
    hide() {
      for (const name of KEY_ENV_NAMES) {
        saved.set(name, process.env[name]);
        delete process.env[name];
      }
    },
    restore() {
      for (const [name, value] of saved) {
        if (value !== undefined) {
          process.env[name] = value;
        }
      }
      saved.clear();
    },
  };
}
