// e2e: steering a workflow run in the cockpit through `agentmux ctl` (DESIGN.md §9, "When a call
// resolves, and steering"): a nudge mid-stream changes the value the script receives; an
// interrupt leaves the agent and the run waiting on you until a message continues it; skip,
// accept and a send to a queued agent; run-stop resolves everything pending and starts nothing
// more (counted at the scripted model); a pending approval shows waiting on you.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { demoScript } from '../../src/adapters/scripted-model/demo-script.js';
import type { ReceivedRequest, ScriptStep } from '../../src/adapters/scripted-model/script.js';
import { ctl, followEvents, type EventFollower } from './ctl-kit.js';
import { eventually, gate, makeWorld, replyScript, textOf, type World } from './e2e-kit.js';
import { startAgentmux, type Driver } from './terminal-driver.js';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'workflows');
const SOLO = join(FIXTURES, 'solo.js');
const TRIO = join(FIXTURES, 'trio.js');
const Line = z.object({ type: z.string() }).passthrough();

/** Every line of the store's only run record. */
function recordLines(sessions: string): z.infer<typeof Line>[] {
  const runsDir = join(sessions, 'runs');
  if (!existsSync(runsDir)) return [];
  const [run] = readdirSync(runsDir);
  if (run === undefined) return [];
  const path = join(runsDir, run, 'run.jsonl');
  if (!existsSync(path)) return [];
  return readFileSync(path, 'utf8')
    .trimEnd()
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => Line.parse(JSON.parse(line)));
}

/** The run's `done` line once it is written. */
async function doneLine(world: World): Promise<z.infer<typeof Line>> {
  const lines = await eventually(() => recordLines(world.sessions), (all) => all.some((line) => line.type === 'done'), 'the run done', 30_000);
  return lines.find((line) => line.type === 'done') ?? { type: 'none' };
}

/** Whether a received request's first user message is `prompt` (which agent asked). */
function asks(world: World, prompt: string): number {
  return world.model.requests.filter((request) => {
    const first = request.body.messages[0];
    return first !== undefined && (typeof first.content === 'string' ? first.content : first.content.map((block) => (block.type === 'text' ? block.text : '')).join('')) === prompt;
  }).length;
}

const worlds: World[] = [];
const drivers: Driver[] = [];
const followers: EventFollower[] = [];
afterEach(async () => {
  for (const follower of followers.splice(0)) follower.stop();
  for (const driver of drivers.splice(0)) driver.kill();
  for (const world of worlds.splice(0)) await world.close();
});

/** A cockpit running `agentmux run FILE ARGS…` on the world's scripted model, ctl answering. */
async function runInCockpit(world: World, file: string, ...args: string[]): Promise<Driver> {
  const driver = startAgentmux({
    args: ['run', file, '--sessions', world.sessions, ...args],
    cwd: world.dir,
    env: { ANTHROPIC_BASE_URL: world.model.url, ANTHROPIC_API_KEY: 'test-key' },
  });
  drivers.push(driver);
  await eventually(() => world.model.requests.length, (count) => count >= 1, 'the first agent asking the model', 20_000);
  return driver;
}

/** The first answer to each prompt is held mid-stream until `held` opens; later ones say what they were last told. */
function heldFirst(held: Promise<void>, heldPrompts: readonly string[]): (lastText: string) => ScriptStep {
  return (lastText) => (heldPrompts.includes(lastText) ? { text: `draft about ${lastText} that goes on`, hold: { afterDeltas: 1, until: held } } : { text: `final after: ${lastText}` });
}

