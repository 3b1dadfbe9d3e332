// e2e: panes opened with `new` come back after a crash, not only after an orderly quit: the
// cockpit saves its pane list when a pane is added (cockpit-save.ts), so `ctl new helper` and
// `ctl new sh1 -- bash` followed by kill -9 of the real binary reopen both at the next start.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ctl, ctlReady } from './ctl-kit.js';
import { answerEcho, eventually, useWorld } from './e2e-kit.js';

const openWorld = useWorld();

const SavedNames = z.object({ settings: z.object({ cockpits: z.record(z.string(), z.object({ agents: z.array(z.object({ name: z.string() })) })).optional() }) });

/** The names the catalog saved for layout `e2e` (empty while the file or the entry is missing). */
function savedNames(sessions: string): string[] {
  let text: string;
  try {
    text = readFileSync(join(sessions, 'catalog.json'), 'utf8');
  } catch {
    return [];
  }
  const parsed = SavedNames.safeParse(JSON.parse(text));
  return parsed.data?.settings.cockpits?.['e2e']?.agents.map((agent) => agent.name) ?? [];
}

describe('agentmux e2e: panes opened with new survive kill -9', { timeout: 90_000 }, () => {
  it('ctl new helper and ctl new sh1 -- bash, then kill -9: the next start opens both panes', async () => {
    const world = await openWorld({ script: answerEcho });
    const first = await world.launch();
    await ctlReady(world);
    const helper = await ctl(world, 'new', 'helper');
    expect(helper.stderr).toBe('');
    expect(helper.status).toBe(0);
    const shell = await ctl(world, 'new', 'sh1', '--', 'bash');
    expect(shell.stderr).toBe('');
    expect(shell.status).toBe(0);
    await first.waitUntil((screen) => screen.includes('helper ·') && screen.includes('sh1 ·'), 'both new panes');
    // The save is a catalog write started at once (not at quit): the kill lands once it is on disk.
    await eventually(() => savedNames(world.sessions), (names) => names.includes('helper') && names.includes('sh1'), 'the catalog to list helper and sh1', 15_000);
    process.kill(first.pid, 'SIGKILL');
    await first.exited(10_000).catch(() => -1);

    const second = await world.launch();
    // helper reattached its session; sh1's command runs again.
    await second.waitUntil((screen) => /helper · idle/.test(screen) && /sh1 · idle \(running\)/.test(screen), 'helper and sh1 back after the kill');
  });
});
