/**
 * Command-line options and source discovery for the schema build. Every source is optional: what is missing is
 * logged and the schema it feeds is left as checked in.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

export interface BuildArgs {
  discovery?: string;
  openapi?: string;
  out?: string;
}

export interface Sources {
  repoRoot: string;
  outDir: string;
  sdkTypes?: string;
  sdkBundle?: string;
  sdkVersion: string;
  openapi?: string;
  discovery?: string;
}

const USAGE = 'usage: tsx scripts/build-schemas.ts [--discovery <url-or-path>] [--openapi <path>] [--out <dir>]';

/** Parses `--name value` / `--name=value` pairs; unknown options are an error (a typo must not go unnoticed). */
export function parseArgs(argv: string[]): BuildArgs {
  const out: BuildArgs = {};
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].split(/=(.*)/s, 2);
    const value = inline ?? argv[++i];
    if (value === undefined || !['--discovery', '--openapi', '--out'].includes(flag)) {
      throw new Error(`${argv[i] ?? flag}: bad option\n${USAGE}`);
    }
    out[flag.slice(2) as keyof BuildArgs] = value;
  }
  return out;
}

function firstExisting(candidates: string[]): string | undefined {
  return candidates.find((c) => fs.existsSync(c));
}

/** Finds the SDK in node_modules and the reference files vendored in reference/ (see reference/README.md). */
export function locateSources(args: BuildArgs, log: (msg: string) => void): Sources {
  const repoRoot = path.resolve(__dirname, '..', '..');
  const sdkDir = path.join(repoRoot, 'node_modules', '@google', 'genai');
  const reference = path.join(repoRoot, 'reference');
  let sdkVersion = 'unknown';
  try {
    sdkVersion = (JSON.parse(fs.readFileSync(path.join(sdkDir, 'package.json'), 'utf8')) as { version: string })
      .version;
  } catch {
    log(`no @google/genai in ${sdkDir}`);
  }
  const sources: Sources = {
    repoRoot,
    outDir: path.resolve(args.out ?? path.join(repoRoot, 'schemas')),
    sdkVersion,
    sdkTypes: firstExisting([path.join(sdkDir, 'dist', 'genai.d.ts')]),
    sdkBundle: firstExisting([path.join(sdkDir, 'dist', 'node', 'index.cjs'), path.join(sdkDir, 'dist', 'index.mjs')]),
    openapi: firstExisting([args.openapi ?? '', path.join(reference, 'openai-openapi.yaml')].filter(Boolean)),
    discovery: args.discovery ?? firstExisting([path.join(reference, 'generativelanguage-v1beta-discovery.json')]),
  };
  for (const [what, p] of Object.entries({
    sdkTypes: sources.sdkTypes,
    sdkBundle: sources.sdkBundle,
    openapi: sources.openapi,
    discovery: sources.discovery,
  })) {
    log(`${what}: ${p ?? '(missing)'}`);
  }
  return sources;
}
