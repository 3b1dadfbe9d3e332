// Rewind, undo, edit, graft, fork and retry (DESIGN.md §3): each is journal records only,
// never a model call, and each but retry leaves an undo point.
import { formatAddress, type TurnAddress } from './address.js';
import type { Agent, AgentConfig } from './agent.js';
import type { RunnerDeps } from './agent-runner.js';
import { planEditTarget, planRewind, type BranchView } from './branch.js';
import type { TurnRange } from './cockpit-api.js';
import { editableText, replacementFor } from './edit-overlay.js';
import type { EditEntry, Entry, EntryId, MessageEntry } from './entry.js';
import { copyForFork, copyForGraft, selectTurns } from './graft-copy.js';
import type { SessionHeader } from './journal-record.js';
import { err, ok, type Result } from './result.js';
import { SessionState } from './session-state.js';
import type { SessionStore } from './store.js';

export type HistoryDeps = {
  readonly store: SessionStore;
  readonly deps: RunnerDeps;
  readonly find: (name: string) => Agent | undefined;
  readonly agents: () => readonly Agent[];
  readonly addForked: (config: AgentConfig, session: SessionState) => Agent;
  readonly removeAgent: (name: string) => void;
  readonly commit: (agent: Agent, entry: Entry) => boolean;
};

type Source = { readonly sessionId: string; readonly name: string; readonly view: BranchView };

/** The history operations of one controller. */
export class HistoryOps {
  constructor(private readonly h: HistoryDeps) {}

  /** `rewind N[.K]`: moves the head back; later turns stay on a branch; edits before it survive. */
  rewind(agent: Agent, address: TurnAddress): Result<string> {
    const session = sessionOf(agent);
    if (!session.ok) return session;
    const tree = session.value.tree;
    const path = tree.path();
    const plan = planRewind(path, session.value.view(), address, (id) => tree.branchPosition(id));
    if (!plan.ok) return plan;
    const before = session.value.tree.head;
    if (plan.value.head === before && plan.value.reapply.length === 0) {
      return ok(`${agent.name} is already at ${formatAddress(address)}`);
    }
    const marked = session.value.record({ t: 'undo-point', op: 'rewind', before });
    if (!marked.ok) return marked;
    const moved = session.value.record({ t: 'head', head: plan.value.head, reason: 'rewind' });
    if (!moved.ok) return moved;
    for (const edit of plan.value.reapply) {
      this.h.commit(agent, { ...edit, id: this.h.deps.newId(), at: this.h.deps.now() });
    }
    agent.turnOpen = false;
    this.emitHead(agent);
    return ok(`rewound ${agent.name} to ${formatAddress(address)} (u undoes)`);
  }

  /** `undo`: takes back the newest rewind, edit, graft or fork. */
  undo(agent: Agent): Result<string> {
    const session = sessionOf(agent);
    if (!session.ok) return session;
    const point = session.value.undoStack[session.value.undoStack.length - 1];
    if (point === undefined) return err(`nothing to undo for ${agent.name}`);
    const popped = session.value.record({ t: 'undo' });
    if (!popped.ok) return popped;
    if (point.op === 'fork' && point.forked !== undefined) {
      const forked = this.h.agents().find((a) => a.session?.id === point.forked);
      if (forked !== undefined) this.h.removeAgent(forked.name);
      return ok(`undid the fork of ${agent.name}${forked === undefined ? '' : `: closed ${forked.name}`}`);
    }
    const moved = session.value.record({ t: 'head', head: point.before, reason: 'undo' });
    if (!moved.ok) return moved;
    agent.turnOpen = false;
    this.emitHead(agent);
    return ok(`undid ${agent.name}'s ${point.op}`);
  }

  /** The text `edit` opens for an entry (as it reads now, edits applied). */
  entryText(agent: Agent, address: TurnAddress): Result<string> {
    const session = sessionOf(agent);
    if (!session.ok) return session;
    const target = planEditTarget(session.value.view(), address);
    if (!target.ok) return target;
    return ok(editableText(target.value.current));
  }

