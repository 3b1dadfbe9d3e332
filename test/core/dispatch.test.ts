import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { defineCommand } from '../../src/core/command.js';
import { COMMANDS } from '../../src/core/commands/index.js';
import {
  commandNames,
  completeCommandName,
  dispatch,
  dispatchWith,
  findCommand,
} from '../../src/core/dispatch.js';
import { FakeCockpit } from './fake-cockpit.js';

const ALL_NAMES =
  'send, broadcast, nudge, interrupt, approve, pause, resume, retry, restart, rewind, undo, switch, edit, graft, fork, ' +
  'new, close, rename, focus, budget, run, run-stop, skip, accept, run-continue, run-hold, hold-accept, hold-value, hold-send, queued-prompt';

describe('dispatch', () => {
  it('runs the named command with its parsed arguments', () => {
    const api = new FakeCockpit();
    expect(dispatch(api, 'send -t beta hello')).toMatchObject({ kind: 'ok', message: 'sent to beta' });
    expect(api.calls).toEqual([{ method: 'send', args: ['beta', 'hello'] }]);
  });

  it('accepts the line as typed at the prompt, with its leading colon', () => {
    const api = new FakeCockpit();
    dispatch(api, ':send hi');
    dispatch(api, '  :undo');
    expect(api.calls).toEqual([
      { method: 'send', args: ['alpha', 'hi'] },
      { method: 'undo', args: ['alpha', { conflicts: 'refuse' }] },
    ]);
  });

  it('names an unknown command and lists the known ones', () => {
    const api = new FakeCockpit();
    expect(dispatch(api, 'foo bar')).toMatchObject({
      kind: 'error',
      message: `unknown command "foo" (try: ${ALL_NAMES})`,
    });
    expect(api.calls).toEqual([]);
  });

  it('says first which command an unknown name most likely meant: a vim or tmux habit, or the one it starts (B19)', () => {
    const api = new FakeCockpit();
    const table = [...COMMANDS, defineCommand({
        name: 'quit',
        usage: 'quit',
        summary: 'quit',
        spec: { options: [], positionals: [], text: 'none' },
        schema: z.object({}),
        run: () => ({ kind: 'ok', message: 'bye', value: null }),
      })];
    const message = (line: string): string => {
      const result = dispatchWith(table, api, line);
      return result.kind === 'error' ? result.message : '';
    };
    expect(message('q')).toMatch(/^unknown command "q": did you mean quit\? \(try: /);
    expect(message('kill-server')).toMatch(/^unknown command "kill-server": did you mean quit\?/);
    expect(message('bud')).toMatch(/^unknown command "bud": did you mean budget\?/);
    // Two commands start with "re": no one guess.
    expect(message('re')).toMatch(/^unknown command "re" \(try: /);
    expect(api.calls).toEqual([]);
  });

  it('reports an empty line instead of running anything', () => {
    expect(dispatch(new FakeCockpit(), ':  ')).toMatchObject({
      kind: 'error',
      message: `no command given (try: ${ALL_NAMES})`,
    });
  });

  it('matches command names exactly, not by prefix', () => {
    expect(dispatch(new FakeCockpit(), 'sen hi').kind).toBe('error');
  });

  it('returns parse errors as values and calls nothing', () => {
    const api = new FakeCockpit();
    expect(dispatch(api, 'send --x hi')).toMatchObject({
      kind: 'error',
      message: 'send: unknown option "--x"',
    });
    expect(dispatch(api, 'send')).toMatchObject({ kind: 'error', message: 'send: TEXT is required' });
    expect(api.calls).toEqual([]);
  });

  it('returns schema errors as values naming the command', () => {
    const api = new FakeCockpit();
    expect(dispatch(api, 'rewind x')).toMatchObject({
      kind: 'error',
      message: 'rewind: "x" is not a turn (N) or entry (N.K) address',
    });
    expect(api.calls).toEqual([]);
  });

  it('dispatches over another table, so later commands are just more rows', () => {
    const echo = defineCommand({
      name: 'echo',
      usage: 'echo TEXT',
      summary: 'say TEXT back',
      spec: { options: [], positionals: [], text: 'required' },
      schema: z.object({ text: z.string() }),
      run: (_api, { text }) => ({ kind: 'ok', message: text, value: { echoed: text } }),
    });
    expect(dispatchWith([echo], new FakeCockpit(), 'echo  a | b ')).toMatchObject({
      kind: 'ok',
      command: 'echo',
      message: 'a | b ',
      value: { echoed: 'a | b ' },
    });
    expect(dispatchWith([echo], new FakeCockpit(), 'send hi')).toMatchObject({
      kind: 'error',
      code: 'unknown-command',
      command: undefined,
      message: 'unknown command "send" (try: echo)',
    });
  });
});

describe('the command table', () => {
  it('lists every command once, in help order', () => {
    expect(commandNames().join(', ')).toBe(ALL_NAMES);
    expect(new Set(commandNames()).size).toBe(COMMANDS.length);
  });

  it('finds a command by name', () => {
    expect(findCommand('graft')?.usage).toBe('graft [-t AGENT] SOURCE [FROM..TO]');
    expect(findCommand('gr')).toBeUndefined();
  });
});

describe('completeCommandName', () => {
  it('completes a unique prefix to the whole name', () => {
    expect(completeCommandName('br')).toEqual({ matches: ['broadcast'], completed: 'broadcast' });
  });

  it('completes an ambiguous prefix as far as the matches agree', () => {
    expect(completeCommandName('re')).toEqual({
      matches: ['resume', 'retry', 'restart', 'rewind', 'rename'],
      completed: 're',
    });
    expect(completeCommandName('rew')).toEqual({ matches: ['rewind'], completed: 'rewind' });
    expect(completeCommandName('s')).toEqual({ matches: ['send', 'switch', 'skip'], completed: 's' });
    // Over a given table (the cockpit's: core's commands and the app's).
    expect(completeCommandName('se', ['send', 'sessions', 'session-open'])).toEqual({ matches: ['send', 'sessions', 'session-open'], completed: 'se' });
    expect(completeCommandName('sess', ['send', 'sessions', 'session-open'])).toEqual({ matches: ['sessions', 'session-open'], completed: 'session' });
  });

  it('offers everything for an empty prefix and nothing for an unknown one', () => {
    expect(completeCommandName('').matches).toEqual(commandNames());
    expect(completeCommandName('zz')).toEqual({ matches: [], completed: 'zz' });
  });
});
