// Builds everything the extension, the CLI and the integration tests run from.
//   node esbuild.js              one build (development: sourcemaps, no minify)
//   node esbuild.js --production minified, for packaging
//   node esbuild.js --watch      rebuild on change
// Before bundling, the JSON Schemas are compiled to ajv standalone validators, so activation never compiles a schema.
const esbuild = require('esbuild');
const { compileValidators } = require('./scripts/compile-validators.js');

const fs = require('fs');
const path = require('path');

/** Every integration test file, each bundled on its own so the test index can load them all from out/test/integration. */
function integrationEntries() {
  const dir = path.join(__dirname, 'test', 'integration');
  const found = ['test/runElectron.ts'];
  const walk = (d) => {
    for (const entry of fs.readdirSync(d, { withFileTypes: true })) {
      const full = path.join(d, entry.name);
      if (entry.isDirectory()) {
        walk(full);
      } else if (entry.name === 'index.ts' || entry.name.endsWith('.test.ts')) {
        found.push(path.relative(__dirname, full));
      }
    }
  };
  if (fs.existsSync(dir)) {
    walk(dir);
  }
  return found.filter((f) => fs.existsSync(path.join(__dirname, f)));
}

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

/** Reports build results in the shape VS Code's esbuild problem matcher reads. */
const problemMatcher = {
  name: 'problem-matcher',
  setup(build) {
    build.onStart(() => {
      if (watch) {
        console.log('[watch] build started');
      }
    });
    build.onEnd((result) => {
      for (const { text, location } of result.errors) {
        console.error(`✘ [ERROR] ${text}`);
        if (location) {
          console.error(`    ${location.file}:${location.line}:${location.column}:`);
        }
      }
      if (watch) {
        console.log('[watch] build finished');
      }
    });
  },
};

const common = {
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  // jsonc-parser's UMD `main` cannot be bundled (microsoft/node-jsonc-parser#57): take the ESM build.
  mainFields: ['module', 'main'],
  minify: production,
  sourcemap: !production,
  sourcesContent: false,
  logLevel: 'warning',
  logOverride: { 'import-is-undefined': 'error' },
  plugins: [problemMatcher],
};

const builds = [
  // The extension: only `vscode` stays external, so ajv, the SDKs and the validators ship inside the bundle.
  { ...common, entryPoints: ['src/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'] },
  // The CLI (validate, emulator): plain Node, no vscode. dist/cli.js runs `estimate` itself and loads the rest of the
  // CLI from dist/cliMain.js (src/cli/entry.ts says why).
  { ...common, entryPoints: ['src/cli/entry.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' } },
  { ...common, entryPoints: ['src/cli.ts'], outfile: 'dist/cliMain.js' },
  // The token worker (worker_threads): vocabularies load and files are counted off the extension host's main thread.
  { ...common, entryPoints: ['src/features/estimate/tokenWorker.ts'], outfile: 'dist/tokenWorker.js' },
  // The CLI's estimate pool worker (worker_threads): the CLI looks for it next to itself, else counts serially.
  { ...common, entryPoints: ['src/cli/estimateWorker.ts'], outfile: 'dist/estimateWorker.js' },
  // The same CLI inside its own npm package (packages/cli, `npm pack` there), so the .vsix need not carry it.
  {
    ...common,
    entryPoints: ['src/cli/entry.ts'],
    outfile: 'packages/cli/dist/cli.js',
    banner: { js: '#!/usr/bin/env node' },
  },
  { ...common, entryPoints: ['src/cli.ts'], outfile: 'packages/cli/dist/cliMain.js' },
  { ...common, entryPoints: ['src/cli/estimateWorker.ts'], outfile: 'packages/cli/dist/estimateWorker.js' },
  // Integration tests run inside the extension host; mocha is loaded from node_modules at run time.
  {
    ...common,
    entryPoints: integrationEntries(),
    outdir: 'out/test',
    outbase: 'test',
    external: ['vscode', 'mocha', '@vscode/test-electron'],
  },
];

/** The CLI package carries its own copy of the vocabularies (`estimate`), found by tokenizerAssetDir from dist/. */
function copyCliAssets() {
  const to = path.join(__dirname, 'packages', 'cli', 'dist', 'assets', 'tokenizers');
  fs.mkdirSync(to, { recursive: true });
  fs.cpSync(path.join(__dirname, 'assets', 'tokenizers'), to, { recursive: true });
}

async function main() {
  compileValidators();
  copyCliAssets();
  const contexts = await Promise.all(builds.map((options) => esbuild.context(options)));
  if (watch) {
    await Promise.all(contexts.map((ctx) => ctx.watch()));
    return;
  }
  await Promise.all(contexts.map((ctx) => ctx.rebuild()));
  await Promise.all(contexts.map((ctx) => ctx.dispose()));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
