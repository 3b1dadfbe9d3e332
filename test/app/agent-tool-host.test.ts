// The one tool host of SDK agents (cockpit and workflow runs): provider keys named by the providers
// file are kept from bash and redacted, and the session store is hidden from bash (issue 9).
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { fileCheckpointsFor } from '../../src/adapters/files/file-checkpoints.js';
import { sandboxSupport } from '../../src/adapters/tools/bash-sandbox.js';
import { REDACTED } from '../../src/adapters/tools/secrets.js';
import type { Providers } from '../../src/adapters/workflow/providers-file.js';
import { agentCheckpoints, agentToolHost } from '../../src/app/agent-tool-host.js';
import { readdirSync, readFileSync, statSync } from 'node:fs';

const KEY_VAR = 'AGENTMUX_TEST_OTHER_PROVIDER_KEY';
const KEY = 'sk-other-provider-0123456789abcdef';
const providers: Providers = { other: { baseURL: 'http://127.0.0.1:9/', apiKeyEnv: KEY_VAR } };

const temps: string[] = [];
afterEach(() => {
  Reflect.deleteProperty(process.env, KEY_VAR);
  for (const dir of temps.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function setup(): { readonly storeDir: string; readonly workspace: string } {
  const root = mkdtempSync(join(tmpdir(), 'agentmux-toolhost-'));
  temps.push(root);
  const storeDir = join(root, 'store');
  const workspace = join(root, 'work');
  mkdirSync(storeDir);
  mkdirSync(workspace);
  writeFileSync(join(storeDir, 'secret-session.jsonl'), 'journal\n');
  return { storeDir, workspace };
}

async function bash(storeDir: string, workspace: string, command: string): Promise<string> {
  process.env[KEY_VAR] = KEY;
  const host = agentToolHost({ storeDir, env: process.env, providers, checkpoints: fileCheckpointsFor(storeDir) });
  const outcome = await host.run({ id: 't1', name: 'bash', input: { command } }, { cwd: workspace, signal: new AbortController().signal });
  return outcome.content;
}

describe('agentToolHost', () => {
  it("keeps a providers file's apiKeyEnv variable out of bash's environment", async () => {
    const { storeDir, workspace } = setup();
    const content = await bash(storeDir, workspace, `echo "key=[\${${KEY_VAR}:-unset}]"`);
    expect(content).toContain('key=[unset]');
  });

  it("redacts the value of a providers file's apiKeyEnv from tool output", async () => {
    const { storeDir, workspace } = setup();
    const content = await bash(storeDir, workspace, `echo ${KEY}; echo ${KEY} | base64`);
    expect(content).not.toContain(KEY);
    expect(content).not.toContain(Buffer.from(KEY).toString('base64').slice(0, 20));
    expect(content).toContain(REDACTED);
  });

  it('hides the session store from sandboxed bash', async () => {
    const support = await sandboxSupport();
    if (support.kind !== 'bwrap') return; // Without bubblewrap nothing is hidden (the cockpit says so).
    const { storeDir, workspace } = setup();
    const content = await bash(storeDir, workspace, `cat ${join(storeDir, 'secret-session.jsonl')} || echo unreadable`);
    expect(content).not.toContain('journal');
    expect(content).toContain('unreadable');
  });

  it('keeps no file version holding a key in the store: written into a workspace file, it is recorded by hash only', async () => {
    const { storeDir, workspace } = setup();
    process.env[KEY_VAR] = KEY;
    const checkpoints = agentCheckpoints(storeDir, process.env, providers);
    const host = agentToolHost({ storeDir, env: process.env, providers, checkpoints });
    const context = { cwd: workspace, signal: new AbortController().signal };
    writeFileSync(join(workspace, 'plain.txt'), 'nothing secret\n');
    // The model got the key somehow (the agent printed it, the user pasted it): it writes it down.
    const wrote = await host.run({ id: 't1', name: 'write_file', input: { path: 'leak.txt', content: `KEY=${KEY}\n` } }, context);
    expect(wrote.isError).toBe(false);
    const ran = await host.run({ id: 't2', name: 'bash', input: { command: `printf '%s' '${Buffer.from(KEY).toString('base64')}' > b64.txt; echo more >> plain.txt` } }, context);
    expect(ran.isError).toBe(false);
    const leak = wrote.files?.find((change) => change.path === 'leak.txt');
    expect(leak?.after?.withheld).toBe(true);
    expect(ran.files?.find((change) => change.path === 'b64.txt')?.after?.withheld).toBe(true);
    expect(ran.files?.find((change) => change.path === 'plain.txt')?.after?.withheld).toBeUndefined();
    // Nothing under the store holds the key, plain or base64.
    const b64 = Buffer.from(KEY).toString('base64').slice(4, 28);
    const walk = (folder: string): string[] => readdirSync(folder).flatMap((name) => (statSync(join(folder, name)).isDirectory() ? walk(join(folder, name)) : [join(folder, name)]));
    for (const file of walk(storeDir)) {
      const text = readFileSync(file, 'latin1');
      expect(text.includes(KEY) || text.includes(b64), file).toBe(false);
    }
    // Restoring such a version says why it cannot, instead of writing something else.
    if (leak?.after === undefined || leak.after === null) throw new Error('leak.txt not recorded');
    const restored = checkpoints.files.restore(workspace, 'leak.txt', leak.after);
    expect(restored.ok ? '' : restored.error).toContain('held an API key');
  });
});
