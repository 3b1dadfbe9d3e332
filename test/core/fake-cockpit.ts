// A recording fake of CockpitApi: commands are tested by the calls they make, not by a controller.
// Queries (agents, focused, resolveAgent, entryText's lookup) answer from configuration; every
// other method is recorded with its arguments and answers with a configured result.
import type { TurnAddress } from '../../src/core/address.js';
import type { ApprovalDecision } from '../../src/core/approval-decision.js';
import type { BudgetLimits } from '../../src/core/budget-limits.js';
import type {
  AgentRef,
  BudgetTarget,
  BudgetsApi,
  CockpitApi,
  DeliveryApi,
  HistoryApi,
  PanesApi,
  RunsApi,
  BranchPosition,
  DeliveryReceipt,
  TurnRange,
} from '../../src/core/cockpit-api.js';
import type { RewindOptions, UndoOptions } from '../../src/core/history-files.js';
import type { SwitchOptions } from '../../src/core/switch-files.js';
import type { JsonValue } from '../../src/core/json-value.js';
import { err, ok, type Result } from '../../src/core/result.js';

/** One recorded action: the CockpitApi method and the arguments it was called with. */
export type RecordedCall = { readonly method: string; readonly args: readonly unknown[] };

type Replies = {
  interrupt: Result<string>;
  decide: Result<string>;
  pause: Result<string>;
  resume: Result<string>;
  retry: Result<string>;
  rewind: Result<string>;
  undo: Result<string>;
  switchBranch: Result<string>;
  entryText: Result<string>;
  edit: Result<string>;
  graft: Result<string>;
  fork: Result<string>;
  setBudget: Result<string>;
  budgetReport: Result<string>;
  newAgent: Result<string>;
  newPtyAgent: Result<string>;
  openSession: Result<string>;
  restart: Result<string>;
  closeAgent: Result<string>;
  renameAgent: Result<string>;
  focus: Result<string>;
  startRun: Result<string>;
  stopRun: Result<string>;
  skip: Result<string>;
  accept: Result<string>;
  runAgents: Result<readonly string[]>;
  continueRun: Result<string>;
  holdPhase: Result<string>;
  acceptHeld: Result<string>;
  replaceHeld: Result<string>;
  sendBackHeld: Result<string>;
  queuedPrompt: Result<string>;
  replaceQueuedPrompt: Result<string>;
};

/** Builds agents `alpha`, `beta`, … in pane order, all idle. */
export function agentsNamed(...names: string[]): AgentRef[] {
  return names.map((name, index) => ({ name, pane: index + 1, state: 'idle' }));
}

export class FakeCockpit implements CockpitApi {
  readonly calls: RecordedCall[] = [];
  agentList: AgentRef[];
  focusedAgent: string | undefined;
  /** Per-agent answers for interrupt/pause/resume, overriding `replies` for that agent. */
  readonly perAgent = new Map<string, Result<string>>();
  replies: Replies = {
    interrupt: ok('interrupted'),
    decide: ok('decided'),
    pause: ok('paused'),
    resume: ok('resumed'),
    retry: ok('retrying'),
    rewind: ok('rewound'),
    undo: ok('undone'),
    switchBranch: ok('switched'),
    entryText: ok('the entry text'),
    edit: ok('edited'),
    graft: ok('grafted'),
    fork: ok('forked'),
    setBudget: ok('budget set'),
    budgetReport: ok('budget report'),
    newAgent: ok('new agent'),
    newPtyAgent: ok('new PTY agent'),
    openSession: ok('opened session'),
    restart: ok('restarted'),
    closeAgent: ok('closed'),
    renameAgent: ok('renamed'),
    focus: ok('focused'),
    startRun: ok('run started'),
    stopRun: ok('run stopped'),
    skip: ok('skipped'),
    accept: ok('accepted'),
    runAgents: ok(['alpha']),
    continueRun: ok('run continued'),
    holdPhase: ok('held'),
    acceptHeld: ok('accepted the held answer'),
    replaceHeld: ok('replaced the held answer'),
    sendBackHeld: ok('sent back'),
    queuedPrompt: ok('the queued prompt'),
    replaceQueuedPrompt: ok('prompt replaced'),
  };
  /** What nudge and broadcast answer; by default every agent is `delivered`. */
  receipt: (agent: string) => DeliveryReceipt = (agent) => ({
    id: `m-${agent}`,
    agent,
    outcome: 'delivered',
    joined: 'started-turn',
    detail: '',
  });
  /** What send answers; by default the message starts a turn. */
  sendReceipt: (agent: string) => DeliveryReceipt = (agent) => ({
    id: `m-${agent}`,
    agent,
    outcome: 'delivered',
    joined: 'started-turn',
    detail: 'started a turn',
  });
  /** What branchPosition answers, per agent (undefined: a PTY or unknown agent). */
  readonly positions = new Map<string, BranchPosition>();

