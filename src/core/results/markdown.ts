import { readTable, type TableBlock } from './markdownTable';

/**
 * A deliberately tiny markdown reader for model answers. It returns a tree of a few node types, never HTML: the
 * webview builds DOM nodes from it with createElement/textContent, so nothing in an answer can become markup,
 * an attribute or a script. Links keep their target only when it is http(s); anything else (`javascript:`,
 * `data:`) stays plain text.
 */
export type Inline =
  | { t: 'text'; v: string }
  | { t: 'strong' | 'em'; c: Inline[] }
  | { t: 'code'; v: string }
  | { t: 'link'; v: string; href: string };

export type Block =
  | { t: 'p'; c: Inline[] }
  | { t: 'h'; level: number; c: Inline[] }
  | { t: 'pre'; lang?: string; v: string }
  | { t: 'ul' | 'ol'; items: Inline[][] }
  | { t: 'quote'; c: Inline[] }
  | { t: 'hr' }
  | TableBlock;

const SAFE_HREF = /^https?:\/\/[^\s]+$/i;

/** Inline spans: `code`, **strong**, *em* / _em_, [text](http…). Unclosed markers stay text. */
export function parseInline(text: string, depth = 0): Inline[] {
  const out: Inline[] = [];
  let plain = '';
  const flush = () => {
    if (plain) {
      out.push({ t: 'text', v: plain });
      plain = '';
    }
  };
  let i = 0;
  while (i < text.length) {
    const ch = text[i];
    if (ch === '`') {
      const end = text.indexOf('`', i + 1);
      if (end > i) {
        flush();
        out.push({ t: 'code', v: text.slice(i + 1, end) });
        i = end + 1;
        continue;
      }
    } else if (ch === '*' && text[i + 1] === '*' && depth < 3) {
      const end = text.indexOf('**', i + 2);
      if (end > i + 2) {
        flush();
        out.push({ t: 'strong', c: parseInline(text.slice(i + 2, end), depth + 1) });
        i = end + 2;
        continue;
      }
    } else if ((ch === '*' || ch === '_') && depth < 3 && text[i + 1] !== ' ' && text[i + 1] !== ch) {
      const end = text.indexOf(ch, i + 1);
      if (end > i + 1) {
        flush();
        out.push({ t: 'em', c: parseInline(text.slice(i + 1, end), depth + 1) });
        i = end + 1;
        continue;
      }
    } else if (ch === '[') {
      const close = text.indexOf('](', i + 1);
      const end = close === -1 ? -1 : text.indexOf(')', close + 2);
      if (close !== -1 && end !== -1 && !text.slice(i + 1, close).includes('\n')) {
        const label = text.slice(i + 1, close);
        const href = text.slice(close + 2, end).trim();
        flush();
        out.push(SAFE_HREF.test(href) ? { t: 'link', v: label, href } : { t: 'text', v: `${label} (${href})` });
        i = end + 1;
        continue;
      }
    }
    plain += ch;
    i++;
  }
  flush();
  return out;
}

/** Blocks: # headings, ``` fences, - / * / 1. lists, > quotes, --- rules, pipe tables, and paragraphs. */
export function parseMarkdown(text: string): Block[] {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const blocks: Block[] = [];
  let para: string[] = [];
  const flush = () => {
    if (para.length) {
      blocks.push({ t: 'p', c: parseInline(para.join('\n')) });
      para = [];
    }
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const fence = /^\s*```\s*([\w+-]*)/.exec(line);
    if (fence) {
      flush();
      const body: string[] = [];
      for (i++; i < lines.length && !/^\s*```/.test(lines[i]); i++) {
        body.push(lines[i]);
      }
      blocks.push({ t: 'pre', lang: fence[1] || undefined, v: body.join('\n') });
      continue;
    }
    const table = readTable(lines, i, (cell) => parseInline(cell));
    if (table) {
      flush();
      blocks.push(table.block);
      i = table.next - 1;
      continue;
    }
    const heading = /^(#{1,6})\s+(.*)$/.exec(line);
    const bullet = /^\s*(?:[-*+]|(\d+)[.)])\s+(.*)$/.exec(line);
    if (heading) {
      flush();
      blocks.push({ t: 'h', level: heading[1].length, c: parseInline(heading[2]) });
    } else if (/^\s*([-*_])(\s*\1){2,}\s*$/.test(line)) {
      flush();
      blocks.push({ t: 'hr' });
    } else if (bullet) {
      flush();
      const kind = bullet[1] === undefined ? 'ul' : 'ol';
      const last = blocks[blocks.length - 1];
      const item = parseInline(bullet[2]);
      if (last && last.t === kind) {
        last.items.push(item);
      } else {
        blocks.push({ t: kind, items: [item] });
      }
    } else if (/^\s*>/.test(line)) {
      flush();
      blocks.push({ t: 'quote', c: parseInline(line.replace(/^\s*>\s?/, '')) });
    } else if (line.trim() === '') {
      flush();
    } else {
      para.push(line);
    }
  }
  flush();
  return blocks;
}
