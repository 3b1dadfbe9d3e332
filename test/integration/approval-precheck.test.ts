// edit_file calls that would fail anyway (missing file, `old` found nowhere or several times)
// are answered with the tool's error at once, without asking the user; a valid one still asks.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createWorkspaceToolHost } from '../../src/adapters/tools/full-tool-host.js';
import type { ScriptStep } from '../../src/adapters/scripted-model/script.js';
import { startHarness, until, type Harness } from './harness.js';

let harness: Harness | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

const editStep = (path: string, old: string, replacement: string): ScriptStep => ({
  text: 'Editing.',
  toolUses: [{ name: 'edit_file', input: { path, old, new: replacement } }],
});

/** The tool_result blocks of the request the server received at `index`. */
function toolResults(h: Harness, index: number): unknown[] {
  const messages = h.model.requests[index]?.body.messages ?? [];
  return messages.flatMap((m) => (typeof m.content === 'string' ? [] : m.content.filter((b) => b.type === 'tool_result')));
}

async function runWatchingStates(steps: readonly ScriptStep[], prepare: (workspace: string) => void): Promise<{ h: Harness; states: string[] }> {
  const h = (harness = await startHarness(steps, {
    tools: createWorkspaceToolHost({ write: true }),
    approval: { approve: 'ask', allow: [] },
  }));
  prepare(h.workspace);
  const states: string[] = [];
  h.controller.events.on((event) => {
    if (event.type === 'state') states.push(event.state);
  });
  h.controller.delivery.send('alpha', 'edit it');
  return { h, states };
}

describe('approval precheck for edit_file', () => {
  it('an edit of a missing file is answered with its error at once, never awaiting approval', async () => {
    const { h, states } = await runWatchingStates([editStep('missing.txt', 'a', 'b'), { text: 'I see' }], () => undefined);
    await until(() => h.model.requests.length === 2, 'the second request');
    await h.settled('alpha');
    expect(states).not.toContain('awaiting-approval');
    expect(existsSync(join(h.workspace, 'missing.txt'))).toBe(false);
    expect(toolResults(h, 1)).toEqual([
      expect.objectContaining({ is_error: true, content: 'path "missing.txt" does not exist' }),
    ]);
  });

  it('an edit whose old text matches several places is answered with the match lines, never awaiting approval', async () => {
    const { h, states } = await runWatchingStates([editStep('notes.txt', 'same', 'other'), { text: 'I see' }], (workspace) =>
      writeFileSync(join(workspace, 'notes.txt'), 'same\nmiddle\nsame\n'),
    );
    await until(() => h.model.requests.length === 2, 'the second request');
    await h.settled('alpha');
    expect(states).not.toContain('awaiting-approval');
    expect(readFileSync(join(h.workspace, 'notes.txt'), 'utf8')).toBe('same\nmiddle\nsame\n');
    const results = toolResults(h, 1);
    expect(results).toHaveLength(1);
    expect(results[0]).toMatchObject({ is_error: true });
    expect(JSON.stringify(results[0])).toContain('old text matches 2 places in notes.txt (at lines 1, 3)');
  });

  it('an edit whose old text matches once still waits for the user, and y applies it', async () => {
    const { h } = await runWatchingStates([editStep('notes.txt', 'middle', 'centre'), { text: 'done' }], (workspace) =>
      writeFileSync(join(workspace, 'notes.txt'), 'same\nmiddle\nsame\n'),
    );
    await until(() => h.agent('alpha').state === 'awaiting-approval', 'alpha to await approval');
    expect(h.model.requests).toHaveLength(1);
    expect(h.controller.decide('alpha', { kind: 'yes' }).ok).toBe(true);
    await h.settled('alpha');
    expect(readFileSync(join(h.workspace, 'notes.txt'), 'utf8')).toBe('same\ncentre\nsame\n');
  });
});
