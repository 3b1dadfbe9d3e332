// `agentmux run` options (issue 13 item 1): every flag, --args JSON or string, bad values named.
import { describe, expect, it } from 'vitest';
import { parseRunOptions, RUN_FLAGS, runHelpText, wantsRunHelp } from '../src/run-options.js';
import { HOLD_NEEDS_A_PERSON } from '../src/core/workflow/hold-steering.js';
import { helpText } from '../src/cli-options.js';

describe('agentmux run options', () => {
  it('parses the dry run and confirmation flags, and refuses --hold with --headless', () => {
    const parsed = parseRunOptions(['review', '--dry-run', '--assume-items', '2', '--assume-tokens', '5000', '--confirm-over-usd', '1.5', '--yes']);
    expect(parsed).toMatchObject({ ok: true, value: { dryRun: true, assumeItems: 2, assumeTokens: 5000, confirmOverUsd: 1.5, yes: true } });
    expect(parseRunOptions(['review', '--confirm-over-usd', 'lots'])).toEqual({ ok: false, error: 'agentmux run: --confirm-over-usd: expected an amount in USD, got "lots"' });
    expect(parseRunOptions(['review', '--hold', 'Verify', '--headless'])).toEqual({
      ok: false,
      error: `agentmux run: --hold cannot be used with --headless: ${HOLD_NEEDS_A_PERSON}`,
    });
  });

  it('parses every flag, --allow repeated', () => {
    const parsed = parseRunOptions([
      'review', '--args', '{"a":[1]}', '--sessions', 'S', '--concurrency', '4', '--model', 'local/qwen', '--providers', 'p.json',
      '--approve', 'auto', '--allow', 'bash:npm test', '--allow', 'write_file', '--budget-tokens', '1000', '--budget-usd', '2.5', '--stall-after', '90', '--headless', '--demo',
    ]);
    expect(parsed).toEqual({
      ok: true,
      value: {
        ref: 'review', args: { a: [1] }, sessions: 'S', concurrency: 4, model: 'local/qwen', providers: 'p.json', approve: 'auto',
        allow: ['bash:npm test', 'write_file'], budgetTokens: 1000, budgetUsd: 2.5, stallAfter: 90, headless: true, demo: true, layout: undefined, debug: false,
        dryRun: false, assumeItems: 10, assumeTokens: 30000, confirmOverUsd: null, yes: false, hold: [],
      },
    });
  });

  it('defaults: sessions/, concurrency 16, approve ask, no caps, args undefined', () => {
    const parsed = parseRunOptions(['./w.js']);
    expect(parsed.ok && parsed.value).toMatchObject({ ref: './w.js', args: undefined, sessions: 'sessions', concurrency: 16, approve: 'ask', allow: [], budgetTokens: null, budgetUsd: null, stallAfter: 60, headless: false });
  });

  it('passes --args that is not JSON as a string', () => {
    const parsed = parseRunOptions(['w', '--args', 'fix {it}']);
    expect(parsed.ok && parsed.value.args).toBe('fix {it}');
  });

  it.each([
    [['w', '--concurrency', '0'], 'agentmux run: --concurrency: expected a positive integer, got "0"'],
    [['w', '--approve', 'yes'], 'agentmux run: --approve: expected ask or auto, got "yes"'],
    [['w', '--budget-usd', 'lots'], 'agentmux run: --budget-usd: expected a positive number, got "lots"'],
    [['w', '--stall-after', '0'], 'agentmux run: --stall-after: expected a positive number, got "0"'],
    [[], 'agentmux run: which workflow? (agentmux run NAME|FILE [--headless] …)'],
    [['w', 'x'], 'agentmux run: unexpected argument "x" (pass arguments with --args JSON)'],
  ])('refuses %j', (argv, message) => {
    expect(parseRunOptions(argv)).toEqual({ ok: false, error: message });
  });

  it('names an unknown option', () => {
    const parsed = parseRunOptions(['w', '--fast']);
    expect(!parsed.ok && parsed.error).toMatch(/^agentmux run: Unknown option '--fast'/u);
  });
});

describe('agentmux run --help', () => {
  it('is asked for by --help or -h anywhere before --, and its usage names every flag', () => {
    expect(wantsRunHelp(['--help'])).toBe(true);
    expect(wantsRunHelp(['review', '-h'])).toBe(true);
    expect(wantsRunHelp(['review', '--headless'])).toBe(false);
    const text = runHelpText();
    expect(text).toContain('Usage: agentmux run NAME|FILE');
    for (const flag of Object.keys(RUN_FLAGS)) expect(text).toContain(`--${flag}`);
  });

  it('is pointed to by the main help, which names agentmux run', () => {
    expect(helpText()).toContain('agentmux run NAME|FILE');
    expect(helpText()).toContain('agentmux run --help');
  });
});

describe('agentmux run --continue (issue 15)', () => {
  it('takes RUN and --recorded instead of NAME|FILE, and refuses mixing them', () => {
    expect(parseRunOptions(['--continue', 'abc123', '--recorded', '--headless'])).toMatchObject({ ok: true, value: { continued: { run: 'abc123', recorded: true }, headless: true } });
    expect(parseRunOptions(['--continue', 'abc123'])).toMatchObject({ ok: true, value: { continued: { run: 'abc123', recorded: false } } });
    expect(parseRunOptions(['--continue', 'abc123', './w.js'])).toEqual({ ok: false, error: 'agentmux run: --continue abc123 runs the recorded run\'s script: no NAME|FILE ("./w.js")' });
    expect(parseRunOptions(['./w.js', '--recorded'])).toEqual({ ok: false, error: 'agentmux run: --recorded goes with --continue RUN' });
    expect(parseRunOptions(['--continue', 'abc123', '--args', '1'])).toEqual({ ok: false, error: "agentmux run: --continue keeps the run's recorded --args" });
  });
});
