// The one controller builder both the cockpit and `agentmux run` use: agents reach the scripted
// model through the real SDK, and the overall budget lives in the store's catalog.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { fileCheckpointsFor } from '../../src/adapters/files/file-checkpoints.js';
import { startScriptedModel, type ScriptedModel } from '../../src/adapters/scripted-model/server.js';
import { queueScript } from '../../src/adapters/scripted-model/script.js';
import { FileSessionStore } from '../../src/adapters/store/file-session-store.js';
import { createReadOnlyToolHost } from '../../src/adapters/tools/tool-host.js';
import { buildController, type ScriptedTarget } from '../../src/app/build-controller.js';
import type { Controller } from '../../src/core/controller.js';
import { expectSdk, loopRunning } from '../core/factories.js';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function built(scope: ScriptedTarget['scope'], used: string[]): Promise<{ controller: Controller; store: FileSessionStore; model: ScriptedModel; dir: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'agentmux-build-'));
  const model = await startScriptedModel({ script: queueScript([{ text: 'hello' }]) });
  const opened = FileSessionStore.open(dir);
  if (!opened.ok) throw new Error(opened.error);
  const store = opened.value;
  const controller = buildController({
    store,
    tools: createReadOnlyToolHost(),
    files: fileCheckpointsFor(dir).files,
    env: {},
    log: () => undefined,
    debug: false,
    scripted: { url: model.url, scope, onUse: (config) => used.push(config.name) },
  });
  cleanups.push(async () => {
    await controller.shutdown();
    await store.close();
    await model.close();
    rmSync(dir, { recursive: true, force: true });
  });
  return { controller, store, model, dir };
}

async function until(condition: () => boolean, what: string): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

describe('buildController', () => {
  it.each(['every-agent', 'unless-endpoint'] as const)('with the scripted model (%s), an agent without an endpoint talks to it', async (scope) => {
    const used: string[] = [];
    const { controller, model } = await built(scope, used);
    const added = controller.addAgent({ name: 'alpha', model: 'claude-sonnet-4-6', cwd: tmpdir() });
    if (!added.ok) throw new Error(added.error);
    controller.delivery.send('alpha', 'hi');
    await until(() => model.requests.length === 1 && !loopRunning(added.value), 'the answer');
    expect(used).toEqual(['alpha']);
    expect(expectSdk(added.value).session.view().turnCount).toBe(1);
  });

  it('keeps the overall budget in the store catalog, so the next start sees it', async () => {
    const { controller, store } = await built('every-agent', []);
    expect(controller.budgets.set({ kind: 'all' }, { turns: 3 }, false).ok).toBe(true);
    expect(store.overallBudget()).toEqual({ turns: 3 });
  });
});
