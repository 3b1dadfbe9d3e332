// Approvals end to end through the controller: writing calls wait in `awaiting-approval`
// until `decide` answers; the policy's `auto` and `allow` skip the wait.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createWorkspaceToolHost } from '../../src/adapters/tools/full-tool-host.js';
import type { ScriptStep } from '../../src/adapters/scripted-model/script.js';
import type { ApprovalPolicy } from '../../src/core/approval-policy.js';
import { dispatch } from '../../src/core/dispatch.js';
import { startHarness, until, type Harness } from './harness.js';

let harness: Harness | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

const ASK: ApprovalPolicy = { approve: 'ask', allow: [] };

function open(steps: readonly ScriptStep[], approval: ApprovalPolicy = ASK): Promise<Harness> {
  return startHarness(steps, { tools: createWorkspaceToolHost({ write: true }), approval });
}

const writeStep = (path: string, content: string): ScriptStep => ({
  text: 'Writing.',
  toolUses: [{ name: 'write_file', input: { path, content } }],
});

const bashStep = (command: string): ScriptStep => ({ text: 'Running.', toolUses: [{ name: 'bash', input: { command } }] });

async function awaiting(h: Harness): Promise<void> {
  await until(() => h.agent('alpha').state === 'awaiting-approval', 'alpha to await approval');
}

/** The tool_result blocks of the request the server received at `index`. */
function toolResults(h: Harness, index: number): unknown[] {
  const messages = h.model.requests[index]?.body.messages ?? [];
  return messages.flatMap((m) => (typeof m.content === 'string' ? [] : m.content.filter((b) => b.type === 'tool_result')));
}

