// The history commands of DESIGN.md §3 by agent name (`rewind`, `undo`, `switch`, `edit`, `graft`,
// `fork`): the agent is resolved and checked here (an SDK agent, not working), the operation is
// history-ops.ts's, and the catalog row is rewritten after, so callers reach them on
// `controller.history` and nothing forwards them.
import type { SdkAgent } from './agent.js';
import type { BackgroundRestores, Paced } from './background-restore.js';
import { runToEnd } from './restore-steps.js';
import type { BranchPosition, HistoryApi, TurnRange } from './cockpit-api.js';
import type { TurnAddress } from './address.js';
import type { FileOperation, RewindOptions, UndoOptions } from './history-files.js';
import type { GraftSource, HistoryOps } from './history-ops.js';
import { err, type Result } from './result.js';
import type { SwitchOptions } from './switch-files.js';

export type HistoryCommandsDeps = {
  readonly ops: HistoryOps;
  /** The SDK agent of that name, or why the operation does not apply to it. */
  readonly usable: (name: string, operation?: string) => Result<SdkAgent>;
  /** Writes the agent's catalog row after a change. */
  readonly summarize: (agent: SdkAgent) => void;
  /** Runs a restore of many files in background slices (background-restore.ts). */
  readonly restores: BackgroundRestores;
};

/** `controller.history`: each command of §3 on an agent named by the caller. */
export class HistoryCommands implements HistoryApi {
  constructor(private readonly d: HistoryCommandsDeps) {}

  rewind(name: string, address: TurnAddress, options?: RewindOptions): Result<string> {
    return this.whenIdle(name, 'rewind', (agent) => this.d.restores.start(agent, 'rewind', this.d.ops.rewind(agent, address, options)));
  }

  undo(name: string, options?: UndoOptions): Result<string> {
    return this.whenIdle(name, 'undo', (agent) => this.d.restores.start(agent, 'undo', this.d.ops.undo(agent, options)));
  }

  /** The files a rewind, undo or switch would refuse to overwrite (the key flows ask before acting). */
  fileConflicts(name: string, operation: FileOperation): Result<readonly string[]> {
    const agent = this.d.usable(name);
    if (!agent.ok) return agent;
    return runToEnd(this.d.ops.fileConflicts(agent.value, operation));
  }

  /** `fileConflicts` that checks a big restore's files in background slices (the `u` key of 2,940 files). */
  fileConflictsPaced(name: string, operation: FileOperation): Paced<Result<readonly string[]>> {
    const agent = this.d.usable(name);
    if (!agent.ok) return { kind: 'now', value: agent };
    return this.d.restores.pace(agent.value, operation.op, this.d.ops.fileConflicts(agent.value, operation));
  }

  switchBranch(name: string, branch: string, options?: SwitchOptions): Result<string> {
    return this.whenIdle(name, 'switch', (agent) => this.d.restores.start(agent, 'switch', this.d.ops.switchBranch(agent, branch, options)));
  }

  entryText(name: string, address: TurnAddress): Result<string> {
    const agent = this.d.usable(name, 'edit');
    if (!agent.ok) return agent;
    return this.d.ops.entryText(agent.value, address);
  }

  edit(name: string, address: TurnAddress, text: string): Result<string> {
    return this.whenIdle(name, 'edit', (agent) => this.d.ops.edit(agent, address, text));
  }

  graft(name: string, source: string, range: TurnRange): Result<string> {
    return this.whenIdle(name, 'graft', (agent) => this.d.ops.graft(agent, source, range));
  }

  fork(name: string, address: TurnAddress | undefined): Result<string> {
    const agent = this.d.usable(name, 'fork');
    if (!agent.ok) return agent;
    return this.d.ops.fork(agent.value, address);
  }

  branchPosition(name: string): BranchPosition | undefined {
    const agent = this.d.usable(name);
    if (!agent.ok) return undefined;
    const session = agent.value.session;
    return { head: session.tree.head, turns: session.view().turnCount };
  }

  /** A graft SOURCE resolved to its branch, for the graft picker's turn list and preview. */
  graftSource(reference: string): Result<GraftSource> {
    return this.d.ops.resolveSource(reference);
  }

  private whenIdle(name: string, operation: string, action: (agent: SdkAgent) => Result<string>): Result<string> {
    const agent = this.d.usable(name, operation);
    if (!agent.ok) return agent;
    if (agent.value.phase.kind === 'running') return err(`${name} is working: interrupt it first (Esc)`);
    const result = action(agent.value);
    this.d.summarize(agent.value);
    return result;
  }
}
