// Rewind, undo, edit, graft, fork and retry (DESIGN.md §3): each is journal records only,
// never a model call, and each but retry leaves an undo point.
import { putBackSetAside } from './set-aside.js';
import { formatAddress, type TurnAddress } from './address.js';
import type { Agent, AgentConfig, SdkAgent } from './agent.js';
import type { RunnerDeps } from './agent-runner.js';
import { planEditTarget, planRewind, type BranchView } from './branch.js';
import { buildBranchTree, findBranch } from './branch-tree.js';
import type { TurnRange } from './cockpit-api.js';
import { editableText, replacementFor } from './edit-overlay.js';
import type { EditEntry, Entry, EntryId, MessageEntry } from './entry.js';
import { copyForFork, copyForGraft, selectTurns } from './graft-copy.js';
import { JOURNAL_VERSION, type SessionHeader } from './journal-record.js';
import { checkFileTargetsSteps, type FileTarget, type WorkspaceFiles } from './file-checkpoint.js';
import { restoreWithIntent } from './restore-intent.js';
import type { RestoreSteps } from './restore-steps.js';
import {
  DEFAULT_REWIND_OPTIONS,
  DEFAULT_UNDO_OPTIONS,
  describeFileWork,
  entriesAfter,
  entriesLeaving,
  prepareWritesSteps,
  rewindTargets,
  undoTargets,
  type FileOperation,
  type PreparedWrites,
  type RewindOptions,
  type UndoOptions,
} from './history-files.js';
import { err, ok, type Result } from './result.js';
import { describeReplayProblem, restoredFilesOf, SessionState } from './session-state.js';
import { DEFAULT_SWITCH_OPTIONS, entriesToTip, switchTargets, type SwitchOptions } from './switch-files.js';
import type { SessionStore } from './store.js';
import { looksLikeTranscriptPath, skippedNote, transcriptBranch, type TranscriptReader } from './transcript-import.js';

export type HistoryDeps = {
  readonly store: SessionStore;
  readonly deps: RunnerDeps;
  readonly find: (name: string) => Agent | undefined;
  readonly agents: () => readonly Agent[];
  readonly addForked: (config: AgentConfig, session: SessionState) => SdkAgent;
  readonly removeAgent: (name: string) => void;
  readonly commit: (agent: SdkAgent, entry: Entry) => boolean;
  /** The workspace files port; without it rewind and undo move the conversation only. */
  readonly files?: WorkspaceFiles | undefined;
  /** Reads transcript files named as a graft SOURCE; without it only agents and sessions are sources. */
  readonly transcripts?: TranscriptReader | undefined;
};

/** A graft SOURCE resolved: its branch, and a note for the result (e.g. lines of a file skipped). */
export type GraftSource = { readonly sessionId: string; readonly name: string; readonly view: BranchView; readonly note: string };

/** The history operations of one controller. */
export class HistoryOps {
  constructor(private readonly h: HistoryDeps) {}

