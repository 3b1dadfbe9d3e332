// e2e (issue 15): `agentmux run FILE --headless` SIGKILLed mid-run again and again, each time
// continued with `agentmux run --continue RUN --headless` (the real binary, the real SDK against
// the scripted model in this process): agents that answered are never called again, agents cut
// off mid-turn continue their own sessions (their earlier tool rounds kept), nothing answered is lost.
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startScriptedModel, type ScriptedModel } from '../../src/adapters/scripted-model/server.js';
import type { ReceivedRequest, ScriptStep } from '../../src/adapters/scripted-model/script.js';
import { readRunRecord } from '../../src/adapters/workflow/run-record-reader.js';
import type { RunRecordLine } from '../../src/core/workflow/run-record.js';
import { runAgentmux, tempDir } from './e2e-kit.js';
import { AGENTMUX_BIN, baseEnv, startAgentmux } from './terminal-driver.js';

// Issue 15 asks for 20 kills; 20 rounds (20 items) took over 120 s at load 15 on the 2-core CI
// machine (timed out, session 5), so CI runs 5 and AGENTMUX_KILL_ROUNDS=20 runs the count.
const KILLS = Number(process.env.AGENTMUX_KILL_ROUNDS ?? '5');
// Kill k lands once k calls have answered: there must be at least as many calls as kills.
const ITEMS = Math.max(6, KILLS);

const SCRIPT = [
  "export const meta = { name: 'durable', description: 'agents, each one tool round then an answer' };",
  `const items = [${[...Array(ITEMS).keys()].join(', ')}];`,
  'return await parallel(items.map((i) => () => agent(`task ${i}`, { label: `task-${i}` })));',
  '',
].join('\n');

function firstUserText(request: ReceivedRequest): string {
  const first = request.body.messages[0];
  if (first === undefined) return '';
  return typeof first.content === 'string' ? first.content : first.content.flatMap((block) => (block.type === 'text' ? [block.text] : [])).join('');
}

/** One tool round (list_files), then a slow answer: a kill often lands mid-stream. */
function script(request: ReceivedRequest, index: number): ScriptStep {
  const task = firstUserText(request);
  const hadTool = request.body.messages.some((message) => typeof message.content !== 'string' && message.content.some((block) => block.type === 'tool_result'));
  const pause = 3 + ((index * 7) % 11);
  if (!hadTool) return { text: `looking (${task})`, toolUses: [{ name: 'list_files', input: {} }], tokensPerDelta: 1, deltaIntervalMs: pause };
  return { text: `answer for ${task} after one tool round`, tokensPerDelta: 1, deltaIntervalMs: pause };
}

let model: ScriptedModel | undefined;
const dirs: string[] = [];
afterEach(async () => {
  await model?.close();
  model = undefined;
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function env(url: string): Record<string, string> {
  return { ANTHROPIC_BASE_URL: url, ANTHROPIC_API_KEY: 'test-key' };
}

/** Starts agentmux headless and SIGKILLs it once `ready` holds; resolves when it is gone. */
function runAndKill(args: readonly string[], cwd: string, url: string, ready: () => boolean): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [AGENTMUX_BIN, ...args], { cwd, env: baseEnv(env(url)), stdio: ['ignore', 'ignore', 'ignore'] });
    const timer = setInterval(() => {
      if (ready()) child.kill('SIGKILL');
    }, 5);
    child.once('error', reject);
    child.once('exit', () => {
      clearInterval(timer);
      resolve();
    });
  });
}

function recordOf(store: string, runId: string): readonly RunRecordLine[] {
  const record = readRunRecord(store, runId);
  if (!record.ok) throw new Error(record.error);
  return record.value.lines;
}

