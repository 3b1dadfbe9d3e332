import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { AnthropicProvider } from '../../../src/adapters/anthropic-provider.js';
import { copyDemoWorkspace } from '../../../src/adapters/demo-workspace.js';
import { demoScript, demoStep } from '../../../src/adapters/scripted-model/demo-script.js';
import type { RequestBlock, RequestMessage } from '../../../src/adapters/scripted-model/request-schema.js';
import type { ScriptStep } from '../../../src/adapters/scripted-model/script.js';
import { startScriptedModel, type ScriptedModel } from '../../../src/adapters/scripted-model/server.js';
import { answerBlocks, answerFrames } from '../../../src/adapters/scripted-model/sse.js';
import { createReadOnlyToolHost } from '../../../src/adapters/tools/tool-host.js';
import { DEMO_PACE } from '../../../src/app/demo.js';
import type { RequestMessage as CoreMessage } from '../../../src/core/model-request.js';

const REPO = join(import.meta.dirname, '..', '..', '..');
const Layout = z.object({ agents: z.array(z.object({ name: z.string(), system: z.string().optional(), prompt: z.string().optional() })) });
const layout = (name: string) => Layout.parse(JSON.parse(readFileSync(join(REPO, 'layouts', `${name}.json`), 'utf8'))).agents;
const agentOf = (layoutName: string, name: string) => {
  const agent = layout(layoutName).find((a) => a.name === name);
  if (agent === undefined) throw new Error(`no agent ${name} in ${layoutName}`);
  return agent;
};

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

/** A fresh copy of demo/workspace, as the demo gives each agent. */
function workspace(): string {
  const root = mkdtempSync(join(tmpdir(), 'demo-script-test-'));
  dirs.push(root);
  const copied = copyDemoWorkspace(join(root, 'w'));
  if (!copied.ok) throw new Error(copied.error);
  return copied.value;
}

type Call = { name: string; input: Record<string, unknown>; ok: boolean; content: string };
type Round = { step: ScriptStep; calls: Call[] };
type Agent = { system?: string | undefined; cwd: string; messages: RequestMessage[]; rounds: Round[] };

const host = createReadOnlyToolHost();
let ids = 0;

/** Runs turns of the demo script against the real read-only tools until end_turn; `nudge` joins after that tool round. */
async function runTurn(agent: Agent, text: string, nudge?: { afterRound: number; text: string }): Promise<Round[]> {
  agent.messages.push({ role: 'user', content: text });
  const rounds: Round[] = [];
  for (let round = 1; round <= 15; round += 1) {
    const step = demoStep({ model: 'claude-sonnet-4-6', max_tokens: 4096, messages: agent.messages, ...(agent.system === undefined ? {} : { system: agent.system }) });
    const uses = (step.toolUses ?? []).map((use) => ({ type: 'tool_use' as const, id: `toolu_test_${(ids += 1)}`, name: use.name, input: use.input }));
    const blocks: RequestBlock[] = [...(step.text === undefined ? [] : [{ type: 'text' as const, text: step.text }]), ...uses];
    agent.messages.push({ role: 'assistant', content: blocks });
    const calls: Call[] = [];
    const results: RequestBlock[] = [];
    for (const use of uses) {
      const outcome = await host.run({ id: use.id, name: use.name, input: use.input }, { cwd: agent.cwd, signal: new AbortController().signal });
      calls.push({ name: use.name, input: use.input, ok: !outcome.isError, content: outcome.content });
      results.push({ type: 'tool_result', tool_use_id: use.id, content: outcome.content, ...(outcome.isError ? { is_error: true } : {}) });
    }
    rounds.push({ step, calls });
    agent.rounds.push({ step, calls });
    if (uses.length === 0) return rounds;
    if (nudge?.afterRound === round) results.push({ type: 'text', text: nudge.text });
    agent.messages.push({ role: 'user', content: results });
  }
  throw new Error('the demo script never ended its turn');
}

async function startAgent(system: string | undefined, prompt: string, cwd = workspace()): Promise<Agent> {
  const agent: Agent = { system, cwd, messages: [], rounds: [] };
  await runTurn(agent, prompt);
  return agent;
}

