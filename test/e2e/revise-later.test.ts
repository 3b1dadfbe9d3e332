// e2e (issue 15, "revise an answer"), on the real binary across three processes: a cockpit runs a
// workflow to the end and quits; a second cockpit opens one finished agent's session and steers it
// (no run is live there, so no `revised` line is written) and quits; `run --continue` then sees
// the session's newer answer, records it as the call's revision and re-runs only the call whose
// prompt held the old answer — counted at the scripted model.
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ReceivedRequest } from '../../src/adapters/scripted-model/script.js';
import { readRunRecord } from '../../src/adapters/workflow/run-record-reader.js';
import type { RunRecordLine } from '../../src/core/workflow/run-record.js';
import { ctl, ctlReady } from './ctl-kit.js';
import { runAgentmux, useWorld, type World } from './e2e-kit.js';
import { startAgentmux, type Driver } from './terminal-driver.js';

const SCRIPT = [
  "export const meta = { name: 'chains', description: 'three chains of two' };",
  'return await parallel([0, 1, 2].map((i) => async () => {',
  '  const found = await agent(`find ${i}`, { label: `find-${i}` });',
  '  return agent(`review: ${found}`, { label: `review-${i}` });',
  '}));',
  '',
].join('\n');

function lastUserText(request: ReceivedRequest): string {
  const last = request.body.messages.at(-1);
  if (last === undefined) return '';
  return typeof last.content === 'string' ? last.content : last.content.flatMap((block) => (block.type === 'text' ? [block.text] : [])).join('');
}

function recordOf(world: World, runId: string): readonly RunRecordLine[] {
  const record = readRunRecord(world.sessions, runId);
  if (!record.ok) throw new Error(record.error);
  return record.value.lines;
}

/** `q`, and `y` if the cockpit asks; resolves with the exit code. */
async function quit(driver: Driver): Promise<number> {
  driver.write('q');
  const asked = await Promise.race([driver.waitFor('Quit? y', 5_000).then(() => true, () => false), driver.exited(5_000).then(() => false, () => false)]);
  if (asked) driver.write('y');
  return driver.exited(15_000);
}

const openWorld = useWorld();

describe('agentmux e2e: an answer revised in a later cockpit', { timeout: 120_000 }, () => {
  it('run and quit; steer a finished agent in a new cockpit and quit; continue: only the call after it runs again', async () => {
    const world = await openWorld({ agents: ['main'], script: (request) => ({ text: `done: ${lastUserText(request)}` }) });
    const env = { ANTHROPIC_BASE_URL: world.model.url, ANTHROPIC_API_KEY: 'test-key' };
    writeFileSync(join(world.dir, 'chains.js'), SCRIPT);

    // 1. A cockpit runs the workflow to the end, then quits.
    const first = startAgentmux({ args: ['run', './chains.js', '--approve', 'auto', '--sessions', world.sessions], cwd: world.dir, env });
    try {
      await first.waitFor(/: done completed/u, 60_000);
      expect(await quit(first)).toBe(0);
    } finally {
      first.kill();
    }
    const [runId] = readdirSync(join(world.sessions, 'runs'));
    if (runId === undefined) throw new Error('no run record');
    expect(world.model.requests).toHaveLength(6);
    const find1 = recordOf(world, runId).find((line) => line.type === 'started' && line.label === 'find-1');
    if (find1?.type !== 'started') throw new Error('find-1 never started');

    // 2. A new cockpit opens find-1's session, steers it, and quits: no run is live here.
    const second = await world.launch();
    try {
      await ctlReady(world);
      const opened = await ctl(world, 'session-open', find1.session);
      expect(opened.status).toBe(0);
      await second.waitFor(find1.agent);
      const sent = await ctl(world, 'send', '-t', find1.agent, 'look again');
      expect(sent.status).toBe(0);
      await second.waitFor('done: look again', 30_000);
      await world.model.waitFor(() => world.model.requests.length === 7, 10_000);
      expect(await quit(second)).toBe(0);
    } finally {
      second.kill();
    }
    expect(recordOf(world, runId).filter((line) => line.type === 'revised')).toEqual([]);

    // 3. Continue (headless): find-1's newer answer is its revision; only review-1 runs again.
    const continued = await runAgentmux(['run', '--continue', runId, '--headless', '--approve', 'auto', '--sessions', world.sessions], world.dir, env, 60_000);
    expect(continued.stderr).toContain('done completed');
    expect(continued.status).toBe(0);
    expect(JSON.parse(continued.stdout)).toEqual(['done: review: done: find 0', 'done: review: done: look again', 'done: review: done: find 2']);
    expect(world.model.requests.slice(7).map(lastUserText)).toEqual(['review: done: look again']);
    const lines = recordOf(world, runId);
    const segment = lines.slice(lines.findLastIndex((line) => line.type === 'continued') + 1);
    const reused = segment.filter((line) => line.type === 'reused');
    const started = segment.filter((line) => line.type === 'started');
    expect(reused).toHaveLength(5);
    expect(segment.filter((line) => line.type === 'revised')).toEqual([expect.objectContaining({ agent: find1.agent, key: find1.key, version: 2, value: 'done: look again' })]);
    expect(started).toEqual([expect.objectContaining({ label: 'review-1', saw: [expect.objectContaining({ key: find1.key, version: 2 })] })]);
    console.log(`revised in a later cockpit: continue reused ${reused.length} calls, ran ${started.length} again (${world.model.requests.length - 7} model request)`);
  });
});