  constructor(agents: AgentRef[] = agentsNamed('alpha', 'beta', 'gamma')) {
    this.agentList = agents;
    this.focusedAgent = agents[0]?.name;
  }

  agents(): readonly AgentRef[] {
    return this.agentList;
  }

  resolveAgent(reference: string): Result<string> {
    const found = this.agentList.find(
      (agent) => agent.name === reference || `${agent.pane}` === reference,
    );
    return found === undefined ? err(`no agent "${reference}"`) : ok(found.name);
  }

  readonly delivery: DeliveryApi = {
    send: (agent, text) => {
      this.calls.push({ method: 'send', args: [agent, text] });
      return this.sendReceipt(agent);
    },
    nudge: (agent, text, options) => {
      this.calls.push({ method: 'nudge', args: [agent, text, options] });
      return this.receipt(agent);
    },
    broadcast: (text, options) => {
      this.calls.push({ method: 'broadcast', args: [text, options.agents === undefined ? options : { interrupt: options.interrupt, agents: [...options.agents] }] });
      return (options.agents ?? this.agentList.map((agent) => agent.name)).map((agent) => this.receipt(agent));
    },
  };

  interrupt(agent: string): Result<string> {
    return this.record('interrupt', [agent], this.perAgent.get(agent) ?? this.replies.interrupt);
  }

  decide(agent: string, decision: ApprovalDecision): Result<string> {
    return this.record('decide', [agent, decision], this.replies.decide);
  }

  pause(agent: string): Result<string> {
    return this.record('pause', [agent], this.perAgent.get(agent) ?? this.replies.pause);
  }

  resume(agent: string): Result<string> {
    return this.record('resume', [agent], this.perAgent.get(agent) ?? this.replies.resume);
  }

  retry(agent: string): Result<string> {
    return this.record('retry', [agent], this.replies.retry);
  }

  /** `budget` acts on this (recorded as setBudget / budgetReport). */
  readonly budgets: BudgetsApi = {
    set: (target: BudgetTarget, limits: BudgetLimits, clear: boolean): Result<string> =>
      this.record('setBudget', clear ? [target, limits, clear] : [target, limits], this.replies.setBudget),
    report: (target: BudgetTarget): Result<string> => this.record('budgetReport', [target], this.replies.budgetReport),
  };

  /** A successful `new` adds the agent, as the controller does. */
  private opened(name: string, reply: Result<string>): Result<string> {
    if (reply.ok) this.agentList.push({ name, pane: this.agentList.length + 1, state: 'idle' });
    return reply;
  }

