// An in-memory journal writer and session store: the real record flow without disk I/O, for
// tests and for measuring CPU cost alone.
import type { JournalRecord, SessionHeader } from '../../src/core/journal-record.js';
import { err, ok, type Result } from '../../src/core/result.js';
import type { JournalWriter, LoadedJournal, LoadProblem, SessionStore, SessionSummary } from '../../src/core/store.js';

/** Keeps every appended record in `records`, in order. */
export class MemoryJournalWriter implements JournalWriter {
  readonly records: JournalRecord[] = [];
  closed = false;

  append(record: JournalRecord): Result<void> {
    if (this.closed) return err('journal closed');
    this.records.push(record);
    return ok(undefined);
  }

  close(): void {
    this.closed = true;
  }
}

/** A SessionStore whose journals are MemoryJournalWriters. */
export class MemorySessionStore implements SessionStore {
  readonly #journals = new Map<string, { header: SessionHeader; writer: MemoryJournalWriter }>();
  readonly #summaries = new Map<string, SessionSummary>();

  create(header: SessionHeader): Result<JournalWriter> {
    const writer = new MemoryJournalWriter();
    const written = writer.append(header);
    if (!written.ok) return written;
    this.#journals.set(header.id, { header, writer });
    return ok(writer);
  }

  load(sessionId: string): Result<LoadedJournal, LoadProblem> {
    const journal = this.#journals.get(sessionId);
    if (journal === undefined) return err({ path: sessionId, message: `${sessionId}: no such session` });
    return ok({ header: journal.header, records: journal.writer.records.slice(1), notices: [] });
  }

  openWriter(sessionId: string): Result<JournalWriter> {
    const journal = this.#journals.get(sessionId);
    if (journal === undefined) return err(`${sessionId}: no such session`);
    journal.writer.closed = false;
    return ok(journal.writer);
  }

  findByName(name: string): string | undefined {
    let found: string | undefined;
    for (const { header, writer } of this.#journals.values()) {
      const renamed = writer.records.reduce((current, record) => (record.t === 'rename' ? record.name : current), header.name);
      if (renamed === name) found = header.id;
    }
    return found;
  }

  list(): SessionSummary[] {
    return [...this.#summaries.values()];
  }

  updateSummary(summary: SessionSummary): void {
    this.#summaries.set(summary.id, summary);
  }
}
