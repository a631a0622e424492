import { visit, type JSONPath } from 'jsonc-parser';

type Marker = 'target' | 'descend' | 'skip';
const STOP = new Error('found');

const samePath = (path: JSONPath, segments: readonly string[], length = segments.length): boolean =>
  path.length === length && path.every((p, i) => String(p) === segments[i]);
const isPrefix = (path: JSONPath, segments: readonly string[]): boolean =>
  path.length < segments.length && path.every((p, i) => String(p) === segments[i]);

/**
 * The [start, end) range of the value at `segments` in a JSON text, or with `key` of the property name holding it,
 * found in one scan that only descends along the path and builds no tree: for very long lines, where a whole parse
 * tree would cost memory in proportion to the values the line holds. Undefined when the path is not there.
 */
export function locateInText(text: string, segments: readonly string[], key: boolean): [number, number] | undefined {
  let found: [number, number] | undefined;
  const stack: Marker[] = [];
  let targetStart = -1;
  const begin = (offset: number, pathSupplier: () => JSONPath): boolean => {
    const path = pathSupplier();
    if (!key && samePath(path, segments)) {
      stack.push('target');
      targetStart = offset;
      return false;
    }
    const marker: Marker = isPrefix(path, segments) ? 'descend' : 'skip';
    stack.push(marker);
    return marker === 'descend';
  };
  const end = (offset: number, length: number): void => {
    if (stack.pop() === 'target') {
      found = [targetStart, offset + length];
      throw STOP;
    }
  };
  try {
    visit(
      text,
      {
        onObjectBegin: (offset, _length, _line, _char, pathSupplier) => begin(offset, pathSupplier),
        onArrayBegin: (offset, _length, _line, _char, pathSupplier) => begin(offset, pathSupplier),
        onObjectEnd: (offset, length) => end(offset, length),
        onArrayEnd: (offset, length) => end(offset, length),
        onObjectProperty: (property, offset, length, _line, _char, pathSupplier) => {
          if (
            key &&
            segments.length > 0 &&
            property === segments[segments.length - 1] &&
            samePath(pathSupplier(), segments, segments.length - 1)
          ) {
            found = [offset, offset + length];
            throw STOP;
          }
        },
        onLiteralValue: (_value, offset, length, _line, _char, pathSupplier) => {
          if (!key && samePath(pathSupplier(), segments)) {
            found = [offset, offset + length];
            throw STOP;
          }
        },
      },
      { disallowComments: true },
    );
  } catch (error) {
    if (error !== STOP && !(error instanceof RangeError)) {
      throw error;
    }
  }
  // A key was asked for but the place is an array item or the root: the value itself.
  return found ?? (key ? locateInText(text, segments, false) : undefined);
}
