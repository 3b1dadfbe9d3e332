// e2e: before y / a / n, a pending write shows in its pane what it would write: write_file's
// content, edit_file's unified diff against the file as it is now; answering removes the preview.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { typeMessage, useWorld, waitForState } from './e2e-kit.js';

const openWorld = useWorld();

describe('agentmux e2e: approval previews', { timeout: 60_000 }, () => {
  it('edit_file shows a unified diff of the file in the pane before y, and the preview goes once answered', async () => {
    const world = await openWorld({
      agents: ['alpha'],
      approval: { approve: 'ask' },
      script: [
        {
          text: 'Fixing the guard.',
          toolUses: [{ name: 'edit_file', input: { path: 'src/format.ts', old: 'seconds < 0', new: 'seconds <= -1' } }],
        },
        { text: 'Fixed.' },
      ],
    });
    const app = await world.launch();
    await typeMessage(app, 'alpha', 'fix the guard');
    await waitForState(app, 'alpha', 'awaiting-approval');
    await app.waitFor('what it would write');
    await app.waitFor('-  if (!Number.isFinite(seconds) || seconds < 0) {');
    await app.waitFor('+  if (!Number.isFinite(seconds) || seconds <= -1) {');
    await app.waitFor('--- src/format.ts');
    // Context lines from the file around the change.
    await app.waitFor(' export function formatDuration(seconds: number): string {');
    app.write('y');
    await app.waitFor('Fixed.');
    await waitForState(app, 'alpha', 'idle');
    expect(app.screen()).not.toContain('what it would write');
    expect(readFileSync(join(world.workspace, 'src/format.ts'), 'utf8')).toContain('seconds <= -1');
  });

  it('write_file shows the new content in the pane before y', async () => {
    const world = await openWorld({
      agents: ['alpha'],
      approval: { approve: 'ask' },
      script: [
        { text: 'Writing.', toolUses: [{ name: 'write_file', input: { path: 'notes.txt', content: 'first line\nsecond line\n' } }] },
        { text: 'Done.' },
      ],
    });
    const app = await world.launch();
    await typeMessage(app, 'alpha', 'write notes');
    await waitForState(app, 'alpha', 'awaiting-approval');
    await app.waitFor('creates the file with 2 lines:');
    await app.waitFor('first line');
    await app.waitFor('second line');
    app.write('n');
    // n opens the : prompt with `approve n ` (the rest of the line is the reason); Enter refuses.
    await app.waitFor(':approve n');
    app.write('\r');
    await waitForState(app, 'alpha', 'idle');
    expect(app.screen()).not.toContain('creates the file with 2 lines:');
  });
});