describe('agentmux e2e: a run survives kill -9 (headless and cockpit)', { timeout: 120_000 + Math.max(0, KILLS - 5) * 15_000 }, () => {
  it(`killed ${KILLS} times mid-run and continued: answered agents are never called again, interrupted ones go on in their own sessions`, async () => {
    model = await startScriptedModel({ script });
    const m = model;
    const dir = tempDir();
    dirs.push(dir);
    writeFileSync(join(dir, 'durable.js'), SCRIPT);
    writeFileSync(join(dir, 'notes.txt'), 'a file for list_files\n');
    const store = join(dir, 'store');
    // Kill k lands once k calls have answered (read raw: the child is writing the record), so
    // every kill finds some agents answered and others mid-turn.
    const results = (): number => {
      const runs = join(store, 'runs');
      if (!existsSync(runs)) return 0;
      const [id] = readdirSync(runs);
      if (id === undefined || !existsSync(join(runs, id, 'run.jsonl'))) return 0;
      return readFileSync(join(runs, id, 'run.jsonl'), 'utf8').split('"type":"result"').length - 1;
    };
    await runAndKill(['run', './durable.js', '--headless', '--approve', 'auto', '--sessions', 'store'], dir, m.url, () => results() >= 1);
    expect(existsSync(join(store, 'runs'))).toBe(true);
    const [runId] = readdirSync(join(store, 'runs'));
    if (runId === undefined) throw new Error('no run record');
    const answeredBefore: { kill: number; tasks: Set<string>; requests: number }[] = [];
    const answered = (): Set<string> =>
      new Set(recordOf(store, runId).flatMap((line) => (line.type === 'started' ? [] : line.type === 'result' && typeof line.value === 'string' ? [line.value.replace(/^answer for (task \d+).*$/su, '$1')] : [])));
    answeredBefore.push({ kill: 1, tasks: answered(), requests: m.requests.length });
    // The record's `reused` lines, read raw like `results`.
    const reusedLines = (): number => readFileSync(join(store, 'runs', runId, 'run.jsonl'), 'utf8').split('"type":"reused"').length - 1;
    for (let kill = 2; kill <= KILLS; kill += 1) {
      // A killed run may have answered more than `kill - 1` calls, so `results() >= kill` can hold
      // at once: this continue is killed only once it has also served every call answered before
      // it (its `reused` lines), which is what the count below checks.
      const owed = answeredBefore.reduce((sum, { tasks }) => sum + tasks.size, 0);
      await runAndKill(['run', '--continue', runId, '--headless', '--approve', 'auto', '--sessions', 'store'], dir, m.url, () => results() >= kill && reusedLines() >= owed);
      answeredBefore.push({ kill, tasks: answered(), requests: m.requests.length });
    }
    const last = await runAgentmux(['run', '--continue', runId, '--headless', '--approve', 'auto', '--sessions', 'store'], dir, env(m.url));
    expect(last.stderr).toContain('done completed');
    expect(last.status).toBe(0);
    expect(JSON.parse(last.stdout)).toEqual([...Array(ITEMS).keys()].map((i) => `answer for task ${i} after one tool round`));
    // Answered agents were never asked again: no request after a kill is for a task answered before it.
    for (const { tasks, requests } of answeredBefore) {
      const later = m.requests.slice(requests).map(firstUserText);
      expect(later.filter((task) => tasks.has(task))).toEqual([]);
    }
    // Each call kept one session through every kill: its starts all name the same session, and
    // every start after the first is a resume.
    const lines = recordOf(store, runId);
    const starts = new Map<string, RunRecordLine[]>();
    for (const line of lines) if (line.type === 'started') starts.set(line.key, [...(starts.get(line.key) ?? []), line]);
    expect(starts.size).toBe(ITEMS);
    for (const chain of starts.values()) {
      const sessions = new Set(chain.flatMap((line) => (line.type === 'started' ? [line.session] : [])));
      expect(sessions.size).toBe(1);
      expect(chain.slice(1).every((line) => line.type === 'started' && line.resumed === true)).toBe(true);
    }
    // Every task's answering request carries its earlier tool round (nothing restarted from the prompt).
    for (let i = 0; i < ITEMS; i += 1) {
      const answering = m.requests.filter((request) => firstUserText(request) === `task ${i}` && request.body.messages.length >= 3);
      expect(answering.length).toBeGreaterThan(0);
    }
    const resumedStarts = [...starts.values()].reduce((sum, chain) => sum + chain.length - 1, 0);
    const reused = lines.filter((line) => line.type === 'reused').length;
    // Each continue reuses every call answered before its kill.
    expect(reused).toBe(answeredBefore.reduce((sum, { tasks }) => sum + tasks.size, 0));
    console.log(`kill -9 ×${KILLS}: ${m.requests.length} model requests in all (a clean run makes ${ITEMS * 2}); ${resumedStarts} agent sessions resumed; ${reused} calls reused; answered before each kill: ${answeredBefore.map(({ tasks }) => tasks.size).join(', ')}`);
  });
  it('a cockpit run killed with -9: the next cockpit offers it, C continues it, answered agents are not asked again', async () => {
    model = await startScriptedModel({ script });
    const m = model;
    const dir = tempDir();
    dirs.push(dir);
    writeFileSync(join(dir, 'durable.js'), SCRIPT);
    writeFileSync(join(dir, 'notes.txt'), 'a file for list_files\n');
    writeFileSync(join(dir, 'solo.json'), JSON.stringify({ name: 'solo', agents: [{ name: 'main', cwd: '.' }], tiling: 'tiled' }));
    const store = join(dir, 'store');
    const results = (): number => {
      const runs = join(store, 'runs');
      if (!existsSync(runs)) return 0;
      const [id] = readdirSync(runs);
      if (id === undefined || !existsSync(join(runs, id, 'run.jsonl'))) return 0;
      return readFileSync(join(runs, id, 'run.jsonl'), 'utf8').split('"type":"result"').length - 1;
    };
    const first = startAgentmux({ args: ['run', './durable.js', '--approve', 'auto', '--sessions', 'store'], cwd: dir, env: env(m.url) });
    await first.waitUntil(() => results() >= 2, 'two calls answered', 60_000);
    process.kill(first.pid, 'SIGKILL');
    await first.exited(10_000).catch(() => undefined);
    first.kill();
    const [runId] = readdirSync(join(store, 'runs'));
    if (runId === undefined) throw new Error('no run record');
    const before = new Set(recordOf(store, runId).flatMap((line) => (line.type === 'result' && typeof line.value === 'string' ? [line.value.replace(/^answer for (task \d+).*$/su, '$1')] : [])));
    const requestsBefore = m.requests.length;
    const again = startAgentmux({ args: ['--layout', './solo.json', '--sessions', 'store'], cwd: dir, env: env(m.url) });
    try {
      await again.waitFor(`unfinished run: ${runId} (durable)`, 30_000);
      again.write('C');
      await again.waitFor(`${runId}: done completed`, 60_000);
    } finally {
      again.kill();
    }
    const later = m.requests.slice(requestsBefore).map(firstUserText);
    expect(later.filter((task) => before.has(task))).toEqual([]);
    const lines = recordOf(store, runId);
    expect(lines.filter((line) => line.type === 'reused')).toHaveLength(before.size);
    const resumed = lines.filter((line) => line.type === 'started' && line.resumed === true);
    console.log(`cockpit kill -9: ${before.size} answered before the kill and reused, ${resumed.length} sessions resumed, ${m.requests.length - requestsBefore} requests after (a clean run makes ${ITEMS * 2} in all; ${requestsBefore} before the kill)`);
  });
});
