/** Line scanning for JSONL: over a string (the editor) and over a byte stream (files of any size). */
export { splitLines, stripCr } from './textLines';
export { headLines } from './headLines';
export { ByteLineScanner, DEFAULT_MAX_LINE_BYTES, type LineSink, type ScannerOptions } from './byteLineScanner';
export { firstInvalidUtf8 } from './utf8';
