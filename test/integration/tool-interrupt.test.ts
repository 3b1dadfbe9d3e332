// What an interrupted tool call reports: a bash command keeps the output it printed before Esc,
// a call cancelled while awaiting approval says it never ran; both still answer their tool_use.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createWorkspaceToolHost } from '../../src/adapters/tools/full-tool-host.js';
import { dispatch } from '../../src/core/dispatch.js';
import { buildRequest } from '../../src/core/request.js';
import { requestViolations } from '../../src/core/request-rules.js';
import { startHarness, until, type Harness } from './harness.js';

let harness: Harness | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

/** The tool_result blocks of the request the server received at `index`. */
function toolResults(h: Harness, index: number): unknown[] {
  const messages = h.model.requests[index]?.body.messages ?? [];
  return messages.flatMap((m) => (typeof m.content === 'string' ? [] : m.content.filter((b) => b.type === 'tool_result')));
}

function violationsOfNextRequest(h: Harness): string[] {
  const session = h.agent('alpha').session;
  if (session === undefined) throw new Error('alpha has no session');
  return requestViolations(buildRequest(session.view(), { model: 'm', maxTokens: 100, tools: createWorkspaceToolHost({ write: true }).specs() }));
}

describe('interrupted tool calls', () => {
  it('Esc during bash keeps the output printed so far in the result, for the user and the model', { timeout: 30_000 }, async () => {
    const h = (harness = await startHarness(
      [{ text: 'Running.', toolUses: [{ name: 'bash', input: { command: 'echo first; echo second; sleep 30' } }] }, { text: 'noted' }],
      { tools: createWorkspaceToolHost({ write: true }), approval: { approve: 'auto', allow: [] } },
    ));
    let live = '';
    h.controller.events.on((event) => {
      if (event.type === 'tool-output') live += event.chunk;
    });
    h.controller.delivery.send('alpha', 'run it');
    await until(() => live.includes('second'), 'the output so far', 10_000);
    expect(h.controller.interrupt('alpha').ok).toBe(true);
    await h.settled('alpha', 10_000);
    const result = h.agent('alpha').session?.view().items.map((item) => item.entry).find((entry) => entry.kind === 'tool-result');
    const expected = '(interrupted by the user) — its output until then:\nfirst\nsecond\n[aborted: the command and everything it started were killed]';
    expect(result).toMatchObject({ kind: 'tool-result', isError: true, content: expected });
    expect(violationsOfNextRequest(h)).toEqual([]);

    h.controller.delivery.send('alpha', 'what did it print?');
    await until(() => h.model.requests.length === 2, 'the next request');
    await h.settled('alpha');
    expect(toolResults(h, 1)).toEqual([expect.objectContaining({ is_error: true, content: expected })]);
  });

  it('nudge --interrupt while a call awaits approval answers it "(not run: interrupted by the user before approval)" and the nudge follows', async () => {
    const h = (harness = await startHarness(
      [{ text: 'Writing.', toolUses: [{ name: 'write_file', input: { path: 'new.txt', content: 'x' } }] }, { text: 'ok, docs' }],
      { tools: createWorkspaceToolHost({ write: true }), approval: { approve: 'ask', allow: [] } },
    ));
    h.controller.delivery.send('alpha', 'write it');
    await until(() => h.agent('alpha').state === 'awaiting-approval', 'alpha to await approval');
    expect(dispatch(h.controller, 'nudge -t alpha --interrupt use the docs folder')).toMatchObject({ kind: 'ok', command: 'nudge' });
    await until(() => h.model.requests.length === 2, 'the request after the nudge');
    await h.settled('alpha');
    expect(toolResults(h, 1)).toEqual([
      expect.objectContaining({ is_error: true, content: '(not run: interrupted by the user before approval)' }),
    ]);
    const last = h.model.requests[1]?.body.messages.at(-1);
    expect(JSON.stringify(last)).toContain('use the docs folder');
  });

  it('a on bash rm old.log allows that exact command only, and says so', async () => {
    const h = (harness = await startHarness(
      [
        { text: 'Cleaning.', toolUses: [{ name: 'bash', input: { command: 'rm old.log' } }] },
        { text: 'Again.', toolUses: [{ name: 'bash', input: { command: 'rm other.log' } }] },
        { text: 'done' },
      ],
      { tools: createWorkspaceToolHost({ write: true }), approval: { approve: 'ask', allow: [] } },
    ));
    writeFileSync(join(h.workspace, 'old.log'), 'x');
    writeFileSync(join(h.workspace, 'other.log'), 'y');
    h.controller.delivery.send('alpha', 'clean up');
    await until(() => h.agent('alpha').state === 'awaiting-approval', 'alpha to await approval');
    expect(dispatch(h.controller, 'approve -t alpha a')).toMatchObject({
      kind: 'ok',
      message: 'alpha: approved bash: rm old.log; from now on allowed: bash:rm old.log',
    });
    await until(() => h.agent('alpha').state === 'awaiting-approval' && h.agent('alpha').detail === 'bash: rm other.log', 'the second rm to ask');
    expect(h.agent('alpha').approval.allow).toEqual(['bash:rm old.log']);
    expect(h.controller.decide('alpha', { kind: 'no' }).ok).toBe(true);
    await h.settled('alpha');
  });
});
