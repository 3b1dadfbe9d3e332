import { describe, expect, it } from 'vitest';
import { helpText, parseCliOptions, useScriptedModel } from '../src/cli-options.js';

function options(...argv: string[]): unknown {
  const result = parseCliOptions(argv);
  if (!result.ok) throw new Error(`expected options, got: ${result.error}`);
  return result.value;
}

function problem(...argv: string[]): string {
  const result = parseCliOptions(argv);
  if (result.ok) throw new Error(`expected an error, got ${JSON.stringify(result.value)}`);
  return result.error;
}

describe('parseCliOptions', () => {
  it('defaults to the default layout and sessions/ in the current directory', () => {
    expect(options()).toEqual({
      action: 'run',
      layout: 'default',
      sessions: 'sessions',
      demo: false,
      debug: false,
    });
  });

  it('reads every flag, in both the spaced and the = form', () => {
    expect(options('--layout', 'duo', '--sessions', '/tmp/s', '--demo', '--debug')).toEqual({
      action: 'run',
      layout: 'duo',
      sessions: '/tmp/s',
      demo: true,
      debug: true,
    });
    expect(options('--layout=./my layout.json', '--sessions=store')).toMatchObject({
      layout: './my layout.json',
      sessions: 'store',
    });
  });

  it('reads --stall-after as seconds, and refuses what is not a positive number', () => {
    expect(options('--stall-after', '90')).toMatchObject({ stallAfter: 90 });
    expect(options('--stall-after=0.5')).toMatchObject({ stallAfter: 0.5 });
    expect(problem('--stall-after', 'soon')).toBe('agentmux: option "--stall-after" needs a positive number of seconds, got "soon"');
    expect(problem('--stall-after', '0')).toBe('agentmux: option "--stall-after" needs a positive number of seconds, got "0"');
  });

  it('lets a later flag override an earlier one', () => {
    expect(options('--layout', 'solo', '--layout', 'quad')).toMatchObject({ layout: 'quad' });
  });

  it('answers --help, -h, --version and -v', () => {
    expect(options('--help')).toEqual({ action: 'help' });
    expect(options('-h')).toEqual({ action: 'help' });
    expect(options('--version')).toEqual({ action: 'version' });
    expect(options('--demo', '-v')).toEqual({ action: 'version' });
  });

  it('rejects an unknown flag with the contract wording', () => {
    expect(problem('--x')).toBe('agentmux: unknown option "--x" (see agentmux --help)');
    expect(problem('--demo', '--layuot', 'duo')).toBe(
      'agentmux: unknown option "--layuot" (see agentmux --help)',
    );
    expect(problem('--x=1')).toBe('agentmux: unknown option "--x" (see agentmux --help)');
    expect(problem('-q')).toBe('agentmux: unknown option "-q" (see agentmux --help)');
  });

  it('names the flag whose value is missing', () => {
    expect(problem('--layout')).toMatch(/^agentmux: option "--layout" needs a value/);
    expect(problem('--layout', '--demo')).toMatch(/^agentmux: option "--layout" needs a value/);
    expect(problem('--sessions=')).toMatch(/^agentmux: option "--sessions" needs a value/);
  });

  it('rejects a value given to a switch and a stray argument', () => {
    expect(problem('--demo=yes')).toBe('agentmux: option "--demo" takes no value');
    expect(problem('duo')).toBe('agentmux: unexpected argument "duo" (see agentmux --help)');
  });
});

describe('helpText', () => {
  const text = helpText();

  it('lists every flag and environment variable', () => {
    for (const word of [
      '--layout NAME|FILE',
      '--sessions DIR',
      '--demo',
      '--debug',
      '--help',
      '-h',
      '--version',
      '-v',
    ]) {
      expect(text).toContain(word);
    }
    for (const variable of [
      'ANTHROPIC_API_KEY',
      'ANTHROPIC_BASE_URL',
      'ANTHROPIC_MODEL',
      'VISUAL',
      'EDITOR',
    ]) {
      expect(text).toContain(variable);
    }
  });

  it('states the defaults and when the scripted model is used', () => {
    expect(text).toMatch(/default: default\)/);
    expect(text).toMatch(/default: sessions\/ in the current directory/);
    expect(text).toMatch(
      /no ANTHROPIC_API_KEY and no ANTHROPIC_BASE_URL, or with --demo, agents run on the\s+built-in scripted model/,
    );
  });
});

describe('useScriptedModel', () => {
  it('is true with --demo even when a key is set', () => {
    expect(useScriptedModel({ demo: true }, { ANTHROPIC_API_KEY: 'k' })).toBe(true);
  });

  it('is true with no key and no base URL (blank values count as none)', () => {
    expect(useScriptedModel({ demo: false }, {})).toBe(true);
    expect(
      useScriptedModel({ demo: false }, { ANTHROPIC_API_KEY: ' ', ANTHROPIC_MODEL: 'm' }),
    ).toBe(true);
  });

  it('is false with a key or a base URL and no --demo', () => {
    expect(useScriptedModel({ demo: false }, { ANTHROPIC_API_KEY: 'k' })).toBe(false);
    expect(
      useScriptedModel({ demo: false }, { ANTHROPIC_BASE_URL: 'http://127.0.0.1:11434' }),
    ).toBe(false);
  });
});
