// Keeps one Transcript per agent in step with the controller's events: entries are appended
// incrementally, head moves and edits rebuild, deltas grow the live answer, tool output chunks
// the live output under the running call.
import type { Agent } from '../core/agent.js';
import { isWorking, type AgentState } from '../core/agent-state.js';
import { viewBranch, type BranchItem } from '../core/branch.js';
import type { Controller } from '../core/controller.js';
import type { Entry } from '../core/entry.js';
import type { ControllerEvent, Disposable } from '../core/events.js';
import { Transcript } from '../core/transcript.js';
import { approvalPreview, previewPath } from '../core/approval-preview.js';
import { readCurrentFile } from '../adapters/tools/preview-source.js';

type Tracked = {
  readonly transcript: Transcript;
  turn: number;
  k: number;
  pathLength: number;
  state: AgentState;
};

/**
 * One live transcript per agent; `onChange` asks for a new model and a frame. `onGrow` (default:
 * `onChange`) is called instead when only a transcript grew (a delta, tool output): the cockpit
 * model reads nothing a delta changes, so a streaming frame need not rebuild it (issue 17).
 */
export class AgentTranscripts {
  private readonly tracked = new Map<string, Tracked>();
  private readonly subscription: Disposable;

  constructor(
    private readonly controller: Controller,
    private readonly onChange: () => void,
    private readonly onGrow: () => void = onChange,
  ) {
    for (const agent of controller.allAgents()) this.track(agent);
    this.subscription = controller.events.on((event) => this.apply(event));
  }

  /** The transcript of an agent (created on first use). */
  of(agent: Agent): Transcript {
    return (this.tracked.get(agent.name) ?? this.track(agent)).transcript;
  }

  dispose(): void {
    this.subscription.dispose();
    this.tracked.clear();
  }

  private track(agent: Agent): Tracked {
    const tracked: Tracked = { transcript: new Transcript({ agentName: agent.name }), turn: 0, k: 0, pathLength: 0, state: agent.state };
    this.tracked.set(agent.name, tracked);
    this.rebuild(agent, tracked);
    if (agent.kind === 'broken') tracked.transcript.notice(agent.loadError, true);
    else if (agent.kind === 'sdk' && agent.phase.kind !== 'running' && agent.unansweredAtLoad) {
      tracked.transcript.notice('⏹ this turn was cut short when agentmux last stopped, and no answer of it was kept: :retry re-runs it', false);
    }
    return tracked;
  }

  private rebuild(agent: Agent, tracked: Tracked): void {
    const session = agent.kind === 'sdk' ? agent.session : undefined;
    const view = session?.view() ?? viewBranch([]);
    tracked.transcript.reset(view, agent.name);
    tracked.turn = view.turnCount;
    tracked.k = view.turns[view.turnCount]?.entries.length ?? 0;
    const tree = session?.tree;
    const head = tree?.head ?? null;
    tracked.pathLength = tree === undefined || head === null ? 0 : (tree.branchPosition(head) ?? -1) + 1;
  }

  private apply(event: ControllerEvent): void {
    switch (event.type) {
      case 'agent-added': {
        const agent = this.controller.find(event.agent);
        if (agent !== undefined) this.track(agent);
        break;
      }
      case 'agent-removed':
        this.tracked.delete(event.agent);
        break;
      case 'entry':
        this.onEntry(event.agent, event.entry);
        break;
      case 'head': {
        const agent = this.controller.find(event.agent);
        const tracked = this.tracked.get(event.agent);
        if (agent !== undefined && tracked !== undefined) this.rebuild(agent, tracked);
        break;
      }
      case 'delta':
        this.tracked.get(event.agent)?.transcript.streamEvent(event.event);
        this.onGrow();
        return;
      case 'tool-output':
        this.tracked.get(event.agent)?.transcript.toolOutput(event.toolUseId, event.chunk);
        this.onGrow();
        return;
      case 'state':
        this.onState(event.agent, event.state, event.detail);
        break;
      case 'notice':
        if (event.agent !== undefined) this.tracked.get(event.agent)?.transcript.notice(event.message, event.level === 'error');
        break;
      case 'agent-renamed': {
        const tracked = this.tracked.get(event.from);
        const agent = this.controller.find(event.to);
        this.tracked.delete(event.from);
        if (tracked !== undefined && agent !== undefined) {
          this.tracked.set(event.to, tracked);
          this.rebuild(agent, tracked);
        }
        break;
      }
      case 'usage':
      case 'receipt':
      case 'turn-finished':
      case 'call-state':
      case 'call-renamed':
      case 'focus':
        break;
    }
    this.onChange();
  }

  // A new attempt starts a fresh live answer; a stream that ended without an answer is dropped.
  private onState(name: string, state: AgentState, detail: string): void {
    const tracked = this.tracked.get(name);
    if (tracked === undefined) return;
    const previous = tracked.state;
    tracked.state = state;
    // A turn that failed says so where the person reads, not only in a title a narrow pane cuts.
    if (state === 'error' && isWorking(previous) && this.controller.find(name)?.kind !== 'pty') {
      tracked.transcript.notice(`${detail} · :retry re-runs the turn`, true);
    }
    if (state === 'requesting' || (previous === 'retrying' && state === 'streaming')) tracked.transcript.endStream();
    if (state === 'idle' || state === 'error' || state === 'paused' || state === 'over-budget') tracked.transcript.endStream();
    if (state === 'awaiting-approval') this.showApprovalPreview(name, tracked);
    else if (previous === 'awaiting-approval') tracked.transcript.approvalPreview(undefined);
  }

  // The file is read off the event loop's critical path; the preview lands only if the same call still waits.
  private showApprovalPreview(name: string, tracked: Tracked): void {
    const agent = this.controller.find(name);
    if (agent?.kind !== 'sdk') return;
    const call = agent.pendingApproval?.call;
    const path = call === undefined ? undefined : previewPath(call);
    if (call === undefined || path === undefined) return;
    void readCurrentFile(agent.config.cwd, path).then((current) => {
      if (this.tracked.get(name) !== tracked || agent.pendingApproval?.call.id !== call.id) return;
      tracked.transcript.approvalPreview(approvalPreview(call, current));
      this.onChange();
    });
  }

  private onEntry(name: string, entry: Entry): void {
    const agent = this.controller.find(name);
    const tracked = this.tracked.get(name);
    if (agent === undefined || tracked === undefined) return;
    // An edit changes how an earlier entry reads: rebuild (cheap: unchanged leading blocks are kept).
    if (entry.kind === 'edit') {
      this.rebuild(agent, tracked);
      return;
    }
    const pathIndex = tracked.pathLength;
    tracked.pathLength += 1;
    let item: BranchItem;
    if (entry.kind === 'graft-marker') {
      item = { kind: 'marker', entry, turn: tracked.turn, pathIndex };
    } else {
      if (entry.kind === 'user' && entry.opensTurn) {
        tracked.turn += 1;
        tracked.k = 1;
      } else {
        tracked.k += 1;
      }
      item = { kind: 'message', entry, original: entry, edited: false, turn: tracked.turn, k: tracked.k, pathIndex };
    }
    tracked.transcript.append(item);
  }
}
