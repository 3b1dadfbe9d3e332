// Issue 16's weak spot under issue 15: an answer held for the person when the run stopped is
// kept in the record (`held`), so continuing holds it again as it was — no model call — and the
// script gets it once the person accepts. A text call and a schema call; real runtime, host
// (its hold gate), SDK and scripted model; model requests counted at the server.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ReceivedRequest, ScriptStep } from '../../src/adapters/scripted-model/script.js';
import { WorkflowRuns } from '../../src/app/workflow/workflow-runs.js';
import { lastSegment, promptOf, recordLines, runOptions, waitUntil } from './durable-kit.js';
import { startWorkflowKit, type WorkflowKit } from './workflow-kit.js';

const VERDICT = "{ type: 'object', required: ['holds'], properties: { holds: { type: 'boolean' } } }";
const script = (schema: boolean): string =>
  [
    "export const meta = { name: 'verify', description: 'one held check', phases: [{ title: 'Verify' }] };",
    "phase('Verify');",
    `return await agent('check the claim', { label: 'skeptic'${schema ? `, schema: ${VERDICT}` : ''} });`,
    '',
  ].join('\n');

function model(request: ReceivedRequest): ScriptStep {
  const offered = (request.body.tools ?? []).some((tool) => tool.name === 'StructuredOutput');
  if (promptOf(request) !== 'check the claim') return { text: 'unexpected' };
  return offered ? { toolUses: [{ name: 'StructuredOutput', input: { holds: true } }] } : { text: 'it holds' };
}

let kit: WorkflowKit | undefined;
afterEach(async () => {
  await kit?.close();
  kit = undefined;
});

describe('an answer held when the run stopped (issue 16, continued)', { timeout: 60_000 }, () => {
  for (const schema of [false, true]) {
    it(`is held again by the continue without a model call, and given to the script once accepted (${schema ? 'schema' : 'text'} call)`, async () => {
      kit = await startWorkflowKit(model);
      const k = kit;
      const ref = path.join(k.workspace, 'verify.js');
      fs.writeFileSync(ref, script(schema));
      const defaults = { ...runOptions(k), headless: false };
      const ended: string[] = [];
      const onEnded = (run: { readonly id: string }, end: { readonly status: string }): void => void ended.push(`${run.id} ${end.status}`);
      const first = new WorkflowRuns(defaults, k.host.calls, onEnded);
      expect(first.startNow(ref, undefined, ['Verify']).ok).toBe(true);
      await first.launched();
      const [id] = first.runs().map((run) => run.id);
      if (id === undefined) throw new Error('no live run');
      await waitUntil(() => recordLines(k, id).some((line) => line.type === 'held'));
      expect(k.model.requests).toHaveLength(1);
      // agentmux quits: the run stops, the agent's pane closes.
      await first.stopAll();
      const skeptic = recordLines(k, id).find((line) => line.type === 'started');
      if (skeptic?.type !== 'started') throw new Error('no started line');
      expect(k.controller.panes.close(skeptic.agent).ok).toBe(true);

      const again = new WorkflowRuns(defaults, k.host.calls, onEnded);
      expect(again.continue(id, false)).toEqual({ ok: true, value: `run ${id} continued (verify); holding Verify again` });
      await waitUntil(() => k.host.calls.find(skeptic.agent)?.held !== undefined);
      const held = k.host.calls.find(skeptic.agent)?.held;
      expect(held?.value).toEqual(schema ? { holds: true } : 'it holds');
      expect(k.model.requests).toHaveLength(1);
      expect(held?.accept()).toBe(`accepted ${skeptic.agent}'s held answer: the script has it`);
      await waitUntil(() => ended.includes(`${id} completed`));
      expect(k.model.requests).toHaveLength(1);
      const segment = lastSegment(recordLines(k, id));
      expect(segment.map((line) => line.type)).toEqual(['phase', 'started', 'held', 'result', 'done']);
      expect(segment[1]).toMatchObject({ agent: skeptic.agent, session: skeptic.session, resumed: true });
      expect(segment.at(-1)).toMatchObject({ type: 'done', status: 'completed', result: schema ? { holds: true } : 'it holds' });
      await again.stopAll();
    });
  }
});
