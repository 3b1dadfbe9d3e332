// A run's budget counts every output token its agents spend while the run is live (DESIGN.md §9
// `budget.spent()`, `--budget-tokens`): after an agent's call resolved too — a finished agent
// nudged later spends from the same budget — and nothing once the run has ended. Real SDK,
// scripted model, the ControllerAgentHost.
import { afterEach, describe, expect, it } from 'vitest';
import type { SdkAgent } from '../../src/core/agent.js';
import { expectSdk } from '../core/factories.js';
import { until } from './harness.js';
import { startWorkflowKit, type WorkflowKit } from './workflow-kit.js';

let kit: WorkflowKit | undefined;
afterEach(async () => {
  await kit?.close();
  kit = undefined;
});

function agentNamed(started: WorkflowKit, name: string): SdkAgent {
  return expectSdk(started.controller.find(name));
}

/** Sends `text` to the agent and waits until the work it started has ended. */
async function sendAndSettle(started: WorkflowKit, agent: SdkAgent, text: string): Promise<void> {
  const before = started.model.requests.length;
  started.controller.delivery.send(agent.name, text);
  await until(() => started.model.requests.length > before && agent.phase.kind !== 'running' && agent.state === 'idle', `${agent.name} answering "${text}"`);
}

describe("a run's spending", () => {
  it('a finished agent nudged later spends from the run budget until the run ends, then no more', async () => {
    kit = await startWorkflowKit(() => ({ text: 'an answer of a few dozen characters, some tokens long' }));
    const { outcome } = await kit.call('review it', { label: 'rev' });
    expect(outcome.kind).toBe('value');
    const rev = agentNamed(kit, 'rev');
    const atResolution = kit.spentSinceStart();
    expect(atResolution).toBe(rev.session.totals.outputTokens);
    await sendAndSettle(kit, rev, 'one more thing');
    const afterNudge = rev.session.totals.outputTokens;
    expect(afterNudge).toBeGreaterThan(atResolution);
    expect(kit.spentSinceStart()).toBe(afterNudge);
    kit.endRun();
    await sendAndSettle(kit, rev, 'and after the run');
    expect(rev.session.totals.outputTokens).toBeGreaterThan(afterNudge);
    expect(kit.spentSinceStart()).toBe(afterNudge);
  });

  it('a renamed agent is still counted under its new name', async () => {
    kit = await startWorkflowKit(() => ({ text: 'an answer of a few dozen characters, some tokens long' }));
    await kit.call('review it', { label: 'rev' });
    expect(kit.controller.panes.rename('rev', 'lead').ok).toBe(true);
    const lead = agentNamed(kit, 'lead');
    await sendAndSettle(kit, lead, 'one more thing');
    expect(kit.spentSinceStart()).toBe(lead.session.totals.outputTokens);
  });
});