  readonly history: HistoryApi = {
    rewind: (agent: string, address: TurnAddress, options?: RewindOptions): Result<string> => {
      return this.record('rewind', options === undefined ? [agent, address] : [agent, address, options], this.replies.rewind);
    },
    undo: (agent: string, options?: UndoOptions): Result<string> => {
      return this.record('undo', options === undefined ? [agent] : [agent, options], this.replies.undo);
    },
    switchBranch: (agent: string, branch: string, options?: SwitchOptions): Result<string> => {
      return this.record('switchBranch', options === undefined ? [agent, branch] : [agent, branch, options], this.replies.switchBranch);
    },
    entryText: (agent: string, address: TurnAddress): Result<string> => {
      return this.record('entryText', [agent, address], this.replies.entryText);
    },
    edit: (agent: string, address: TurnAddress, text: string): Result<string> => {
      return this.record('edit', [agent, address, text], this.replies.edit);
    },
    graft: (agent: string, source: string, range: TurnRange): Result<string> => {
      return this.record('graft', [agent, source, range], this.replies.graft);
    },
    fork: (agent: string, address: TurnAddress | undefined): Result<string> => {
      return this.record('fork', [agent, address], this.replies.fork);
    },
    branchPosition: (agent: string): BranchPosition | undefined => {
      return this.positions.get(agent);
    },
  };

  readonly panes: PanesApi = {
    focused: (): string | undefined => this.focusedAgent,
    focus: (agent: string): Result<string> => {
      return this.record('focus', [agent], this.replies.focus);
    },
    newAgent: (name: string, options: { model?: string }): Result<string> => {
      return this.opened(name, this.record('newAgent', [name, options], this.replies.newAgent));
    },
    newPtyAgent: (name: string, command: readonly string[]): Result<string> => {
      return this.opened(name, this.record('newPtyAgent', [name, command], this.replies.newPtyAgent));
    },
    openSession: (sessionId: string): Result<string> => {
      return this.record('openSession', [sessionId], this.replies.openSession);
    },
    restart: (agent: string): Result<string> => {
      return this.record('restart', [agent], this.replies.restart);
    },
    close: (agent: string): Result<string> => {
      return this.record('closeAgent', [agent], this.replies.closeAgent);
    },
    rename: (agent: string, name: string): Result<string> => {
      return this.record('renameAgent', [agent, name], this.replies.renameAgent);
    },
  };

  readonly runs: RunsApi = {
    start: (ref: string, args: JsonValue | undefined): Result<string> => {
      return this.record('startRun', [ref, args], this.replies.startRun);
    },
    stop: (ref: string | undefined): Result<string> => {
      return this.record('stopRun', [ref], this.replies.stopRun);
    },
    continue: (run: string | undefined, recorded: boolean): Result<string> => {
      return this.record('continueRun', [run, recorded], this.replies.continueRun);
    },
    skip: (agent: string): Result<string> => {
      return this.record('skip', [agent], this.replies.skip);
    },
    accept: (agent: string): Result<string> => {
      return this.record('accept', [agent], this.replies.accept);
    },
    agents: (reference: string): Result<readonly string[]> => {
      this.calls.push({ method: 'runAgents', args: [reference] });
      return this.replies.runAgents;
    },
    hold: (run: string, phase: string): Result<string> => {
      return this.record('holdPhase', [run, phase], this.replies.holdPhase);
    },
    acceptHeld: (agent: string): Result<string> => {
      return this.record('acceptHeld', [agent], this.replies.acceptHeld);
    },
    replaceHeld: (agent: string, value: JsonValue): Result<string> => {
      return this.record('replaceHeld', [agent, value], this.replies.replaceHeld);
    },
    sendBackHeld: (agent: string, note: string): Result<string> => {
      return this.record('sendBackHeld', [agent, note], this.replies.sendBackHeld);
    },
    queuedPrompt: (agent: string): Result<string> => {
      return this.record('queuedPrompt', [agent], this.replies.queuedPrompt);
    },
    replaceQueuedPrompt: (agent: string, text: string): Result<string> => {
      return this.record('replaceQueuedPrompt', [agent, text], this.replies.replaceQueuedPrompt);
    },
  };

  private record(method: string, args: readonly unknown[], reply: Result<string>): Result<string> {
    this.calls.push({ method, args });
    return reply;
  }
}
