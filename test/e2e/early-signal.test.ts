// e2e (reviewer finding 5): a signal in the first moments, while the panes are still loading,
// quits in order like `q`: exit 0, the alternate screen left, the store's lock released. Before,
// the listeners were added only after the cockpit opened and the signal killed agentmux by default.
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useWorld } from './e2e-kit.js';
import { startAgentmux } from './terminal-driver.js';

const openWorld = useWorld();

describe('agentmux e2e: a signal as the screen opens', { timeout: 60_000 }, () => {
  for (const signal of ['SIGTERM', 'SIGHUP'] as const) {
    it(`${signal} at the first byte of output quits in order: exit 0, terminal given back, no lock left`, async () => {
      const world = await openWorld({ script: [{ text: 'unused' }] });
      const app = startAgentmux({
        args: ['--layout', world.layoutPath, '--sessions', world.sessions],
        cwd: world.dir,
        env: { ANTHROPIC_BASE_URL: world.model.url, ANTHROPIC_API_KEY: 'test-key' },
      });
      try {
        await app.firstOutput;
        process.kill(app.pid, signal);
        expect(await app.exited(20_000)).toBe(0);
        const output = app.output();
        expect(output).toContain('\x1b[?1049h');
        expect(output.lastIndexOf('\x1b[?1049l')).toBeGreaterThan(output.lastIndexOf('\x1b[?1049h'));
        expect(readdirSync(world.sessions).filter((name) => name.includes('agentmux.lock'))).toEqual([]);
        expect(existsSync(join(world.sessions, 'agentmux.sock'))).toBe(false);
      } finally {
        app.kill();
      }
    });
  }
});
