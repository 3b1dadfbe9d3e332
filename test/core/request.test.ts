import { describe, expect, it } from 'vitest';
import { planRewind, viewBranch, type BranchView } from '../../src/core/branch.js';
import type { ModelRequest, RequestMessage } from '../../src/core/model-request.js';
import { buildRequest, reducerNotes } from '../../src/core/request.js';
import { countRequest, requestShape, requestViolations } from '../../src/core/request-rules.js';
import {
  ChainBuilder,
  expectOk,
  text,
  thinking,
  toolUse,
} from './factories.js';

const config = { model: 'test-model', maxTokens: 1_000, tools: [] };
const build = (view: BranchView, system?: string): ModelRequest =>
  buildRequest(view, system === undefined ? config : { ...config, system });
const valid = (request: ModelRequest) => expect(requestViolations(request)).toEqual([]);
const last = (request: ModelRequest): RequestMessage | undefined =>
  request.messages[request.messages.length - 1];
const blocksOf = (message: RequestMessage | undefined) => message?.content ?? [];

/** One complete tool round: question, call, result, answer. */
function toolRound() {
  const b = new ChainBuilder();
  b.user('read a.ts'); // e1
  b.assistant(text('reading'), toolUse('t1')); // e2
  b.result('t1', 'body of a'); // e3
  b.assistant(text('a.ts exports x')); // e4
  return b;
}

describe('buildRequest: roles and content', () => {
  it('maps user text, answers and tool results to their Messages API shapes', () => {
    const request = build(toolRound().view());
    expect(requestShape(request)).toEqual([
      'user: text',
      'assistant: text tool_use',
      'user: tool_result',
      'assistant: text',
      'user: text',
    ]);
    expect(request.messages[2]?.content[0]).toMatchObject({
      type: 'tool_result',
      tool_use_id: 't1',
      content: 'body of a',
    });
    expect(request.model).toBe('test-model');
    expect(request.maxTokens).toBe(1_000);
  });

  it('never ends on a complete answer: a short note follows it', () => {
    const request = build(toolRound().view());
    expect(blocksOf(last(request))[0]).toMatchObject({
      type: 'text',
      text: reducerNotes.continueAnswer,
    });
    valid(request);
  });

  it('sends an edited tool result as it reads after the edit', () => {
    const b = toolRound();
    b.edit('e3', { kind: 'tool-result', content: 'fresh body', isError: true });
    const result = build(b.view()).messages[2]?.content[0];
    expect(result).toMatchObject({
      type: 'tool_result',
      tool_use_id: 't1',
      content: 'fresh body',
      is_error: true,
    });
  });

  it('merges consecutive same-role messages', () => {
    const b = new ChainBuilder();
    b.user('first');
    b.user('second queued while busy');
    b.assistant(text('one'));
    b.assistant(text('two'));
    b.user('third');
    const request = build(b.view());
    expect(requestShape(request)).toEqual([
      'user: text text',
      'assistant: text text',
      'user: text',
    ]);
    valid(request);
  });

  it('drops blank text blocks and messages left empty, merging their neighbours', () => {
    const b = new ChainBuilder();
    b.user('hello');
    b.assistant(text('   '));
    b.user('\n\t');
    b.assistant(text(''), text('real answer'));
    b.user('next');
    const request = build(b.view());
    expect(requestShape(request)).toEqual(['user: text', 'assistant: text', 'user: text']);
    valid(request);
  });

  it('prepends a user note when the branch starts with an answer', () => {
    const b = new ChainBuilder();
    b.assistant(text('grafted answer'));
    b.user('go on');
    const request = build(b.view());
    expect(request.messages[0]).toMatchObject({
      role: 'user',
      content: [{ type: 'text', text: reducerNotes.branchStart }],
    });
    valid(request);
  });

  it('an empty branch still yields one valid user message', () => {
    const request = build(viewBranch([]));
    expect(requestShape(request)).toEqual(['user: text']);
    valid(request);
  });

  it('drops thinking from edited, grafted and interrupted answers, keeps it on plain ones', () => {
    const b = new ChainBuilder();
    b.user('q1');
    b.assistant(thinking('plain'), text('kept'));
    b.user('q2');
    b.assistant(thinking('edited'), text('old'));
    b.edit('e4', 'new');
    b.user('q3');
    b.graftedAssistant(thinking('grafted'), text('copied'));
    b.user('q4');
    b.interrupted([thinking('partial'), text('half')]);
    const thinkings = build(b.view()).messages.flatMap((m) =>
      m.content.flatMap((block) => (block.type === 'thinking' ? [block.thinking] : [])),
    );
    expect(thinkings).toEqual(['plain']);
  });
});

