import type { BatchKind } from '../batchKind';
import { DETECTION_LINES, lineShape, majorityKind, shapeVote } from './lineShape';

/**
 * Detects the kind of a batch file from its lines: the majority of the shapes of the first
 * {@link DETECTION_LINES} lines that parse as JSON objects. A file with no such line is gemini-generate.
 */
export function detectKind(lines: Iterable<string>): BatchKind {
  const votes: Record<BatchKind, number> = { 'gemini-generate': 0, 'gemini-embed': 0, openai: 0 };
  let parsed = 0;
  for (const line of lines) {
    if (parsed >= DETECTION_LINES) { break; }
    const value = parseObject(line);
    if (value === undefined) { continue; }
    parsed++;
    const shape = lineShape(value);
    if (shape !== undefined) { votes[shapeVote(shape)]++; }
  }
  return majorityKind(votes);
}

function parseObject(line: string): Record<string, unknown> | undefined {
  if (line.trim() === '') { return undefined; }
  try {
    const value: unknown = JSON.parse(line);
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}
