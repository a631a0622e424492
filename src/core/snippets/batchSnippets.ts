import { parse, type ParseError } from 'jsonc-parser';
import { BATCH_KINDS, isBatchKind, type BatchKind } from '../batchKind';

/** One snippet of snippets/jsonl.code-snippets: a whole batch line of one kind. */
export interface BatchSnippet {
  /** The entry's name (shown as the item's detail). */
  name: string;
  /** What the user types; each is offered as its own item, as VS Code does for contributed snippets. */
  prefixes: string[];
  kind: BatchKind;
  description: string;
  /** The body in VS Code snippet syntax, one line. */
  body: string;
}

/** A snippet as one completion item, in the order it is offered. */
export interface OrderedSnippet {
  snippet: BatchSnippet;
  prefix: string;
  /** Sorts the file's kind first (then the others in BATCH_KINDS order), file order within a kind. */
  sortText: string;
  /** The first snippet of the file's kind: selected when the list opens. */
  preselect: boolean;
}

export type SnippetParse = { ok: true; snippets: BatchSnippet[] } | { ok: false; code: 'syntax' | 'shape'; at: string };

/** Reads the snippets file (JSONC: VS Code's .code-snippets format plus our `kind`). */
export function parseSnippets(text: string): SnippetParse {
  const errors: ParseError[] = [];
  const root: unknown = parse(text, errors, { allowTrailingComma: true });
  if (errors.length > 0 || typeof root !== 'object' || root === null) {
    return { ok: false, code: 'syntax', at: `offset ${errors[0]?.offset ?? 0}` };
  }
  const snippets: BatchSnippet[] = [];
  for (const [name, value] of Object.entries(root)) {
    const entry = value as { prefix?: unknown; kind?: unknown; description?: unknown; body?: unknown };
    const prefixes = typeof entry.prefix === 'string' ? [entry.prefix] : entry.prefix;
    if (
      !Array.isArray(prefixes) ||
      !prefixes.every((p) => typeof p === 'string') ||
      !isBatchKind(entry.kind) ||
      typeof entry.body !== 'string'
    ) {
      return { ok: false, code: 'shape', at: name };
    }
    const description = typeof entry.description === 'string' ? entry.description : '';
    snippets.push({ name, prefixes, kind: entry.kind, description, body: entry.body });
  }
  return { ok: true, snippets };
}

/**
 * Every prefix of every snippet, the file's kind first, then the other kinds in BATCH_KINDS order (generate, embed,
 * OpenAI); `kind` undefined (an empty or undecided file) keeps that default order.
 */
export function orderSnippets(snippets: readonly BatchSnippet[], kind: BatchKind | undefined): OrderedSnippet[] {
  const ranks = kind ? [kind, ...BATCH_KINDS.filter((k) => k !== kind)] : [...BATCH_KINDS];
  const items = snippets.flatMap((snippet, index) =>
    snippet.prefixes.map((prefix, p) => ({ snippet, prefix, rank: ranks.indexOf(snippet.kind), index, p })),
  );
  items.sort((a, b) => a.rank - b.rank || a.index - b.index || a.p - b.p);
  const pad = (n: number): string => String(n).padStart(4, '0');
  return items.map((item, i) => ({
    snippet: item.snippet,
    prefix: item.prefix,
    sortText: `${item.rank}-${pad(i)}`,
    preselect: i === 0 && kind !== undefined,
  }));
}

/**
 * Where a snippet may replace the text: on a line that holds nothing but the word being typed (a new line), the
 * column that word starts at; undefined inside a line, where the schema's own completion answers.
 */
export function snippetWordStart(lineText: string, character: number): number | undefined {
  const before = /^\s*([A-Za-z][\w-]*)?$/.exec(lineText.slice(0, character));
  if (!before || lineText.slice(character).trim() !== '') {
    return undefined;
  }
  return character - (before[1]?.length ?? 0);
}