describe('agentmux e2e: steering workflow agents over ctl', { timeout: 90_000 }, () => {
  it('a nudge mid-stream changes the value the script receives', async () => {
    const held = gate();
    const world = await makeWorld({ script: replyScript(heldFirst(held.until, ['say alpha'])) });
    worlds.push(world);
    await runInCockpit(world, SOLO);
    const nudged = await ctl(world, 'nudge', '-t', 'solo', 'answer in French');
    expect(nudged.status).toBe(0);
    held.release();
    const done = await doneLine(world);
    expect(done).toMatchObject({ status: 'completed' });
    expect(String(done['result'])).toMatch(/^final after: .*answer in French/u);
    expect(world.model.requests.length).toBe(2);
  });

  it('an interrupt leaves the agent waiting on you and the run waiting; a message continues it and is the value', async () => {
    const held = gate();
    const world = await makeWorld({ script: replyScript(heldFirst(held.until, ['say alpha'])) });
    worlds.push(world);
    await runInCockpit(world, SOLO);
    const events = await followEvents(world);
    followers.push(events);
    expect((await ctl(world, 'interrupt', '-t', 'solo')).status).toBe(0);
    await events.waitFor((event) => event['type'] === 'call-state' && event['agent'] === 'solo' && JSON.stringify(event['state']) === '{"kind":"waiting-on-you","reason":"interrupted"}', 'solo waiting on you');
    held.release();
    // Had the interrupt resolved the call, the result would be the partial draft.
    expect((await ctl(world, 'send', '-t', 'solo', 'please finish')).status).toBe(0);
    const done = await doneLine(world);
    expect(done).toMatchObject({ status: 'completed', result: 'final after: please finish' });
  });

  it('skip and accept: a queued agent skipped never starts, a send to a queued one joins its first turn, an interrupted one is accepted as it stands', async () => {
    const held = gate();
    const world = await makeWorld({ script: replyScript(heldFirst(held.until, ['say alpha'])) });
    worlds.push(world);
    await runInCockpit(world, TRIO, '--concurrency', '1');
    const events = await followEvents(world);
    followers.push(events);
    // second and third wait for the one slot, named already.
    const sent = await ctl(world, '--json', 'send', '-t', 'second', 'and mention Rome');
    expect(sent.status).toBe(0);
    expect(JSON.parse(sent.stdout)).toMatchObject({ ok: true, value: { deliveries: [{ agent: 'second', outcome: 'queued' }] } });
    const skipped = await ctl(world, '--json', 'skip', '-t', 'third');
    expect(JSON.parse(skipped.stdout)).toMatchObject({ ok: true, command: 'skip', value: { agent: 'third', resolved: 'skipped' } });
    // accept has nothing to take from an agent still streaming its first answer.
    const early = await ctl(world, 'accept', '-t', 'first');
    expect(early.status).toBe(1);
    expect(early.stderr + early.stdout).toMatch(/first has no answer yet/u);
    expect((await ctl(world, 'interrupt', '-t', 'first')).status).toBe(0);
    await events.waitFor((event) => event['type'] === 'call-state' && event['agent'] === 'first' && JSON.stringify(event['state']).includes('waiting-on-you'), 'first waiting on you');
    const accepted = await ctl(world, 'accept', '-t', 'first');
    expect(accepted.status).toBe(0);
    held.release();
    const done = await doneLine(world);
    const result = z.object({ first: z.string(), second: z.string(), third: z.null() }).parse(done['result']);
    expect('draft about say alpha that goes on'.startsWith(result.first) && result.first !== '').toBe(true);
    expect(result.second).toMatch(/^final after: .*and mention Rome/u);
    expect(asks(world, 'say gamma')).toBe(0);
    const failed = recordLines(world.sessions).find((line) => line.type === 'failed');
    expect(failed).toMatchObject({ reason: 'skipped by the user' });
  });

  it('a queued agent renamed and its prompt replaced over ctl starts under the new name with the new prompt; the model never sees the old one', async () => {
    const held = gate();
    const world = await makeWorld({ script: replyScript(heldFirst(held.until, ['say alpha'])) });
    worlds.push(world);
    await runInCockpit(world, TRIO, '--concurrency', '1');
    const shown = await ctl(world, 'queued-prompt', '-t', 'second');
    expect(shown.stdout).toContain('say beta');
    expect((await ctl(world, 'rename', '-t', 'second', 'lead')).status).toBe(0);
    const replaced = await ctl(world, '--json', 'queued-prompt', '-t', 'lead', 'say delta');
    expect(JSON.parse(replaced.stdout)).toMatchObject({ ok: true, value: { agent: 'lead', prompt: 'say delta' } });
    // The running agent's prompt is its first message now: refused.
    const refused = await ctl(world, 'queued-prompt', '-t', 'first', 'say omega');
    expect(refused.status).toBe(1);
    expect(refused.stderr + refused.stdout).toMatch(/first is not queued/u);
    held.release();
    const done = await doneLine(world);
    expect(done).toMatchObject({ status: 'completed', result: { second: 'final after: say delta' } });
    expect(asks(world, 'say delta')).toBe(1);
    expect(asks(world, 'say beta')).toBe(0);
    const started = recordLines(world.sessions).filter((line) => line.type === 'started');
    expect(started.map((line) => line['agent'])).toEqual(['first', 'lead', 'third']);
  });

  it('run-stop resolves every pending call to null at once and starts no more agents', async () => {
    const held = gate();
    const world = await makeWorld({ script: replyScript(heldFirst(held.until, ['say alpha'])) });
    worlds.push(world);
    await runInCockpit(world, TRIO, '--concurrency', '1');
    expect((await ctl(world, 'run-stop')).status).toBe(0);
    const done = await doneLine(world);
    held.release();
    expect(done).toMatchObject({ status: 'stopped' });
    const failed = recordLines(world.sessions).filter((line) => line.type === 'failed');
    expect(failed.map((line) => line['reason'])).toEqual(['the run was stopped', 'the run was stopped', 'the run was stopped']);
    // Only the first agent ever asked the model; the queued ones never started.
    expect(asks(world, 'say alpha')).toBe(1);
    expect(asks(world, 'say beta') + asks(world, 'say gamma')).toBe(0);
  });

  it('a pending approval shows the agent waiting on you', async () => {
    const held = gate();
    const world = await makeWorld({
      script: replyScript((lastText) =>
        lastText === 'say alpha'
          ? { text: 'I will write it.', toolUses: [{ name: 'write_file', input: { path: 'notes.txt', content: 'hello' } }], hold: { afterDeltas: 1, until: held.until } }
          : { text: `final after: ${lastText}` },
      ),
    });
    worlds.push(world);
    const driver = await runInCockpit(world, SOLO);
    const events = await followEvents(world);
    followers.push(events);
    held.release();
    await events.waitFor((event) => event['type'] === 'call-state' && event['agent'] === 'solo' && JSON.stringify(event['state']) === '{"kind":"waiting-on-you","reason":"approval"}', 'solo waiting on an approval');
    await driver.waitUntil((screen) => /awaiting-approval/u.test(screen), 'the approval on screen');
    expect((await ctl(world, 'approve', '-t', 'solo', 'y')).status).toBe(0);
    await events.waitFor((event) => event['type'] === 'call-state' && event['agent'] === 'solo' && JSON.stringify(event['state']) === '{"kind":"working"}', 'solo working again');
    const done = await doneLine(world);
    expect(done).toMatchObject({ status: 'completed' });
  });
});

