// UTF-8 well-formedness (Unicode 15, table 3-7), for the vocabulary file's records (vocabTable.ts).
const isContinuation = (b: number): boolean => (b & 0xc0) === 0x80;

/** Whether `bytes[from, to)` is well-formed UTF-8 (no overlong form, surrogate, code point past U+10FFFF, cut end). */
export function isWellFormed(bytes: Uint8Array, from: number, to: number): boolean {
  for (let i = from; i < to;) {
    const b0 = bytes[i];
    if (b0 < 0x80) {
      i++;
    } else if (b0 >= 0xc2 && b0 <= 0xdf) {
      if (i + 1 >= to || !isContinuation(bytes[i + 1])) {
        return false;
      }
      i += 2;
    } else if (b0 >= 0xe0 && b0 <= 0xef) {
      const b1 = bytes[i + 1];
      if (
        i + 2 >= to ||
        b1 < (b0 === 0xe0 ? 0xa0 : 0x80) ||
        b1 > (b0 === 0xed ? 0x9f : 0xbf) ||
        !isContinuation(bytes[i + 2])
      ) {
        return false;
      }
      i += 3;
    } else if (b0 >= 0xf0 && b0 <= 0xf4) {
      const b1 = bytes[i + 1];
      if (
        i + 3 >= to ||
        b1 < (b0 === 0xf0 ? 0x90 : 0x80) ||
        b1 > (b0 === 0xf4 ? 0x8f : 0xbf) ||
        !isContinuation(bytes[i + 2]) ||
        !isContinuation(bytes[i + 3])
      ) {
        return false;
      }
      i += 4;
    } else {
      return false;
    }
  }
  return true;
}