  /**
   * `rewind N[.K]`: moves the head back (later turns stay on a branch; edits before it survive)
   * and puts the files this agent changed since back as they were; the scope picks one side.
   * As steps (restore-steps.ts): the controller runs a big file restore in slices.
   */
  *rewind(agent: SdkAgent, address: TurnAddress, options: RewindOptions = DEFAULT_REWIND_OPTIONS): RestoreSteps<Result<string>> {
    const session = agent.session;
    const tree = session.tree;
    const path = tree.path();
    const plan = planRewind(path, session.view(), address, (id) => tree.branchPosition(id));
    if (!plan.ok) return plan;
    const before = session.tree.head;
    const files = options.scope === 'conversation' ? undefined : this.h.files;
    if (options.scope === 'files' && files === undefined) return err(`${agent.name}: file checkpoints are off`);
    const moves = options.scope !== 'files';
    let prepared: PreparedWrites = { writes: [], kept: [] };
    if (files !== undefined) {
      const leaving = entriesAfter(path, plan.value.head, (id) => tree.branchPosition(id));
      const ready = yield* prepareWritesSteps(files, agent.config.cwd, rewindTargets(leaving), options.conflicts, agent.name);
      if (!ready.ok) return ready;
      prepared = ready.value;
    }
    const where = formatAddress(address);
    const headStays = !moves || (plan.value.head === before && plan.value.reapply.length === 0);
    if (headStays && prepared.writes.length === 0) {
      const kept = describeFileWork(0, prepared.kept);
      const note = kept === '' ? '' : `; ${kept}`;
      return ok(moves ? `${agent.name} is already at ${where}${note}` : `${agent.name}: no files to restore to ${where}${note}`);
    }
    // The undo point names every file about to be written, before the first is: after a crash
    // part-way, `u` puts back the ones written (the rest are skipped, already as they were).
    const marked = session.record({ t: 'undo-point', op: 'rewind', before, ...(files === undefined ? {} : { files: [...prepared.writes] }) });
    if (!marked.ok) return marked;
    const written = files === undefined ? { done: [], error: undefined } : yield* restoreWithIntent(session, 'rewind', files, agent.config.cwd, prepared.writes);
    if (written.error !== undefined) {
      const done = written.done.length === 0 ? '' : `${describeFileWork(written.done.length, [])}, then `;
      return err(`${agent.name}: ${done}${written.error}; the conversation was not moved (u undoes)`);
    }
    const fileWork = describeFileWork(written.done.length, prepared.kept);
    if (!moves) return ok(`restored ${agent.name}'s files to ${where}: ${fileWork === '' ? 'nothing to restore' : fileWork} (u undoes)`);
    const moved = session.record({ t: 'head', head: plan.value.head, reason: 'rewind' });
    if (!moved.ok) return moved;
    for (const edit of plan.value.reapply) {
      this.h.commit(agent, { ...edit, id: this.h.deps.newId(), at: this.h.deps.now() });
    }
    agent.move({ kind: 'turn-close' });
    this.emitHead(agent);
    return ok(`rewound ${agent.name} to ${where}${fileWork === '' ? '' : `; ${fileWork}`} (u undoes)`);
  }

  /** `undo`: takes back the newest rewind, edit, graft or fork; a rewind's files go back as they were. */
  *undo(agent: SdkAgent, options: UndoOptions = DEFAULT_UNDO_OPTIONS): RestoreSteps<Result<string>> {
    const session = agent.session;
    const point = session.undoStack[session.undoStack.length - 1];
    if (point === undefined) return err(`nothing to undo for ${agent.name}`);
    let fileWork = '';
    const restored = restoredFilesOf(point);
    if (restored !== undefined && this.h.files !== undefined) {
      const targets = undoTargets(restored, entriesLeaving(session.tree, point.before));
      const ready = yield* prepareWritesSteps(this.h.files, agent.config.cwd, targets, options.conflicts, agent.name);
      if (!ready.ok) return ready;
      // Files first: if a write fails nothing is popped, and undoing again finishes the job.
      const written = yield* restoreWithIntent(session, 'undo', this.h.files, agent.config.cwd, ready.value.writes);
      if (written.error !== undefined) return err(`${agent.name}: ${written.error}`);
      fileWork = describeFileWork(written.done.length, ready.value.kept);
    }
    const popped = session.record({ t: 'undo' });
    if (!popped.ok) return popped;
    if (point.op === 'fork') {
      const forked = this.h.agents().find((a) => a.kind === 'sdk' && a.session.id === point.forked);
      if (forked !== undefined) this.h.removeAgent(forked.name);
      return ok(`undid the fork of ${agent.name}${forked === undefined ? '' : `: closed ${forked.name}`}`);
    }
    const moved = session.record({ t: 'head', head: point.before, reason: 'undo' });
    if (!moved.ok) return moved;
    agent.move({ kind: 'turn-close' });
    this.emitHead(agent);
    return ok(`undid ${agent.name}'s ${point.op}${fileWork === '' ? '' : `; ${fileWork}`}`);
  }

