// One session in memory: its tree, undo stack, budget and totals, kept in step with its journal.
// Every change is written to the journal first and applied second, so memory never runs
// ahead of disk; replaying the journal rebuilds exactly this state.
import type { BranchView } from './branch.js';
import type { BudgetLimits } from './budget-limits.js';
import type { Entry, EntryId, FileChange } from './entry.js';
import type { JournalRecord, PendingRecord, RestoreIntentRecord, SessionHeader, UndoPointRecord } from './journal-record.js';
import type { ToolIntentRecord } from './tool-intent.js';
import { LiveBranch } from './live-branch.js';
import { err, ok, type Result } from './result.js';
import type { JournalWriter } from './store.js';
import { SessionTree } from './tree.js';
import { addTurn, addUsage, ZERO_TOTALS, type UsageTotals } from './usage-totals.js';

/** One step `undo` can take back: the journal's undo-point record itself (a union by operation). */
export type UndoPoint = UndoPointRecord;

/** The files a rewind or switch restored (undo puts each `before` back); other operations touch none. */
export function restoredFilesOf(point: UndoPoint): readonly FileChange[] | undefined {
  return point.op === 'rewind' || point.op === 'switch' ? point.files : undefined;
}

/** The in-memory state of one session, changed only through journal records. */
/** Why a journal could not be replayed: record N (line N of the journal, counting from 1) and the problem. */
export type ReplayProblem = { readonly record: number; readonly problem: string };

/** `record N: problem`, for messages that have no journal path to name. */
export function describeReplayProblem(problem: ReplayProblem): string {
  return `record ${problem.record}: ${problem.problem}`;
}

export class SessionState {
  readonly tree = new SessionTree();
  readonly undoStack: UndoPoint[] = [];
  name: string;
  limits: BudgetLimits = {};
  /** `allow` entries added by `a` (always) answers, oldest first. */
  readonly allowed: string[] = [];
  totals: UsageTotals = ZERO_TOTALS;
  /** User messages the API refused, left out of requests until put back: id → the API's error. */
  readonly setAside = new Map<EntryId, string>();
  /** Messages accepted and not yet delivered, oldest first (pending-messages.ts). */
  readonly pending = new Map<string, PendingRecord>();
  /**
   * The delivery id of each user entry that delivered an accepted message: its `pending-done
   * delivered` record follows its commit, so after a restart a continued turn still names the
   * messages it answers (turn-ledger.ts).
   */
  readonly deliveryOf = new Map<EntryId, string>();
  /** Intents of writing tool calls not yet answered by a result, by tool_use id (tool-intent.ts). */
  readonly intents = new Map<string, ToolIntentRecord>();
  /** A file restore journaled as begun and not as done: a crash cut it short (restore-intent.ts). */
  restoring: RestoreIntentRecord | undefined;
  /** When the newest entry was committed (the header's time before any): the session's last recorded activity. */
  lastEntryAt: number;
  /** The active branch's view, kept current by appends and head moves (built on first read after a replay). */
  readonly #branch = new LiveBranch();

  private constructor(
    readonly header: SessionHeader,
    private writer: JournalWriter | undefined,
  ) {
    this.name = header.name;
    this.lastEntryAt = header.created;
  }

  /** A new session: its header is the journal's first line. */
  static create(header: SessionHeader, writer: JournalWriter): Result<SessionState> {
    const state = new SessionState(header, writer);
    state.view(); // empty: from here on appends and head moves keep it current
    const written = writer.append(header);
    if (!written.ok) return err(written.error);
    return ok(state);
  }

  /** Rebuilds a session from its journal's records (header first); a failure names the record. */
  static replay(header: SessionHeader, records: readonly JournalRecord[]): Result<SessionState, ReplayProblem> {
    const state = new SessionState(header, undefined);
    for (const [index, record] of records.entries()) {
      const applied = state.apply(record);
      if (!applied.ok) return err({ record: index + 1, problem: applied.error });
    }
    return ok(state);
  }

  get id(): string {
    return this.header.id;
  }

  /** Attaches the journal writer after a replay, so later records are persisted. */
  attach(writer: JournalWriter): void {
    this.writer = writer;
  }

  /** Writes a record durably, then applies it. Without a writer (read-only) it refuses. */
  record(record: JournalRecord): Result<void> {
    if (this.writer === undefined) return err(`session ${this.header.id} is read-only`);
    const written = this.writer.append(record);
    if (!written.ok) return err(written.error);
    return this.apply(record);
  }

  /** Appends an entry at the head (the head moves to it). */
  commit(entry: Entry): Result<void> {
    return this.record({ t: 'entry', entry });
  }

  /**
   * The active branch exactly as `viewBranch(tree.path())` reads it, without re-walking the path
   * (O(1) after appends). Live: read it now, don't keep it across changes.
   */
  view(): BranchView {
    this.#branch.syncTo(this.tree);
    return this.#branch;
  }

  close(): void {
    this.writer?.close();
    this.writer = undefined;
  }

  private apply(record: JournalRecord): Result<void> {
    switch (record.t) {
      case 'session':
        return ok(undefined);
      case 'entry': {
        const added = this.tree.append(record.entry);
        if (!added.ok) return added;
        this.#branch.append(record.entry, this.tree);
        this.count(record.entry);
        this.lastEntryAt = Math.max(this.lastEntryAt, record.entry.at);
        if (record.entry.kind === 'tool-result') this.intents.delete(record.entry.toolUseId);
        return ok(undefined);
      }
      case 'head': {
        const moved = this.tree.setHead(record.head);
        if (moved.ok) this.#branch.followHead(this.tree);
        return moved;
      }
      case 'undo-point':
        this.undoStack.push(record);
        return ok(undefined);
      case 'undo':
        this.undoStack.pop();
        return ok(undefined);
      case 'budget':
        this.limits = record.limits;
        return ok(undefined);
      case 'rename':
        this.name = record.name;
        return ok(undefined);
      case 'allow':
        if (!this.allowed.includes(record.entry)) this.allowed.push(record.entry);
        return ok(undefined);
      case 'set-aside':
        for (const id of record.entries) this.setAside.set(id, record.error);
        return ok(undefined);
      case 'put-back':
        for (const id of record.entries) this.setAside.delete(id);
        return ok(undefined);
      case 'pending':
        this.pending.set(record.id, record);
        return ok(undefined);
      case 'pending-done': {
        const head = this.tree.head;
        if (record.how === 'delivered' && head !== null && this.tree.get(head)?.kind === 'user') this.deliveryOf.set(head, record.id);
        this.pending.delete(record.id);
        return ok(undefined);
      }
      case 'tool-intent':
        this.intents.set(record.toolUseId, record);
        return ok(undefined);
      case 'restore-intent':
        this.restoring = record;
        return ok(undefined);
      case 'restore-done':
        this.restoring = undefined;
        return ok(undefined);
    }
  }

  // Spent tokens stay spent whatever branch they are on; copies (graft, fork) cost nothing here.
  private count(entry: Entry): void {
    if (entry.provenance.kind !== 'local') return;
    if (entry.kind === 'assistant' || entry.kind === 'interrupted') {
      this.totals = addUsage(this.totals, entry.model, entry.usage);
    } else if (entry.kind === 'user' && entry.opensTurn) {
      this.totals = addTurn(this.totals);
    }
  }
}