describe('agentmux e2e: keys that would stop or interrupt a run ask first', { timeout: 90_000 }, () => {
  it('X asks before interrupting workflow agents (any other key cancels), y interrupts; q asks while the run is live', async () => {
    const held = gate();
    const world = await makeWorld({ script: replyScript(heldFirst(held.until, ['say alpha'])) });
    worlds.push(world);
    const driver = await runInCockpit(world, SOLO);
    const events = await followEvents(world);
    followers.push(events);
    await driver.waitUntil((screen) => /NORMAL/u.test(screen) && /streaming/u.test(screen), 'solo streaming');
    driver.write('X');
    await driver.waitFor(/Interrupt every agent\? 1 workflow agent \(solo\) will wait on you/u);
    driver.write('n');
    await driver.waitFor(/interrupt: cancelled/u);
    expect(events.lines.some((line) => line.includes('waiting-on-you'))).toBe(false);
    driver.write('X');
    await driver.waitFor(/Interrupt every agent\?/u);
    driver.write('y');
    await events.waitFor((event) => event['type'] === 'call-state' && event['agent'] === 'solo' && JSON.stringify(event['state']).includes('"interrupted"'), 'solo waiting on you');
    driver.write('q');
    await driver.waitFor(/1 workflow run is live and will be stopped/u);
    driver.write('n');
    await driver.waitFor(/quit cancelled/u);
    held.release();
    expect(recordLines(world.sessions).some((line) => line.type === 'done')).toBe(false);
  });
});

describe('agentmux e2e: a nudge changes the demo review run’s result', { timeout: 120_000 }, () => {
  it('reviewer-1 of `run review` on the demo script, nudged "report nothing" mid-stream over ctl, returns no findings; the run verifies only the others’', async () => {
    const held = gate();
    const reviews = demoScript();
    const firstOfReviewer1 = (request: ReceivedRequest): boolean => request.body.messages.length === 1 && textOf(request.body.messages[0] ?? { role: 'user', content: '' }).startsWith('Review . for correctness');
    // The real demo answers; only reviewer-1's first answer is held mid-stream so the nudge lands while it works.
    const world = await makeWorld({ script: (request, index) => ({ ...reviews(request, index), ...(firstOfReviewer1(request) ? { hold: { afterDeltas: 1, until: held.until } } : {}) }) });
    worlds.push(world);
    const driver = startAgentmux({
      args: ['run', 'review', '--sessions', world.sessions],
      cwd: world.workspace,
      env: { ANTHROPIC_BASE_URL: world.model.url, ANTHROPIC_API_KEY: 'test-key' },
    });
    drivers.push(driver);
    await eventually(() => world.model.requests.filter(firstOfReviewer1).length, (count) => count === 1, 'reviewer-1 asking the model', 20_000);
    const nudge = 'Report nothing: these are known issues.';
    expect((await ctl(world, 'nudge', '-t', 'reviewer-1', nudge)).status).toBe(0);
    held.release();
    const done = await doneLine(world);
    expect(done).toMatchObject({ status: 'completed' });
    const lines = recordLines(world.sessions);
    const resultOf = (agent: string): unknown => lines.find((line) => line.type === 'result' && line['agent'] === agent)?.['value'];
    // The steered value: reviewer-1 reports nothing; the others, not nudged, report findings.
    expect(resultOf('reviewer-1')).toEqual({ findings: [] });
    const others = z.object({ findings: z.array(z.object({ file: z.string() })) });
    const found = others.parse(resultOf('reviewer-2')).findings.length + others.parse(resultOf('reviewer-3')).findings.length;
    expect(found).toBeGreaterThan(0);
    expect(lines.find((line) => line.type === 'log')).toMatchObject({ text: `${found} finding(s) to verify` });
    const result = z.object({ confirmed: z.array(z.object({ concern: z.string() })) }).parse(done['result']);
    expect(result.confirmed.some((finding) => finding.concern === 'correctness and edge cases')).toBe(false);
    // The model was told: reviewer-1's later requests carry the nudge after its first tool results.
    const told = world.model.requests.filter((request) => textOf(request.body.messages[0] ?? { role: 'user', content: '' }).startsWith('Review . for correctness') && request.body.messages.some((message) => textOf(message).includes(nudge)));
    expect(told.length).toBeGreaterThan(0);
  });
});