  /** The files a rewind, undo or switch would refuse to overwrite, so a key flow can ask before it acts. */
  *fileConflicts(agent: SdkAgent, operation: FileOperation): RestoreSteps<Result<readonly string[]>> {
    const session = agent.session;
    const files = this.h.files;
    if (files === undefined) return ok([]);
    const tree = session.tree;
    let targets: FileTarget[];
    if (operation.op === 'switch') {
      const planned = this.planSwitch(agent, session, operation.branch);
      if (!planned.ok) return planned;
      targets = planned.value.targets;
    } else if (operation.op === 'rewind') {
      const path = tree.path();
      const plan = planRewind(path, session.view(), operation.address, (id) => tree.branchPosition(id));
      if (!plan.ok) return plan;
      targets = rewindTargets(entriesAfter(path, plan.value.head, (id) => tree.branchPosition(id)));
    } else {
      const point = session.undoStack[session.undoStack.length - 1];
      const restored = point === undefined ? undefined : restoredFilesOf(point);
      if (point === undefined || restored === undefined) return ok([]);
      targets = undoTargets(restored, entriesLeaving(tree, point.before));
    }
    const checked = yield* checkFileTargetsSteps(files, agent.config.cwd, targets);
    if (!checked.ok) return checked;
    return ok(checked.value.conflicts.map((conflict) => conflict.path));
  }

  /**
   * `switch BRANCH`: moves the head to another branch's tip (BRANCH: its number as the timeline
   * lists it, or its tip's id), recorded like a rewind so `undo` comes back. The branch reads as
   * it was left: its own edits apply, not the ones of the branch it leaves. Files follow as for a
   * rewind: the leaving branch's changes beyond the fork go back, then the arriving branch's apply.
   */
  *switchBranch(agent: SdkAgent, branch: string, options: SwitchOptions = DEFAULT_SWITCH_OPTIONS): RestoreSteps<Result<string>> {
    const session = agent.session;
    const planned = this.planSwitch(agent, session, branch);
    if (!planned.ok) return planned;
    const files = options.scope === 'conversation' ? undefined : this.h.files;
    if (options.scope === 'files' && files === undefined) return err(`${agent.name}: file checkpoints are off`);
    let prepared: PreparedWrites = { writes: [], kept: [] };
    if (files !== undefined) {
      const ready = yield* prepareWritesSteps(files, agent.config.cwd, planned.value.targets, options.conflicts, agent.name);
      if (!ready.ok) return ready;
      prepared = ready.value;
    }
    const moves = options.scope !== 'files';
    if (!moves && prepared.writes.length === 0) {
      const kept = describeFileWork(0, prepared.kept);
      return ok(`${agent.name}: no files to restore to branch ${branch}${kept === '' ? '' : `; ${kept}`}`);
    }
    const before = session.tree.head;
    const marked = session.record({ t: 'undo-point', op: 'switch', before, ...(files === undefined ? {} : { files: [...prepared.writes] }) });
    if (!marked.ok) return marked;
    const written = files === undefined ? { done: [], error: undefined } : yield* restoreWithIntent(session, 'switch', files, agent.config.cwd, prepared.writes);
    if (written.error !== undefined) {
      const done = written.done.length === 0 ? '' : `${describeFileWork(written.done.length, [])}, then `;
      return err(`${agent.name}: ${done}${written.error}; the conversation was not moved (u undoes)`);
    }
    const fileWork = describeFileWork(written.done.length, prepared.kept);
    if (!moves) return ok(`restored ${agent.name}'s files to branch ${branch}: ${fileWork === '' ? 'nothing to restore' : fileWork} (u undoes)`);
    const moved = session.record({ t: 'head', head: planned.value.tip, reason: 'switch' });
    if (!moved.ok) return moved;
    agent.move({ kind: 'turn-close' });
    this.emitHead(agent);
    const turns = session.view().turnCount;
    const note = fileWork === '' ? '' : `; ${fileWork}`;
    return ok(`switched ${agent.name} to branch ${branch} (now ${turns} ${turns === 1 ? 'turn' : 'turns'}${note}; u undoes)`);
  }

  /** The branch a `switch` goes to and the files it would restore (the branch left first, then the one reached). */
  private planSwitch(agent: SdkAgent, session: SessionState, branch: string): Result<{ readonly tip: EntryId; readonly targets: FileTarget[] }> {
    const tree = session.tree;
    const found = findBranch(buildBranchTree(tree, session.view()), branch);
    if (!found.ok) return err(`${agent.name}: ${found.error}`);
    const leaving = tree.path().slice(found.value.forkIndex + 1);
    const arriving = entriesToTip(tree, found.value.tip, found.value.forkPoint);
    return ok({ tip: found.value.tip, targets: switchTargets(leaving, arriving) });
  }