const calls = (rounds: readonly Round[]) => rounds.flatMap((round) => round.calls.map((call) => ({ name: call.name, input: call.input })));
const final = (rounds: readonly Round[]) => rounds[rounds.length - 1]?.step.text ?? '';
const texts = (rounds: readonly Round[]) => rounds.map((round) => `${round.step.thinking ?? ''}\n${round.step.text ?? ''}`);

/** Every `file:line` the agent cites, paired with whether a tool result it had seen by then showed that line. */
function citations(agent: Agent): { ref: string; shown: boolean }[] {
  const shown = new Set<string>();
  const found: { ref: string; shown: boolean }[] = [];
  for (const round of agent.rounds) {
    for (const text of texts([round])) {
      for (const match of text.matchAll(/([\w.-]+(?:\/[\w.-]+)*\.(?:ts|md|json)):(\d+)/g)) found.push({ ref: `${match[1]}:${match[2]}`, shown: shown.has(`${match[1]}:${match[2]}`) });
    }
    for (const call of round.calls) {
      if (!call.ok) continue;
      const path = typeof call.input.path === 'string' ? call.input.path : '';
      for (const line of call.content.split('\n')) {
        const read = /^\s*(\d+)\t/.exec(line);
        if (call.name === 'read_file' && read !== null) shown.add(`${path}:${read[1]}`);
        const hit = /^(.+?):(\d+): /.exec(line);
        if (call.name === 'grep' && hit !== null) shown.add(`${hit[1]}:${hit[2]}`);
      }
    }
  }
  return found;
}

/** Seconds the script's answers take to stream at `pace`, counted from the deltas the server would send. */
function streamSeconds(rounds: readonly Round[], pace: { tokensPerDelta: number; deltaIntervalMs: number }): number {
  let ms = 0;
  for (const { step } of rounds) {
    const paced = { ...step, ...pace };
    const deltas = answerFrames(paced, answerBlocks(paced), { messageId: 'm', model: 'm', inputTokens: 1 }).filter((frame) => frame.isDelta).length;
    ms += Math.max(0, deltas - 1) * pace.deltaIntervalMs;
  }
  return ms / 1000;
}

const workspaceLines = (file: string) => readFileSync(join(REPO, 'demo', 'workspace', file), 'utf8').replace(/\n$/, '').split('\n');

