import { describe, expect, it } from 'vitest';
import { Controller } from '../../src/core/controller.js';
import { dispatch } from '../../src/core/dispatch.js';
import type { ModelProvider } from '../../src/core/provider.js';
import { buildRequest } from '../../src/core/request.js';
import type { ToolHost } from '../../src/core/tools.js';
import type { TranscriptFile, TranscriptReader } from '../../src/core/transcript-import.js';
import { expectOk, expectSdk } from './factories.js';
import { MemorySessionStore } from './memory-store.js';

const noModel: ModelProvider = { stream: () => Promise.reject(new Error('graft never calls the model')) };
const noTools: ToolHost = { specs: () => [], run: () => Promise.resolve({ content: 'none', isError: true }) };

const claudeFile: TranscriptFile = {
  format: 'claude-code',
  name: 'session.jsonl',
  skipped: 2,
  messages: [
    { role: 'user', text: 'first question', opensTurn: true },
    {
      role: 'assistant',
      model: 'claude-opus-4-1',
      blocks: [
        { type: 'thinking', thinking: 'hidden', signature: 'sig' },
        { type: 'text', text: 'reading' },
        { type: 'tool_use', id: 'toolu_1', name: 'Read', input: { file_path: 'a.ts' } },
      ],
    },
    { role: 'tool-result', toolUseId: 'toolu_1', toolName: 'Read', content: 'file body', isError: false },
    { role: 'assistant', model: 'claude-opus-4-1', blocks: [{ type: 'text', text: 'first answer' }] },
    { role: 'user', text: 'second question', opensTurn: true },
    { role: 'assistant', model: 'claude-opus-4-1', blocks: [{ type: 'text', text: 'second answer' }] },
  ],
};

function world() {
  const reads: string[] = [];
  const transcripts: TranscriptReader = {
    read: (path) => {
      reads.push(path);
      return { ok: true, value: path === 'logs/session.jsonl' ? claudeFile : undefined };
    },
  };
  const controller = new Controller({ store: new MemorySessionStore(), providerFor: () => noModel, tools: noTools, transcripts });
  const agent = expectSdk(expectOk(controller.addAgent({ name: 'alpha', model: 'test-model', cwd: '.' })));
  return { controller, agent, reads };
}

describe('graft from a transcript file', () => {
  it('graft logs/session.jsonl 1..1 appends turn 1 (thinking dropped) and says how many lines were skipped', () => {
    const { controller, agent } = world();
    const result = dispatch(controller, 'graft -t alpha logs/session.jsonl 1..1');
    expect(result).toMatchObject({
      kind: 'ok',
      message: 'grafted turn 1 of session.jsonl into alpha (4 entries) (2 lines of session.jsonl skipped)',
    });
    const session = agent.session;
    if (session === undefined) throw new Error('no session');
    const request = buildRequest(session.view(), { model: 'test-model', maxTokens: 100, tools: [] });
    const json = JSON.stringify(request.messages);
    expect(json).toContain('first question');
    expect(json).toContain('file body');
    expect(json).toContain('first answer');
    expect(json).not.toContain('hidden');
    expect(json).not.toContain('second question');
  });

  it('a path (with a /) that names no file says just that (B13)', () => {
    const { controller, reads } = world();
    const result = dispatch(controller, 'graft -t alpha other/none.jsonl');
    expect(reads).toEqual(['other/none.jsonl']);
    expect(result).toMatchObject({ kind: 'error', message: 'graft: other/none.jsonl: no such file' });
  });

  it('a file name without a / that names no file falls back to a stored session id, and the error names all three kinds', () => {
    const { controller, reads } = world();
    const result = dispatch(controller, 'graft -t alpha none.jsonl');
    expect(reads).toEqual(['none.jsonl']);
    expect(result.kind).toBe('error');
    expect(result.kind === 'error' ? result.message : '').toContain('no agent, stored session or transcript file "none.jsonl"');
  });

  it('a stored session is found by the name the graft picker lists, not only by its id (B13)', async () => {
    const { controller } = world();
    expectOk(controller.addAgent({ name: 'coder', model: 'test-model', cwd: '.' }));
    const id = expectSdk(controller.find('coder')).session.id;
    expectOk(controller.panes.close('coder'));
    await controller.closed();
    const source = controller.history.graftSource('coder');
    expect(source.ok && source.value.sessionId).toBe(id);
  });
});