  /** `edit N[.K] TEXT`: one record at the tip ("on this branch, X reads as TEXT"). */
  edit(agent: Agent, address: TurnAddress, text: string): Result<string> {
    const session = sessionOf(agent);
    if (!session.ok) return session;
    const target = planEditTarget(session.value.view(), address);
    if (!target.ok) return target;
    if (editableText(target.value.current) === text) return ok(`${formatAddress(address)} is unchanged`);
    const marked = session.value.record({ t: 'undo-point', op: 'edit', before: session.value.tree.head });
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
  graft(agent: Agent, sourceRef: string, range: TurnRange): Result<string> {
    const session = sessionOf(agent);
    if (!session.ok) return session;
    const source = this.resolveSource(sourceRef);
    if (!source.ok) return source;
    const selected = selectTurns(source.value.view, range.from, range.to);
    if (!selected.ok) return err(`${source.value.name}: ${selected.error}`);
    const from = range.from ?? 1;
    const to = range.to ?? source.value.view.turnCount;
    const copies = copyForGraft(selected.value, {
      newId: this.h.deps.newId,
      parent: session.value.tree.head,
      sourceSession: source.value.sessionId,
      sourceName: source.value.name,
      fromTurn: from,
      toTurn: to,
      at: this.h.deps.now(),
    });
    const marked = session.value.record({ t: 'undo-point', op: 'graft', before: session.value.tree.head });
    if (!marked.ok) return marked;
    for (const entry of copies) {
      if (!this.h.commit(agent, entry)) return err(`${agent.name}: ${agent.detail}`);
    }
    agent.turnOpen = false;
    const turns = from === to ? `turn ${from}` : `turns ${from}..${to}`;
    return ok(`grafted ${turns} of ${source.value.name} into ${agent.name} (${copies.length - 1} entries)`);
  }

  /** `fork [N[.K]]`: a new agent whose session starts with copies of this branch up to there. */
  fork(agent: Agent, address: TurnAddress | undefined): Result<string> {
    const session = sessionOf(agent);
    if (!session.ok) return session;
    const path = session.value.tree.path();
    const view = session.value.view();
    let items = view.items;
    let at: EntryId | null = session.value.tree.head;
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
      v: 1,
      id: this.h.deps.newId(),
      name,
      created: this.h.deps.now(),
      model: agent.config.model,
      ...(agent.config.system === undefined ? {} : { system: agent.config.system }),
      forkOf: { session: session.value.id, entry: at },
    };
    const writer = this.h.store.create(header);
    if (!writer.ok) return writer;
    const forked = SessionState.create(header, writer.value);
    if (!forked.ok) return forked;
    const copies = copyForFork(items, { newId: this.h.deps.newId, sourceSession: session.value.id, at: this.h.deps.now() });
    for (const entry of copies) {
      const written = forked.value.commit(entry);
      if (!written.ok) return written;
    }
    const marked = session.value.record({ t: 'undo-point', op: 'fork', before: session.value.tree.head, forked: header.id });
    if (!marked.ok) return marked;
    this.h.addForked({ ...agent.config, name }, forked.value);
    return ok(`forked ${agent.name} into ${name}`);
  }

  /** Prepares `retry`: an interrupted partial goes off the branch; an error re-runs as is. */
  prepareRetry(agent: Agent): Result<void> {
    const session = sessionOf(agent);
    if (!session.ok) return session;
    const tree = session.value.tree;
    const last = lastMessage(session.value.view());
    if (last === undefined) return err(`nothing to retry: ${agent.name} has no turns`);
    if (last.kind === 'interrupted') {
      const path = tree.path();
      // Edits made after the interrupt (e.g. a reworded prompt) sit after the partial on the
      // branch; moving the head off the partial must keep them, as rewind does.
      const reapply = path
        .slice((tree.branchPosition(last.id) ?? path.length) + 1)
        .filter((entry): entry is EditEntry => entry.kind === 'edit' && entry.target !== last.id);
      const moved = session.value.record({ t: 'head', head: last.parent, reason: 'retry' });
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

  private resolveSource(reference: string): Result<Source> {
    const agents = this.h.agents();
    const byPane = /^\d+$/.test(reference) ? agents[Number(reference) - 1] : undefined;
    const agent = byPane ?? this.h.find(reference);
    if (agent?.session !== undefined) {
      return ok({ sessionId: agent.session.id, name: agent.name, view: agent.session.view() });
    }
    const loaded = this.h.store.load(reference);
    if (!loaded.ok) {
      return err(`no agent or stored session "${reference}" (${loaded.error.message})`);
    }
    const replayed = SessionState.replay(loaded.value.header, loaded.value.records);
    if (!replayed.ok) return err(`${reference}: ${replayed.error}`);
    return ok({ sessionId: reference, name: replayed.value.name, view: replayed.value.view() });
  }

  private uniqueName(base: string): string {
    const taken = (name: string): boolean =>
      this.h.find(name) !== undefined || this.h.store.findByName(name) !== undefined;
    if (!taken(base)) return base;
    for (let n = 2; ; n++) if (!taken(`${base}${n}`)) return `${base}${n}`;
  }

  private emitHead(agent: Agent): void {
    // "interrupted" described the old tip; once the head moves it no longer applies.
    if (agent.state === 'idle' && agent.detail !== '') agent.setState('idle', '');
    this.h.deps.events.emit({ type: 'head', agent: agent.name, head: agent.session?.tree.head ?? null });
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

function sessionOf(agent: Agent): Result<SessionState> {
  return agent.session === undefined ? err(`${agent.name} has no session`) : ok(agent.session);
}
