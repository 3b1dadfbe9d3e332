import { describe, expect, it } from 'vitest';
import { COMMANDS } from '../../src/core/commands/index.js';
import { dispatch } from '../../src/core/dispatch.js';
import { err } from '../../src/core/result.js';
import { agentsNamed, FakeCockpit } from './fake-cockpit.js';

// The usage lines of DESIGN.md §5, which help, errors and docs quote.
const DESIGN_USAGE: Record<string, string> = {
  send: 'send [-t AGENT] TEXT',
  broadcast: 'broadcast [-t @RUN[/PHASE]] [--interrupt] TEXT',
  nudge: 'nudge [-t AGENT] [--interrupt] TEXT',
  interrupt: 'interrupt [-t AGENT|all|@RUN[/PHASE]]',
  // Not in DESIGN.md §5 yet: the command behind the y / a / n keys of issue 4.
  approve: 'approve [-t AGENT] y|a|n [REASON]',
  pause: 'pause [-t AGENT|all|@RUN[/PHASE]]',
  resume: 'resume [-t AGENT|all|@RUN[/PHASE]]',
  retry: 'retry [-t AGENT]',
  restart: 'restart [-t AGENT]',
  // Issue 4 (file checkpoints) added the scope and conflict flags.
  rewind: 'rewind [-t AGENT] [--conversation-only|--files-only] [--overwrite|--keep-changed] TURN[.K]',
  undo: 'undo [-t AGENT] [--overwrite|--keep-changed]',
  // Issue 5 (branch tree): switch the head to another branch; its files follow, with rewind's flags.
  switch: 'switch [-t AGENT] [--conversation-only|--files-only] [--overwrite|--keep-changed] BRANCH',
  edit: 'edit [-t AGENT] TURN[.K] [TEXT]',
  graft: 'graft [-t AGENT] SOURCE [FROM..TO]',
  fork: 'fork [-t AGENT] [TURN[.K]]',
  new: 'new NAME [--model M] [-- COMMAND ARGS…]',
  close: 'close [-t AGENT]',
  rename: 'rename [-t AGENT] NAME',
  focus: 'focus AGENT',
  budget: 'budget [-t AGENT|--all] [--clear] [--usd X] [--tokens N] [--turns N]',
  sessions: 'sessions',
  // DESIGN.md §9 (workflows): start and stop runs.
  run: 'run [--yes] ARG [ARGS-JSON]',
  'run-stop': 'run-stop [RUN]',
  // Issue 14 (steering): a workflow agent's pending call.
  skip: 'skip [-t AGENT]',
  accept: 'accept [-t AGENT]',
  'run-continue': 'run-continue [--recorded] [RUN]',
  'run-hold': 'run-hold RUN PHASE',
  'hold-accept': 'hold-accept [-t AGENT]',
  'hold-value': 'hold-value [-t AGENT] VALUE',
  'hold-send': 'hold-send [-t AGENT] TEXT',
  // Issue 14: a queued workflow agent's prompt, read or replaced before it starts.
  'queued-prompt': 'queued-prompt [-t AGENT] [TEXT]',
};

function run(line: string, api = new FakeCockpit()) {
  const result = dispatch(api, line);
  return { result, calls: api.calls };
}

describe('every command', () => {
  it.each(COMMANDS.map((command) => [command.name, command] as const))(
    '%s shows its DESIGN.md usage line',
    (name, command) => {
      expect(command.usage).toBe(DESIGN_USAGE[name]);
      expect(command.summary.length).toBeGreaterThan(0);
    },
  );
});

describe('-t AGENT', () => {
  it('defaults to the focused agent', () => {
    const api = new FakeCockpit();
    api.focusedAgent = 'gamma';
    expect(run('retry', api).calls).toEqual([{ method: 'retry', args: ['gamma'] }]);
  });

  it('names an agent by pane number', () => {
    expect(run('undo -t 2').calls).toEqual([{ method: 'undo', args: ['beta', { conflicts: 'refuse' }] }]);
  });

  it('reports an agent that does not exist, under the command name', () => {
    expect(run('send -t zed hi')).toMatchObject({
      result: { kind: 'error', message: 'send: no agent "zed"' },
      calls: [],
    });
  });

  it('is an error when there is no agent at all', () => {
    expect(run('send hi', new FakeCockpit([])).result).toMatchObject({
      kind: 'error',
      message: 'send: there is no agent',
    });
  });
});

