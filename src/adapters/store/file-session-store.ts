// The session store on disk (DESIGN.md §3 "Storage"): journals, blobs and the catalog under one
// directory that a lock keeps to a single agentmux.
import fs from 'node:fs';
import type { BudgetLimits } from '../../core/budget-limits.js';
import type { JournalRecord, SessionHeader } from '../../core/journal-record.js';
import { err, messageOf, ok, type Result } from '../../core/result.js';
import type { JournalWriter, LoadedJournal, LoadProblem, SessionStore, SessionSummary } from '../../core/store.js';
import { BlobStore } from './blob-store.js';
import type { CockpitSetting } from './catalog-schema.js';
import { Catalog } from './catalog.js';
import { loadJournal } from './journal-reader.js';
import { createJournal, FileJournalWriter } from './journal-writer.js';
import { reportCorruptJournal } from './quarantine.js';
import { acquireStoreLock, type StoreLock } from './store-lock.js';
import { checkSessionId, journalPath, storePaths, type StorePaths } from './store-paths.js';

/** Implements the SessionStore port over a store directory; one instance per directory. */
export class FileSessionStore implements SessionStore {
  private readonly blobs: BlobStore;
  private readonly writers = new Map<string, JournalWriter>();
  private closed = false;

  private constructor(
    readonly paths: StorePaths,
    private readonly lock: StoreLock,
    private readonly catalog: Catalog,
  ) {
    this.blobs = new BlobStore(paths.blobs);
  }

  /** Creates DIR if missing, takes its lock (before reading anything), then loads the catalog. */
  static open(dir: string): Result<FileSessionStore> {
    const paths = storePaths(dir);
    try {
      fs.mkdirSync(dir, { recursive: true });
    } catch (thrown) {
      return err(`${dir}: cannot create the store directory: ${messageOf(thrown)}`);
    }
    const lock = acquireStoreLock(dir);
    if (!lock.ok) return lock;
    try {
      fs.mkdirSync(paths.journals, { recursive: true });
      fs.mkdirSync(paths.blobs, { recursive: true });
    } catch (thrown) {
      lock.value.release();
      return err(`${dir}: cannot create the store layout: ${messageOf(thrown)}`);
    }
    return ok(new FileSessionStore(paths, lock.value, Catalog.open(paths)));
  }

  /** What opening the store had to fix (a rebuilt catalog…), for the log. */
  get notices(): readonly string[] {
    return this.catalog.notices;
  }

  create(header: SessionHeader): Result<JournalWriter> {
    const id = checkSessionId(header.id);
    if (!id.ok) return err(`${this.paths.journals}: ${id.error}`);
    const created = createJournal(journalPath(this.paths, header.id), header, this.blobs);
    if (!created.ok) return created;
    this.catalog.put({
      id: header.id,
      name: header.name,
      model: header.model,
      created: header.created,
      updated: header.created,
      turns: 0,
      inputTokens: 0,
      outputTokens: 0,
      costUsd: null,
      budget: {},
    });
    return ok(this.track(header.id, created.value));
  }

  load(sessionId: string): Result<LoadedJournal, LoadProblem> {
    const id = checkSessionId(sessionId);
    if (!id.ok) return err({ path: this.paths.journals, message: `${this.paths.journals}: ${id.error}` });
    const loaded = loadJournal(
      { file: journalPath(this.paths, sessionId), sessionId, quarantine: this.paths.quarantine },
      this.blobs,
    );
    if (loaded.ok) this.catalog.applyJournal(sessionId, journalFacts(loaded.value));
    return loaded;
  }

  reportCorrupt(sessionId: string, line: number | undefined, problem: string): string {
    const id = checkSessionId(sessionId);
    if (!id.ok) return `${this.paths.journals}: ${id.error}`;
    return reportCorruptJournal({ file: journalPath(this.paths, sessionId), sessionId, quarantine: this.paths.quarantine }, line, problem);
  }

  openWriter(sessionId: string): Result<JournalWriter> {
    const id = checkSessionId(sessionId);
    if (!id.ok) return err(`${this.paths.journals}: ${id.error}`);
    const file = journalPath(this.paths, sessionId);
    if (this.writers.has(sessionId)) return err(`${file}: already open for writing`);
    const opened = FileJournalWriter.open(file, this.blobs);
    if (!opened.ok) return opened;
    return ok(this.track(sessionId, opened.value));
  }

  findByName(name: string): string | undefined {
    return this.catalog.findByName(name);
  }

  list(): SessionSummary[] {
    return this.catalog.list();
  }

  /** Records the summary; the session's journal still decides its name and budget. */
  updateSummary(summary: SessionSummary): void {
    this.catalog.put(summary);
  }

  /** The cockpit saved at the last quit with this layout (extra panes, tiling). */
  cockpit(layout: string): CockpitSetting | undefined {
    return this.catalog.cockpit(layout);
  }

  /** Saves the cockpit of a layout for the next start (written with the catalog). */
  setCockpit(layout: string, setting: CockpitSetting): void {
    this.catalog.setCockpit(layout, setting);
  }

  /** The overall budget (all agents together), kept in the catalog's settings. */
  overallBudget(): BudgetLimits {
    return this.catalog.overallBudget();
  }

  setOverallBudget(limits: BudgetLimits): void {
    this.catalog.setOverallBudget(limits);
  }

  /** Why the latest catalog write failed, if it did (for the log); journals are unaffected. */
  catalogWriteProblem(): string | undefined {
    return this.catalog.lastWriteProblem();
  }

  /** Resolves once every catalog change so far is written. */
  flush(): Promise<void> {
    return this.catalog.flush();
  }

  /** Closes open journals, writes the catalog and releases the lock. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    for (const writer of [...this.writers.values()]) writer.close();
    await this.catalog.flush();
    this.lock.release();
  }

  /** Wraps a writer so the catalog follows rename and budget records and the store can close it. */
  private track(sessionId: string, inner: FileJournalWriter): JournalWriter {
    const writers = this.writers;
    const catalog = this.catalog;
    const writer: JournalWriter = {
      append(record: JournalRecord): Result<void> {
        const appended = inner.append(record);
        if (!appended.ok) return appended;
        if (record.t === 'rename') catalog.applyJournal(sessionId, { name: record.name, budget: undefined });
        if (record.t === 'budget') {
          const name = catalog.get(sessionId)?.name;
          if (name !== undefined) catalog.applyJournal(sessionId, { name, budget: record.limits });
        }
        return appended;
      },
      close(): void {
        inner.close();
        if (writers.get(sessionId) === writer) writers.delete(sessionId);
      },
    };
    writers.set(sessionId, writer);
    return writer;
  }
}

/** The current name and latest budget a loaded journal declares. */
function journalFacts(journal: LoadedJournal): { name: string; budget: BudgetLimits | undefined } {
  let name = journal.header.name;
  let budget: BudgetLimits | undefined;
  for (const record of journal.records) {
    if (record.t === 'rename') name = record.name;
    if (record.t === 'budget') budget = record.limits;
  }
  return { name, budget };
}
