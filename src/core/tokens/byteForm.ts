import { Buffer } from 'node:buffer';

/**
 * Text in byte form: a string whose characters are the UTF-8 bytes of the text, one latin1 character each, as a line
 * decoded with `latin1` gives it (blockLines.ts). ASCII text is the same string in both forms. Equal texts stay equal,
 * and strings sort in code point order (UTF-8's byte order), which differs from JavaScript's UTF-16 order only
 * between a character past U+FFFF and one in U+E000–U+FFFF: two schema property names that differ first there are
 * rendered in the other order (geminiToolTokens.ts sorts keys), the one place the estimate could tell the forms apart.
 */

/** The UTF-16 text a byte-form string encodes. */
export function utf16Of(bytes: string): string {
  for (let i = 0; i < bytes.length; i++) {
    if (bytes.charCodeAt(i) >= 0x80) {
      return Buffer.from(bytes, 'latin1').toString('utf8');
    }
  }
  return bytes;
}
