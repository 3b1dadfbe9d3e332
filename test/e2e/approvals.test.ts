// e2e: a write_file call waits for the user; `y` on the focused pane runs it.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { makeWorld, typeMessage, waitForState, type World } from './e2e-kit.js';

let world: World | undefined;
afterEach(async () => {
  await world?.close();
  world = undefined;
});

describe('agentmux e2e: approvals', { timeout: 60_000 }, () => {
  it('a pending write_file shows in the pane title and the hints; y writes the file and sends the result', async () => {
    world = await makeWorld({
      agents: ['alpha'],
      approval: { approve: 'ask' },
      script: [
        { text: 'Writing the notes.', toolUses: [{ name: 'write_file', input: { path: 'notes.txt', content: 'one\ntwo\n' } }] },
        { text: 'Written.' },
      ],
    });
    const app = await world.launch();
    await typeMessage(app, 'alpha', 'write the notes');
    await waitForState(app, 'alpha', 'awaiting-approval');
    await app.waitFor('write_file notes.txt (2 lines)');
    await app.waitFor('y approve · a always · n refuse');
    const file = join(world.workspace, 'notes.txt');
    expect(existsSync(file)).toBe(false);
    expect(world.model.requests).toHaveLength(1);

    app.write('y');
    await app.waitFor('Written.');
    await waitForState(app, 'alpha', 'idle');
    expect(readFileSync(file, 'utf8')).toBe('one\ntwo\n');
    const messages = world.model.requests[1]?.body.messages ?? [];
    const results = messages.flatMap((m) => (typeof m.content === 'string' ? [] : m.content.filter((b) => b.type === 'tool_result')));
    expect(results).toHaveLength(1);
    expect(results[0]).not.toHaveProperty('is_error');
  });
});