  /** The text `edit` opens for an entry (as it reads now, edits applied). */
  entryText(agent: SdkAgent, address: TurnAddress): Result<string> {
    const session = agent.session;
    const target = planEditTarget(session.view(), address);
    if (!target.ok) return target;
    return ok(editableText(target.value.current));
  }

  /** `edit N[.K] TEXT`: one record at the tip ("on this branch, X reads as TEXT"). */
  edit(agent: SdkAgent, address: TurnAddress, text: string): Result<string> {
    const session = agent.session;
    const target = planEditTarget(session.view(), address);
    if (!target.ok) return target;
    if (editableText(target.value.current) === text) return ok(`${formatAddress(address)} is unchanged`);
    const marked = session.record({ t: 'undo-point', op: 'edit', before: session.tree.head });
    if (!marked.ok) return marked;
    const committed = this.h.commit(agent, {
      kind: 'edit',
      id: this.h.deps.newId(),
      parent: null,
      at: this.h.deps.now(),
      provenance: { kind: 'local' },
      target: target.value.original.id,
      replacement: replacementFor(target.value.original, text),
    });
    if (!committed) return err(`${agent.name}: ${agent.detail}`);
    return ok(`edited ${agent.name} ${formatAddress(address)}; the next request uses the new text`);
  }

  /** `graft SOURCE [FROM..TO]`: appends copies of SOURCE's turns to the agent's branch. */
  graft(agent: SdkAgent, sourceRef: string, range: TurnRange): Result<string> {
    const session = agent.session;
    const source = this.resolveSource(sourceRef);
    if (!source.ok) return source;
    const selected = selectTurns(source.value.view, range.from, range.to);
    if (!selected.ok) return err(`${source.value.name}: ${selected.error}`);
    const from = range.from ?? 1;
    const to = range.to ?? source.value.view.turnCount;
    const copies = copyForGraft(selected.value, {
      newId: this.h.deps.newId,
      parent: session.tree.head,
      sourceSession: source.value.sessionId,
      sourceName: source.value.name,
      fromTurn: from,
      toTurn: to,
      at: this.h.deps.now(),
    });
    const marked = session.record({ t: 'undo-point', op: 'graft', before: session.tree.head });
    if (!marked.ok) return marked;
    for (const entry of copies) {
      if (!this.h.commit(agent, entry)) return err(`${agent.name}: ${agent.detail}`);
    }
    agent.move({ kind: 'turn-close' });
    const turns = from === to ? `turn ${from}` : `turns ${from}..${to}`;
    return ok(`grafted ${turns} of ${source.value.name} into ${agent.name} (${copies.length - 1} entries)${source.value.note}`);
  }

  /** `fork [N[.K]]`: a new agent whose session starts with copies of this branch up to there. */
  fork(agent: SdkAgent, address: TurnAddress | undefined): Result<string> {
    const session = agent.session;
    const path = session.tree.path();
    const view = session.view();
    let items = view.items;
    let at: EntryId | null = session.tree.head;
    if (address !== undefined) {
      const plan = planRewind(path, view, address);
      if (!plan.ok) return plan;
      at = plan.value.head;
      const cut = plan.value.head === null ? -1 : path.findIndex((e) => e.id === plan.value.head);
      items = view.items.filter((item) => item.pathIndex <= cut);
    }
    const name = this.uniqueName(`${agent.name}-fork`);
    const header: SessionHeader = {
      t: 'session',
      v: JOURNAL_VERSION,
      id: this.h.deps.newId(),
      name,
      created: this.h.deps.now(),
      model: agent.config.model,
      cwd: agent.config.cwd,
      ...(agent.config.system === undefined ? {} : { system: agent.config.system }),
      forkOf: { session: session.id, entry: at },
    };
    const writer = this.h.store.create(header);
    if (!writer.ok) return writer;
    const forked = SessionState.create(header, writer.value);
    if (!forked.ok) return forked;
    const copies = copyForFork(items, { newId: this.h.deps.newId, sourceSession: session.id, at: this.h.deps.now() });
    for (const entry of copies) {
      const written = forked.value.commit(entry);
      if (!written.ok) return written;
    }
    const marked = session.record({ t: 'undo-point', op: 'fork', before: session.tree.head, forked: header.id });
    if (!marked.ok) return marked;
    this.h.addForked({ ...agent.config, name }, forked.value);
    return ok(`forked ${agent.name} into ${name}`);
  }

