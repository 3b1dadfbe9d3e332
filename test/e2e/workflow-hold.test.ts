// e2e (issue 16, review gates): `agentmux run FILE --hold Verify` in the cockpit. The answers of
// the Verify agents wait for the person (the pane says so, the status bar shows the HELD mode,
// the run view shows "waiting on you (held)" and never "stalled"); `s` sends one back with a
// note (the scripted model receives it, the agent works on, its next answer is held again); `e`
// opens it in $VISUAL, an invalid value reopens the editor with the problem above the person's
// text, a valid one is what the script gets; `hold-accept` over ctl lets the other through; the
// Note phase is not held. Headless, --hold is refused.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { ReceivedRequest, ScriptStep } from '../../src/adapters/scripted-model/script.js';
import type { RequestMessage } from '../../src/adapters/scripted-model/request-schema.js';
import { ctl } from './ctl-kit.js';
import { eventually, runAgentmux, textOf, useWorld, type World } from './e2e-kit.js';
import { startAgentmux, type Driver } from './terminal-driver.js';

const HELD = join(import.meta.dirname, '..', 'fixtures', 'workflows', 'held-verdicts.js');
const NOTE = 'Look again at line 20';
const Line = z.object({ type: z.string() }).passthrough();

/** Every line of the store's only run record. */
function recordLines(sessions: string): z.infer<typeof Line>[] {
  const runsDir = join(sessions, 'runs');
  const [run] = existsSync(runsDir) ? readdirSync(runsDir) : [];
  const path = run === undefined ? undefined : join(runsDir, run, 'run.jsonl');
  if (path === undefined || !existsSync(path)) return [];
  return readFileSync(path, 'utf8').trimEnd().split('\n').filter((line) => line !== '').map((line) => Line.parse(JSON.parse(line)));
}

function hasToolResult(message: RequestMessage | undefined): boolean {
  return message !== undefined && typeof message.content !== 'string' && message.content.some((block) => block.type === 'tool_result');
}

/** One's verdict changes after the note; each StructuredOutput is followed by a short closing answer. */
function verdicts(request: ReceivedRequest): ScriptStep {
  const messages = request.body.messages;
  const prompt = messages[0] === undefined ? '' : textOf(messages[0]);
  const last = messages[messages.length - 1];
  const output = (input: Record<string, unknown>): ScriptStep => ({ text: 'my verdict', toolUses: [{ name: 'StructuredOutput', input }] });
  // The note joins the StructuredOutput's result in one user message (consecutive user turns merge).
  if (prompt === 'verdict one' && last !== undefined && textOf(last).includes(NOTE)) return output({ holds: true, reason: 'second look' });
  if (hasToolResult(last)) return { text: 'submitted' };
  if (prompt === 'verdict one') return output({ holds: true, reason: 'first look' });
  if (prompt === 'verdict two') return output({ holds: true, reason: 'two holds' });
  return { text: 'noted' };
}

/** The requests agent `prompt` made whose last message is the person's `text`. */
function asked(world: World, prompt: string, text: string): number {
  return world.model.requests.filter((request) => {
    const messages = request.body.messages;
    const first = messages[0];
    const last = messages[messages.length - 1];
    return first !== undefined && textOf(first) === prompt && last !== undefined && last.role === 'user' && textOf(last).includes(text);
  }).length;
}

const openWorld = useWorld();

