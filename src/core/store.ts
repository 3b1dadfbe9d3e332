// The session store port: journals (append-only, one per session) and the catalog index.
import type { BudgetLimits } from './budget-limits.js';
import type { JournalRecord, SessionHeader } from './journal-record.js';
import type { Result } from './result.js';
import type { UsageTotals } from './usage-totals.js';

/**
 * An open journal. `append` returns once the record is written (a crash of agentmux cannot lose
 * it); the file store syncs it to disk right after, off the event loop.
 */
export interface JournalWriter {
  append(record: JournalRecord): Result<void>;
  close(): void;
}

/** A journal read back: its records in order, and any notice (e.g. a repaired torn tail). */
export type LoadedJournal = {
  header: SessionHeader;
  /** One per line, header first: `records[i]` is line i + 1 of the journal. */
  records: JournalRecord[];
  notices: string[];
};

/** A journal that could not be read; `message` is `PATH:LINE: problem (copy kept at PATH2)`. */
export type LoadProblem = { path: string; message: string };

/** One row of the catalog: enough to list sessions without opening journals. */
export type SessionSummary = {
  id: string;
  name: string;
  model: string | undefined;
  created: number;
  updated: number;
  /** Turns started in this session (spent: every branch, copies not counted; what turn caps count). */
  turns: number;
  /** Turns on its current branch, copies included (what its pane shows); absent until first summarized. */
  branchTurns?: number | undefined;
  inputTokens: number;
  outputTokens: number;
  /** Cost of the priced answers; null while the journal has not been read (unknown). */
  costUsd: number | null;
  /** Answers whose model has no price (not in costUsd). */
  unknownCosts: number;
  budget: BudgetLimits;
  /** The workflow run the session belongs to, if any. */
  run?: string | undefined;
};

export interface SessionStore {
  /** Creates a journal whose first line is `header`. */
  create(header: SessionHeader): Result<JournalWriter>;
  /** Reads a whole journal, repairing a torn last line; a corrupt line is a LoadProblem. */
  load(sessionId: string): Result<LoadedJournal, LoadProblem>;
  /**
   * For a journal that loaded but cannot be replayed (e.g. an entry whose parent is unknown):
   * keeps a copy aside and returns `PATH:LINE: problem (copy kept at PATH2)`, the form every
   * load problem takes. `line` counts from 1 (see `LoadedJournal.records`). Optional so that
   * in-memory stores (tests, benches) need not invent paths; without it the message is
   * `ID: problem`.
   */
  reportCorrupt?(sessionId: string, line: number | undefined, problem: string): string;
  /** Opens an existing journal for appending (after `load`). */
  openWriter(sessionId: string): Result<JournalWriter>;
  /** The newest session whose current name is `name`, if any. */
  findByName(name: string): string | undefined;
  list(): SessionSummary[];
  /** The sums of `list()` (store-totals.ts), when the store keeps them cheaper than a list: the cockpit reads them every frame. */
  totals?(): UsageTotals;
  /** Records a session's summary in the catalog (cheap, may be written later). */
  updateSummary(summary: SessionSummary): void;
  /**
   * The session browser's trash (optional: in-memory stores need none). `trash` moves a closed
   * session's journal aside and drops it from the catalog; `restore` brings it back.
   */
  trash?(sessionId: string): Result<string>;
  restore?(sessionId: string): Result<string>;
  /** The sessions in the trash, newest activity first. */
  listTrash?(): SessionSummary[];
  /** Renames a session that no agent has open: a `rename` record in its journal, then the catalog. */
  rename?(sessionId: string, name: string): Result<void>;
}
