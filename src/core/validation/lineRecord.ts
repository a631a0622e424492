import type { Issue } from './types';
import type { LineResult } from './lineCheck';
import type { LineVote } from './kindVote';
import { isBlank } from './validationSession';

/** One line of the document with its cached result. Records move with their line, so edits never renumber them. */
export interface LineRecord extends LineResult {
  text: string;
  blank: boolean;
  dirty: boolean;
  removed: boolean;
  /** The records sharing this id (the array is the map's value), so a duplicate check needs no lookup. */
  idGroup: LineRecord[] | undefined;
  /** Whether `fileVote` holds the line's vote yet (asked of the lines in the kind vote's window only). */
  voted: boolean;
  /** What the line says about the file (see {@link KindVote}); the text never changes, so it is worked out once. */
  fileVote: LineVote;
}

const NONE: Issue[] = [];

/** A record for a line not yet validated (blank lines need no validation). */
export function record(text: string): LineRecord {
  const blank = isBlank(text);
  return {
    text,
    blank,
    dirty: !blank,
    removed: false,
    parsed: false,
    shape: undefined,
    vote: undefined,
    issues: NONE,
    id: undefined,
    url: undefined,
    model: undefined,
    idGroup: undefined,
    voted: false,
    fileVote: undefined,
  };
}
