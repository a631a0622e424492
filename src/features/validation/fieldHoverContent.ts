import * as vscode from 'vscode';
import type { FieldInfo } from '../../core/validation/fieldHover';

/**
 * A property's hover: a header with its name and type, its own description, then what its type is (when the type
 * says something else) and its other accepted spelling. The descriptions come from the extension's own schemas.
 */
export function fieldHoverContent(field: FieldInfo): vscode.MarkdownString {
  const md = new vscode.MarkdownString();
  md.appendMarkdown(`**${escape(field.name)}**`);
  if (field.type) {
    md.appendMarkdown(': ').appendMarkdown(`\`${field.type.replace(/`/g, '')}\``);
  }
  md.appendMarkdown('\n\n---\n\n');
  if (field.description) {
    md.appendMarkdown(`${field.description}\n\n`);
  }
  if (field.typeDescription && field.type) {
    md.appendMarkdown(`*${escape(field.type)}*: ${field.typeDescription}\n\n`);
  }
  if (field.alias) {
    md.appendMarkdown(vscode.l10n.t('Also accepted as `{0}`.', field.alias.replace(/`/g, '')));
  }
  return md;
}

function escape(text: string): string {
  return text.replace(/[\\`*_[\]<>]/g, (c) => `\\${c}`);
}
