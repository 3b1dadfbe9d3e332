// e2e (issue 16): a run that holds phases for review is never continued headless — its held
// answers would reach the script with nobody to review them. The real binary: a headless run ends,
// its held phases are on disk (as the cockpit keeps them), and `run --continue --headless` refuses
// before any model call.
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeRunHolds } from '../../src/adapters/workflow/run-holds-file.js';
import { runAgentmux, useWorld } from './e2e-kit.js';

const SCRIPT = ["export const meta = { name: 'gate', description: 'one check', phases: [{ title: 'Verify' }] };", "phase('Verify');", "return await agent('check it');", ''].join('\n');

const openWorld = useWorld();

describe('agentmux e2e: continuing a held run headless', { timeout: 120_000 }, () => {
  it('is refused, naming the held phases and the cockpit, with no model call', async () => {
    const world = await openWorld({ agents: ['main'], script: () => ({ text: 'it holds' }) });
    const env = { ANTHROPIC_BASE_URL: world.model.url, ANTHROPIC_API_KEY: 'test-key' };
    writeFileSync(join(world.dir, 'gate.js'), SCRIPT);
    const first = await runAgentmux(['run', './gate.js', '--headless', '--sessions', world.sessions], world.dir, env, 60_000);
    expect(first.status).toBe(0);
    const [runId] = readdirSync(join(world.sessions, 'runs'));
    if (runId === undefined) throw new Error('no run recorded');
    const requests = world.model.requests.length;
    expect(writeRunHolds(world.sessions, runId, ['Verify']).ok).toBe(true);

    const continued = await runAgentmux(['run', '--continue', runId, '--headless', '--sessions', world.sessions], world.dir, env, 60_000);
    expect(continued.stderr).toContain(`run ${runId} holds Verify for review: continue it in the cockpit`);
    expect(continued.status).toBe(2);
    expect(world.model.requests).toHaveLength(requests);
  });
});