describe('send', () => {
  it('sends TEXT exactly as typed', () => {
    expect(run(`send -t beta  cat "a b" > c | wc  `).calls).toEqual([
      { method: 'send', args: ['beta', 'cat "a b" > c | wc  '] },
    ]);
  });

  it('shows the controller refusal under its name', () => {
    const api = new FakeCockpit();
    api.sendReceipt = (agent) => ({ agent, outcome: 'refused', detail: `${agent} is a PTY agent in error` });
    expect(run('send hi', api).result).toMatchObject({
      kind: 'error',
      message: 'send: alpha is a PTY agent in error',
    });
  });
});

describe('broadcast and nudge', () => {
  it('broadcast reports every receipt in one status-bar message', () => {
    const api = new FakeCockpit();
    const outcomes = { alpha: 'delivered', beta: 'queued', gamma: 'refused' } as const;
    api.receipt = (agent) => {
      const outcome =
        agent === 'beta' ? outcomes.beta : agent === 'gamma' ? outcomes.gamma : outcomes.alpha;
      const detail = outcome === 'refused' ? 'paused' : '';
      return outcome === 'refused' ? { agent, outcome, detail } : { id: `m-${agent}`, agent, outcome, joined: 'joined-turn', detail };
    };
    const { result, calls } = run('broadcast --interrupt stop and run the tests', api);
    expect(calls).toEqual([
      { method: 'broadcast', args: ['stop and run the tests', { interrupt: true }] },
    ]);
    expect(result).toMatchObject({
      kind: 'ok',
      command: 'broadcast',
      message: 'broadcast: alpha delivered, beta queued, gamma refused (paused)',
      value: { deliveries: [{ agent: 'alpha' }, { agent: 'beta' }, { agent: 'gamma', outcome: 'refused' }] },
    });
  });

  it('broadcast without --interrupt waits for the safe point', () => {
    expect(run('broadcast hi').calls).toEqual([
      { method: 'broadcast', args: ['hi', { interrupt: false }] },
    ]);
  });

  it('broadcast with no agents is an error', () => {
    expect(run('broadcast hi', new FakeCockpit([])).result).toMatchObject({
      kind: 'error',
      message: 'broadcast: there is no agent',
    });
  });

  it('nudge sends to one agent and reports its receipt', () => {
    const api = new FakeCockpit();
    api.receipt = (agent) => ({ id: 'm1', agent, outcome: 'queued', joined: 'queued', detail: 'paused' });
    const { result, calls } = run('nudge -t 3 --interrupt use -t carefully', api);
    expect(calls).toEqual([
      { method: 'nudge', args: ['gamma', 'use -t carefully', { interrupt: true }] },
    ]);
    expect(result).toMatchObject({
      kind: 'ok',
      command: 'nudge',
      message: 'nudge: gamma queued (paused)',
      value: { deliveries: [{ id: 'm1', agent: 'gamma', outcome: 'queued', joined: 'queued', detail: 'paused' }] },
    });
  });

  it('nudge requires TEXT', () => {
    expect(run('nudge --interrupt').result).toMatchObject({
      kind: 'error',
      message: 'nudge: TEXT is required',
    });
  });
});

