// e2e: an API error that ends a turn shows in the transcript with the :retry hint, where a person
// reads, not only in the pane title a narrow pane cuts.
import { describe, expect, it } from 'vitest';
import { runCommand, typeMessage, useWorld, waitForState } from './e2e-kit.js';

const openWorld = useWorld();

describe('agentmux e2e: API errors in the transcript', { timeout: 60_000 }, () => {
  it('a 401 shows as a transcript row with :retry, and :retry then answers', async () => {
    const world = await openWorld({
      agents: ['alpha'],
      script: [
        { fault: { kind: 'http', status: 401, errorType: 'authentication_error', message: 'invalid x-api-key' } },
        { text: 'recovered answer' },
      ],
    });
    const app = await world.launch();
    await typeMessage(app, 'alpha', 'hello');
    await waitForState(app, 'alpha', 'error');
    // A row inside the pane (it starts with the pane's left border), not the title.
    await app.waitUntil(
      (screen) => screen.split('\n').some((line) => line.startsWith('│! ') && line.includes('invalid x-api-key') && line.includes(':retry re-runs the turn')),
      'the error row in the transcript',
    );
    await runCommand(app, 'retry');
    await app.waitFor('recovered answer');
    expect(world.model.requests).toHaveLength(2);
  });
});
