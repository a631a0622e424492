// Child process of the results bench: measures one pass over FILE alone, so its peak RSS is the pass's own.
//   node results-scan.js scan|raw FILE   → prints {"ms" (whole job), "indexMs" (line index, pass 1), "rows", "maxRssMb"}
import { createReadStream } from 'node:fs';
import { scanResults } from '../src/core/results/scanResults';

async function main(): Promise<void> {
  const [mode, file] = process.argv.slice(2);
  const started = performance.now();
  let rows = 0;
  let indexMs = 0;
  if (mode === 'raw') {
    // The floor: stream the same bytes and count newlines, nothing else.
    for await (const chunk of createReadStream(file)) {
      const buf = chunk as Buffer;
      for (let i = buf.indexOf(10); i !== -1; i = buf.indexOf(10, i + 1)) {
        rows++;
      }
    }
  } else {
    rows = (
      await scanResults(file, {
        onRows: (_, phase, done) => {
          if (phase === 'lines' && done) {
            indexMs = performance.now() - started;
          }
        },
      })
    ).rowCount;
  }
  const ms = performance.now() - started;
  process.stdout.write(
    `${JSON.stringify({ ms, indexMs: indexMs || ms, rows, maxRssMb: process.resourceUsage().maxRSS / 1024 })}\n`,
  );
}

void main();
