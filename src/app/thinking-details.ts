// Copy mode's Enter on a `✻ thinking:` row: the whole thinking of that block (the pane shows one
// row cut at its width; B14: it could be read nowhere else).
import type { AssistantEntry, InterruptedEntry, ThinkingBlock } from '../core/entry.js';
import { styledLineIndex, type ToolLookupTranscript } from './tool-details.js';

/** The whole thinking shown collapsed on `row` (raw: the pager sanitizes it); undefined on other rows. */
export function thinkingAt(transcript: ToolLookupTranscript, width: number, row: number): string | undefined {
  const source = transcript.rowSource(width, row);
  const entry = source?.entry;
  if (source === undefined || (entry?.kind !== 'assistant' && entry?.kind !== 'interrupted')) return undefined;
  const index = styledLineIndex(transcript, source, 'thinking');
  const block = index === undefined ? undefined : thinkingBlocks(entry)[index];
  return block?.thinking;
}

function thinkingBlocks(entry: AssistantEntry | InterruptedEntry): ThinkingBlock[] {
  return entry.blocks.flatMap((block) => (block.type === 'thinking' ? [block] : []));
}
