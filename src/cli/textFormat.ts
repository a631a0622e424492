// Numbers and counts in the CLI's text output, which people read (JSON output keeps plain numbers for programs).

/** A number with thousands separators, as the editor writes them (`toLocaleString('en-US')`): 1234567 → 1,234,567. */
export const num = (n: number): string => n.toLocaleString('en-US');

/** `1 request`, `2 requests`, `1,200 requests`; `plural` for words that do not just take an s. */
export function count(n: number, word: string, plural = `${word}s`): string {
  return `${num(n)} ${n === 1 ? word : plural}`;
}

/** A sum in dollars: cents from $0.01 up (`$1,234.50`), two significant digits below (`$0.000070`). */
export const usd = (n: number): string =>
  `$${n < 0.01 && n > 0 ? n.toPrecision(2) : n.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
