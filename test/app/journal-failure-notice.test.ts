// Issue 9 (report row 2): on a full disk an answer's blob write failed, the answer vanished and
// the title said only "error" — the ~200-character cause (path and errno) never fits a title and
// was only in agentmux.log, on the same full disk. The cause is written into the agent's pane.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { err } from '../../src/core/result.js';
import { closeCockpits, cockpitFor, settle } from './cockpit-kit.js';
import { until } from '../integration/harness.js';

afterEach(async () => {
  vi.restoreAllMocks();
  await closeCockpits();
});

const CAUSE = '/store/blobs/3f/3fa9c0: ENOSPC: no space left on device, write';

describe('a journal write that fails', () => {
  it('shows its whole cause in the pane, not only "error" in the title', async () => {
    const cockpit = await cockpitFor('normal', { steps: [{ text: 'an answer that cannot be kept' }] });
    const { h, t } = cockpit;
    const session = h.agent('alpha').session;
    const real = session.commit.bind(session);
    // The store refuses the answer (the disk filled up meanwhile); the user's message was kept.
    vi.spyOn(session, 'commit').mockImplementation((entry) => (entry.kind === 'assistant' ? err(CAUSE) : real(entry)));
    h.controller.delivery.send('alpha', 'hello');
    await until(() => h.agent('alpha').state === 'error', 'alpha in error', 20_000);
    await settle(cockpit);
    const screen = t.tty.text().replace(/\s*│\s*/g, ' ');
    expect(screen).toContain('cannot record in the journal:');
    expect(screen.replace(/\s+/g, '')).toContain(CAUSE.replace(/\s+/g, ''));
  });
});