describe('buildRequest: tool rounds', () => {
  it('puts tool results first and a nudge that followed them after', () => {
    const b = new ChainBuilder();
    b.user('go');
    b.assistant(toolUse('t1'), toolUse('t2'));
    b.result('t1', 'one');
    b.result('t2', 'two');
    b.nudge('also check b.ts');
    const message = last(build(b.view()));
    expect(message?.content.map((block) => block.type)).toEqual([
      'tool_result',
      'tool_result',
      'text',
    ]);
    expect(message?.content[2]).toMatchObject({ text: 'also check b.ts' });
  });

  it('puts tool results first even when the nudge was recorded before them', () => {
    const b = new ChainBuilder();
    b.user('go');
    b.assistant(toolUse('t1'));
    b.nudge('stop after this');
    b.result('t1', 'one');
    const request = build(b.view());
    expect(blocksOf(last(request)).map((block) => block.type)).toEqual(['tool_result', 'text']);
    valid(request);
  });

  it('answers an orphan call left by an interrupt with a synthetic error result, then the note', () => {
    const b = new ChainBuilder();
    b.user('go');
    b.interrupted([text('let me look'), toolUse('t1')]);
    const request = build(b.view());
    expect(requestShape(request)).toEqual([
      'user: text',
      'assistant: text tool_use',
      'user: tool_result text',
    ]);
    expect(blocksOf(last(request))).toMatchObject([
      {
        type: 'tool_result',
        tool_use_id: 't1',
        content: reducerNotes.missingResult,
        is_error: true,
      },
      { type: 'text', text: reducerNotes.interrupted },
    ]);
    valid(request);
  });

  it('a trailing interrupted partial is followed by a user note', () => {
    const b = new ChainBuilder();
    b.user('write a poem');
    b.interrupted([text('Roses are')]);
    const request = build(b.view());
    expect(last(request)).toMatchObject({
      role: 'user',
      content: [{ type: 'text', text: reducerNotes.interrupted }],
    });
    valid(request);
  });

  it('answers the call of a branch rewound into a tool round, before the new message', () => {
    const b = toolRound();
    const plan = expectOk(planRewind(b.path(), b.view(), { turn: 1, k: 2 }));
    b.from(plan.head);
    b.nudge('never mind, read b.ts');
    const request = build(b.view());
    expect(requestShape(request)).toEqual([
      'user: text',
      'assistant: text tool_use',
      'user: tool_result text',
    ]);
    expect(blocksOf(last(request))[0]).toMatchObject({ tool_use_id: 't1', is_error: true });
    valid(request);
  });

  it('sends a result whose call is not in the answer just before as a text note', () => {
    const b = new ChainBuilder();
    b.user('go');
    b.result('t-gone', 'stale output', { toolName: 'grep' });
    const request = build(b.view());
    expect(requestShape(request)).toEqual(['user: text text']);
    const note = request.messages[0]?.content[1];
    expect(note?.type === 'text' && note.text).toContain('stale output');
    expect(note?.type === 'text' && note.text).toContain('grep');
    valid(request);
  });

  it('sends a second result for the same call as a note, not a second tool_result', () => {
    const b = new ChainBuilder();
    b.user('go');
    b.assistant(toolUse('t1'));
    b.result('t1', 'one');
    b.result('t1', 'again');
    const request = build(b.view());
    expect(blocksOf(last(request)).map((block) => block.type)).toEqual(['tool_result', 'text']);
    valid(request);
  });

  it('renames duplicate tool ids deterministically, and their results with them', () => {
    const b = new ChainBuilder();
    for (const question of ['q1', 'q2']) {
      b.user(question);
      b.assistant(toolUse('dup'));
      b.result('dup', `result for ${question}`);
    }
    const request = build(b.view());
    const ids = request.messages.flatMap((m) =>
      m.content.flatMap((x) => (x.type === 'tool_use' ? [x.id] : [])),
    );
    const results = request.messages.flatMap((m) =>
      m.content.flatMap((x) => (x.type === 'tool_result' ? [[x.tool_use_id, x.content]] : [])),
    );
    expect(ids).toEqual(['dup', 'dup_2']);
    expect(results).toEqual([
      ['dup', 'result for q1'],
      ['dup_2', 'result for q2'],
    ]);
    expect(build(b.view())).toEqual(request);
    valid(request);
  });

  it('sends an empty tool output as a placeholder rather than an empty result', () => {
    const b = new ChainBuilder();
    b.user('go');
    b.assistant(toolUse('t1'));
    b.result('t1', '');
    expect(blocksOf(last(build(b.view())))[0]).toMatchObject({ content: reducerNotes.emptyResult });
  });
});

