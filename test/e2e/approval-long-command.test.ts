// e2e: what you approve is what runs (issue 9) — a long bash command whose dangerous part comes
// last is shown whole in the pane (wrapped over rows, never cut) before `y` is pressed.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { typeMessage, useWorld, waitForState } from './e2e-kit.js';

const openWorld = useWorld();

/** The pane's text with its borders and line breaks removed, so wrapped rows read as one. */
function paneBody(screen: string): string {
  return screen
    .split('\n')
    .map((row) => row.replace(/^[│┃|]/u, '').replace(/[│┃|]\s*$/u, ''))
    .join('')
    .replace(/\s+/gu, '');
}

describe('agentmux e2e: long commands awaiting approval', { timeout: 60_000 }, () => {
  it('shows a 300-character bash command whole before approval, its dangerous end included', async () => {
    const command = `echo ${'a-harmless-looking-word '.repeat(11)}&& touch PWNED-BY-THE-TAIL-OF-A-LONG-COMMAND`;
    expect(command.length).toBeGreaterThanOrEqual(300);
    const world = await openWorld({
      agents: ['alpha'],
      approval: { approve: 'ask' },
      script: [{ text: 'Running it.', toolUses: [{ name: 'bash', input: { command } }] }, { text: 'Refused, fine.' }],
    });
    const app = await world.launch();
    await typeMessage(app, 'alpha', 'run the long one');
    await waitForState(app, 'alpha', 'awaiting-approval');
    await app.waitFor('PWNED-BY-THE-TAIL-OF-A-LONG-COMMAND');
    await app.waitFor('a always (bash: exactly the command shown in the pane)');
    const screen = app.screen();
    expect(paneBody(screen)).toContain(command.replace(/\s+/gu, ''));
    expect(screen).not.toMatch(/→ bash [^\n]*…/u);
    expect(existsSync(join(world.workspace, 'PWNED-BY-THE-TAIL-OF-A-LONG-COMMAND'))).toBe(false);
    app.write('n');
    await app.waitFor(/approve n/u);
    app.write('\r');
    await waitForState(app, 'alpha', 'idle');
    expect(existsSync(join(world.workspace, 'PWNED-BY-THE-TAIL-OF-A-LONG-COMMAND'))).toBe(false);
  });
});