describe.each(['interrupt', 'pause', 'resume'] as const)('%s', (name) => {
  it('acts on one agent', () => {
    expect(run(`${name} -t beta`)).toMatchObject({
      result: {
        kind: 'ok',
        message: `${name === 'interrupt' ? 'interrupted' : name === 'pause' ? 'paused' : 'resumed'}`,
      },
      calls: [{ method: name, args: ['beta'] }],
    });
  });

  it.skipIf(name === 'interrupt')('acts on every agent with -t all and joins the answers, naming refusals', () => {
    const api = new FakeCockpit();
    api.perAgent.set('beta', err('not running'));
    const { result, calls } = run(`${name} -t all`, api);
    expect(calls.map((call) => call.args[0])).toEqual(['alpha', 'beta', 'gamma']);
    const done = name === 'interrupt' ? 'interrupted' : name === 'pause' ? 'paused' : 'resumed';
    expect(result).toMatchObject({ kind: 'ok', message: `${done}; beta: not running; ${done}` });
  });

  it.skipIf(name === 'interrupt')('is an error with -t all when every agent refuses', () => {
    const api = new FakeCockpit(agentsNamed('alpha', 'beta'));
    api.perAgent.set('alpha', err('idle'));
    api.perAgent.set('beta', err('idle'));
    expect(run(`${name} -t all`, api).result).toMatchObject({
      kind: 'error',
      message: `${name}: alpha: idle; beta: idle`,
    });
  });

  it('takes no TEXT', () => {
    expect(run(`${name} now`).result).toMatchObject({
      kind: 'error',
      message: `${name}: unexpected argument "now"`,
    });
  });
});

describe('interrupt -t all', () => {
  it('interrupts only the agents at work, in one line naming them', () => {
    const agents = agentsNamed('alpha', 'beta', 'gamma').map((agent) =>
      agent.name === 'beta' ? agent : { ...agent, state: 'streaming' as const },
    );
    const { result, calls } = run('interrupt -t all', new FakeCockpit(agents));
    expect(calls).toEqual([
      { method: 'interrupt', args: ['alpha'] },
      { method: 'interrupt', args: ['gamma'] },
    ]);
    expect(result).toMatchObject({ kind: 'ok', message: 'interrupted alpha, gamma' });
  });

  it('says once that nothing is working when every agent is idle', () => {
    const { result, calls } = run('interrupt -t all');
    expect(calls).toEqual([]);
    expect(result).toMatchObject({ kind: 'ok', message: 'no agent is working: nothing to interrupt' });
  });
});

describe('rewind', () => {
  it('passes TURN and TURN.K addresses, and turn 0', () => {
    const api = new FakeCockpit();
    run('rewind 3', api);
    run('rewind -t beta 2.4', api);
    run('rewind 0', api);
    const both = { scope: 'both', conflicts: 'refuse' };
    expect(api.calls).toEqual([
      { method: 'rewind', args: ['alpha', { turn: 3 }, both] },
      { method: 'rewind', args: ['beta', { turn: 2, k: 4 }, both] },
      { method: 'rewind', args: ['alpha', { turn: 0 }, both] },
    ]);
  });

  it('passes the scope and conflict flags, and refuses contradictory ones', () => {
    const api = new FakeCockpit();
    run('rewind --files-only --keep-changed 2', api);
    run('rewind --conversation-only 1', api);
    run('rewind --overwrite 1', api);
    expect(api.calls).toEqual([
      { method: 'rewind', args: ['alpha', { turn: 2 }, { scope: 'files', conflicts: 'keep' }] },
      { method: 'rewind', args: ['alpha', { turn: 1 }, { scope: 'conversation', conflicts: 'refuse' }] },
      { method: 'rewind', args: ['alpha', { turn: 1 }, { scope: 'both', conflicts: 'overwrite' }] },
    ]);
    expect(run('rewind --files-only --conversation-only 1').result).toMatchObject({
      kind: 'error',
      message: 'rewind: --conversation-only and --files-only exclude each other',
    });
    expect(run('undo --overwrite --keep-changed').result).toMatchObject({
      kind: 'error',
      message: 'undo: --overwrite and --keep-changed exclude each other',
    });
    expect(run('undo --keep-changed').calls).toEqual([{ method: 'undo', args: ['alpha', { conflicts: 'keep' }] }]);
  });

  it('names a bad or missing address', () => {
    expect(run('rewind').result).toMatchObject({
      kind: 'error',
      message: 'rewind: TURN[.K] is required',
    });
    expect(run('rewind 2.0').result).toMatchObject({
      kind: 'error',
      message: 'rewind: "2.0": entries within a turn are numbered from 1',
    });
  });
});

