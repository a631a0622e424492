import { geminiRules, inlinePartMedia } from '../../core/estimate/geminiRequestTokens';
import { field, mediaOf, modalityOf, promptParts } from './promptParts';

type Obj = Record<string, unknown>;

/** What the estimate's counter made of a request (EmulatorOptions.promptTokens), and the model it counted for. */
export interface CountedPrompt {
  tokens: number;
  model: string;
}

/** A media part the estimate cannot size stands for one 258-token tile, as in the emulator's rough rule (usage.ts). */
const MEDIA_STAND_IN = 258;

/** An inline part's tokens as the estimate sizes them, or undefined where the estimate reports the part unknown. */
function sizedMedia(part: Obj, tiles: boolean): number | undefined {
  const media = inlinePartMedia(part, tiles);
  return media && 'tokens' in media ? media.tokens : undefined;
}

/**
 * The per-modality split of a counted prompt, which adds up to what the estimate counted plus a stand-in for each
 * media part the estimate left out as unknown (a `fileData` URI, a format it does not parse): the estimate says it
 * could not size those, and a prompt with an image still costs something on the real service. TEXT is the rest:
 * the counted tokens minus the media the estimate sized (so per-Content and tool tokens count as TEXT).
 */
export function countedModalities(request: Obj, counted: CountedPrompt): Map<string, number> {
  const tiles = geminiRules(counted.model).mediaTiles;
  const media: [string, number][] = [];
  let sized = 0;
  for (const part of promptParts(request)) {
    const found = mediaOf(part);
    if (!found) {
      continue;
    }
    const tokens = sizedMedia(part, tiles);
    sized += tokens ?? 0;
    media.push([modalityOf(field(found, 'mimeType', 'mime_type')), tokens ?? MEDIA_STAND_IN]);
  }
  const text = Math.max(0, counted.tokens - sized);
  const counts = new Map<string, number>(text > 0 || media.length === 0 ? [['TEXT', text]] : []);
  for (const [modality, tokens] of media) {
    counts.set(modality, (counts.get(modality) ?? 0) + tokens);
  }
  return counts;
}
