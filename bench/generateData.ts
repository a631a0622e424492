import * as fs from 'node:fs';
import * as path from 'node:path';
import { seededRandom } from '../src/core/util/seededRandom';

/** Generated inputs live here (git-ignored). */
export const DATA_DIR = path.join(__dirname, '.data');

const WORDS = (
  'the of and to in is that for it as with was on be by this are from at or an which have not but all can one ' +
  'photosynthesis quantum battery invoice customer summary review translate classify sentiment paragraph résumé naïve ' +
  'données 数据 テスト émoji 😀 model token latency throughput gradient'
).split(' ');

function words(r: () => number, n: number): string {
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    out.push(WORDS[Math.floor(r() * WORDS.length)]);
  }
  return out.join(' ');
}

const SYSTEMS = [
  'You are a careful assistant. Answer in one short paragraph.',
  'You classify customer reviews. Reply with JSON only.',
  'Translate the user text to French, keep the formatting.',
];

/**
 * One realistic Gemini generateContent line: a mix of single prompts, system instructions, generationConfig
 * (temperature, thinking, JSON output with a response schema), safety settings, multi-turn chats and long texts.
 */
export function geminiLine(i: number, r: () => number, keyPrefix = 'req'): string {
  const kind = r();
  const request: Record<string, unknown> = {};
  if (kind < 0.15) {
    request.contents = [
      { role: 'user', parts: [{ text: words(r, 20) }] },
      { role: 'model', parts: [{ text: words(r, 40) }] },
      { role: 'user', parts: [{ text: words(r, 15) }] },
    ];
  } else {
    // Some long texts: documents to summarise.
    const length = r() < 0.1 ? 400 + Math.floor(r() * 1500) : 10 + Math.floor(r() * 120);
    request.contents = [{ role: 'user', parts: [{ text: `Item ${i}: ${words(r, length)}` }] }];
  }
  if (r() < 0.6) {
    request.systemInstruction = { parts: [{ text: SYSTEMS[Math.floor(r() * SYSTEMS.length)] }] };
  }
  if (r() < 0.7) {
    const config: Record<string, unknown> = {
      temperature: Math.round(r() * 100) / 100,
      maxOutputTokens: 256 + Math.floor(r() * 2048),
    };
    if (r() < 0.4) {
      config.thinkingConfig = { thinkingBudget: Math.floor(r() * 1024) };
    }
    if (r() < 0.3) {
      config.responseMimeType = 'application/json';
      config.responseSchema = {
        type: 'OBJECT',
        properties: { label: { type: 'STRING', enum: ['positive', 'negative', 'neutral'] }, score: { type: 'NUMBER' } },
        required: ['label'],
      };
    }
    request.generationConfig = config;
  }
  if (r() < 0.2) {
    request.safetySettings = [{ category: 'HARM_CATEGORY_HARASSMENT', threshold: 'BLOCK_ONLY_HIGH' }];
  }
  return JSON.stringify({ key: `${keyPrefix}-${i}`, request });
}

/** `count` lines, generated once per seed. */
export function geminiLines(count: number, seed = 42, keyPrefix = 'req'): string[] {
  const r = seededRandom(seed); // seeded: the same data every run
  return Array.from({ length: count }, (_, i) => geminiLine(i, r, keyPrefix));
}

/** The path of a file of at least `megabytes` MB of Gemini lines with unique keys (reused when already there). */
export function bigFile(megabytes: number): string {
  fs.mkdirSync(DATA_DIR, { recursive: true });
  const file = path.join(DATA_DIR, `gemini-${megabytes}mb.jsonl`);
  const target = megabytes * 1024 * 1024;
  if (fs.existsSync(file) && fs.statSync(file).size >= target) {
    return file;
  }
  const fd = fs.openSync(`${file}.tmp`, 'w');
  try {
    let written = 0;
    for (let block = 0; written < target; block++) {
      const chunk = `${geminiLines(10_000, 1000 + block, `b${block}`).join('\n')}\n`;
      written += fs.writeSync(fd, chunk);
    }
  } finally {
    fs.closeSync(fd);
  }
  fs.renameSync(`${file}.tmp`, file);
  return file;
}
