// e2e: the run view (DESIGN.md §9, issue 14 item 3) on the real binary. `agentmux run FILE` on the
// scripted model; `w` opens the view, which fills as the run goes: the finished phase folded,
// the live one with its log line and agents, the held (silent) agents marked stalled past
// `--stall-after`, the result at the end; the status bar names the run in one line; its keys
// are rows of the `runs` mode, as `ctl list-keys runs` prints them.
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ctl } from './ctl-kit.js';
import { gate, makeWorld, replyScript, type World } from './e2e-kit.js';
import { KEYS, startAgentmux, type Driver } from './terminal-driver.js';

const SCAN_REVIEW = join(import.meta.dirname, '..', 'fixtures', 'workflows', 'scan-review.js');

const worlds: World[] = [];
const drivers: Driver[] = [];
afterEach(async () => {
  for (const driver of drivers.splice(0)) driver.kill();
  for (const world of worlds.splice(0)) await world.close();
});

describe('agentmux e2e: the run view', { timeout: 90_000 }, () => {
  it('fills as the run goes: folded finished phase, log line, stalled silent agents, the result; the status bar names the run', async () => {
    const held = gate();
    // Scans answer at once; reviews stream one delta and then say nothing until released.
    const script = replyScript((text) => (text.startsWith('review') ? { text: `reviewed ${text.slice(7)} fine`, hold: { afterDeltas: 1, until: held.until } } : { text: `scanned ${text.slice(5)}` }));
    const world = await makeWorld({ script });
    worlds.push(world);
    const driver = startAgentmux({
      args: ['run', SCAN_REVIEW, '--sessions', world.sessions, '--stall-after', '2'],
      cwd: world.dir,
      cols: 150,
      rows: 40,
      env: { ANTHROPIC_BASE_URL: world.model.url, ANTHROPIC_API_KEY: 'test-key' },
    });
    drivers.push(driver);
    // The status bar: the run, its live phase resolved/started, its counts.
    await driver.waitFor(/audit · Review 0\/3 · 2 done/, 30_000);

    driver.write('w');
    await driver.waitUntil((screen) => /workflow runs —/.test(screen) && /review-z +(working|stalled)/.test(screen), 'the run view with the reviewers');
    const view = driver.screen();
    expect(view).toMatch(/▾ audit \(\w+\) running · 2 done · 3 working · 0 queued · 0 null/);
    expect(view).toMatch(/▸ Scan 2\/2 \(folded\)/);
    // Folded: no row for scan-a (its pane title may still show the name).
    expect(view).not.toMatch(/scan-a +done/);
    expect(view).toMatch(/▾ Review 0\/3/);
    expect(view).toMatch(/│ scanned 2 files/);
    // Held mid-stream and silent past --stall-after 2: stalled, in the run row's counts too.
    await driver.waitUntil((screen) => (screen.match(/review-\w +stalled/g) ?? []).length === 3 && /3 stalled/.test(screen), 'the three silent reviewers stalled');

    // n jumps to the next stalled agent; Space on it folds its phase; Space again unfolds it.
    driver.write('n');
    await driver.waitFor(/next: review-x \(stalled\)/);
    driver.write(' ');
    await driver.waitFor(/folded Review/);
    expect(driver.screen()).not.toMatch(/review-y +(working|stalled)/);
    driver.write(' ');
    await driver.waitUntil((screen) => /unfolded Review/.test(screen) && /review-y +(working|stalled)/.test(screen), 'Review unfolded');

    held.release();
    await driver.waitUntil((screen) => /= result: \{"scans":\["scanned a","scanned b"\],"reviews":\[/.test(screen), 'the result row');
    const ended = driver.screen();
    expect(ended).toMatch(/▾ audit \(\w+\) completed · 5 done · 0 working · 0 queued · 0 null/);
    // Finished now, but the person unfolded it: their choice wins over the automatic fold.
    expect(ended).toMatch(/▾ Review 3\/3/);
    expect(ended).toMatch(/review-z +done/);
    expect(ended).toMatch(/audit · completed · 5 done/);

    driver.write(KEYS.escape);
    await driver.waitUntil((screen) => !/workflow runs —/.test(screen), 'the run view closed');

    const keys = await ctl(world, 'list-keys', 'runs');
    expect(keys.status).toBe(0);
    const lines = keys.stdout.trimEnd().split('\n');
    expect(lines.every((line) => line.startsWith('runs '))).toBe(true);
    expect(lines.some((line) => /^runs +n +run-view next +jump to the next agent waiting on you or stalled/.test(line))).toBe(true);
  });
});