  /** Prepares `retry`: an interrupted partial goes off the branch; an error re-runs as is. */
  prepareRetry(agent: SdkAgent): Result<void> {
    const session = agent.session;
    const tree = session.tree;
    const putBack = putBackSetAside(session);
    if (!putBack.ok) return putBack;
    const last = lastMessage(session.view());
    if (last === undefined) return err(`nothing to retry: ${agent.name} has no turns`);
    if (last.kind === 'interrupted') {
      const path = tree.path();
      // Edits made after the interrupt (e.g. a reworded prompt) sit after the partial on the
      // branch; moving the head off the partial must keep them, as rewind does.
      const reapply = path
        .slice((tree.branchPosition(last.id) ?? path.length) + 1)
        .filter((entry): entry is EditEntry => entry.kind === 'edit' && entry.target !== last.id);
      const moved = session.record({ t: 'head', head: last.parent, reason: 'retry' });
      if (!moved.ok) return moved;
      for (const edit of reapply) {
        if (!this.h.commit(agent, { ...edit, id: this.h.deps.newId(), at: this.h.deps.now() })) {
          return err(`${agent.name}: ${agent.detail}`);
        }
      }
      this.emitHead(agent);
      return ok(undefined);
    }
    if (agent.state === 'error' || last.kind === 'user' || last.kind === 'tool-result') return ok(undefined);
    return err(`nothing to retry: ${agent.name}'s last turn finished`);
  }

  /** SOURCE of `graft`: an agent name or pane number, a stored session id, or a transcript file. */
  resolveSource(reference: string): Result<GraftSource> {
    const agents = this.h.agents();
    const byPane = /^\d+$/.test(reference) ? agents[Number(reference) - 1] : undefined;
    const agent = byPane ?? this.h.find(reference);
    if (agent?.kind === 'sdk') {
      return ok({ sessionId: agent.session.id, name: agent.name, view: agent.session.view(), note: '' });
    }
    if (this.h.transcripts !== undefined && looksLikeTranscriptPath(reference)) {
      const file = this.h.transcripts.read(reference);
      if (!file.ok) return file;
      if (file.value !== undefined) {
        const view = transcriptBranch(file.value, this.h.deps.newId, this.h.deps.now());
        if (!view.ok) return err(`${reference}: ${view.error}`);
        return ok({ sessionId: `file:${reference}`, name: file.value.name, view: view.value, note: skippedNote(file.value) });
      }
      // A path (it has a `/`) can only be a file: say so plainly (B13).
      if (reference.includes('/')) return err(`${reference}: no such file`);
    }
    // A stored session by id, or by the name the graft picker lists it under (B13).
    const sessionId = this.h.store.findByName(reference) ?? reference;
    const loaded = this.h.store.load(sessionId);
    if (!loaded.ok) {
      return err(`no agent, stored session or transcript file "${reference}" (${loaded.error.message})`);
    }
    const replayed = SessionState.replay(loaded.value.header, loaded.value.records);
    if (!replayed.ok) return err(`${reference}: ${describeReplayProblem(replayed.error)}`);
    return ok({ sessionId, name: replayed.value.name, view: replayed.value.view(), note: '' });
  }

  private uniqueName(base: string): string {
    const taken = (name: string): boolean =>
      this.h.find(name) !== undefined || this.h.store.findByName(name) !== undefined;
    if (!taken(base)) return base;
    for (let n = 2; ; n++) if (!taken(`${base}${n}`)) return `${base}${n}`;
  }

  private emitHead(agent: SdkAgent): void {
    // "interrupted" described the old tip; once the head moves it no longer applies.
    if (agent.state === 'idle' && agent.detail !== '') agent.setState('idle', '');
    this.h.deps.events.emit({ type: 'head', agent: agent.name, head: agent.session.tree.head });
  }
}

/** The newest message recorded on the branch (as recorded, not as edited); markers are skipped. */
function lastMessage(view: BranchView): MessageEntry | undefined {
  for (let i = view.items.length - 1; i >= 0; i--) {
    const item = view.items[i];
    if (item?.kind === 'message') return item.original;
  }
  return undefined;
}