describe('buildRequest: system and cache points', () => {
  it('puts the system prompt in a cached block and caches the last block of the last message', () => {
    const request = build(toolRound().view(), 'be brief');
    expect(request.system).toEqual([
      { type: 'text', text: 'be brief', cache_control: { type: 'ephemeral' } },
    ]);
    const blocks = blocksOf(last(request));
    expect(blocks[blocks.length - 1]).toMatchObject({ cache_control: { type: 'ephemeral' } });
    const marked = request.messages.flatMap((message) =>
      message.content.flatMap((block) =>
        block.type !== 'thinking' && block.cache_control ? [block] : [],
      ),
    );
    expect(marked).toHaveLength(1);
  });

  it('omits the system field without a system prompt (or with a blank one)', () => {
    expect(build(toolRound().view())).not.toHaveProperty('system');
    expect(build(toolRound().view(), '  ')).not.toHaveProperty('system');
  });

  it('counts messages and blocks', () => {
    expect(countRequest(build(toolRound().view()))).toEqual({ messages: 5, blocks: 6 });
  });
});

// How fast is `npm run bench`'s (bench/scaling-bench.ts).
describe('buildRequest at scale', () => {
  it('reduces a 40,000-entry branch to 40,001 messages', () => {
    const b = new ChainBuilder();
    for (let turn = 0; turn < 10_000; turn++) {
      b.user(`q${turn}`);
      b.assistant(text('reading'), toolUse(`t${turn}`));
      b.result(`t${turn}`, 'x');
      b.assistant(text('a'));
    }
    const view = b.view();
    expect(countRequest(build(view)).messages).toBe(40_001);
  });
});

describe('requestViolations', () => {
  it('reports each broken rule', () => {
    const broken: ModelRequest = {
      ...config,
      messages: [
        { role: 'assistant', content: [{ type: 'tool_use', id: 'x', name: 'n', input: {} }] },
        {
          role: 'user',
          content: [
            { type: 'text', text: ' ' },
            { type: 'tool_result', tool_use_id: 'y', content: 'c' },
          ],
        },
        { role: 'assistant', content: [{ type: 'tool_use', id: 'x', name: 'n', input: {} }] },
      ],
    };
    expect(requestViolations(broken)).toEqual([
      'the first message is not a user message',
      'the request ends on an assistant message',
      'message 2 has a blank text block',
      'message 2: tool_result y comes after text',
      'message 2: tool_result y answers no call of the message before',
      'message 2: tool_use x has no result',
      'message 3 repeats the tool_use id x',
    ]);
  });
});
