// The cockpit's picture of its workflow runs (DESIGN.md §9 "The run view"): one RunTree per run,
// fed by the runs' record events and the controller's agent events (state, stream, tool output,
// usage, turn ends, renames). It ticks once a second only while a run is live (zero frames while
// idle), and says on each tick or change whether the run view or the status line needs drawing.
import type { Controller } from '../../core/controller.js';
import type { ControllerEvent, Disposable } from '../../core/events.js';
import type { CallStateEvent } from '../../core/workflow/call-state.js';
import type { RunEvent } from '../../core/workflow/run-events.js';
import { runStatusLine } from '../../core/workflow/run-status-line.js';
import { RunTree } from '../../core/workflow/run-tree.js';
import { runTreeFromRecord } from '../../core/workflow/run-tree-from-record.js';
import type { RunRecordLine } from '../../core/workflow/run-record.js';
import type { CallState } from '../../core/workflow/call-state.js';
import type { WaitingReason } from '../../core/workflow/run-agent-node.js';

/** The wait a call's state gives its row: `held` while held; a held wait ends when the call moves on; other waits are the tree's own. */
function heldWait(state: CallState, now: WaitingReason | undefined): WaitingReason | undefined {
  if (state.kind === 'waiting-on-you' && state.reason === 'held') return 'held';
  return now === 'held' ? undefined : now;
}

/** What the board reads of a live run: its queued calls. */
export type QueuedSource = (runId: string) => number | undefined;

export type RunBoardOptions = {
  readonly controller: Controller;
  readonly stallAfterMs: number;
  readonly now: () => number;
  /** How many calls of a live run wait for a slot (undefined once it is gone). */
  readonly queued: QueuedSource;
  /** A tree changed (rows, counts): redraw what shows it. */
  readonly changed: () => void;
  /** The second ticked while a run is live. */
  readonly ticked: () => void;
  /** A run continued here that this board has not seen: its record's lines before the continue (its name, phases, calls). */
  readonly earlier?: (runId: string) => readonly RunRecordLine[] | undefined;
};

/** The runs' trees and their clock; see the file comment. */
export class RunBoard implements Disposable {
  private readonly treeList: RunTree[] = [];
  private readonly byRun = new Map<string, RunTree>();
  /** Which run each workflow agent belongs to (by current name). */
  private readonly byAgent = new Map<string, RunTree>();
  private readonly subscription: Disposable;
  private timer: ReturnType<typeof setInterval> | undefined;

  constructor(private readonly options: RunBoardOptions) {
    this.subscription = options.controller.events.on((event) => this.agentEvent(event));
  }

  // The agent events a tree folds; the others (panes, entries, receipts, notices) do not concern it.
  private agentEvent(event: ControllerEvent): void {
    const now = this.options.now;
    if (event.type === 'delta' || event.type === 'tool-output') this.byAgent.get(event.agent)?.activity(event.agent, now());
    else if (event.type === 'state') this.touch(event.agent, (tree) => tree.agentState(event.agent, event.state, now()));
    else if (event.type === 'usage') this.touch(event.agent, (tree) => tree.usage(event.agent, event.totals));
    else if (event.type === 'turn-finished') this.touch(event.agent, (tree) => tree.turnEnded(event.agent, event.outcome));
    else if (event.type === 'call-state') this.callState(event);
    else if (event.type === 'call-renamed') {
      // A queued call's row follows its new name (a started agent's follows `agent-renamed`).
      if (this.byRun.get(event.run)?.queuedRenamed(event.from, event.to) === true) this.options.changed();
    }
    else if (event.type === 'agent-renamed') {
      const tree = this.byAgent.get(event.from);
      if (tree === undefined) return;
      this.byAgent.delete(event.from);
      this.byAgent.set(event.to, tree);
      tree.renamed(event.from, event.to);
      this.options.changed();
    }
  }

  // A call queued for a slot is listed (name, phase, since) until it starts or resolves.
  private callState(event: CallStateEvent): void {
    // A held answer (issue 16) waits on the person: never stalled; sending it back clears it.
    this.touch(event.agent, (agentTree) => agentTree.setWaiting(event.agent, heldWait(event.state, agentTree.agent(event.agent)?.waiting)));
    const tree = this.byRun.get(event.run);
    if (tree === undefined) return;
    if (event.state.kind === 'queued') tree.callQueued(event.agent, event.phase, this.options.now());
    else tree.callLeftQueue(event.agent);
    this.options.changed();
  }