describe('agentmux e2e: holding answers for review', { timeout: 120_000 }, () => {
  it('held Verify answers wait for the person: send back, edit (invalid, then valid), accept; never stalled', async () => {
    const world = await openWorld({ script: verdicts });
    // The editor: the first save is a value the schema refuses, the second a valid one; each opening is kept.
    const editor = world.script(
      'editor.sh',
      [
        `n=$(cat "${world.dir}/opened" 2>/dev/null || echo 0); n=$((n+1)); echo $n > "${world.dir}/opened"`,
        `cp "$1" "${world.dir}/seen-$n"`,
        `if [ $n = 1 ]; then printf '{"holds": "yes", "reason": "typed wrong"}\\n' > "$1"; else printf '{"holds": false, "reason": "edited by hand"}\\n' > "$1"; fi`,
      ].join('\n'),
    );
    const driver: Driver = startAgentmux({
      args: ['run', HELD, '--hold', 'Verify', '--stall-after', '1', '--sessions', world.sessions],
      cwd: world.dir,
      env: { ANTHROPIC_BASE_URL: world.model.url, ANTHROPIC_API_KEY: 'test-key', VISUAL: editor },
    });
    await driver.waitUntil((screen) => (screen.match(/⏸ held for you/gu) ?? []).length >= 2, 'both verdicts held', 30_000);
    expect(recordLines(world.sessions).filter((line) => line.type === 'result')).toEqual([]);

    // The run view: held, waiting on you, and still not stalled seconds past --stall-after 1.
    driver.write('w');
    await driver.waitFor(/one\s+waiting on you \(held\)/u);
    await driver.waitFor(/last [3-9]s ago/u, 15_000);
    expect(driver.screen()).toMatch(/two\s+waiting on you \(held\)/u);
    expect(driver.screen()).not.toMatch(/\d+ stalled|(one|two)\s+stalled/u);
    driver.write('\x1b');
    await driver.waitFor('run view closed');

    // The hold mode on the focused held agent: its own name and hints in the status bar.
    expect((await ctl(world, 'focus', 'one')).status).toBe(0);
    await driver.waitFor(/HELD\s+▶ one/u);
    await driver.waitFor('y accept · e edit · s send back');

    // s: the note goes back to the agent, which works on; its next answer is held again.
    driver.write('s');
    await driver.waitFor(':hold-send');
    driver.write(`${NOTE}\r`);
    await driver.waitFor('its next answer is held again');
    await eventually(() => asked(world, 'verdict one', NOTE), (count) => count === 1, 'the note at the scripted model', 15_000);
    await driver.waitFor('second look', 15_000);
    await driver.waitFor(/HELD\s+▶ one/u);

    // e: the editor opens; the invalid value reopens it with the problem above the person's text.
    driver.write('e');
    await driver.waitFor('one: the script has your edited value', 15_000);
    const first = readFileSync(join(world.dir, 'seen-1'), 'utf8');
    expect(first).toContain('"reason": "second look"');
    const second = readFileSync(join(world.dir, 'seen-2'), 'utf8');
    expect(second).toContain('// agentmux: your value was not taken');
    expect(second).toMatch(/holds.*boolean/u);
    expect(second).toContain('{"holds": "yes", "reason": "typed wrong"}');

    // The other held answer through ctl; the Note phase is not held.
    const accepted = await ctl(world, 'hold-accept', '-t', 'two');
    expect(accepted.status).toBe(0);
    expect(accepted.stdout).toContain("accepted two's held answer");
    const lines = await eventually(() => recordLines(world.sessions), (all) => all.some((line) => line.type === 'done'), 'the run done', 30_000);
    expect(lines.find((line) => line.type === 'done')).toMatchObject({
      status: 'completed',
      result: { first: { holds: false, reason: 'edited by hand' }, second: { holds: true, reason: 'two holds' }, note: 'noted' },
    });
    // Each Verify agent asked once for its answer and once after StructuredOutput; one once more after the note.
    expect(asked(world, 'verdict one', NOTE)).toBe(1);
    await driver.waitFor(': done completed');
  });

  it('a phase meta.phases does not list is held anyway, with a warning: --hold at start (status bar) and run-hold over ctl', async () => {
    const world = await openWorld({ script: verdicts });
    const driver = startAgentmux({
      args: ['run', HELD, '--hold', 'Verify', '--hold', 'Verfy', '--sessions', world.sessions],
      cwd: world.dir,
      env: { ANTHROPIC_BASE_URL: world.model.url, ANTHROPIC_API_KEY: 'test-key' },
    });
    try {
      await driver.waitFor('no phase "Verfy" in meta.phases (Verify, Note); holding it anyway', 30_000);
      await driver.waitUntil((screen) => (screen.match(/⏸ held for you/gu) ?? []).length >= 2, 'both verdicts held', 30_000);
      const [run] = readdirSync(join(world.sessions, 'runs'));
      const held = await ctl(world, 'run-hold', run ?? '?', 'Nte');
      expect(held.status).toBe(0);
      expect(held.stdout).toContain(`run ${run ?? '?'}: answers of phase "Nte" now wait for you`);
      expect(held.stdout).toContain('no phase "Nte" in meta.phases (Verify, Note); holding it anyway');
      const listed = await ctl(world, 'run-hold', run ?? '?', 'note');
      expect(listed.stdout).not.toContain('meta.phases');
    } finally {
      driver.kill();
    }
  });

  it('headless, --hold is refused before anything starts', async () => {
    const world = await openWorld({ script: verdicts });
    const ran = await runAgentmux(['run', HELD, '--headless', '--hold', 'Verify', '--sessions', world.sessions], world.dir, { ANTHROPIC_BASE_URL: world.model.url });
    expect(ran.status).toBe(2);
    expect(ran.stderr).toContain('agentmux run: --hold cannot be used with --headless: a held answer waits for a person');
    expect(world.model.requests.length).toBe(0);
    expect(existsSync(join(world.sessions, 'runs'))).toBe(false);
  });
});
