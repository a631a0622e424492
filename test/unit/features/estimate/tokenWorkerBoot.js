// The token worker from its TypeScript source, for plain-Node tests (the extension runs the bundled dist/tokenWorker.js):
// a worker thread does not inherit mocha's tsx hook, so it registers its own before loading the source.
/* eslint-disable @typescript-eslint/no-require-imports -- a worker entry point is plain CommonJS */
require('tsx/cjs');
require('../../../../src/features/estimate/tokenWorker.ts');
