import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { Writable } from 'node:stream';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCtlArgs, runCtl } from '../src/ctl-cli.js';

function parsed(...argv: string[]): unknown {
  const result = parseCtlArgs(argv);
  if (!result.ok) throw new Error(`expected a ctl command, got: ${result.error}`);
  return result.value;
}

function problem(...argv: string[]): string {
  const result = parseCtlArgs(argv);
  if (result.ok) throw new Error(`expected a usage error, got ${JSON.stringify(result.value)}`);
  return result.error;
}

describe('agentmux ctl arguments', () => {
  it('ctl options come before the command line; everything after its first word belongs to the line', () => {
    expect(parsed('--sessions', 'store', '--json', 'send', '-t', 'alpha', '--interrupt', 'hello   there')).toEqual({
      kind: 'request',
      sessions: 'store',
      json: true,
      request: { type: 'run', line: 'send -t alpha --interrupt hello   there' },
    });
    expect(parsed('send', '--json')).toEqual({ kind: 'request', sessions: 'sessions', json: false, request: { type: 'run', line: 'send --json' } });
    expect(parsed('--', '--odd')).toMatchObject({ request: { type: 'run', line: '--odd' } });
    expect(parsed('--sessions=s', 'quit')).toMatchObject({ sessions: 's', request: { type: 'run', line: 'quit' } });
  });

  it('events takes --deltas and capture takes -t; anything else there is a bad command line (exit 1 as for any command), not ctl usage (2)', () => {
    expect(parsed('events')).toEqual({ kind: 'events', sessions: 'sessions', deltas: false });
    expect(parsed('events', '--deltas')).toEqual({ kind: 'events', sessions: 'sessions', deltas: true });
    expect(parsed('capture', '-t', '2')).toMatchObject({ request: { type: 'capture', agent: '2' } });
    expect(parsed('capture')).toMatchObject({ request: { type: 'capture', agent: null } });
    expect(parsed('events', '--everything')).toEqual({ kind: 'bad-line', message: "events: unknown option '--everything' (usage: events [--deltas])" });
    expect(parsed('capture', 'alpha')).toEqual({
      kind: 'bad-line',
      message: "capture: unexpected argument 'alpha'. This command does not take positional arguments (usage: capture [-t AGENT])",
    });
    const missing = parseCtlArgs(['capture', '-t']);
    expect(missing.ok && missing.value.kind === 'bad-line' ? missing.value.message : '').toMatch(/^capture: .*-t.* \(usage: capture \[-t AGENT\]\)$/);
  });

  it('exit statuses of a bad events/capture line and of ctl usage, as §5 says: 1 for the line, 2 for ctl itself', async () => {
    const run = async (...argv: string[]): Promise<{ status: number; stderr: string; stdout: string }> => {
      let stderr = '';
      let stdout = '';
      const sink = (append: (text: string) => void): NodeJS.WritableStream => new Writable({ write(chunk: Buffer, _encoding, callback) { append(chunk.toString()); callback(); } });
      const status = await runCtl(argv, { stdout: sink((text) => (stdout += text)), stderr: sink((text) => (stderr += text)), cwd: tmpdir() });
      return { status, stderr, stdout };
    };
    const capture = await run('capture', '--bogus');
    expect(capture).toEqual({ status: 1, stdout: '', stderr: "capture: unknown option '--bogus' (usage: capture [-t AGENT])\n" });
    expect((await run('events', 'now')).status).toBe(1);
    expect((await run('--bogus', 'capture')).status).toBe(2);
    expect((await run()).status).toBe(2);
  });

  it('an unknown ctl option, a missing value or no command line is a usage error', () => {
    expect(problem('-t', 'alpha', 'send', 'hi')).toMatch(/-t/);
    expect(problem('--sessions')).toMatch(/--sessions/);
    expect(problem()).toBe('no command line given');
    expect(problem('--json', '   ')).toBe('no command line given');
  });
});

describe('agentmux ctl starts fast', () => {
  it('loads neither blessed, node-pty, @xterm/headless nor the SDK: its module graph holds only zod and node:*', () => {
    const packages = new Set<string>();
    const seen = new Set<string>();
    const visit = (file: string): void => {
      if (seen.has(file)) return;
      seen.add(file);
      const text = readFileSync(file, 'utf8');
      for (const match of text.matchAll(/^\s*(?:import|export)\s[^'";]*?from\s+'([^']+)'|^\s*import\s+'([^']+)'|import\('([^']+)'\)/gm)) {
        const specifier = match[1] ?? match[2] ?? match[3] ?? '';
        if (match[0].trimStart().startsWith('import type') || match[0].trimStart().startsWith('export type')) continue;
        if (specifier.startsWith('.')) visit(resolve(dirname(file), specifier.replace(/\.js$/, '.ts')));
        else packages.add(specifier);
      }
    };
    visit(join(import.meta.dirname, '..', 'src', 'ctl-cli.ts'));
    expect(seen.size).toBeGreaterThan(3);
    expect([...packages].filter((name) => !name.startsWith('node:') && name !== 'zod')).toEqual([]);
  });
});
