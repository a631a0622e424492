// Flat ESLint config: typescript-eslint recommended everywhere, plus the house rules.
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'packages/*/dist/**',
      'out/**',
      'node_modules/**',
      '.vscode-rt/**',
      'src/core/schema/generated/**',
      'scripts/*.js',
      'esbuild.js',
      'sample/**',
    ],
  },
  ...tseslint.configs.recommended,
  {
    linterOptions: { reportUnusedDisableDirectives: true },
    rules: {
      curly: 'error',
      eqeqeq: ['error', 'always', { null: 'ignore' }],
      'no-throw-literal': 'error',
      // A chain of ternaries hides its cases: a named helper with early returns, a lookup table or if/else says them.
      'no-nested-ternary': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' },
      ],
    },
  },
  {
    files: ['src/**/*.ts'],
    rules: { 'no-console': 'error' },
  },
  {
    // The emulator is plain Node too: it runs in the CLI as well as in the extension.
    files: ['src/emulator/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: [{ name: 'vscode', message: 'src/emulator must not import vscode' }] },
      ],
    },
  },
  {
    // The core is plain Node: it never sees the editor API, and it does not depend on the emulator (the emulator uses core).
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'vscode', message: 'src/core must not import vscode' }],
          patterns: [
            { group: ['**/emulator', '**/emulator/**'], message: 'src/core must not import src/emulator' },
            {
              group: ['**/features/**', '**/adapters/**'],
              message: 'src/core must not import the editor layer (src/features, src/adapters)',
            },
          ],
        },
      ],
    },
  },
);
