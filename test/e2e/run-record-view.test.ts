// e2e: a finished headless run opens in the run view (issue 14 item 4) on the real binary.
// `agentmux run FILE --headless` on the scripted model writes the run's record; a cockpit on the
// same store lists the run in the session browser (`S`), and Enter on its row shows the run view
// with its phases, agents and result, read-only: the keys that steer agents say it is finished.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ctlReady } from './ctl-kit.js';
import { makeWorld, replyScript, runAgentmux, type World } from './e2e-kit.js';
import { KEYS, type Driver } from './terminal-driver.js';

const SCAN_REVIEW = join(import.meta.dirname, '..', 'fixtures', 'workflows', 'scan-review.js');

const worlds: World[] = [];
const drivers: Driver[] = [];
afterEach(async () => {
  for (const driver of drivers.splice(0)) driver.kill();
  for (const world of worlds.splice(0)) await world.close();
});

describe('agentmux e2e: a finished run opened from the session browser', { timeout: 90_000 }, () => {
  it('shows a headless run in the run view with its agents and result, and refuses to steer it', async () => {
    const world = await makeWorld({ script: replyScript((text) => ({ text: `answer: ${text}` })) });
    worlds.push(world);
    const env = { ANTHROPIC_BASE_URL: world.model.url, ANTHROPIC_API_KEY: 'test-key' };
    const ran = await runAgentmux(['run', SCAN_REVIEW, '--headless', '--sessions', world.sessions], world.dir, env);
    expect(ran.stderr).toMatch(/done completed/);
    expect(ran.status).toBe(0);
    const [runId] = readdirSync(join(world.sessions, 'runs'));

    const driver = await world.launch();
    drivers.push(driver);
    // The cockpit draws before its runs are wired; ctl listens only after (cockpit-run-start.ts).
    await ctlReady(world);
    driver.write('S');
    const runRow = new RegExp(`▶▸ audit ${runId ?? ''} +completed · 5 agents`, 'u');
    await driver.waitFor(/▸ audit \w+ +completed · 5 agents/u);
    // The two open sessions come first; the run's row is the third.
    driver.write(KEYS.down);
    driver.write(KEYS.down);
    await driver.waitFor(runRow);
    driver.write(KEYS.enter);
    await driver.waitUntil((screen) => /workflow runs —/u.test(screen) && /= result:/u.test(screen), 'the run view with the run and its result');
    const view = driver.screen();
    expect(view).toMatch(new RegExp(`▾ audit \\(${runId ?? ''}\\) completed · 5 done · 0 working · 0 queued · 0 null`, 'u'));
    // Opened whole: the finished phases unfolded, every agent done, the log line and the result.
    expect(view).toMatch(/▾ Scan 2\/2/u);
    expect(view).toMatch(/▾ Review 3\/3/u);
    // Agents by name (what -t takes): the labels with their spaces as `-`.
    for (const agent of ['scan-a', 'scan-b', 'review-x', 'review-y', 'review-z']) expect(view).toMatch(new RegExp(`${agent} +done`, 'u'));
    expect(view).toMatch(/│ scanned 2 files/u);
    expect(view).toMatch(/= result: \{"scans":\["answer: scan a","answer: scan b"\],"reviews":\["answer: review x","answer: review y","answer: review z"\]\}/u);

    // Read-only: the keys that steer agents or stop the run say it is finished.
    driver.write('X');
    await driver.waitFor(new RegExp(`run ${runId ?? ''} finished \\(completed\\): opened from its record, nothing to stop`, 'u'));
    driver.write('G');
    driver.write('k');
    await driver.waitFor(/review-z · ↑↓ move · Space fold · f filter/u);
    driver.write('s');
    await driver.waitFor(/nothing to skip/u);
    driver.write(KEYS.escape);
    await driver.waitUntil((screen) => !/workflow runs —/u.test(screen), 'the run view closed');
  });
});
