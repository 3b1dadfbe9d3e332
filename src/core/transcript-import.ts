// Transcript files as a graft SOURCE (DESIGN.md §5): the port a file reader implements, and the
// pure step that turns what it read into a read-only branch that `graft` copies from.
import { viewBranch, type BranchView } from './branch.js';
import type { AssistantBlock, Entry, EntryId } from './entry.js';
import type { JournalRecord, SessionHeader } from './journal-record.js';
import { err, ok, type Result } from './result.js';
import { describeReplayProblem, SessionState } from './session-state.js';

/** One message of a foreign transcript (e.g. Claude Code's session JSONL), in our terms. */
export type ImportedMessage =
  | { readonly role: 'user'; readonly text: string; readonly opensTurn: boolean }
  | { readonly role: 'assistant'; readonly model: string; readonly blocks: readonly AssistantBlock[] }
  | {
      readonly role: 'tool-result';
      readonly toolUseId: string;
      readonly toolName: string;
      readonly content: string;
      readonly isError: boolean;
    };

/** A transcript file as read: an agentmux journal, or messages of another tool; `skipped` counts lines not understood. */
export type TranscriptFile =
  | {
      readonly format: 'agentmux';
      readonly name: string;
      readonly header: SessionHeader;
      readonly records: readonly JournalRecord[];
      readonly skipped: number;
    }
  | {
      readonly format: 'claude-code';
      readonly name: string;
      readonly messages: readonly ImportedMessage[];
      readonly skipped: number;
    };

/** The port: reads a transcript file; `undefined` when no file is at that path. */
export interface TranscriptReader {
  read(path: string): Result<TranscriptFile | undefined>;
}

/** A graft SOURCE that names a file: it contains `/` or ends in `.jsonl` / `.json`. */
export function looksLikeTranscriptPath(reference: string): boolean {
  return reference.includes('/') || reference.endsWith('.jsonl') || reference.endsWith('.json');
}

/** The active branch of a transcript file (read-only: nothing is written anywhere). */
export function transcriptBranch(file: TranscriptFile, newId: () => string, at: number): Result<BranchView> {
  if (file.format === 'agentmux') {
    const replayed = SessionState.replay(file.header, file.records);
    if (!replayed.ok) return err(describeReplayProblem(replayed.error));
    return ok(replayed.value.view());
  }
  return ok(viewBranch(importedEntries(file.messages, newId, at)));
}

/** "(3 lines skipped)" for the graft message, or nothing when every line was understood. */
export function skippedNote(file: TranscriptFile): string {
  if (file.skipped === 0) return '';
  return ` (${file.skipped} ${file.skipped === 1 ? 'line' : 'lines'} of ${file.name} skipped)`;
}

/** Imported messages as a root chain of entries, in order. */
function importedEntries(messages: readonly ImportedMessage[], newId: () => string, at: number): Entry[] {
  const entries: Entry[] = [];
  let parent: EntryId | null = null;
  for (const message of messages) {
    const id = newId();
    const base = { id, parent, at, provenance: { kind: 'local' } as const };
    switch (message.role) {
      case 'user':
        entries.push({ ...base, kind: 'user', origin: 'typed', opensTurn: message.opensTurn, text: message.text });
        break;
      case 'assistant':
        entries.push({
          ...base,
          kind: 'assistant',
          model: message.model,
          blocks: [...message.blocks],
          stopReason: null,
          usage: { inputTokens: 0, outputTokens: 0, cacheReadTokens: 0, cacheWriteTokens: 0 },
        });
        break;
      case 'tool-result':
        entries.push({
          ...base,
          kind: 'tool-result',
          toolUseId: message.toolUseId,
          toolName: message.toolName,
          content: message.content,
          isError: message.isError,
        });
        break;
    }
    parent = id;
  }
  return entries;
}
