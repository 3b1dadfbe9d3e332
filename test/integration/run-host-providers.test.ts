// Where `agentmux run`'s agents go (DESIGN.md §4, §9): a call naming ENDPOINT/MODEL of the
// providers file always reaches that endpoint; without a key (and without --demo) the others run
// on the scripted model in the real cwd, said once on stderr; only --demo uses the sample copy.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { queueScript } from '../../src/adapters/scripted-model/script.js';
import { startScriptedModel, type ScriptedModel } from '../../src/adapters/scripted-model/server.js';
import { openControllerHost, type OpenedControllerHost } from '../../src/app/workflow/controller-host-setup.js';
import type { AgentCall, AgentCallContext, AgentCallOutcome } from '../../src/core/workflow/agent-host.js';

let cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const step of cleanup.reverse()) await step();
  cleanup = [];
});

type Opened = { opened: OpenedControllerHost; cwd: string; stderr: string[]; local: ScriptedModel };

async function open(demo: boolean): Promise<Opened> {
  const local = await startScriptedModel({ script: queueScript([{ text: 'from the local endpoint' }]) });
  const storeDir = mkdtempSync(join(tmpdir(), 'agentmux-rhp-'));
  const cwd = mkdtempSync(join(tmpdir(), 'agentmux-rhp-cwd-'));
  writeFileSync(join(cwd, 'notes.txt'), 'the real project\n');
  writeFileSync(join(storeDir, 'providers.json'), JSON.stringify({ local: { baseURL: local.url } }));
  const stderr: string[] = [];
  const result = await openControllerHost({ storeDir, cwd, env: {}, options: { providers: undefined, model: undefined, demo, debug: false }, stderr: (line) => stderr.push(line) });
  if (!result.ok) throw new Error(result.error);
  const opened = result.value;
  cleanup.push(async () => {
    await opened.close();
    await local.close();
    rmSync(storeDir, { recursive: true, force: true });
    rmSync(cwd, { recursive: true, force: true });
  });
  return { opened, cwd, stderr, local };
}

let calls = 0;
async function call(o: Opened, model: string | undefined): Promise<{ outcome: AgentCallOutcome; agent: string | undefined }> {
  calls += 1;
  let agent: string | undefined;
  const context: AgentCallContext = { slot: () => Promise.resolve(), started: (name) => (agent = name), spent: () => undefined, signal: new AbortController().signal, runEnded: new AbortController().signal, revised: () => undefined };
  const agentCall: AgentCall = {
    run: { id: 'r9', name: 'test-run', cwd: o.cwd, headless: true, approve: 'auto', allow: [], defaultModel: undefined },
    key: `key-${calls}#0`,
    baseName: `worker-${calls}`,
    phase: undefined,
    prompt: 'Say something.',
    options: model === undefined ? {} : { model },
  };
  const outcome = await o.opened.host.run(agentCall, context);
  return { outcome, agent };
}

describe('agentmux run without an API key', () => {
  it('sends a call naming ENDPOINT/MODEL to that endpoint even without a key or --demo', async () => {
    const o = await open(false);
    const { outcome } = await call(o, 'local/qwen');
    expect(outcome).toEqual({ kind: 'value', value: 'from the local endpoint' });
    expect(o.local.requests).toHaveLength(1);
    expect(o.stderr).toEqual([]);
  });

  it('runs other calls on the scripted model in the real cwd, and says so on stderr once', async () => {
    const o = await open(false);
    const first = await call(o, undefined);
    const second = await call(o, undefined);
    expect(first.outcome.kind).toBe('value');
    expect(second.outcome.kind).toBe('value');
    const agent = first.agent === undefined ? undefined : o.opened.controller.find(first.agent);
    expect(agent?.config.cwd).toBe(o.cwd);
    expect(o.stderr).toEqual(['r9: demo: scripted model, no API calls']);
  });

  it('with --demo, works on a copy of the sample project, not the real cwd', async () => {
    const o = await open(true);
    const { agent } = await call(o, undefined);
    const found = agent === undefined ? undefined : o.opened.controller.find(agent);
    expect(found?.config.cwd).toBeDefined();
    expect(found?.config.cwd).not.toBe(o.cwd);
  });
});
