// The catalog (DIR/catalog.json, lowdb): the small index of sessions and settings. It can always
// be rebuilt from the journals, and the journal wins where the two disagree.
import fs from 'node:fs';
import { Low } from 'lowdb';
import { PrivateDataFile } from './private-data-file.js';
import type { BudgetLimits } from '../../core/budget-limits.js';
import { messageOf } from '../../core/result.js';
import type { SessionSummary } from '../../core/store.js';
import { storeTotalsOf } from '../../core/store-totals.js';
import type { UsageTotals } from '../../core/usage-totals.js';
import { emptyCatalog, parseCatalog, type CatalogData, type CockpitSetting } from './catalog-schema.js';
import { readJournalFacts, summaryFromFacts, type JournalFacts } from './journal-summary.js';
import { keepCopy, reportCorruptJournal } from './quarantine.js';
import { checkSessionId, journalPath, type StorePaths } from './store-paths.js';
import { timedWriteGaps, type WriteGap, type WriteGaps } from './write-gap.js';

/** Journals changed this close to the catalog's last write (or later) are re-read at open. */
const clockSlackMs = 2000;

type CatalogRead = { data: CatalogData; modified: number } | { problem: string };

function readCatalogFile(paths: StorePaths): CatalogRead {
  let text: string;
  let modified: number;
  try {
    text = fs.readFileSync(paths.catalog, 'utf8');
    modified = fs.statSync(paths.catalog).mtimeMs;
  } catch (thrown) {
    const missing = thrown instanceof Error && 'code' in thrown && thrown.code === 'ENOENT';
    return { problem: missing ? 'missing' : messageOf(thrown) };
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (thrown) {
    return { problem: `invalid JSON (${messageOf(thrown)})` };
  }
  const parsed = parseCatalog(json);
  if (!parsed.ok) return { problem: parsed.error };
  return { data: parsed.value, modified };
}

// lowdb's read path (unused: open reads the file itself, to rebuild instead of throwing).
function parseCatalogText(text: string): CatalogData {
  const parsed = parseCatalog(JSON.parse(text));
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.value;
}

/** Session ids of the journals in DIR/journals, with each file's modification time. */
function listJournals(paths: StorePaths): Map<string, number> {
  const found = new Map<string, number>();
  let names: string[];
  try {
    names = fs.readdirSync(paths.journals);
  } catch {
    return found;
  }
  for (const name of names) {
    if (!name.endsWith('.jsonl')) continue;
    const id = name.slice(0, -'.jsonl'.length);
    if (!checkSessionId(id).ok) continue;
    try {
      found.set(id, fs.statSync(journalPath(paths, id)).mtimeMs);
    } catch {
      // Vanished between listing and stat: nothing to index.
    }
  }
  return found;
}

/** The catalog of one store: read (or rebuilt) at open, written back in the background. */
export class Catalog {
  private writing: Promise<void> | undefined;
  private pending = false;
  /** The pause after a write while more changes wait (write-gap.ts); flush cuts it short. */
  private gap: WriteGap | undefined;
  private hurry = false;
  /**
   * Row positions by id for `put` and `get`: a scan per call cost O(sessions) per agent event in
   * a 1,000-agent run. Rebuilt whenever the rows array is replaced or its length changed elsewhere.
   */
  private positions = new Map<string, number>();
  private positionsOf: SessionSummary[] | undefined;
  /** The sums of every row (`totals`), until a row changes. */
  private totalsMemo: UsageTotals | undefined;
  private writeProblem: string | undefined;
  /**
   * Journals whose header cannot be read but still names its agent, by that name (newest
   * kept). Not written to catalog.json: they are met again, and reported, at every open.
   */
  private readonly unreadable = new Map<string, { id: string; modified: number }>();

  private constructor(
    private readonly db: Low<CatalogData>,
    private readonly paths: StorePaths,
    /** What happened at open (a rebuild, a dropped row), for the log. */
    readonly notices: readonly string[],
    private readonly gaps: WriteGaps,
  ) {}

  /** Reads DIR/catalog.json, or rebuilds it from the journals when it is missing or corrupt. */
  static open(paths: StorePaths, gaps: WriteGaps = timedWriteGaps()): Catalog {
    const notices: string[] = [];
    const read = readCatalogFile(paths);
    const journals = listJournals(paths);
    const data = 'data' in read ? read.data : emptyCatalog();
    // One line, no indentation: the file is rewritten whole, and indenting ~1,000 rows doubled the work.
    const file = new PrivateDataFile<CatalogData>(paths.catalog, { parse: parseCatalogText, stringify: (value) => JSON.stringify(value) });
    const catalog = new Catalog(new Low<CatalogData>(file, data), paths, notices, gaps);
    if ('problem' in read) {
      let kept = '';
      if (read.problem !== 'missing') {
        const copy = keepCopy(paths.catalog, paths.quarantine, 'catalog', '.json');
        kept = copy.ok ? `; copy kept at ${copy.value}` : `; could not keep a copy: ${copy.error}`;
      }
      for (const id of journals.keys()) catalog.indexJournal(id, notices);
      notices.push(`${paths.catalog}: rebuilt from ${journals.size} journals (${read.problem}${kept})`);
    } else {
      catalog.reconcile(journals, read.modified, notices);
    }
    if ('problem' in read || notices.length > 0) catalog.scheduleWrite();
    return catalog;
  }

  /** Every session, oldest first. */
  list(): SessionSummary[] {
    return this.db.data.sessions.map((row) => ({ ...row })).sort((a, b) => a.created - b.created);
  }

  get(sessionId: string): SessionSummary | undefined {
    const index = this.position(sessionId);
    const row = index === undefined ? undefined : this.db.data.sessions[index];
    return row === undefined ? undefined : { ...row };
  }

  /** Tokens, cost and turns over every row (store-totals.ts), memoized until a row changes. */
  totals(): UsageTotals {
    this.totalsMemo ??= storeTotalsOf(this.db.data.sessions);
    return this.totalsMemo;
  }

  /**
   * The newest (latest created) session whose current name is `name`; failing that, an
   * unreadable journal whose header still gives that name, so loading it reports the problem
   * on the agent's pane instead of the agent silently starting an empty session.
   */
  findByName(name: string): string | undefined {
    let newest: SessionSummary | undefined;
    for (const row of this.db.data.sessions) {
      // A workflow run's session is never reattached by name (DESIGN.md §9).
      if (row.run !== undefined) continue;
      if (row.name === name && (newest === undefined || row.created >= newest.created)) newest = row;
    }
    return newest?.id ?? this.unreadable.get(name)?.id;
  }

  /** Adds or replaces a session's row. */
  put(summary: SessionSummary): void {
    const sessions = this.db.data.sessions;
    const index = this.position(summary.id);
    if (index !== undefined) sessions[index] = { ...summary };
    else this.positions.set(summary.id, sessions.push({ ...summary }) - 1);
    this.scheduleWrite();
  }

  /** Where row `sessionId` is in the rows array, if it is there. */
  private position(sessionId: string): number | undefined {
    const sessions = this.db.data.sessions;
    if (this.positionsOf !== sessions || this.positions.size !== sessions.length) {
      this.positions = new Map(sessions.map((row, index) => [row.id, index]));
      this.positionsOf = sessions;
    }
    const index = this.positions.get(sessionId);
    if (index === undefined) return undefined;
    // Checked, so a row changed behind the index is never mistaken for another.
    return sessions[index]?.id === sessionId ? index : this.rescan(sessionId);
  }

  private rescan(sessionId: string): number | undefined {
    const index = this.db.data.sessions.findIndex((row) => row.id === sessionId);
    if (index < 0) return undefined;
    this.positions.set(sessionId, index);
    return index;
  }

  /** Drops a session's row (its journal went to the trash). */
  remove(sessionId: string): void {
    const before = this.db.data.sessions.length;
    this.db.data.sessions = this.db.data.sessions.filter((row) => row.id !== sessionId);
    if (this.db.data.sessions.length !== before) this.scheduleWrite();
  }

  /** Indexes a journal anew (one restored from the trash); its problem, if it cannot be read. */
  reindex(sessionId: string): string | undefined {
    this.remove(sessionId);
    const notices: string[] = [];
    if (this.indexJournal(sessionId, notices) === undefined) return notices.join('; ') || `${sessionId}: unreadable`;
    this.scheduleWrite();
    return undefined;
  }

  /** Applies what a journal says about its own name and budget (the journal wins). */
  applyJournal(sessionId: string, facts: { name: string; budget: BudgetLimits | undefined }): void {
    const row = this.db.data.sessions.find((candidate) => candidate.id === sessionId);
    if (row === undefined) return;
    const budget = facts.budget ?? row.budget;
    if (row.name === facts.name && JSON.stringify(row.budget) === JSON.stringify(budget)) return;
    row.name = facts.name;
    row.budget = budget;
    this.scheduleWrite();
  }

  /** The cockpit saved at the last quit with layout `layout`, if any. */
  cockpit(layout: string): CockpitSetting | undefined {
    return this.db.data.settings.cockpits?.[layout];
  }

  /** Records the cockpit of layout `layout` (extra panes, tiling) for the next start. */
  setCockpit(layout: string, setting: CockpitSetting): void {
    this.db.data.settings.cockpits = { ...this.db.data.settings.cockpits, [layout]: setting };
    this.scheduleWrite();
  }

  /** The overall budget setting (all agents together). */
  overallBudget(): BudgetLimits {
    return { ...this.db.data.settings.overallBudget };
  }

  setOverallBudget(limits: BudgetLimits): void {
    this.db.data.settings.overallBudget = { ...limits };
    this.scheduleWrite();
  }

  /** Resolves once every change made so far is on disk (or has failed: see `lastWriteProblem`). */
  async flush(): Promise<void> {
    while (this.writing !== undefined) {
      this.hurry = true;
      this.gap?.cut();
      await this.writing;
    }
    this.hurry = false;
  }

  /** Why the latest catalog write failed, if it did; the journals remain the truth. */
  lastWriteProblem(): string | undefined {
    return this.writeProblem;
  }

  /**
   * lowdb rewrites the whole file, so writes are coalesced: at most one in flight, and any
   * number of changes meanwhile (or in the gap after it, write-gap.ts) become one more write of
   * the latest data. A change while idle is written at once.
   */
  private scheduleWrite(): void {
    // Every change of the rows comes through here.
    this.totalsMemo = undefined;
    if (this.writing !== undefined) {
      this.pending = true;
      return;
    }
    this.writing = this.writeUntilCurrent();
  }

  private async writeUntilCurrent(): Promise<void> {
    do {
      this.pending = false;
      try {
        await this.db.write();
        this.writeProblem = undefined;
      } catch (thrown) {
        this.writeProblem = `${this.paths.catalog}: ${messageOf(thrown)}`;
      }
      if (this.pending && !this.hurry) {
        this.gap = this.gaps();
        await this.gap.done;
        this.gap = undefined;
      }
    } while (this.pending);
    this.writing = undefined;
  }

  private indexJournal(sessionId: string, notices: string[]): JournalFacts | undefined {
    const where = { file: journalPath(this.paths, sessionId), sessionId, quarantine: this.paths.quarantine };
    const facts = readJournalFacts(where.file);
    if (!facts.ok) {
      const { line, problem, name } = facts.error;
      // The journal itself is left exactly as it is; only a copy goes to quarantine.
      notices.push(line === undefined ? `${where.file}: ${problem} (not in the catalog)` : reportCorruptJournal(where, line, problem));
      if (name !== undefined) this.noteUnreadable(name, sessionId);
      return undefined;
    }
    if (facts.value.header.id !== sessionId) {
      notices.push(reportCorruptJournal(where, 1, `header id ${JSON.stringify(facts.value.header.id)} does not match the file name`));
      this.noteUnreadable(facts.value.name, sessionId);
      return undefined;
    }
    this.db.data.sessions.push(summaryFromFacts(facts.value));
    return facts.value;
  }

  private noteUnreadable(name: string, sessionId: string): void {
    let modified = 0;
    try {
      modified = fs.statSync(journalPath(this.paths, sessionId)).mtimeMs;
    } catch {
      // Vanished meanwhile: it still sorts, as the oldest.
    }
    const known = this.unreadable.get(name);
    if (known === undefined || modified >= known.modified) this.unreadable.set(name, { id: sessionId, modified });
  }

  /** Brings a valid catalog in line with the journals on disk. */
  private reconcile(journals: Map<string, number>, catalogModified: number, notices: string[]): void {
    const rows = new Map<string, SessionSummary>();
    for (const row of this.db.data.sessions) {
      if (journals.has(row.id)) rows.set(row.id, row);
      else notices.push(`${this.paths.catalog}: dropped ${row.id} (${row.name}): its journal is gone`);
    }
    this.db.data.sessions = [...rows.values()];
    for (const [id, modified] of journals) {
      const row = rows.get(id);
      if (row === undefined) {
        if (this.indexJournal(id, notices) !== undefined) notices.push(`${this.paths.catalog}: added ${id} from its journal`);
      } else if (modified >= catalogModified - clockSlackMs) {
        // Written after the catalog was: it may hold a rename or budget the catalog missed.
        const facts = readJournalFacts(journalPath(this.paths, id));
        if (facts.ok && (facts.value.name !== row.name || (facts.value.budget !== undefined && JSON.stringify(facts.value.budget) !== JSON.stringify(row.budget)))) {
          this.applyJournal(id, facts.value);
          notices.push(`${this.paths.catalog}: took name and budget of ${id} from its journal`);
        }
      }
    }
  }
}
