// What waits for an agent shows in its pane (issue 11 item 4): `2 queued` after the detail.
import { describe, expect, it } from 'vitest';
import { Agent } from '../../src/core/agent.js';
import { Emitter, type ControllerEvent } from '../../src/core/events.js';
import { detailWithWaiting, waitingCount } from '../../src/core/pending-messages.js';

function agent(): Agent {
  return new Agent({ name: 'a', model: 'm', cwd: '/tmp' }, undefined, undefined, new Emitter<ControllerEvent>());
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
