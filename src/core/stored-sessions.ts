// The sessions in the store, open or not: the `sessions` rows and the session browser's trash,
// restore and rename. An open session is changed through its agent; a closed one in its journal.
import type { Agent, SdkAgent } from './agent.js';
import type { BranchView } from './branch.js';
import { describeReplayProblem, SessionState } from './session-state.js';
import { agentNameProblem } from './layout-file.js';
import { freeRestoredName } from './restored-name.js';
import { err, ok, type Result } from './result.js';
import type { SessionStore, SessionSummary } from './store.js';

/** What stored sessions need from the controller. */
export type StoredSessionDeps = {
  readonly store: SessionStore;
  readonly agents: () => readonly Agent[];
  readonly find: (name: string) => Agent | undefined;
  /** Renames an open agent (and so its session). */
  readonly renameAgent: (name: string, to: string) => Result<string>;
};

/** The store's sessions as the commands see them. */
export class StoredSessions {
  constructor(private readonly d: StoredSessionDeps) {}

  /** Every stored session's row (the catalog). */
  list(): readonly SessionSummary[] {
    return this.d.store.list();
  }

  /** The sessions in the store's trash (the session browser's `t`). */
  trashed(): readonly SessionSummary[] {
    return this.d.store.listTrash?.() ?? [];
  }

  /** Moves a stored session to the trash; refused while an agent has it open. */
  trash(sessionId: string): Result<string> {
    const open = this.openAgent(sessionId);
    if (open !== undefined) return err(`${open.name} is open in a pane: close it first (:close -t ${open.name})`);
    if (this.d.store.trash === undefined) return err('this store has no trash');
    const moved = this.d.store.trash(sessionId);
    return moved.ok ? ok(`moved ${sessionId} to ${moved.value} (t shows the trash, r restores)`) : moved;
  }

  /**
   * Brings a session back from the trash. A session or agent already using its name makes it come
   * back renamed (`NAME-restored`, `NAME-restored2`…), so reattaching by name stays unambiguous.
   */
  restore(sessionId: string): Result<string> {
    const store = this.d.store;
    if (store.restore === undefined) return err('this store has no trash');
    const name = store.listTrash?.().find((row) => row.id === sessionId)?.name;
    const taken = (candidate: string): boolean => this.d.find(candidate) !== undefined || store.findByName(candidate) !== undefined;
    // Asked before restoring: once back, the session itself answers to its name.
    const collides = name !== undefined && taken(name);
    const restored = store.restore(sessionId);
    if (!restored.ok) return restored;
    if (name === undefined || !collides) return ok(`restored ${sessionId}`);
    if (store.rename === undefined) return ok(`restored ${sessionId}; another session is also named ${name}: rename one`);
    const free = freeRestoredName(name, taken);
    const renamed = store.rename(sessionId, free);
    if (!renamed.ok) return err(`restored ${sessionId}, but renaming it to ${free} failed: ${renamed.error}`);
    return ok(`restored ${sessionId} as ${free} (the name ${name} is taken)`);
  }

  /** Renames a stored session: through its agent when it is open, else in its journal. */
  rename(sessionId: string, name: string): Result<string> {
    const open = this.openAgent(sessionId);
    if (open !== undefined) return this.d.renameAgent(open.name, name);
    const problem = agentNameProblem(name);
    if (problem !== undefined) return err(`session name ${problem}`);
    if (this.d.find(name) !== undefined || this.d.store.findByName(name) !== undefined) {
      return err(`the store already has a session named "${name}"`);
    }
    if (this.d.store.rename === undefined) return err('this store cannot rename sessions');
    const renamed = this.d.store.rename(sessionId, name);
    return renamed.ok ? ok(`renamed ${sessionId} to ${name}`) : renamed;
  }

  /** A session's active branch as it reads now: its open agent's, else replayed from its journal (nothing is opened). */
  view(sessionId: string): Result<BranchView> {
    const open = this.openAgent(sessionId)?.session;
    if (open !== undefined) return ok(open.view());
    const loaded = this.d.store.load(sessionId);
    if (!loaded.ok) return err(loaded.error.message);
    const replayed = SessionState.replay(loaded.value.header, loaded.value.records);
    return replayed.ok ? ok(replayed.value.view()) : err(`${sessionId}: ${describeReplayProblem(replayed.error)}`);
  }

  private openAgent(sessionId: string): SdkAgent | undefined {
    return this.d.agents().find((agent): agent is SdkAgent => agent.kind === 'sdk' && agent.session.id === sessionId);
  }
}
