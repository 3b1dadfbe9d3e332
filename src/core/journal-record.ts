// One line of a session journal (JSONL). The journal is the truth; the catalog is rebuilt from it.
import * as z from 'zod';
import { Entry, EntryId, FileChange, MessageOrigin } from './entry.js';
import { BudgetLimits } from './budget-limits.js';
import { ToolIntentRecord } from './tool-intent.js';

/**
 * The journal format this code writes. Version 2 made the undo point a union by operation (a fork
 * names its session, only a rewind or switch carries files); every record a version-1 writer
 * produced is also a valid version-2 record, so version-1 journals load unchanged
 * (test/fixtures/journal-v1 proves it). Version 3 adds the header's `cwd` (issue 11, B11); a
 * version-1 or -2 header has none, and such sessions reopen in the focused agent's directory
 * (test/fixtures/journal-v2 proves it).
 */
export const JOURNAL_VERSION = 3 as const;

/** First line of every journal: who the session belongs to. */
export const SessionHeader = z.object({
  t: z.literal('session'),
  v: z.union([z.literal(1), z.literal(2), z.literal(JOURNAL_VERSION)]),
  id: z.string().min(1),
  name: z.string().min(1),
  created: z.number(),
  model: z.string().optional(),
  system: z.string().optional(),
  forkOf: z.object({ session: z.string(), entry: EntryId.nullable() }).optional(),
  /** The directory the session was started in (version 3 on): the session browser reopens it there. */
  cwd: z.string().min(1).optional(),
  /** The workflow run that started this session (DESIGN.md §9): grouped under it, never reattached by name. */
  run: z.string().optional(),
});
export type SessionHeader = z.infer<typeof SessionHeader>;

const undoPoint = { t: z.literal('undo-point'), before: EntryId.nullable() };
/** What a rewind or switch did to files: before = on disk before it, after = restored. Absent: files untouched. */
const restoredFiles = z.array(FileChange).optional();

/**
 * Pushes an undo point: `before` is the head to return to. A rewind or switch may carry the
 * files it restored (undo puts each `before` back); a fork names the session it created (undo
 * closes it); an edit or graft only moves the head.
 */
export const UndoPointRecord = z.discriminatedUnion('op', [
  z.object({ ...undoPoint, op: z.literal('rewind'), files: restoredFiles }),
  z.object({ ...undoPoint, op: z.literal('switch'), files: restoredFiles }),
  z.object({ ...undoPoint, op: z.literal('edit') }),
  z.object({ ...undoPoint, op: z.literal('graft') }),
  z.object({ ...undoPoint, op: z.literal('fork'), forked: z.string().min(1) }),
]);
export type UndoPointRecord = z.infer<typeof UndoPointRecord>;

/** Operations that `undo` can take back, newest last. */
export type UndoableOp = UndoPointRecord['op'];

/**
 * A rewind, switch or undo about to restore files, journaled before the first is written, so a
 * crash part-way is said at the next start instead of leaving no trace (issue 9); a
 * `restore-done` record settles it. `paths` are the files it was about to write.
 */
export const RestoreIntentRecord = z.object({
  t: z.literal('restore-intent'),
  op: z.enum(['rewind', 'switch', 'undo']),
  paths: z.array(z.string()),
});
export type RestoreIntentRecord = z.infer<typeof RestoreIntentRecord>;

/** A message accepted for later delivery (a queued send, or a nudge waiting for a safe point). */
export const PendingRecord = z.object({
  t: z.literal('pending'),
  id: z.string().min(1),
  text: z.string(),
  origin: MessageOrigin,
  nudge: z.boolean(),
  at: z.number(),
});
export type PendingRecord = z.infer<typeof PendingRecord>;

export const JournalRecord = z.discriminatedUnion('t', [
  SessionHeader,
  // Appending an entry moves the head to it.
  z.object({ t: z.literal('entry'), entry: Entry }),
  // An explicit head move (rewind, undo, retry, branch switch).
  z.object({
    t: z.literal('head'),
    head: EntryId.nullable(),
    reason: z.enum(['rewind', 'undo', 'retry', 'switch']),
  }),
  UndoPointRecord,
  // Pops the newest undo point (its head move is a separate `head` record).
  z.object({ t: z.literal('undo') }),
  z.object({ t: z.literal('budget'), limits: BudgetLimits }),
  z.object({ t: z.literal('rename'), name: z.string().min(1) }),
  // An `a` (always) approval answer: this `allow` entry joins the agent's policy for good.
  z.object({ t: z.literal('allow'), entry: z.string().min(1) }),
  // User messages whose request the API refused (a 4xx other than 429): kept on the branch,
  // left out of later requests (set-aside.ts). `error` is the API's reason, shown in the pane.
  z.object({ t: z.literal('set-aside'), entries: z.array(EntryId).min(1), error: z.string() }),
  // `retry` puts set-aside messages back into the requests.
  z.object({ t: z.literal('put-back'), entries: z.array(EntryId).min(1) }),
  // Accepted messages survive a quit or crash (pending-messages.ts): one record when accepted,
  // one when delivered (committed as a user entry) or dropped (its agent closed).
  PendingRecord,
  z.object({ t: z.literal('pending-done'), id: z.string().min(1), how: z.enum(['delivered', 'dropped']) }),
  // What a writing tool call may change, journaled before it runs (tool-intent.ts); its
  // tool-result entry settles it.
  ToolIntentRecord,
  RestoreIntentRecord,
  z.object({ t: z.literal('restore-done') }),
]);
export type JournalRecord = z.infer<typeof JournalRecord>;
