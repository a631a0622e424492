import * as vscode from 'vscode';

/** The samples under `sample/` that ship with the extension, by id (the file name without `.jsonl`). */
export const SAMPLE_IDS = ['gemini-generate', 'gemini-embed', 'openai-chat', 'with-mistakes'] as const;
export type SampleId = (typeof SAMPLE_IDS)[number];

export function isSampleId(value: unknown): value is SampleId {
  return typeof value === 'string' && (SAMPLE_IDS as readonly string[]).includes(value);
}

/** Most copies of one sample kept side by side before the oldest name is reused. */
const MAX_COPIES = 50;

async function readOrUndefined(uri: vscode.Uri): Promise<Uint8Array | undefined> {
  try {
    return await vscode.workspace.fs.readFile(uri);
  } catch {
    return undefined;
  }
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((byte, i) => byte === b[i]);
}

/**
 * A copy of a bundled sample as a real file the user may edit and submit (an untitled document cannot be uploaded).
 * It goes under the extension's global storage, so nothing is written into the user's workspace unasked. An
 * untouched copy from before is reused; an edited one is kept, and the new copy gets the next free name
 * (`with-mistakes-2.jsonl`). Written to a temp file and renamed, so a copy is never half-written.
 */
export async function copySample(extensionUri: vscode.Uri, storage: vscode.Uri, id: SampleId): Promise<vscode.Uri> {
  const bundled = await vscode.workspace.fs.readFile(vscode.Uri.joinPath(extensionUri, 'sample', `${id}.jsonl`));
  const folder = vscode.Uri.joinPath(storage, 'samples');
  await vscode.workspace.fs.createDirectory(folder);
  let target = vscode.Uri.joinPath(folder, `${id}.jsonl`);
  for (let n = 2; n <= MAX_COPIES; n++) {
    const existing = await readOrUndefined(target);
    if (existing === undefined) {
      break;
    }
    if (sameBytes(existing, bundled)) {
      return target;
    }
    target = vscode.Uri.joinPath(folder, `${id}-${n}.jsonl`);
  }
  const temp = vscode.Uri.joinPath(folder, `.${id}.${Date.now().toString(36)}.tmp`);
  await vscode.workspace.fs.writeFile(temp, bundled);
  await vscode.workspace.fs.rename(temp, target, { overwrite: true });
  return target;
}
