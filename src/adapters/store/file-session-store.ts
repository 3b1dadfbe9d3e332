// The session store on disk (DESIGN.md §3 "Storage"): journals, blobs and the catalog under one
// directory that a lock keeps to a single agentmux.
import fs from 'node:fs';
import path from 'node:path';
import type { BudgetLimits } from '../../core/budget-limits.js';
import type { JournalRecord, SessionHeader } from '../../core/journal-record.js';
import { err, messageOf, ok, type Result } from '../../core/result.js';
import type { JournalWriter, LoadedJournal, LoadProblem, SessionStore, SessionSummary } from '../../core/store.js';
import type { UsageTotals } from '../../core/usage-totals.js';
import { BlobStore } from './blob-store.js';
import { SummaryRow, type CockpitSetting } from './catalog-schema.js';
import { Catalog } from './catalog.js';
import { readJournalFacts, summaryFromFacts } from './journal-summary.js';
import { loadJournal } from './journal-reader.js';
import { createJournal, FileJournalWriter } from './journal-writer.js';
import { reportCorruptJournal } from './quarantine.js';
import { lockStoreDir, type StoreLock } from './store-lock.js';
import { checkSessionId, journalPath, storePaths, type StorePaths } from './store-paths.js';
import { DIR_MODE, FILE_MODE } from './store-modes.js';

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
    const lock = lockStoreDir(dir);
    return lock.ok ? FileSessionStore.openLocked(dir, lock.value) : lock;
  }

  /** Opens the store whose lock `lock` (from `lockStoreDir`) holds: loads the catalog; the store releases the lock on close. */
  static openLocked(dir: string, lock: StoreLock): Result<FileSessionStore> {
    const paths = storePaths(dir);
    try {
      fs.mkdirSync(paths.journals, { recursive: true, mode: DIR_MODE });
      fs.mkdirSync(paths.blobs, { recursive: true, mode: DIR_MODE });
    } catch (thrown) {
      lock.release();
      return err(`${dir}: cannot create the store layout: ${messageOf(thrown)}`);
    }
    return ok(new FileSessionStore(paths, lock, Catalog.open(paths)));
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
      // A new session has spent nothing yet: a known zero, not "?".
      costUsd: 0,
      unknownCosts: 0,
      budget: {},
      ...(header.run === undefined ? {} : { run: header.run }),
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

  /** The sums of `list()`, memoized by the catalog (the status bar reads them every frame). */
  totals(): UsageTotals {
    return this.catalog.totals();
  }

  /** Records the summary; the session's journal still decides its name and budget. */
  updateSummary(summary: SessionSummary): void {
    this.catalog.put(summary);
  }

  /** DIR/trash: journals of deleted sessions, restorable (blobs stay shared in DIR/blobs). */
  get trashDir(): string {
    return path.join(this.paths.dir, 'trash');
  }

  trash(sessionId: string): Result<string> {
    const id = checkSessionId(sessionId);
    if (!id.ok) return id;
    if (this.writers.has(sessionId)) return err(`${sessionId} is open in a pane: close it first`);
    const from = journalPath(this.paths, sessionId);
    const to = path.join(this.trashDir, `${sessionId}.jsonl`);
    try {
      if (!fs.existsSync(from)) return err(`no stored session ${sessionId}`);
      fs.mkdirSync(this.trashDir, { recursive: true, mode: DIR_MODE });
      const row = this.catalog.get(sessionId);
      if (row !== undefined) fs.writeFileSync(this.trashSummaryPath(sessionId), JSON.stringify(row), { mode: FILE_MODE });
      fs.renameSync(from, to);
    } catch (thrown) {
      return err(`${from}: ${messageOf(thrown)}`);
    }
    this.catalog.remove(sessionId);
    return ok(to);
  }

  restore(sessionId: string): Result<string> {
    const id = checkSessionId(sessionId);
    if (!id.ok) return id;
    const from = path.join(this.trashDir, `${sessionId}.jsonl`);
    const to = journalPath(this.paths, sessionId);
    try {
      if (!fs.existsSync(from)) return err(`no session ${sessionId} in ${this.trashDir}`);
      if (fs.existsSync(to)) return err(`${to} exists: not overwritten`);
      fs.renameSync(from, to);
    } catch (thrown) {
      return err(`${from}: ${messageOf(thrown)}`);
    }
    const problem = this.catalog.reindex(sessionId);
    if (problem !== undefined) return err(problem);
    const saved = this.trashSummary(sessionId);
    const indexed = this.catalog.get(sessionId);
    // The journal wins on name and budget; the saved row keeps the totals the journal alone lacks.
    if (saved !== undefined && indexed !== undefined) this.catalog.put({ ...saved, name: indexed.name, budget: indexed.budget });
    fs.rmSync(this.trashSummaryPath(sessionId), { force: true });
    return ok(to);
  }

  private trashSummaryPath(sessionId: string): string {
    return path.join(this.trashDir, `${sessionId}.summary.json`);
  }

  /** The catalog row kept when the session was trashed, if it is there and valid. */
  private trashSummary(sessionId: string): SessionSummary | undefined {
    try {
      const parsed = SummaryRow.safeParse(JSON.parse(fs.readFileSync(this.trashSummaryPath(sessionId), 'utf8')));
      return parsed.success ? { ...parsed.data, model: parsed.data.model } : undefined;
    } catch {
      return undefined;
    }
  }

  listTrash(): SessionSummary[] {
    let names: string[];
    try {
      names = fs.readdirSync(this.trashDir);
    } catch {
      return [];
    }
    const rows: SessionSummary[] = [];
    for (const name of names) {
      if (!name.endsWith('.jsonl') || !checkSessionId(name.slice(0, -'.jsonl'.length)).ok) continue;
      const facts = readJournalFacts(path.join(this.trashDir, name));
      if (!facts.ok) continue;
      const saved = this.trashSummary(facts.value.header.id);
      rows.push(saved === undefined ? summaryFromFacts(facts.value) : { ...saved, name: facts.value.name });
    }
    // Newest first; equal times (one clock tick) by name, so the order never depends on the catalog's.
    return rows.sort((a, b) => b.updated - a.updated || a.name.localeCompare(b.name));
  }

  rename(sessionId: string, name: string): Result<void> {
    if (this.writers.has(sessionId)) return err(`${sessionId} is open in a pane: rename its agent instead`);
    const writer = this.openWriter(sessionId);
    if (!writer.ok) return writer;
    const written = writer.value.append({ t: 'rename', name });
    writer.value.close();
    return written;
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
