import * as fs from 'node:fs';
import * as path from 'node:path';
import { getLanguageService, TextDocument, type JSONSchema } from 'vscode-json-languageservice';

/**
 * The baseline: vscode-json-languageservice (what VS Code's JSON support runs) validating each line as its own
 * JSON document against the same schema. Resolves the schema once, then times the lines.
 * Returns the total ms and the number of lines with a diagnostic (a sanity check that it really validated).
 */
export async function languageServicePass(
  lines: readonly string[],
  schemaFile: string,
): Promise<{ ms: number; flagged: number }> {
  const schema = JSON.parse(fs.readFileSync(schemaFile, 'utf8')) as JSONSchema;
  const service = getLanguageService({});
  const uri = `file://${path.resolve(schemaFile)}`;
  service.configure({ validate: true, allowComments: false, schemas: [{ uri, fileMatch: ['*.json'], schema }] });
  const validate = async (line: string, i: number): Promise<number> => {
    const document = TextDocument.create(`file:///bench/line-${i}.json`, 'json', 1, line);
    const diagnostics = await service.doValidation(document, service.parseJSONDocument(document));
    return diagnostics.length;
  };
  await validate(lines[0], -1);
  let flagged = 0;
  const started = performance.now();
  for (let i = 0; i < lines.length; i++) {
    if ((await validate(lines[i], i)) > 0) {
      flagged++;
    }
  }
  return { ms: performance.now() - started, flagged };
}