describe('approvals', () => {
  it('a write_file call waits in awaiting-approval, writes nothing, and runs once approved with y', async () => {
    const h = (harness = await open([writeStep('new.txt', 'one\ntwo\n'), { text: 'done' }]));
    h.controller.delivery.send('alpha', 'write it');
    await awaiting(h);
    expect(h.agent('alpha').detail).toBe('write_file new.txt (2 lines)');
    expect(existsSync(join(h.workspace, 'new.txt'))).toBe(false);
    expect(h.model.requests).toHaveLength(1);
    expect(dispatch(h.controller, 'approve -t alpha y')).toMatchObject({ kind: 'ok' });
    await h.settled('alpha');
    expect(readFileSync(join(h.workspace, 'new.txt'), 'utf8')).toBe('one\ntwo\n');
    expect(h.model.requests).toHaveLength(2);
    expect(toolResults(h, 1)).toHaveLength(1);
    expect(toolResults(h, 1)[0]).not.toHaveProperty('is_error');
  });

  it('n with a reason refuses: nothing is written and the model gets an is_error result with the reason', async () => {
    const h = (harness = await open([writeStep('new.txt', 'x'), { text: 'ok, I will not' }]));
    h.controller.delivery.send('alpha', 'write it');
    await awaiting(h);
    expect(dispatch(h.controller, 'approve -t alpha n use the docs folder')).toMatchObject({ kind: 'ok' });
    await h.settled('alpha');
    expect(existsSync(join(h.workspace, 'new.txt'))).toBe(false);
    expect(toolResults(h, 1)).toEqual([
      expect.objectContaining({ is_error: true, content: 'refused by the user: use the docs folder' }),
    ]);
  });

  it('n without a reason sends plain "refused by the user"', async () => {
    const h = (harness = await open([writeStep('new.txt', 'x'), { text: 'ok' }]));
    h.controller.delivery.send('alpha', 'write it');
    await awaiting(h);
    expect(h.controller.decide('alpha', { kind: 'no' }).ok).toBe(true);
    await h.settled('alpha');
    expect(toolResults(h, 1)).toEqual([expect.objectContaining({ is_error: true, content: 'refused by the user' })]);
  });

  it('a (always) runs the call and the next write_file runs without asking', async () => {
    const h = (harness = await open([writeStep('a.txt', 'A'), writeStep('b.txt', 'B'), { text: 'done' }]));
    h.controller.delivery.send('alpha', 'write two');
    await awaiting(h);
    const states: string[] = [];
    h.controller.events.on((event) => {
      if (event.type === 'state') states.push(event.state);
    });
    expect(h.controller.decide('alpha', { kind: 'always' }).ok).toBe(true);
    await h.settled('alpha');
    expect(readFileSync(join(h.workspace, 'b.txt'), 'utf8')).toBe('B');
    expect(states).not.toContain('awaiting-approval');
    expect(h.agent('alpha').approval.allow).toEqual(['write_file']);
  });

  it('a (always) is kept in the journal: after a restart the same kind of call runs without asking', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'agentmux-always-'));
    try {
      const first = (harness = await startHarness([writeStep('a.txt', 'A'), { text: 'done' }], {
        dir,
        tools: createWorkspaceToolHost({ write: true }),
        approval: ASK,
      }));
      first.controller.delivery.send('alpha', 'write one');
      await awaiting(first);
      expect(first.controller.decide('alpha', { kind: 'always' }).ok).toBe(true);
      await first.settled('alpha');
      await first.close();
      harness = undefined;

      const second = (harness = await startHarness([writeStep('b.txt', 'B'), { text: 'done' }], {
        dir,
        tools: createWorkspaceToolHost({ write: true }),
        approval: ASK,
      }));
      expect(second.agent('alpha').approval.allow).toEqual(['write_file']);
      const states: string[] = [];
      second.controller.events.on((event) => {
        if (event.type === 'state') states.push(event.state);
      });
      second.controller.delivery.send('alpha', 'write another');
      await second.settled('alpha');
      expect(readFileSync(join(second.workspace, 'b.txt'), 'utf8')).toBe('B');
      expect(states).not.toContain('awaiting-approval');
    } finally {
      // The store still writes (journal, catalog) until its harness closes: close it before the
      // dir goes, or rmSync races a new file into the dir (ENOTEMPTY, once under load).
      await harness?.close();
      harness = undefined;
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("approve: 'auto' never asks", async () => {
    const h = (harness = await open([writeStep('auto.txt', 'yes'), { text: 'done' }], { approve: 'auto', allow: [] }));
    const states: string[] = [];
    h.controller.events.on((event) => {
      if (event.type === 'state') states.push(event.state);
    });
    h.controller.delivery.send('alpha', 'write it');
    await until(() => h.model.requests.length === 2, 'the second request');
    await h.settled('alpha');
    expect(readFileSync(join(h.workspace, 'auto.txt'), 'utf8')).toBe('yes');
    expect(states).not.toContain('awaiting-approval');
  });

  it('a on git status allows git status later but still asks for the probe\'s git -c alias exploit (issue 9)', async () => {
    const exploit = "git -c alias.pwn='!touch PWNED-BY-ALIAS' pwn";
    const h = (harness = await open([bashStep('git status --short'), bashStep('git status'), bashStep(exploit), { text: 'done' }]));
    h.controller.delivery.send('alpha', 'look');
    await awaiting(h);
    expect(h.controller.decide('alpha', { kind: 'always' }).ok).toBe(true);
    // `git status` runs unasked; the exploit waits for the user, and nothing has run.
    await until(() => h.agent('alpha').state === 'awaiting-approval' && h.agent('alpha').detail.includes('pwn'), 'the exploit to wait');
    expect(h.agent('alpha').approval.allow).toEqual(['bash:git status:*']);
    expect(h.model.requests).toHaveLength(3);
    expect(existsSync(join(h.workspace, 'PWNED-BY-ALIAS'))).toBe(false);
    expect(h.controller.decide('alpha', { kind: 'no' }).ok).toBe(true);
    await h.settled('alpha');
    expect(existsSync(join(h.workspace, 'PWNED-BY-ALIAS'))).toBe(false);
  });

  it("allow ['bash:echo *'] runs echo hi at once but asks for rm x", async () => {
    const h = (harness = await open([bashStep('echo hi'), bashStep('rm x'), { text: 'done' }], { approve: 'ask', allow: ['bash:echo *'] }));
    h.controller.delivery.send('alpha', 'run things');
    await awaiting(h);
    expect(h.agent('alpha').detail).toBe('bash: rm x');
    expect(h.model.requests).toHaveLength(2);
    expect(JSON.stringify(toolResults(h, 1))).toContain('hi');
    expect(h.controller.decide('alpha', { kind: 'no' }).ok).toBe(true);
    await h.settled('alpha');
  });

  it('an interrupt during the wait ends it: the call gets "(interrupted by the user)" and nothing is written', async () => {
    const h = (harness = await open([writeStep('new.txt', 'x'), { text: 'after' }]));
    h.controller.delivery.send('alpha', 'write it');
    await awaiting(h);
    expect(h.controller.interrupt('alpha').ok).toBe(true);
    await h.settled('alpha');
    expect(h.agent('alpha').state).toBe('idle');
    expect(h.agent('alpha').pendingApproval).toBeUndefined();
    expect(existsSync(join(h.workspace, 'new.txt'))).toBe(false);
    expect(h.controller.decide('alpha', { kind: 'yes' }).ok).toBe(false);
    h.controller.delivery.send('alpha', 'next');
    await until(() => h.model.requests.length === 2, 'the next request');
    await h.settled('alpha');
    expect(toolResults(h, 1)).toEqual([expect.objectContaining({ is_error: true, content: '(interrupted by the user)' })]);
  });

  it('a broadcast to an awaiting agent approves nothing: it stays waiting and the nudge joins after the answer', async () => {
    const h = (harness = await open([writeStep('new.txt', 'x'), { text: 'done' }]));
    h.controller.delivery.send('alpha', 'write it');
    await awaiting(h);
    const receipts = h.controller.delivery.broadcast('y', { interrupt: false });
    expect(receipts[0]?.outcome).toBe('queued');
    expect(dispatch(h.controller, 'nudge -t alpha yes, approved')).toMatchObject({ kind: 'ok', command: 'nudge' });
    // Give the loop a chance to (wrongly) move on before checking that it did not.
    await new Promise((resolve) => setImmediate(resolve));
    expect(h.agent('alpha').state).toBe('awaiting-approval');
    expect(existsSync(join(h.workspace, 'new.txt'))).toBe(false);
    expect(h.model.requests).toHaveLength(1);
    expect(h.controller.decide('alpha', { kind: 'no', reason: 'no' }).ok).toBe(true);
    await h.settled('alpha');
    expect(existsSync(join(h.workspace, 'new.txt'))).toBe(false);
  });

  it('decide on an agent that is not waiting is an error', async () => {
    const h = (harness = await open([]));
    const answer = dispatch(h.controller, 'approve -t alpha y');
    expect(answer).toMatchObject({ kind: 'error' });
    expect(JSON.stringify(answer)).toContain('not waiting');
  });
});
