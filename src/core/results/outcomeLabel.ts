import { answerText, firstWords } from './answerText';
import type { ResultRow } from './resultRow';

/** The first words of a no-answer: what stopped it (`blocked: SAFETY (HARM_CATEGORY_HARASSMENT)`). */
function noAnswerWords(row: ResultRow): string {
  const n = row.noAnswer!;
  const categories = n.categories ? ` (${n.categories.join(', ')})` : '';
  const what = { blocked: 'blocked', maxTokens: 'no answer, out of tokens', empty: 'no answer' }[n.kind];
  return `${what}: ${n.reason}${categories}`;
}

/**
 * What an input line shows at its end: ✓, ⚠ (a response with no usable answer: blocked, out of tokens, empty) or ✗,
 * the finish reason or error code, the answer's first words, tokens.
 */
export function outcomeLabel(row: ResultRow, words = 8): string {
  const tokens = row.tokens.total ?? (row.tokens.prompt ?? 0) + (row.tokens.output ?? 0) + (row.tokens.thoughts ?? 0);
  if (!row.ok) {
    const message = row.error?.message ? ` · ${firstWords(row.error.message, words)}` : '';
    return `✗ ${row.error?.code ?? 'error'}${message}`;
  }
  if (row.noAnswer) {
    return `⚠ ${noAnswerWords(row)}${tokens > 0 ? ` · ${tokens} tok` : ''}`;
  }
  const pieces = ['✓'];
  if (row.finishReason) {
    pieces.push(row.finishReason);
  }
  const answer = firstWords(answerText(row.parts).replace(/\s+/g, ' '), words);
  if (answer) {
    pieces.push(`“${answer}”`);
  }
  if (tokens > 0) {
    pieces.push(`${tokens} tok`);
  }
  return pieces.join(' · ').replace('✓ · ', '✓ ');
}

/** The hover's facts, one per line, before the whole answer (plain text: the editor escapes it). */
export function outcomeFacts(row: ResultRow): string[] {
  const facts: string[] = [];
  if (row.key !== undefined) {
    facts.push(`Key: ${row.key}`);
  }
  if (!row.ok && row.error) {
    facts.push(`Failed: ${row.error.code}${row.error.number !== undefined ? ` (${row.error.number})` : ''}`);
    if (row.error.message) {
      facts.push(row.error.message);
    }
  }
  if (row.ok && row.noAnswer) {
    facts.push(`No answer: ${noAnswerWords(row)}`);
    if (row.noAnswer.message) {
      facts.push(row.noAnswer.message);
    }
  }
  if (row.finishReason) {
    facts.push(`Finish reason: ${row.finishReason}`);
  }
  const t = row.tokens;
  const counts = [
    ['prompt', t.prompt],
    ['output', t.output],
    ['thoughts', t.thoughts],
    ['cached', t.cached],
    ['total', t.total],
  ]
    .filter(([, n]) => n !== undefined)
    .map(([name, n]) => `${name} ${n}`);
  if (counts.length > 0) {
    facts.push(`Tokens: ${counts.join(', ')}`);
  }
  if (row.modelVersion) {
    facts.push(`Model: ${row.modelVersion}`);
  }
  return facts;
}
