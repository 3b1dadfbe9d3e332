import { describe, expect, it } from 'vitest';
import { parseArguments, readCommandHead } from '../../src/core/command-line.js';
import type { ArgSpec, RawArgs } from '../../src/core/command.js';
import { budget } from '../../src/core/commands/budget.js';
import { edit } from '../../src/core/commands/edit.js';
import { fork } from '../../src/core/commands/fork.js';
import { graft } from '../../src/core/commands/graft.js';
import { nudge } from '../../src/core/commands/nudge.js';
import { rewind } from '../../src/core/commands/rewind.js';
import { send } from '../../src/core/commands/send.js';

const NO_ARGS: ArgSpec = { options: [], positionals: [], text: 'none' };

function parsed(spec: ArgSpec, input: string): RawArgs {
  const result = parseArguments('cmd', spec, input);
  if (!result.ok) throw new Error(`expected a parse, got: ${result.error}`);
  return result.value;
}

function problem(spec: ArgSpec, input: string): string {
  const result = parseArguments('cmd', spec, input);
  if (result.ok) throw new Error(`expected an error, got: ${JSON.stringify(result.value)}`);
  return result.error;
}

describe('readCommandHead', () => {
  it('splits the first token off and keeps the rest untouched', () => {
    expect(readCommandHead('  send  hi  there ')).toEqual({ name: 'send', rest: '  hi  there ' });
  });

  it('finds no command in a blank line', () => {
    expect(readCommandHead('   ')).toBeUndefined();
  });
});

describe('TEXT', () => {
  it('is the rest of the line verbatim: redirections, pipes and quotes are characters', () => {
    expect(parsed(send.spec, ` echo "a  b" > out.txt | grep 'x' && ls`).text).toBe(
      `echo "a  b" > out.txt | grep 'x' && ls`,
    );
  });

  it('keeps internal and trailing spacing but skips the whitespace run that separates it', () => {
    expect(parsed(send.spec, '    hello   world  \t').text).toBe('hello   world  \t');
  });

  it('skips the separating whitespace after an option value too', () => {
    expect(parsed(send.spec, ' -t beta     two  spaces').text).toBe('two  spaces');
  });

  it('treats -t inside the text as characters once the text has started', () => {
    const args = parsed(send.spec, ' please run -t now --interrupt');
    expect(args.options).toEqual({});
    expect(args.text).toBe('please run -t now --interrupt');
  });

  it('starts right after -- so text may begin with a dash', () => {
    expect(parsed(send.spec, ' -- -t x').text).toBe('-t x');
    expect(parsed(send.spec, ' -t beta -- --interrupt me').options).toEqual({ target: 'beta' });
  });

  it('keeps a lone dash as text rather than an option', () => {
    expect(parsed(send.spec, ' - item').text).toBe('- item');
  });

  it('is missing when only whitespace follows', () => {
    expect(problem(send.spec, '   ')).toBe('cmd: TEXT is required');
    expect(problem(send.spec, ' -t beta   ')).toBe('cmd: TEXT is required');
    expect(problem(send.spec, ' --')).toBe('cmd: TEXT is required');
  });

  it('is optional for edit: absent gives undefined, present starts after TURN[.K]', () => {
    expect(parsed(edit.spec, ' 3 ').text).toBeUndefined();
    const args = parsed(edit.spec, ' -t beta 3.2   fixed  "file" > x ');
    expect(args).toEqual({
      options: { target: 'beta' },
      positionals: { address: '3.2' },
      text: 'fixed  "file" > x ',
    });
  });

  it('is refused by a command without TEXT, naming the extra word', () => {
    expect(problem(rewind.spec, ' 3 extra words')).toBe('cmd: unexpected argument "extra"');
    expect(problem(NO_ARGS, ' now')).toBe('cmd: unexpected argument "now"');
  });
});

describe('options', () => {
  it('reads flags and valued options in any order before the positionals', () => {
    expect(parsed(nudge.spec, ' --interrupt -t 2 stop').options).toEqual({
      interrupt: true,
      target: '2',
    });
    expect(parsed(budget.spec, ' --usd 2.5 -t alpha --turns 3').options).toEqual({
      usd: '2.5',
      target: 'alpha',
      turns: '3',
    });
  });

  it('accepts --name=value for valued long options', () => {
    expect(parsed(budget.spec, ' --usd=2.5').options).toEqual({ usd: '2.5' });
  });

  it('stops at the first positional: a later -t is an unexpected argument', () => {
    expect(problem(rewind.spec, ' 3 -t beta')).toBe('cmd: unexpected argument "-t"');
  });

  it('lets -- end options before positionals, which are still read', () => {
    expect(parsed(edit.spec, ' -- 4 -t stays text')).toEqual({
      options: {},
      positionals: { address: '4' },
      text: '-t stays text',
    });
  });

  it('names an unknown option', () => {
    expect(problem(send.spec, ' --x hello')).toBe('cmd: unknown option "--x"');
    expect(problem(NO_ARGS, ' -v')).toBe('cmd: unknown option "-v"');
  });

  it('names an option whose value is missing', () => {
    expect(problem(send.spec, ' -t')).toBe('cmd: -t needs a value (AGENT)');
    expect(problem(budget.spec, ' --usd=')).toBe('cmd: --usd needs a value (X)');
  });

  it('refuses an option given twice', () => {
    expect(problem(send.spec, ' -t a -t b hi')).toBe('cmd: -t given twice');
  });

  it('refuses a value on a flag', () => {
    expect(problem(nudge.spec, ' --interrupt=yes hi')).toBe('cmd: --interrupt takes no value');
  });
});

describe('positionals', () => {
  it('names a missing required positional', () => {
    expect(problem(rewind.spec, '')).toBe('cmd: TURN[.K] is required');
    expect(problem(graft.spec, ' -t alpha')).toBe('cmd: SOURCE is required');
  });

  it('takes an optional positional when present and leaves it out when absent', () => {
    expect(parsed(fork.spec, ' 2.1').positionals).toEqual({ address: '2.1' });
    expect(parsed(fork.spec, '').positionals).toEqual({});
  });

  it.each(['1..3', '2..', '..4', '5'])('takes graft range %s as FROM..TO', (range) => {
    expect(parsed(graft.spec, ` beta ${range}`).positionals).toEqual({ source: 'beta', range });
  });

  it('does not take a token that is not a range as FROM..TO', () => {
    expect(problem(graft.spec, ' beta recent')).toBe(
      'cmd: unexpected argument "recent" (not a FROM..TO)',
    );
    expect(problem(graft.spec, ' beta ..')).toBe('cmd: unexpected argument ".." (not a FROM..TO)');
  });
});
