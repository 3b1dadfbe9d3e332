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
import { agentToolHost } from '../../src/app/agent-tool-host.js';

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
});
