import * as fs from 'fs';
import * as vscode from 'vscode';
import {
  getLanguageService,
  InsertTextFormat,
  type CompletionItem as JsonCompletionItem,
  type LanguageService,
  type MarkedString,
  type MarkupContent,
  TextDocument,
} from 'vscode-json-languageservice';
import { BATCH_KINDS, type BatchKind } from '../../core/batchKind';
import type { SchemaNode } from '../../core/schema/validators';
import { keepSpellings, objectKeysAt, type KeyStyle } from '../../core/validation/completionSpelling';
import { fieldAt } from '../../core/validation/fieldHover';
import { fieldHoverContent } from './fieldHoverContent';

/** LSP's CompletionItemKind.Property: the offers that are property names. */
const PROPERTY_KIND = 10;

/** The URI a line of `kind` is given, so that the language service picks that kind's schema by file name. */
function lineUri(kind: BatchKind): string {
  return `gemini-batch-line://line/line.${kind}.batchline.json`;
}

/**
 * JSON completion and hover for ONE batch line at a time, from the kind's JSON Schema (`schemas/<kind>.schema.json`,
 * with descriptions, enum descriptions and default snippets). Each request parses only the current line, so the cost
 * does not grow with the file.
 */
export class LineLanguageService {
  private readonly service: LanguageService;
  /** Each kind's schema with its prose, read once, for property hovers. */
  private readonly schemas = new Map<BatchKind, Promise<SchemaNode>>();

  constructor(private readonly extensionUri: vscode.Uri) {
    const schemaUri = (kind: BatchKind) => this.schemaUri(kind).toString();
    this.service = getLanguageService({
      schemaRequestService: (uri) => fs.promises.readFile(vscode.Uri.parse(uri).fsPath, 'utf8'),
    });
    this.service.configure({
      validate: false,
      allowComments: false,
      schemas: BATCH_KINDS.map((kind) => ({ uri: schemaUri(kind), fileMatch: [`*.${kind}.batchline.json`] })),
    });
  }

  /** `style`: the key spelling the file uses, offered when the schema accepts both (see completionSpelling). */
  async complete(
    kind: BatchKind,
    lineText: string,
    line: number,
    character: number,
    style: KeyStyle = 'camel',
  ): Promise<vscode.CompletionItem[]> {
    const { document, json } = this.parse(kind, lineText);
    const list = await this.service.doComplete(document, { line: 0, character }, json);
    const items = list?.items ?? [];
    const properties = items.filter((item) => item.kind === PROPERTY_KIND).map((item) => item.label);
    const kept = keepSpellings(properties, objectKeysAt(lineText, character), style);
    return items
      .filter((item) => item.kind !== PROPERTY_KIND || kept.has(item.label))
      .map((item) => toCompletionItem(item, line));
  }

  async hover(kind: BatchKind, lineText: string, line: number, character: number): Promise<vscode.Hover | undefined> {
    const field = fieldAt(await this.schema(kind), lineText, character);
    if (field) {
      return new vscode.Hover(
        fieldHoverContent(field),
        new vscode.Range(line, field.offset, line, field.offset + field.length),
      );
    }
    const { document, json } = this.parse(kind, lineText);
    const hover = await this.service.doHover(document, { line: 0, character }, json);
    if (!hover) {
      return undefined;
    }
    const contents = (Array.isArray(hover.contents) ? hover.contents : [hover.contents]).map(toMarkdown);
    const range = hover.range
      ? new vscode.Range(line, hover.range.start.character, line, hover.range.end.character)
      : undefined;
    return new vscode.Hover(contents, range);
  }

  private schemaUri(kind: BatchKind): vscode.Uri {
    return vscode.Uri.joinPath(this.extensionUri, 'schemas', `${kind}.schema.json`);
  }

  private schema(kind: BatchKind): Promise<SchemaNode> {
    let loaded = this.schemas.get(kind);
    if (!loaded) {
      loaded = fs.promises.readFile(this.schemaUri(kind).fsPath, 'utf8').then((text) => JSON.parse(text) as SchemaNode);
      this.schemas.set(kind, loaded);
    }
    return loaded;
  }

  private parse(kind: BatchKind, lineText: string) {
    const document = TextDocument.create(lineUri(kind), 'json', 1, lineText);
    return { document, json: this.service.parseJSONDocument(document) };
  }
}

function toMarkdown(content: MarkedString | MarkupContent): vscode.MarkdownString {
  if (typeof content === 'string') {
    return new vscode.MarkdownString(content);
  }
  if ('language' in content) {
    return new vscode.MarkdownString().appendCodeblock(content.value, content.language);
  }
  return content.kind === 'markdown'
    ? new vscode.MarkdownString(content.value)
    : new vscode.MarkdownString().appendText(content.value);
}

/**
 * The language service formats object snippets over several lines; a JSONL request must stay on one. Line breaks in
 * JSON text are only whitespace between tokens (a string cannot hold a raw newline), so they can go.
 */
export function toOneLine(text: string): string {
  return text.replace(/,\r?\n[\t ]*/g, ', ').replace(/\r?\n[\t ]*/g, '');
}

function toCompletionItem(item: JsonCompletionItem, line: number): vscode.CompletionItem {
  // LSP completion kinds are VS Code's enum values plus one.
  const result = new vscode.CompletionItem(item.label, item.kind !== undefined ? item.kind - 1 : undefined);
  const newText = toOneLine(item.textEdit?.newText ?? item.insertText ?? item.label);
  result.insertText = item.insertTextFormat === InsertTextFormat.Snippet ? new vscode.SnippetString(newText) : newText;
  if (item.textEdit && 'range' in item.textEdit) {
    const r = item.textEdit.range;
    result.range = new vscode.Range(line, r.start.character, line, r.end.character);
  }
  result.detail = item.detail;
  result.filterText = item.filterText;
  result.sortText = item.sortText;
  if (item.documentation !== undefined) {
    result.documentation = toMarkdown(item.documentation);
  }
  if (item.command) {
    result.command = { title: item.command.title, command: item.command.command, arguments: item.command.arguments };
  }
  return result;
}
