/**
 * Adds `markdownDescription` (what VS Code renders in hovers and completion details) next to every description
 * written in Markdown, so backticks and links render instead of showing literally. Relative OpenAI doc links
 * (`](/docs/…)`) are made absolute, since a hover has no base URL.
 */
import { JsonSchema } from './jsonSchema';

const MARKDOWN_RE = /[`*]|\]\(|\n\n/;
/** Keys whose values are data, not schemas: never look inside them. */
const DATA_KEYS = new Set(['enum', 'const', 'default', 'examples', 'x-example', 'defaultSnippets', 'enumDescriptions']);

function absoluteLinks(text: string, linkBase: string | undefined): string {
  return linkBase ? text.replace(/\]\(\/(?!\/)/g, `](${linkBase}/`) : text;
}

/** The first paragraph, cut at a sentence end near `max` characters. */
export function summary(text: string, max = 300): string {
  const first = text
    .split(/\n\s*\n/)[0]
    .replace(/\s*\n\s*/g, ' ')
    .trim();
  if (first.length <= max && first.length === text.trim().length) {
    return first;
  }
  const cut = first.slice(0, max);
  const end = cut.search(/[.!?](?=\s)[^.!?]*$/);
  if (end > 40) {
    return cut.slice(0, end + 1);
  }
  return first.length <= max ? first : `${cut.trimEnd()}…`;
}

/** Walks a schema in place. */
export function addMarkdownDescriptions(node: unknown, linkBase?: string): void {
  if (Array.isArray(node)) {
    node.forEach((n) => addMarkdownDescriptions(n, linkBase));
    return;
  }
  if (typeof node !== 'object' || node === null) {
    return;
  }
  const s = node as JsonSchema;
  if (typeof s.description === 'string' && MARKDOWN_RE.test(s.description) && s.markdownDescription === undefined) {
    s.markdownDescription = absoluteLinks(s.description, linkBase);
    // The full text lives in markdownDescription; keep the plain one short (messages quote it, files stay small).
    s.description = summary(s.description);
  }
  for (const [key, value] of Object.entries(s)) {
    if (!DATA_KEYS.has(key)) {
      addMarkdownDescriptions(value, linkBase);
    }
  }
}
