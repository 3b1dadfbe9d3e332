// e2e: the first frame comes before the journals are read (DESIGN.md §6 cold start): every pane
// of the layout is drawn at once, `loading`, and fills in when its agent's journal has loaded.
import { describe, expect, it } from 'vitest';
import { FileSessionStore } from '../../src/adapters/store/file-session-store.js';
import { randomEntryId } from '../../src/core/controller.js';
import type { SessionHeader } from '../../src/core/journal-record.js';
import { SessionState } from '../../src/core/session-state.js';
import {
  answerEcho,
  typeMessage,
  useWorld,
  waitForState,
} from './e2e-kit.js';

const openWorld = useWorld();

/** Writes a session named `name` of `turns` turns whose answers are `lines` long lines each (a slow journal to read). */
async function writeLongSession(dir: string, name: string, turns: number, lines: number): Promise<void> {
  const opened = FileSessionStore.open(dir);
  if (!opened.ok) throw new Error(opened.error);
  const store = opened.value;
  const header: SessionHeader = { t: 'session', v: 1, id: randomEntryId(), name, created: Date.now(), model: 'claude-sonnet-4-6' };
  const writer = store.create(header);
  if (!writer.ok) throw new Error(writer.error);
  const session = SessionState.create(header, writer.value);
  if (!session.ok) throw new Error(session.error);
  const usage = { inputTokens: 10, outputTokens: 10, cacheReadTokens: 0, cacheWriteTokens: 0 };
  const answer = Array.from({ length: lines }, (_, line) => `stored answer line ${line} ${'x'.repeat(60)}`).join('\n');
  for (let turn = 1; turn <= turns; turn++) {
    const base = { id: randomEntryId(), at: Date.now(), provenance: { kind: 'local' as const } };
    const user = { ...base, kind: 'user' as const, parent: session.value.tree.head, origin: 'typed' as const, opensTurn: true, text: `question ${turn}` };
    const asked = session.value.commit(user);
    if (!asked.ok) throw new Error(asked.error);
    const done = session.value.commit({
      kind: 'assistant',
      id: randomEntryId(),
      at: Date.now(),
      provenance: { kind: 'local' },
      parent: session.value.tree.head,
      model: 'claude-sonnet-4-6',
      blocks: [{ type: 'text', text: turn === turns ? `${answer}\nlast stored answer` : answer }],
      stopReason: 'end_turn',
      usage,
    });
    if (!done.ok) throw new Error(done.error);
  }
  session.value.close();
  await store.close();
}

describe('agentmux e2e: cold start', { timeout: 90_000 }, () => {
  it('the first frame shows every pane loading before any journal is read; the panes then fill in', async () => {
    const world = await openWorld({ script: answerEcho });
    await writeLongSession(world.sessions, 'alpha', 40, 400);
    const app = await world.launch();
    await app.waitFor('last stored answer', 60_000);
    await waitForState(app, 'alpha', 'idle');
    await waitForState(app, 'beta', 'idle');
    // The terminal output as text: cursor moves right become spaces, other escapes are dropped.
    const esc = String.fromCharCode(27);
    const bel = String.fromCharCode(7);
    const output = app
      .output()
      .replace(new RegExp(`${esc}\\[(\\d*)C`, 'g'), (_, count: string) => ' '.repeat(Number(count === '' ? 1 : count)))
      .replace(new RegExp(`${esc}\\][^${bel}]*${bel}`, 'g'), '')
      .replace(new RegExp(`${esc}\\[[0-9;?]*[A-Za-z]|${esc}[=>78]`, 'g'), '');
    // Both pane titles were drawn as loading, and before alpha's stored transcript reached the screen.
    const firstLoading = output.search(/1 alpha · loading ·/);
    const firstStored = output.indexOf('stored answer line');
    expect(firstLoading).toBeGreaterThanOrEqual(0);
    expect(output.search(/2 beta · loading ·/)).toBeGreaterThanOrEqual(0);
    expect(firstStored).toBeGreaterThan(firstLoading);
    expect(app.screen()).not.toMatch(/loading/);
    // Once loaded the cockpit works as always: alpha answers with its long history sent along.
    await typeMessage(app, 'alpha', 'after loading');
    await app.waitFor('answer to after loading');
    const last = world.model.requests.at(-1);
    expect(last?.body.messages.length).toBe(81);
  });

  it('keys typed while the panes load act once they have loaded, as if typed after', async () => {
    const world = await openWorld({ script: answerEcho });
    await writeLongSession(world.sessions, 'alpha', 40, 400);
    const app = await world.launch();
    // Typed at once, right after the first frame: `:` opens the prompt, the rest lands in it, Enter runs it.
    app.write(':tiling rows\r');
    await app.waitFor('last stored answer', 60_000);
    await app.waitUntil(() => !app.line(-1).startsWith(':'), 'the prompt to close');
    await app.waitUntil((screen) => / NORMAL .*\n.*tiling rows/.test(screen) || app.line(-2).includes('tiling rows'), 'the tiling message');
    const titles = app.screen().split('\n').filter((line) => /^┌ (▶ )?\d (alpha|beta) ·/.test(line));
    expect(titles).toHaveLength(2);
  });
});
