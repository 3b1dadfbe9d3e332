// e2e: `agentmux run FILE --headless` as a person runs it (the real binary: dist/ when built,
// else the sources): stdout exactly the result, stderr the record's lines, the record on disk,
// and a script refused by the loader with FILE:LINE and exit 2.
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { hasHiddenControls } from '../../src/core/visible-controls.js';
import { runAgentmux, tempDir } from './e2e-kit.js';

const TypeOnly = z.object({ type: z.string() });

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('agentmux e2e: headless workflow runs', { timeout: 60_000 }, () => {
  it('a script that starts no agent prints exactly its result and writes its record', async () => {
    const dir = tempDir();
    dirs.push(dir);
    const script = "export const meta = { name: 'hello', description: 'says hi' };\nphase('Greet');\nlog('hi', args);\nreturn { echo: args, doubled: [1, 2, 3].map((x) => x * 2) };\n";
    writeFileSync(join(dir, 'hello.js'), script);
    const ran = await runAgentmux(['run', './hello.js', '--headless', '--args', '{"who": "world"}', '--sessions', 'store'], dir);
    expect(ran.status).toBe(0);
    expect(ran.stdout).toBe('{"echo":{"who":"world"},"doubled":[2,4,6]}\n');
    const [runId, ...others] = readdirSync(join(dir, 'store', 'runs'));
    expect(others).toEqual([]);
    expect(ran.stderr).toBe(
      [`${runId}: run hello (${join(dir, 'hello.js')})`, `${runId}: phase Greet`, `${runId}: log hi {"who":"world"}`, `${runId}: done completed`, ''].join('\n'),
    );
    expect(readFileSync(join(dir, 'store', 'runs', runId ?? '', 'script.js'), 'utf8')).toBe(script);
    const types = readFileSync(join(dir, 'store', 'runs', runId ?? '', 'run.jsonl'), 'utf8').trimEnd().split('\n').map((line) => TypeOnly.parse(JSON.parse(line)).type);
    expect(types).toEqual(['meta', 'phase', 'log', 'done']);
  });

  it('stderr shows the controls of a script name, phase and log visibly, never raw (issue 9)', async () => {
    const dir = tempDir();
    dirs.push(dir);
    const script = "export const meta = { name: 'evil\\u001b]0;pwned\\u0007', description: 'x' };\nphase('Work\\u001b[2J');\nlog('note \\u001b]52;c;TEFZT1VU\\u0007 \\u009b31m');\nreturn 1;\n";
    writeFileSync(join(dir, 'evil.js'), script);
    const ran = await runAgentmux(['run', './evil.js', '--headless', '--sessions', 'store'], dir);
    expect(ran.status).toBe(0);
    expect(ran.stderr).toContain('run evil␛]0;pwned␇ (');
    expect(ran.stderr).toContain('phase Work␛[2J');
    expect(ran.stderr).toContain('log note ␛]52;c;TEFZT1VU␇ <U+009B>31m');
    expect(hasHiddenControls(ran.stderr)).toBe(false);
  });

  it('a script the loader refuses exits 2 with FILE:LINE and writes nothing', async () => {
    const dir = tempDir();
    dirs.push(dir);
    writeFileSync(join(dir, 'bad.js'), "export const meta = { name: 'bad', description: 'x' };\nimport fs from 'node:fs';\n");
    const ran = await runAgentmux(['run', 'bad.js', '--headless', '--sessions', 'store'], dir);
    expect(ran.status).toBe(2);
    expect(ran.stdout).toBe('');
    expect(ran.stderr).toBe(`${join(dir, 'bad.js')}:2: import is not available in a workflow\n`);
    expect(existsSync(join(dir, 'store'))).toBe(false);
  });

  it('the demo review over its --budget-tokens ends over-budget with exit 3, never an empty success', async () => {
    const dir = tempDir();
    dirs.push(dir);
    const ran = await runAgentmux(['run', 'review', '--demo', '--headless', '--budget-tokens', '50', '--sessions', 'store'], dir);
    expect(ran.stdout).toBe('null\n');
    expect(ran.stderr.trimEnd().split('\n').at(-1)).toMatch(/^[0-9a-z]+: over-budget: BudgetExhausted: the run's budget of 50 output tokens is spent/u);
    expect(ran.status).toBe(3);
  });
});