describe('edit', () => {
  it('with TEXT replaces the entry with TEXT verbatim', () => {
    expect(run('edit -t beta 4.2 {"path": "a.ts"}  |  ok').calls).toEqual([
      { method: 'edit', args: ['beta', { turn: 4, k: 2 }, '{"path": "a.ts"}  |  ok'] },
    ]);
  });

  it('without TEXT asks the view to open an editor on the current text', () => {
    const { result, calls } = run('edit 2');
    expect(calls).toEqual([{ method: 'entryText', args: ['alpha', { turn: 2 }] }]);
    expect(result).toMatchObject({
      kind: 'open-editor',
      agent: 'alpha',
      address: { turn: 2 },
      text: 'the entry text',
    });
  });

  it('without TEXT reports an entry that cannot be read', () => {
    const api = new FakeCockpit();
    api.replies.entryText = err('no entry 9.1');
    expect(run('edit 9.1', api).result).toMatchObject({ kind: 'error', message: 'edit: no entry 9.1' });
  });
});

describe('graft', () => {
  it.each([
    ['graft beta', {}],
    ['graft beta 2..5', { from: 2, to: 5 }],
    ['graft beta 2..', { from: 2 }],
    ['graft beta ..5', { to: 5 }],
    ['graft beta 3', { from: 3, to: 3 }],
  ])('%s grafts the right turns', (line, range) => {
    expect(run(line).calls).toEqual([{ method: 'graft', args: ['alpha', 'beta', range] }]);
  });

  it('passes SOURCE through untouched for the controller to resolve', () => {
    expect(run('graft -t 2 sessions/2024-abc.jsonl 1..2').calls).toEqual([
      { method: 'graft', args: ['beta', 'sessions/2024-abc.jsonl', { from: 1, to: 2 }] },
    ]);
  });

  it('refuses a backwards or zero range', () => {
    expect(run('graft beta 5..2').result).toMatchObject({
      kind: 'error',
      message: 'graft: FROM..TO: "5..2": 5 comes after 2',
    });
    expect(run('graft beta 0..2').result).toMatchObject({
      kind: 'error',
      message: 'graft: FROM..TO: "0..2": turns are numbered from 1',
    });
  });
});

describe('fork', () => {
  it('forks at the head without an address, or at the address given', () => {
    const api = new FakeCockpit();
    run('fork', api);
    run('fork -t beta 3.1', api);
    expect(api.calls).toEqual([
      { method: 'fork', args: ['alpha', undefined] },
      { method: 'fork', args: ['beta', { turn: 3, k: 1 }] },
    ]);
  });

  it('names a bad address', () => {
    expect(run('fork x1').result).toMatchObject({
      kind: 'error',
      message: 'fork: "x1" is not a turn (N) or entry (N.K) address',
    });
  });
});

