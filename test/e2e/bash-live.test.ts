// e2e: a bash call's output streams into the pane while the agent is in `tool`, and the
// committed result replaces it when the command ends.
import { describe, expect, it } from 'vitest';
import { activeBranch, readJournal, typeMessage, useWorld, waitForState } from './e2e-kit.js';

const openWorld = useWorld();

const COMMAND = 'for i in 1 2 3; do echo line$i; sleep 1; done';

describe('agentmux e2e: bash live output', { timeout: 90_000 }, () => {
  it('shows line1 in the pane while alpha is still in tool, then the committed result', async () => {
    const world = await openWorld({
      agents: ['alpha'],
      approval: { approve: 'auto' },
      script: [{ text: 'Counting.', toolUses: [{ name: 'bash', input: { command: COMMAND } }] }, { text: 'Counted to three.' }],
    });
    const app = await world.launch();
    await typeMessage(app, 'alpha', 'count to three');

    // Both at once, on one screen: the first line is there and the command is still running.
    await app.waitUntil(
      (screen) => /│ line1/.test(screen) && !/│ line3/.test(screen) && /\d alpha · tool( ·| \()/.test(screen),
      'line1 live while alpha is in tool',
      30_000,
    );
    expect(world.model.requests).toHaveLength(1);

    await app.waitFor('Counted to three.', 30_000);
    await waitForState(app, 'alpha', 'idle');
    const screen = app.screen();
    expect(screen).toContain('tool ← 4 lines');
    expect(screen).not.toContain('▍');
    // The live lines are gone; the result's preview shows the first three lines once each.
    expect(screen.match(/│ line1/g)).toHaveLength(1);

    const results = activeBranch(readJournal(world.sessions, 'alpha')).filter((entry) => entry.kind === 'tool-result');
    expect(results).toEqual([
      expect.objectContaining({ toolName: 'bash', content: 'line1\nline2\nline3\n[exit code 0]', isError: false }),
    ]);
    expect(results[0]).not.toHaveProperty('fullOutput');
  });
});
