// What waits for an agent shows in its pane (issue 11 item 4): `2 queued` after the detail.
import { describe, expect, it } from 'vitest';
import type { SdkAgent } from '../../src/core/agent.js';
import { Controller } from '../../src/core/controller.js';
import { detailWithWaiting, waitingCount } from '../../src/core/pending-messages.js';
import { expectOk, expectSdk } from './factories.js';
import { MemorySessionStore } from './memory-store.js';

// A fresh SDK agent in a controller of its own, with nothing waiting yet.
function agent(): SdkAgent {
  const controller = new Controller({
    store: new MemorySessionStore(),
    providerFor: () => ({ stream: () => Promise.reject(new Error('the pane count never calls the model')) }),
    tools: { specs: () => [], run: () => Promise.resolve({ content: 'none', isError: true }) },
  });
  return expectSdk(expectOk(controller.addAgent({ name: 'a', model: 'm', cwd: '/tmp' })));
}

describe('the pane count of waiting messages', () => {
  it('appends `N queued` to the detail, counting queued sends and nudges', () => {
    const a = agent();
    expect(detailWithWaiting(a)).toBe('');
    a.queue.push({ id: 'd1', text: 'one', origin: 'typed' });
    expect(detailWithWaiting(a)).toBe('1 queued');
    a.nudges.push({ id: 'd2', text: 'two', origin: 'nudge' });
    a.detail = 'bash';
    expect(detailWithWaiting(a)).toBe('bash · 2 queued');
    expect(waitingCount(a)).toBe(2);
  });

  it('does not repeat a count the detail already gives', () => {
    const a = agent();
    a.queue.push({ id: 'd1', text: 'one', origin: 'typed' });
    a.detail = '1 waiting';
    expect(detailWithWaiting(a)).toBe('1 waiting');
  });
});