describe('demo script: role-specific work on the real sample project', () => {
  it('the planner lists files, reads README.md and src/parser.ts, greps parseInt and TODO, then writes a numbered plan citing the real lines', async () => {
    const planner = agentOf('default', 'planner');
    const agent = await startAgent(planner.system, planner.prompt ?? '');
    expect(calls(agent.rounds).slice(0, 5)).toEqual([
      { name: 'list_files', input: {} },
      { name: 'read_file', input: { path: 'README.md' } },
      { name: 'read_file', input: { path: 'src/parser.ts' } },
      { name: 'grep', input: { pattern: 'parseInt' } },
      { name: 'grep', input: { pattern: 'TODO' } },
    ]);
    const plan = final(agent.rounds);
    const parseIntLine = workspaceLines('src/parser.ts').findIndex((line) => line.includes('parseInt(')) + 1;
    expect(plan).toContain(`src/parser.ts:${parseIntLine}`);
    expect(plan).toMatch(/^1\. .*\n2\. .*\n3\. .*\n4\. /m);
    expect(agent.rounds[2]?.step.text).toContain('README.md (32 lines)');
  });

  it('the coder reads parser.ts and units.ts, greps callers, and proposes a diff built from the real parseInt line', async () => {
    const coder = agentOf('default', 'coder');
    const agent = await startAgent(coder.system, coder.prompt ?? '');
    const names = calls(agent.rounds);
    expect(names).toContainEqual({ name: 'read_file', input: { path: 'src/parser.ts' } });
    expect(names).toContainEqual({ name: 'read_file', input: { path: 'src/units.ts' } });
    expect(names).toContainEqual({ name: 'grep', input: { pattern: 'parseDuration' } });
    const lines = workspaceLines('src/parser.ts');
    const at = lines.findIndex((line) => line.includes('parseInt(')) + 1;
    const answer = final(agent.rounds);
    expect(answer).toContain('```diff');
    expect(answer).toContain(`@@ -${at - 1},3 +${at - 1},3 @@`);
    expect(answer).toContain(`-${lines[at - 1] ?? ''}`);
    expect(answer).toContain(`+${(lines[at - 1] ?? '').replace('parseInt(amount, 10)', 'Number(amount)')}`);
  });

  it('the tester reads both test files, greps it( and names every real test and the missing cases', async () => {
    const tester = agentOf('default', 'tester');
    const agent = await startAgent(tester.system, tester.prompt ?? '');
    const names = calls(agent.rounds);
    expect(names).toContainEqual({ name: 'read_file', input: { path: 'test/parser.test.ts' } });
    expect(names).toContainEqual({ name: 'read_file', input: { path: 'test/format.test.ts' } });
    expect(names).toContainEqual({ name: 'grep', input: { pattern: 'it\\(', path: 'test' } });
    const answer = final(agent.rounds);
    const real = [...workspaceLines('test/parser.test.ts'), ...workspaceLines('test/format.test.ts')].flatMap((line) => /it\('(.+?)'/.exec(line)?.[1] ?? []);
    expect(real.length).toBeGreaterThan(5);
    for (const name of real) expect(answer).toContain(name);
    expect(answer).toMatch(/Not covered:\n1\. Unknown units/);
  });

  it('the reviewer reads parser.ts and format.ts and lists findings with file:line', async () => {
    const reviewer = agentOf('default', 'reviewer');
    const agent = await startAgent(reviewer.system, reviewer.prompt ?? '');
    expect(calls(agent.rounds).slice(0, 2)).toEqual([
      { name: 'read_file', input: { path: 'src/parser.ts' } },
      { name: 'read_file', input: { path: 'src/format.ts' } },
    ]);
    const answer = final(agent.rounds);
    expect(answer).toMatch(/^1\. src\/parser\.ts:18 \(bug\)/m);
    expect(answer).toMatch(/^\d\. src\/format\.ts:4 \(maintenance\)/m);
  });

  it('the four default agents make different calls and reach different conclusions', async () => {
    const agents = await Promise.all(layout('default').map((a) => startAgent(a.system, a.prompt ?? '')));
    const answers = new Set(agents.map((agent) => final(agent.rounds).split('\n')[0]));
    const sequences = new Set(agents.map((agent) => JSON.stringify(calls(agent.rounds))));
    expect(answers.size).toBe(4);
    expect(sequences.size).toBe(4);
  });

  it('the review layout: the implementer states checked claims, reviewer-a refutes, reviewer-b probes inputs', async () => {
    const task = 'Fix the 1.5h bug in the parser';
    const [implementer, refuter, prober] = await Promise.all(
      ['implementer', 'reviewer-a', 'reviewer-b'].map((name) => startAgent(agentOf('review', name).system, task)),
    );
    expect(final(implementer?.rounds ?? [])).toMatch(/^Status: not applied/);
    expect(final(refuter?.rounds ?? [])).toMatch(/"Decimal durations work" — refuted: src\/parser\.ts:18/);
    expect(final(prober?.rounds ?? [])).toContain("parseDuration('1e3s') → 3");
  });

  it('an all-round assistant answers the question asked: a survey question gets an overview from package.json and src/index.ts', async () => {
    const agent = await startAgent(agentOf('solo', 'agent').system, 'What does this project do?');
    expect(calls(agent.rounds).map((c) => c.name)).toEqual(['list_files', 'read_file', 'read_file', 'read_file', 'grep']);
    expect(final(agent.rounds)).toMatch(/^Re "What does this project do\?"/);
    expect(final(agent.rounds)).toContain('package.json: tiny-duration 0.3.1');
  });
});

describe('demo script: honesty about tool results', () => {
  it('every file:line any agent cites was shown by a tool result it had seen before', async () => {
    const agents = await Promise.all(layout('default').map((a) => startAgent(a.system, a.prompt ?? '')));
    for (const agent of agents) {
      const cited = citations(agent);
      expect(cited.length).toBeGreaterThan(3);
      expect(cited.filter((c) => !c.shown)).toEqual([]);
    }
  });

  it('line counts it states are the real ones', async () => {
    const agent = await startAgent(agentOf('default', 'planner').system, agentOf('default', 'planner').prompt ?? '');
    const stated = texts(agent.rounds).flatMap((text) => [...text.matchAll(/([\w/.-]+\.(?:ts|md|json)) \((\d+) lines\)/g)]);
    expect(stated.length).toBeGreaterThan(2);
    for (const match of stated) expect(Number(match[2])).toBe(workspaceLines(match[1] ?? '').length);
  });

  it('a failed read is acknowledged, followed by a listing, and nothing is claimed about the missing file', async () => {
    const cwd = workspace();
    rmSync(join(cwd, 'src', 'parser.ts'));
    const reviewer = agentOf('default', 'reviewer');
    const agent = await startAgent(reviewer.system, reviewer.prompt ?? '', cwd);
    expect(agent.rounds[0]?.calls[0]).toMatchObject({ name: 'read_file', input: { path: 'src/parser.ts' }, ok: false });
    expect(agent.rounds[1]?.step.text).toMatch(/^src\/parser\.ts doesn't exist here \(path "src\/parser\.ts" does not exist\)\. I/);
    expect(agent.rounds[1]?.step.toolUses).toEqual([{ name: 'list_files', input: {} }]);
    const said = agent.rounds.map((round) => round.step.text ?? '').join('\n');
    expect(said).not.toMatch(/parser\.ts(?::\d| \(\d)/);
    expect(citations(agent).filter((c) => !c.shown)).toEqual([]);
  });

  it('with the parser gone, the coder looks elsewhere and says it has not found the bug instead of inventing one', async () => {
    const cwd = workspace();
    rmSync(join(cwd, 'src', 'parser.ts'));
    const coder = agentOf('default', 'coder');
    const agent = await startAgent(coder.system, coder.prompt ?? '', cwd);
    expect(calls(agent.rounds)).not.toContainEqual({ name: 'read_file', input: { path: 'src/parser.ts' } });
    expect(agent.rounds[1]?.step.text).toMatch(/There is no src\/parser\.ts here\./);
    expect(final(agent.rounds)).toMatch(/^Note: src\/parser\.ts isn't in this workspace, so this covers what is\.\nI haven't found the bug yet/);
    expect(final(agent.rounds)).not.toContain('```diff');
  });
});

describe('demo script: follow-ups and nudges', () => {
  it('a nudge that joins the turn is quoted, checked with a relevant call next, and answered in the final message', async () => {
    const reviewer = agentOf('default', 'reviewer');
    const agent: Agent = { system: reviewer.system, cwd: workspace(), messages: [], rounds: [] };
    const rounds = await runTurn(agent, reviewer.prompt ?? '', { afterRound: 1, text: 'check the README promises too' });
    expect(rounds[1]?.step.text).toMatch(/^(Noted|Got it|Understood): "check the README promises too"\./);
    expect(rounds[1]?.step.toolUses).toEqual([{ name: 'read_file', input: { path: 'README.md' } }]);
    expect(final(rounds)).toContain('On your note "check the README promises too": README.md (32 lines)');
  });

  it('a follow-up message is acknowledged word for word, gets one or two tool rounds about it, then an answer about it', async () => {
    const coder = agentOf('default', 'coder');
    const agent = await startAgent(coder.system, coder.prompt ?? '');
    const rounds = await runTurn(agent, 'Is there anything wrong with format.ts?');
    expect(rounds[0]?.step.text).toContain('"Is there anything wrong with format.ts?"');
    expect(calls(rounds)).toEqual([
      { name: 'read_file', input: { path: 'src/format.ts' } },
      { name: 'read_file', input: { path: 'test/format.test.ts' } },
    ]);
    expect(final(rounds)).toMatch(/^(Re|On|About) "Is there anything wrong with format.ts\?":/);
    expect(final(rounds)).toContain('src/format.ts:4 (maintenance)');
  });

  it('asked to apply its change, the coder says it cannot write here, re-checks the line and repeats the diff', async () => {
    const coder = agentOf('default', 'coder');
    const agent = await startAgent(coder.system, coder.prompt ?? '');
    const rounds = await runTurn(agent, 'go ahead and apply it');
    expect(calls(rounds)).toEqual([{ name: 'grep', input: { pattern: 'parseInt', path: 'src' } }]);
    expect(final(rounds)).toContain("I can't do that here");
    expect(final(rounds)).toContain('src/parser.ts:18 still reads');
    expect(final(rounds)).toContain('```diff');
  });
});

describe('demo script: pace and purity', () => {
  it('DEMO_PACE streams 40–80 tokens/s in deltas of 3–4 tokens', () => {
    expect(DEMO_PACE.tokensPerDelta).toBeGreaterThanOrEqual(3);
    expect(DEMO_PACE.tokensPerDelta).toBeLessThanOrEqual(4);
    const perSecond = (DEMO_PACE.tokensPerDelta * 1000) / DEMO_PACE.deltaIntervalMs;
    expect(perSecond).toBeGreaterThanOrEqual(40);
    expect(perSecond).toBeLessThanOrEqual(80);
  });

  it('each default agent streams for at least 40 s at DEMO_PACE, in several rounds, ending in an answer of 6–20 lines', async () => {
    for (const a of layout('default')) {
      const agent = await startAgent(a.system, a.prompt ?? '');
      expect(streamSeconds(agent.rounds, DEMO_PACE), a.name).toBeGreaterThanOrEqual(40);
      expect(agent.rounds.length, a.name).toBeGreaterThanOrEqual(6);
      const lines = final(agent.rounds).split('\n').length;
      expect(lines, a.name).toBeGreaterThanOrEqual(6);
      expect(lines, a.name).toBeLessThanOrEqual(20);
      for (const round of agent.rounds.slice(0, -1)) expect((round.step.text ?? '').length, a.name).toBeLessThan(420);
    }
  });

  it('demoStep is pure: the same conversation gives the same step', async () => {
    const tester = agentOf('default', 'tester');
    const agent = await startAgent(tester.system, tester.prompt ?? '');
    const body = { model: 'm', max_tokens: 100, system: tester.system ?? '', messages: agent.messages.slice(0, 5) };
    expect(demoStep(body)).toEqual(demoStep(structuredClone(body)));
  });
});

describe('demo script over the wire', () => {
  let model: ScriptedModel | undefined;
  afterEach(async () => {
    await model?.close();
    model = undefined;
  });

  it('streams thinking, text and tool calls the real SDK provider accepts, turn after turn', async () => {
    model = await startScriptedModel({ script: demoScript() });
    const provider = new AnthropicProvider({ apiKey: 'k', baseURL: model.url, log: () => undefined });
    const cwd = workspace();
    const coder = agentOf('default', 'coder');
    const messages: CoreMessage[] = [{ role: 'user', content: [{ type: 'text', text: coder.prompt ?? '' }] }];
    const names: string[] = [];
    for (let round = 0; round < 15; round += 1) {
      const outcome = await provider.stream(
        { model: 'claude-sonnet-4-6', maxTokens: 4096, system: [{ type: 'text', text: coder.system ?? '' }], messages, tools: [] },
        { signal: new AbortController().signal, onEvent: () => undefined, idleTimeoutMs: 5000 },
      );
      if (outcome.kind !== 'complete') throw new Error(`stream failed: ${JSON.stringify(outcome.error)}`);
      expect(outcome.blocks[0]?.type).toBe('thinking');
      messages.push({ role: 'assistant', content: outcome.blocks.flatMap((b) => (b.type === 'thinking' ? [] : [b])) });
      const uses = outcome.blocks.flatMap((b) => (b.type === 'tool_use' ? [b] : []));
      if (outcome.stopReason === 'end_turn') break;
      const results = [];
      for (const use of uses) {
        names.push(use.name);
        const result = await host.run({ id: use.id, name: use.name, input: use.input }, { cwd, signal: new AbortController().signal });
        results.push({ type: 'tool_result' as const, tool_use_id: use.id, content: result.content, ...(result.isError ? { is_error: true } : {}) });
      }
      messages.push({ role: 'user', content: results });
    }
    expect(names).toContain('read_file');
    expect(model.rejections).toEqual([]);
    expect(model.requests.length).toBe(names.length + 1);
  });
});
