/** One record of a CSV/TSV file: its fields, and whether it ended inside an unclosed quote (only the last can). */
export interface CsvRecord {
  fields: string[];
  unterminated?: boolean;
}

const QUOTE = 34;
const CR = 13;
const LF = 10;

/**
 * An incremental RFC 4180 parser: fed text in chunks of any size (a chunk may end anywhere, even between the two
 * characters of a CRLF or inside a quoted field), it returns each record once complete. Quoted fields may hold the
 * delimiter, `""` for a quote, and line breaks; a byte-order mark at the start is dropped; a quote inside an unquoted
 * field is kept as text (the common leniency). State is one record and one field, so memory stays flat.
 */
export class CsvParser {
  private field = '';
  private fields: string[] = [];
  private quoted = false;
  /** Inside a quoted field, the previous character was a quote: either the closing one or the first of `""`. */
  private quotePending = false;
  private afterCr = false;
  private started = false;
  /** Whether the record under way holds anything (a line with nothing on it is no record). */
  private touched = false;
  private readonly delimiter: number;

  constructor(delimiter: ',' | '\t' | ';' = ',') {
    this.delimiter = delimiter.charCodeAt(0);
  }

  /** Parses the next chunk; returns the records it completed. */
  push(text: string): CsvRecord[] {
    const out: CsvRecord[] = [];
    let i = 0;
    if (!this.started && text.length > 0) {
      this.started = true;
      if (text.charCodeAt(0) === 0xfeff) {
        i = 1;
      }
    }
    let runStart = i;
    const flushRun = (end: number): void => {
      if (end > runStart) {
        this.field += text.slice(runStart, end);
      }
    };
    for (; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (this.afterCr) {
        this.afterCr = false;
        if (c === LF) {
          runStart = i + 1;
          continue;
        }
      }
      if (this.quoted) {
        if (this.quotePending) {
          this.quotePending = false;
          if (c === QUOTE) {
            this.field += '"';
            runStart = i + 1;
            continue;
          }
          this.quoted = false; // that quote closed the field; this character is read as outside quotes below
        } else {
          if (c === QUOTE) {
            flushRun(i);
            this.quotePending = true;
            runStart = i + 1;
          }
          continue;
        }
      }
      if (c === this.delimiter) {
        flushRun(i);
        this.endField();
        runStart = i + 1;
      } else if (c === LF || c === CR) {
        flushRun(i);
        if (this.touched || this.field !== '') {
          this.endField();
          out.push({ fields: this.fields });
        }
        this.fields = [];
        this.touched = false;
        this.afterCr = c === CR;
        runStart = i + 1;
      } else if (c === QUOTE && this.field === '' && i === runStart) {
        this.quoted = true;
        this.touched = true;
        runStart = i + 1;
      }
    }
    flushRun(text.length);
    if (text.length > 0) {
      this.touched = this.touched || this.field !== '';
    }
    return out;
  }

  /** Ends the input: the last record, when the text does not end with a line break. */
  end(): CsvRecord[] {
    const unterminated = this.quoted && !this.quotePending;
    if (!this.touched && this.field === '' && this.fields.length === 0) {
      return [];
    }
    this.endField();
    const record: CsvRecord = unterminated ? { fields: this.fields, unterminated } : { fields: this.fields };
    this.fields = [];
    this.quoted = false;
    this.quotePending = false;
    this.touched = false;
    return [record];
  }

  private endField(): void {
    this.fields.push(this.field);
    this.field = '';
    this.touched = true;
  }
}
