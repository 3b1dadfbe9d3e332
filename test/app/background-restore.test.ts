// Issue 9: `undo` of 2,940 files froze the whole cockpit for 14–17 s, the restore running in one
// synchronous call. A big rewind or undo now goes on in slices: keys are answered while it runs,
// the pane title counts the files, the agent refuses input with a reason, and every file ends
// up restored. (The pace is set to 10 files per slice so the test does not depend on disk speed.)
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { closeCockpits, cockpitFor, press, settle, type Cockpit } from './cockpit-kit.js';
import { until } from '../integration/harness.js';

const FILES = 300;
const makeFiles = `mkdir -p many && for i in $(seq 1 ${FILES}); do echo "file $i" > many/f$i.txt; done`;

afterEach(closeCockpits);

/** Presses Tab until the restore ends; returns how many presses moved the focus while it was still running. */
async function keysAnsweredWhileRestoring(cockpit: Cockpit, seen: Set<string>): Promise<number> {
  const { h, t } = cockpit;
  const alpha = h.agent('alpha');
  let answered = 0;
  while (h.controller.restores.refusal(alpha) !== undefined) {
    const before = h.controller.panes.focused();
    await press(cockpit, '\t');
    const screen = t.tty.text();
    const shown = /(checking|restoring) files \d+\/\d+/.exec(screen);
    if (shown !== null) seen.add(shown[1] ?? '');
    if (h.controller.panes.focused() !== before && h.controller.restores.refusal(alpha) !== undefined) answered += 1;
  }
  return answered;
}

describe('a big file restore runs in the background', { timeout: 60_000 }, () => {
  it('keys are answered during a big rewind and during u, input to the agent is refused, and every file is restored', async () => {
    const cockpit = await cockpitFor('normal', {
      steps: [{ text: 'Making files.', toolUses: [{ name: 'bash', input: { command: makeFiles } }] }, { text: 'made them' }],
      checkpoints: true,
      restorePace: { backgroundFrom: 100, sliceMs: 1_000, sliceFiles: 10 },
    });
    const { h, app } = cockpit;
    const folder = join(h.workspace, 'many');
    h.controller.delivery.send('alpha', 'make the files');
    await until(() => h.agent('alpha').state === 'awaiting-approval', 'alpha asking to run bash', 20_000);
    expect(h.controller.decide('alpha', { kind: 'yes' }).ok).toBe(true);
    await until(() => h.agent('alpha').phase.kind !== 'running' && h.agent('alpha').state === 'idle', 'alpha done', 30_000);
    expect(readdirSync(folder)).toHaveLength(FILES);

    // rewind 0: the command answers at once, the files go in the background.
    app.run('rewind -t alpha 0');
    await settle(cockpit);
    expect(cockpit.t.tty.text()).toContain(`alpha: rewind under way (${FILES} files)`);
    const refused = h.controller.delivery.send('alpha', 'hello');
    expect(refused.outcome).toBe('refused');
    expect(refused.detail).toMatch(/^alpha is restoring files for its rewind \((checking \d+\/300 files|\d+\/300 files restored)\): it takes no input until that is done$/);
    const seen = new Set<string>();
    const duringRewind = await keysAnsweredWhileRestoring(cockpit, seen);
    expect(duringRewind).toBeGreaterThanOrEqual(3);
    await settle(cockpit);
    expect(existsSync(folder)).toBe(false);
    expect(cockpit.t.tty.text()).toContain(`rewound alpha to 0; restored ${FILES} files (u undoes)`);
    expect(h.agent('alpha').session.restoring).toBeUndefined(); // restore-done journaled

    // u: the same in the other direction (its conflict check paced too), every file back with its content.
    app.run('focus alpha');
    await press(cockpit, 'u');
    expect(cockpit.t.tty.text()).toContain(`undo alpha: checking ${FILES} files first (its pane counts them)`);
    const duringUndo = await keysAnsweredWhileRestoring(cockpit, seen);
    expect(duringUndo).toBeGreaterThanOrEqual(3);
    await settle(cockpit);
    expect(cockpit.t.tty.text()).toContain(`undid alpha's rewind; restored ${FILES} files`);
    expect([...seen].sort()).toEqual(['checking', 'restoring']);
    expect(readdirSync(folder)).toHaveLength(FILES);
    for (const i of [1, 150, FILES]) expect(readFileSync(join(folder, `f${i}.txt`), 'utf8')).toBe(`file ${i}\n`);
    expect(h.agent('alpha').session.restoring).toBeUndefined();
    expect(h.agent('alpha').detail).toBe('');
    // And the agent takes input again.
    expect(h.controller.delivery.send('alpha', 'thanks').outcome).not.toBe('refused');
  });
});
