// The quit question and workflow runs (DESIGN.md §9, issue 13): `q` asks while a run is live, and
// a message queued to a workflow agent is never promised for the next start (never reattached).
import { describe, expect, it } from 'vitest';
import type { SdkAgent } from '../../src/core/agent.js';
import { quitQuestion } from '../../src/app/quit-question.js';
import { Controller } from '../../src/core/controller.js';
import { expectOk, expectSdk } from '../core/factories.js';
import { MemorySessionStore } from '../core/memory-store.js';

const controller = new Controller({
  store: new MemorySessionStore(),
  providerFor: () => ({ stream: () => Promise.reject(new Error('the quit question never calls the model')) }),
  tools: { specs: () => [], run: () => Promise.resolve({ content: 'none', isError: true }) },
});

function idleAgent(name: string, run?: string): SdkAgent {
  return expectSdk(expectOk(controller.addAgent({ name, model: 'm', cwd: '.', ...(run === undefined ? {} : { run }) })));
}

describe('quit question', () => {
  it('asks while a workflow run is live, naming it', () => {
    expect(quitQuestion([], [])).toBeUndefined();
    expect(quitQuestion([], [{ id: 'ab12cd', name: 'audit', phases: [] }])).toBe('1 workflow run is live and will be stopped (ab12cd audit). Quit?');
    expect(quitQuestion([], [{ id: 'ab12cd', name: 'au\x1b[2Jdit\n', phases: [] }])).toBe('1 workflow run is live and will be stopped (ab12cd au␛[2Jdit␊). Quit?');
  });

  it('says a queued message to a workflow agent stays undelivered, and one to a layout agent is delivered at next start', () => {
    const layoutAgent = idleAgent('alpha');
    const workflowAgent = idleAgent('rev-1', 'ab12cd');
    layoutAgent.queue.push({ id: 'm1', text: 'later', origin: 'typed' });
    workflowAgent.nudges.push({ id: 'm2', text: 'also this', origin: 'nudge' });
    expect(quitQuestion([layoutAgent, workflowAgent])).toBe(
      '1 queued message is kept and delivered at the next start; 1 queued message to a workflow agent stays in its session, never delivered (workflow agents are not reattached). Quit?',
    );
  });
});