describe('budget', () => {
  it('sets limits on the focused agent, or on the one -t names', () => {
    const api = new FakeCockpit();
    run('budget --usd 2.50 --tokens 200000 --turns 12', api);
    run('budget -t 2 --turns 3', api);
    expect(api.calls).toEqual([
      {
        method: 'setBudget',
        args: [
          { kind: 'agent', agent: 'alpha' },
          { usd: 2.5, tokens: 200000, turns: 12 },
        ],
      },
      { method: 'setBudget', args: [{ kind: 'agent', agent: 'beta' }, { turns: 3 }] },
    ]);
    expect(Object.keys(api.calls[1]?.args[1] ?? {})).toEqual(['turns']);
  });

  it('drops the old limits with --clear, alone or before new ones', () => {
    expect(run('budget --clear').calls).toEqual([
      { method: 'setBudget', args: [{ kind: 'agent', agent: 'alpha' }, {}, true] },
    ]);
    expect(run('budget --all --clear --turns 2').calls).toEqual([
      { method: 'setBudget', args: [{ kind: 'all' }, { turns: 2 }, true] },
    ]);
  });

  it('alone (no limit, no --clear) changes nothing and reports caps and spend', () => {
    expect(run('budget').calls).toEqual([{ method: 'budgetReport', args: [{ kind: 'agent', agent: 'alpha' }] }]);
    expect(run('budget -t beta').calls).toEqual([{ method: 'budgetReport', args: [{ kind: 'agent', agent: 'beta' }] }]);
    expect(run('budget --all').calls).toEqual([{ method: 'budgetReport', args: [{ kind: 'all' }] }]);
  });

  it('sets the overall limits with --all', () => {
    expect(run('budget --all --usd .5').calls).toEqual([
      { method: 'setBudget', args: [{ kind: 'all' }, { usd: 0.5 }] },
    ]);
  });

  it.each([
    ['budget --usd abc', 'budget: --usd: expected a positive number, got "abc"'],
    ['budget --usd 0', 'budget: --usd: expected a positive number, got "0"'],
    ['budget --usd -3', 'budget: --usd: expected a positive number, got "-3"'],
    ['budget --tokens 1.5', 'budget: --tokens: expected a positive whole number, got "1.5"'],
    ['budget --turns 0', 'budget: --turns: expected a positive whole number, got "0"'],
    ['budget -t alpha --all --usd 1', 'budget: -t and --all cannot be used together'],
    ['budget --usd', 'budget: --usd needs a value (X)'],
    ['budget --usd 1 extra', 'budget: unexpected argument "extra"'],
  ])('%s is refused: %s', (line, message) => {
    const { result, calls } = run(line);
    expect(result).toMatchObject({ kind: 'error', message });
    expect(calls).toEqual([]);
  });
});


describe('approve', () => {
  it('maps y, a and n REASON to the decisions, on -t or the focused agent', () => {
    const api = new FakeCockpit();
    api.agentList = agentsNamed('alpha', 'beta');
    api.focusedAgent = 'alpha';
    dispatch(api, 'approve y');
    dispatch(api, 'approve -t beta a');
    dispatch(api, 'approve -t beta n use the docs folder');
    dispatch(api, 'approve n');
    expect(api.calls).toEqual([
      { method: 'decide', args: ['alpha', { kind: 'yes' }] },
      { method: 'decide', args: ['beta', { kind: 'always' }] },
      { method: 'decide', args: ['beta', { kind: 'no', reason: 'use the docs folder' }] },
      { method: 'decide', args: ['alpha', { kind: 'no' }] },
    ]);
  });

  it('refuses an answer other than y, a or n without calling the cockpit', () => {
    const { result, calls } = run('approve maybe');
    expect(result.kind).toBe('error');
    expect(calls).toEqual([]);
  });
});

describe('run and run-stop', () => {
  it('run passes ARG and ARGS-JSON parsed as JSON, or as a string when it is not JSON', () => {
    expect(run('run review {"target": "src", "n": 2}').calls).toEqual([{ method: 'startRun', args: ['review', { target: 'src', n: 2 }] }]);
    expect(run('run ./fix.js make the tests pass').calls).toEqual([{ method: 'startRun', args: ['./fix.js', 'make the tests pass'] }]);
    expect(run('run review').calls).toEqual([{ method: 'startRun', args: ['review', undefined] }]);
  });

  it('run-stop names a run or none', () => {
    expect(run('run-stop k3x9a1').calls).toEqual([{ method: 'stopRun', args: ['k3x9a1'] }]);
    expect(run('run-stop').calls).toEqual([{ method: 'stopRun', args: [undefined] }]);
  });

  it('an error from the runs host comes back under the command name', () => {
    const api = new FakeCockpit();
    api.replies.stopRun = err('no run is live');
    expect(run('run-stop', api).result).toMatchObject({ kind: 'error', message: 'run-stop: no run is live' });
  });
});
