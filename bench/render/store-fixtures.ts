// Session stores for the bench, written through the real store API (FileSessionStore +
// SessionState): agents whose panes already hold N lines, and stores of 500 sessions.
import { FileSessionStore } from '../../src/adapters/store/file-session-store.js';
import { randomEntryId } from '../../src/core/controller.js';
import type { Entry } from '../../src/core/entry.js';
import type { SessionHeader } from '../../src/core/journal-record.js';
import { SessionState } from '../../src/core/session-state.js';
import { answerText } from './answer-text.js';

const MODEL = 'claude-sonnet-4-6';
const USAGE = { inputTokens: 1200, outputTokens: 300, cacheReadTokens: 0, cacheWriteTokens: 0 };
/** Lines per stored answer: a few long entries make many lines (answers are short lines). */
const LINES_PER_ANSWER = 2000;

/** A session to write: its name and how many answer lines its transcript holds. */
export type StoredSession = { readonly name: string; readonly lines: number };

function userEntry(turn: number): Entry {
  return {
    kind: 'user',
    id: randomEntryId(),
    parent: null,
    at: Date.now(),
    provenance: { kind: 'local' },
    origin: 'typed',
    opensTurn: true,
    text: `Turn ${turn}: look at src/parser.ts and explain the failing test.`,
  };
}

function answerEntry(lines: number, text: string): Entry {
  return {
    kind: 'assistant',
    id: randomEntryId(),
    parent: null,
    at: Date.now(),
    provenance: { kind: 'local' },
    model: MODEL,
    blocks: [{ type: 'text', text: text.split('\n').slice(0, lines).join('\n') }],
    stopReason: 'end_turn',
    usage: USAGE,
  };
}

/** Writes each session (one turn per LINES_PER_ANSWER lines, at least one turn) into the store at `dir`. */
export async function writeStore(dir: string, sessions: readonly StoredSession[]): Promise<void> {
  const opened = FileSessionStore.open(dir);
  if (!opened.ok) throw new Error(opened.error);
  const store = opened.value;
  // One answer text long enough for the longest entry, cut per entry.
  const longText = answerText(LINES_PER_ANSWER * 16);
  try {
    for (const { name, lines } of sessions) {
      const header: SessionHeader = { t: 'session', v: 1, id: randomEntryId(), name, created: Date.now(), model: MODEL };
      const writer = store.create(header);
      if (!writer.ok) throw new Error(writer.error);
      const session = SessionState.create(header, writer.value);
      if (!session.ok) throw new Error(session.error);
      const turns = Math.max(1, Math.ceil(lines / LINES_PER_ANSWER));
      for (let turn = 1; turn <= turns; turn++) {
        const answerLines = lines === 0 ? 3 : Math.min(LINES_PER_ANSWER, lines - (turn - 1) * LINES_PER_ANSWER);
        for (const entry of [userEntry(turn), answerEntry(answerLines, longText)]) {
          const done = session.value.commit({ ...entry, parent: session.value.tree.head });
          if (!done.ok) throw new Error(done.error);
        }
      }
      session.value.close();
    }
  } finally {
    await store.close();
  }
}
