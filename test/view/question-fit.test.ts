import { afterEach, describe, expect, it } from 'vitest';
import { fitMessage } from '../../src/view/message-fit.js';
import { cockpit, openView, statusModel, type ViewUnderTest } from './view-kit.js';

let current: ViewUnderTest | undefined;
afterEach(() => {
  current?.dispose();
  current = undefined;
});

const QUIT = '4 agents are working (planner, coder, tester, reviewer); 1 program is running and will be killed (demo: claude). Quit? y quits / any other key cancels';

describe('a confirm question at 80 columns', () => {
  it('keeps "Quit? y quits / any other key cancels" on the status bar and cuts the middle with …', async () => {
    current = openView(80, 24);
    const { view, tty } = current;
    const status = statusModel({ mode: 'confirm', focused: 'planner', counts: { streaming: 4 }, message: { text: QUIT, isError: false }, banner: 'demo: scripted model on http://127.0.0.1:40123' });
    view.update(cockpit([], status), new Map());
    await tty.waitFor((text) => text.includes('any other key cancels'));
    const row = tty.row(23).trimEnd();
    expect(row.endsWith('Quit? y quits / any other key cancels')).toBe(true);
    expect(row).toContain('4 agents are working');
    expect(row).toContain('… Quit?');
  });

  it('keeps the answer keys of a question whose one sentence is too long (run stop X)', () => {
    const stop = 'Stop run r1 (review the pull request for the parser and the lexer)? y: run-stop r1 / any other key cancels';
    const fitted = fitMessage(stop, 60);
    expect(fitted.endsWith('y: run-stop r1 / any other key cancels')).toBe(true);
    expect(fitted.startsWith('Stop run r1')).toBe(true);
    expect(fitted.length).toBeLessThanOrEqual(60);
    // A question followed by a long explanation keeps at least its answer keys.
    const interrupt = 'Interrupt every agent? 2 workflow agents (solo, planner) will wait on you in run r1 (review) y: interrupt-all / any other key cancels';
    expect(fitMessage(interrupt, 60).endsWith('… y: interrupt-all / any other key cancels')).toBe(true);
    // A message that asks nothing is still cut at its end.
    expect(fitMessage('broadcast: alpha delivered · beta queued · gamma delivered', 30)).toBe('broadcast: alpha delivered · …');
  });
});
