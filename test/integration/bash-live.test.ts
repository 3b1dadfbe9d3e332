// bash output reaches the controller's subscribers while the command runs (one `tool-output`
// event per chunk, tagged with the call), and only the result is committed.
import { afterEach, describe, expect, it } from 'vitest';
import { createWorkspaceToolHost } from '../../src/adapters/tools/full-tool-host.js';
import type { AgentState } from '../../src/core/agent-state.js';
import { startHarness, until, type Harness } from './harness.js';

let harness: Harness | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

describe('bash live output', () => {
  it('emits tool-output events for the running call before its result is committed', { timeout: 30_000 }, async () => {
    const h = (harness = await startHarness(
      [{ text: 'Running.', toolUses: [{ name: 'bash', input: { command: 'echo a; sleep 1; echo b' } }] }, { text: 'done' }],
      { tools: createWorkspaceToolHost({ write: true }), approval: { approve: 'auto', allow: [] } },
    ));
    const chunks: { toolUseId: string; chunk: string; state: AgentState; committedResults: number }[] = [];
    let committedResults = 0;
    const subscription = h.controller.events.on((event) => {
      if (event.type === 'entry' && event.entry.kind === 'tool-result') committedResults += 1;
      if (event.type === 'tool-output' && event.agent === 'alpha') {
        chunks.push({ toolUseId: event.toolUseId, chunk: event.chunk, state: h.agent('alpha').state, committedResults });
      }
    });
    try {
      h.controller.delivery.send('alpha', 'run it');
      await until(() => chunks.some((c) => c.chunk.includes('a')), 'the first line live', 10_000);
      expect(h.agent('alpha').state).toBe('tool');
      expect(committedResults).toBe(0);
      await h.settled('alpha', 20_000);
    } finally {
      subscription.dispose();
    }
    const path = h.agent('alpha').session?.view().items.map((item) => item.entry) ?? [];
    const call = path.flatMap((entry) => (entry.kind === 'assistant' ? entry.blocks : [])).find((block) => block.type === 'tool_use');
    const result = path.find((entry) => entry.kind === 'tool-result');
    expect(chunks.map((c) => c.chunk).join('')).toBe('a\r\nb\r\n');
    expect(chunks.every((c) => c.toolUseId === call?.id && c.state === 'tool' && c.committedResults === 0)).toBe(true);
    expect(result).toMatchObject({ kind: 'tool-result', content: 'a\nb\n[exit code 0]', isError: false });
    expect(result).not.toHaveProperty('fullOutput');
  });
});
