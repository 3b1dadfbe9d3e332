// The run's spent total as the script's worker hears it (core/workflow/spent-notice.ts): several
// spends in one turn post once, with the latest total; a flush (done before any other message)
// posts it at once and nothing more follows; an unchanged total posts nothing.
import { describe, expect, it } from 'vitest';
import { SpentNotice } from '../../../src/core/workflow/spent-notice.js';

const turn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

describe('the spent notice', () => {
  it('posts once per turn with the latest total', async () => {
    const posted: number[] = [];
    const notice = new SpentNotice((tokens) => posted.push(tokens));
    notice.changed(10);
    notice.changed(25);
    notice.changed(40);
    expect(posted).toEqual([]);
    await turn();
    expect(posted).toEqual([40]);
    await turn();
    expect(posted).toEqual([40]);
  });

  it('a flush before another message posts the total first, and the turn adds nothing', async () => {
    const posted: string[] = [];
    const notice = new SpentNotice((tokens) => posted.push(`spent ${tokens}`));
    notice.changed(12);
    notice.flush();
    posted.push('value');
    notice.flush();
    await turn();
    expect(posted).toEqual(['spent 12', 'value']);
  });
});