  /** One event of run `runId` (its record lines from `meta` on). */
  runEvent(event: RunEvent, runId: string): void {
    if (event.kind !== 'record') return;
    const { line } = event;
    const now = this.options.now();
    let tree = this.byRun.get(runId);
    if (tree === undefined) {
      // A continued run starts from what its record held: named, phased, its answers counted.
      const earlier = line.type === 'continued' ? this.options.earlier?.(runId) : undefined;
      tree = earlier === undefined || earlier.length === 0 ? new RunTree(runId, line.type === 'meta' ? line.name : runId, now) : runTreeFromRecord(runId, earlier);
      this.byRun.set(runId, tree);
      this.treeList.push(tree);
    }
    if (line.type === 'started') {
      const agent = this.options.controller.find(line.agent);
      tree.applyRecord(line, now, agent?.config.model ?? '');
      this.byAgent.set(line.agent, tree);
      if (agent !== undefined) tree.agentState(line.agent, agent.state, now);
    } else {
      tree.applyRecord(line, now);
    }
    // Each record line may follow a slot change (a call started or resolved): read the queue now, not a second late.
    const queued = this.options.queued(runId);
    if (queued !== undefined) tree.setQueued(queued);
    this.syncTimer();
    this.options.changed();
  }

  /** The tree of run `runId`, if the board has it (live here, or opened from its record). */
  tree(runId: string): RunTree | undefined {
    return this.byRun.get(runId);
  }

  /** Adds a run's tree built from its record (run-tree-from-record.ts): shown as recorded, never fed. */
  addRecorded(tree: RunTree): void {
    if (this.byRun.has(tree.id)) return;
    this.byRun.set(tree.id, tree);
    this.treeList.push(tree);
    this.options.changed();
  }

  /** Whether the agent's call is stale in its run (it saw an answer revised since). */
  isStale(agent: string): boolean {
    return this.byAgent.get(agent)?.staleBecause(agent) !== undefined;
  }

  /** Every run seen, in start order. */
  trees(): readonly RunTree[] {
    return this.treeList;
  }

  /** The run of the focused agent, else the newest live run. */
  focusedTree(focusedAgent: string | undefined): RunTree | undefined {
    const mine = focusedAgent === undefined ? undefined : this.byAgent.get(focusedAgent);
    if (mine !== undefined) return mine;
    for (let index = this.treeList.length - 1; index >= 0; index--) {
      const tree = this.treeList[index];
      if (tree?.live === true) return tree;
    }
    return undefined;
  }

  /** The status bar's line about the focused run, if there is one. */
  statusLine(focusedAgent: string | undefined): string | undefined {
    const tree = this.focusedTree(focusedAgent);
    return tree === undefined ? undefined : runStatusLine(tree, this.options.now(), this.options.stallAfterMs);
  }

  /** True while the once-a-second tick runs (some run is live). */
  get ticking(): boolean {
    return this.timer !== undefined;
  }

  dispose(): void {
    this.subscription.dispose();
    if (this.timer !== undefined) clearInterval(this.timer);
    this.timer = undefined;
  }

  private touch(agent: string, change: (tree: RunTree) => void): void {
    const tree = this.byAgent.get(agent);
    // An ended run's tree stays as it ended (its agents may chat on as ordinary agents).
    if (tree === undefined || !tree.live) return;
    change(tree);
    this.options.changed();
  }

  private syncTimer(): void {
    const live = this.treeList.some((tree) => tree.live);
    if (live && this.timer === undefined) this.timer = setInterval(() => this.tick(), 1000);
    if (!live && this.timer !== undefined) {
      clearInterval(this.timer);
      this.timer = undefined;
    }
  }

  private tick(): void {
    for (const tree of this.treeList) {
      if (!tree.live) continue;
      const queued = this.options.queued(tree.id);
      if (queued !== undefined) tree.setQueued(queued);
    }
    this.options.ticked();
  }
}
