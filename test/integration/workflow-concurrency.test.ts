// The concurrency cap of a run (DESIGN.md §9), counted where it matters: at the model server, with
// i13a's runtime (startRun) driving the controller-backed host over the real SDK.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startRun } from '../../src/app/workflow/start-run.js';
import type { ReceivedRequest, ScriptStep } from '../../src/adapters/scripted-model/script.js';
import { startWorkflowKit, type WorkflowKit } from './workflow-kit.js';

let kit: WorkflowKit | undefined;
let scripts: string | undefined;
afterEach(async () => {
  await kit?.close();
  kit = undefined;
  if (scripts !== undefined) rmSync(scripts, { recursive: true, force: true });
});

const FANOUT = `export const meta = { name: 'fanout', description: 'Five agents at once.' };
const answers = await parallel([1, 2, 3, 4, 5].map((n) => () => agent('task ' + n, { label: 'w' + n })));
return answers;
`;

describe('the concurrency cap', () => {
  it('lets at most --concurrency agents send requests at once, as the model server counts them', async () => {
    // The first answers hold until a third request arrives (only possible past a cap of two) or,
    // once two are in flight, a moment after: two agents overlap for certain, a third would show.
    let release = (): void => undefined;
    const released = new Promise<void>((resolve) => (release = resolve));
    const script = (request: ReceivedRequest): ScriptStep => {
      if (request.index === 1) setTimeout(release, 300);
      if (request.index >= 2) release();
      return { text: `done ${request.index}`, tokensPerDelta: 1, hold: { afterDeltas: 1, until: released } };
    };
    kit = await startWorkflowKit(script);
    scripts = mkdtempSync(join(tmpdir(), 'agentmux-fanout-'));
    const file = join(scripts, 'fanout.js');
    writeFileSync(file, FANOUT);
    const started = await startRun({
      ref: file,
      args: undefined,
      storeDir: kit.dir,
      cwd: kit.workspace,
      headless: true,
      approve: 'auto',
      allow: [],
      defaultModel: undefined,
      concurrency: 2,
      caps: { tokens: null, usd: null },
      host: kit.host,
    });
    if (!started.ok) throw new Error(started.error);
    const end = await started.value.finished;
    expect(end.status).toBe('completed');
    expect(kit.model.requests).toHaveLength(5);
    expect(kit.model.maxInFlight).toBe(2);
  });
});
