// Copy mode's Enter on a tool call or its result: finds the call (name, id, whole input) and its
// result (the whole output: `fullOutput` when the model's copy was cut) from the row's entry.
import type { AssistantEntry, InterruptedEntry, ToolResultEntry, ToolUseBlock } from '../core/entry.js';
import type { RowSource } from '../core/transcript.js';
import type { StyledRun } from '../core/transcript-rows.js';
import { visibleControls } from '../core/visible-controls.js';

/** What the tool details overlay shows. */
export type ToolCallDetails = {
  readonly name: string;
  readonly id: string;
  /** Pretty JSON; undefined when the call is not on this branch's transcript (e.g. grafted away). */
  readonly input: string | undefined;
  /** The whole output; undefined while the call has no result yet. */
  readonly output: string | undefined;
  readonly isError: boolean;
};

/** What the lookup needs of a transcript (core/transcript.ts `Transcript` has it). */
export interface ToolLookupTranscript {
  readonly blockCount: number;
  blockAt(block: number): { readonly text: string; readonly runs: readonly StyledRun[] } | undefined;
  blockEntry(block: number): RowSource['entry'];
  rowSource(width: number, row: number): RowSource | undefined;
}

/** The tool call shown on `row` (its `→ name …` line, or any row of its result); undefined elsewhere. */
export function toolCallAt(transcript: ToolLookupTranscript, width: number, row: number): ToolCallDetails | undefined {
  const source = transcript.rowSource(width, row);
  const entry = source?.entry;
  if (source === undefined || entry === undefined) return undefined;
  if (entry.kind === 'tool-result') {
    const call = findCall(transcript, source.block, entry.toolUseId);
    return {
      name: entry.toolName,
      id: entry.toolUseId,
      input: call === undefined ? undefined : prettyInput(call),
      output: entry.fullOutput ?? entry.content,
      isError: entry.isError,
    };
  }
  if (entry.kind !== 'assistant' && entry.kind !== 'interrupted') return undefined;
  const index = styledLineIndex(transcript, source, 'tool-call');
  const call = index === undefined ? undefined : toolUses(entry)[index];
  if (call === undefined) return undefined;
  const result = findResult(transcript, source.block, call.id);
  return {
    name: call.name,
    id: call.id,
    input: prettyInput(call),
    output: result?.fullOutput ?? result?.content,
    isError: result?.isError ?? false,
  };
}

function toolUses(entry: AssistantEntry | InterruptedEntry): ToolUseBlock[] {
  return entry.blocks.flatMap((block) => (block.type === 'tool_use' ? [block] : []));
}

// Each string's controls drawn visibly (`␛`, `<U+202E>`), so the overlay drops nothing (issue 9).
function prettyInput(call: ToolUseBlock): string {
  return JSON.stringify(call.input, (_key, value: unknown) => (typeof value === 'string' ? visibleControls(value) : value), 2);
}

/**
 * Which of the entry's tool calls (or thinking blocks) the row shows: each is one line of the
 * block in `style`, in order, so the answer is how many such lines start before the row's line.
 */
export function styledLineIndex(transcript: ToolLookupTranscript, source: RowSource, style: StyledRun['style']): number | undefined {
  const runs = transcript.blockAt(source.block)?.runs ?? [];
  const lineStart = source.text.lastIndexOf('\n', source.start - 1) + 1;
  let index = 0;
  let runStart = 0;
  for (const run of runs) {
    if (runStart > lineStart) break;
    if (run.style === style) {
      if (lineStart < run.end) return index;
      index += 1;
    }
    runStart = run.end;
  }
  return undefined;
}

function findCall(transcript: ToolLookupTranscript, before: number, id: string): ToolUseBlock | undefined {
  for (let block = before - 1; block >= 0; block--) {
    const entry = transcript.blockEntry(block);
    if (entry?.kind !== 'assistant' && entry?.kind !== 'interrupted') continue;
    const call = toolUses(entry).find((use) => use.id === id);
    if (call !== undefined) return call;
  }
  return undefined;
}

function findResult(transcript: ToolLookupTranscript, after: number, id: string): ToolResultEntry | undefined {
  for (let block = after + 1; block < transcript.blockCount; block++) {
    const entry = transcript.blockEntry(block);
    if (entry?.kind === 'tool-result' && entry.toolUseId === id) return entry;
  }
  return undefined;
}
