// Issue 9, item 3: on Linux with bubblewrap, a bash call runs in its own pid namespace, can
// write only its workspace (and a private /tmp), sees HOME and the store empty, and reaches the
// network only when the agent's policy allows it. CI installs bubblewrap (.ci/run).
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeBashTool } from '../../../src/adapters/tools/bash.js';
import { sandboxArgs, sandboxSupport } from '../../../src/adapters/tools/bash-sandbox.js';
import type { SandboxPolicy, ToolOutcome } from '../../../src/core/tools.js';

let root: string;
let workspace: string;
let outside: string;
let store: string;
const tool = (): ReturnType<typeof makeBashTool> => makeBashTool({ masked: [store] });

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'agentmux-sandbox-'));
  workspace = join(root, 'workspace');
  outside = join(root, 'outside');
  store = join(root, 'store');
  for (const dir of [workspace, outside, store]) mkdirSync(dir);
  writeFileSync(join(store, 'journal.jsonl'), 'secret journal\n');
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

async function bash(command: string, sandbox?: SandboxPolicy): Promise<ToolOutcome> {
  return tool().run({ command }, { cwd: workspace, signal: new AbortController().signal, ...(sandbox === undefined ? {} : { sandbox }) });
}

describe('bash under bubblewrap', { timeout: 30_000 }, () => {
  it('is available here (bubblewrap installed and able to make namespaces)', async () => {
    expect(await sandboxSupport()).toEqual({ kind: 'bwrap', program: 'bwrap' });
  });

  it("cannot see agentmux's process, so not its environment either", async () => {
    const marker = 'sk-sandbox-test-0123456789';
    process.env['ANTHROPIC_API_KEY'] = marker;
    try {
      const outcome = await bash(`cat /proc/${process.pid}/environ; for p in /proc/[0-9]*; do tr '\\0' '\\n' < $p/environ; done; ls /proc | grep -c '^[0-9]'`);
      expect(outcome.content).not.toContain(marker);
      // Only the sandbox's own few processes are listed.
      const count = Number(/^(\d+)$/mu.exec(outcome.content)?.[1]);
      expect(count).toBeLessThan(10);
    } finally {
      delete process.env['ANTHROPIC_API_KEY'];
    }
  });

  it('can write inside the workspace', async () => {
    const outcome = await bash('echo inside > made.txt && cat made.txt');
    expect(outcome.isError).toBe(false);
    expect(readFileSync(join(workspace, 'made.txt'), 'utf8')).toBe('inside\n');
  });

  it('cannot write outside the workspace', async () => {
    const outcome = await bash(`echo out > ${outside}/x.txt; echo out > ${homedir()}/agentmux-sandbox-x.txt; touch /etc/agentmux-sandbox-x; echo end`);
    expect(outcome.content).toContain('end');
    expect(existsSync(join(outside, 'x.txt'))).toBe(false);
    expect(existsSync(join(homedir(), 'agentmux-sandbox-x.txt'))).toBe(false);
    expect(existsSync('/etc/agentmux-sandbox-x')).toBe(false);
  });

  it('sees HOME and the session store empty', async () => {
    const outcome = await bash(`ls -A ${store} | wc -l; ls -A ~ | wc -l; cat ${store}/journal.jsonl`);
    expect(outcome.content).not.toContain('secret journal');
    expect(outcome.content).toMatch(/^0\n0\n/u);
  });

  describe('network', () => {
    let server: Server;
    let port = 0;
    beforeAll(async () => {
      server = createServer((socket) => socket.end('hello from outside\n'));
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      const address = server.address();
      port = typeof address === 'object' && address !== null ? address.port : 0;
    });
    afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

    const connect = (): string => `cat < /dev/tcp/127.0.0.1/${port}; echo "[code $?]"`;

    it('is cut by default, as in Claude Code', async () => {
      const outcome = await bash(connect());
      expect(outcome.content).not.toContain('hello from outside');
    });

    it('is reachable when the policy allows it ("sandbox": {"network": true})', async () => {
      const outcome = await bash(connect(), { network: true });
      expect(outcome.content).toContain('hello from outside');
    });
  });

  it('binds the workspace back over a masked HOME or store that holds it', () => {
    const args = sandboxArgs({ workspace: join(homedir(), 'proj'), masked: [store], policy: { network: false } });
    const home = args.indexOf(homedir());
    const bind = args.indexOf('--bind');
    expect(args[home - 1]).toBe('--tmpfs');
    expect(bind).toBeGreaterThan(home);
    expect(args).toContain('--unshare-net');
  });
});
