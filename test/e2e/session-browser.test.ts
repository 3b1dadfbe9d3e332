// e2e: the session browser (`:sessions`, `S`): rows, rename, delete to the trash, restore, open.
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  answerEcho,
  eventually,
  readJournal,
  runCommand,
  typeMessage,
  useWorld,
  waitForState,
} from './e2e-kit.js';
import { KEYS, type Driver } from './terminal-driver.js';

const openWorld = useWorld();

/** Moves the browser's selection down to the row naming `name`. */
async function select(app: Driver, name: string): Promise<void> {
  for (let step = 0; step < 10; step++) {
    if (new RegExp(`▶[● ] ${name} `).test(app.screen())) return;
    const before = app.screen();
    app.write(KEYS.down);
    await app.waitUntil((screen) => screen !== before, 'the selection to move');
  }
  throw new Error(`no row ${name}:\n${app.screen()}`);
}

describe('agentmux e2e: session browser', { timeout: 120_000 }, () => {
  it(':session-browser lists rows; R renames, d moves to DIR/trash, t shows the trash, r restores, Enter opens it', async () => {
    const world = await openWorld({ script: answerEcho });
    const app = await world.launch();
    app.write(KEYS.tab);
    await app.waitFor(/▶ 2 beta/);
    await typeMessage(app, 'beta', 'beta question');
    await app.waitFor('answer to beta question');
    await waitForState(app, 'beta', 'idle');
    await runCommand(app, 'close -t beta');
    await app.waitUntil((screen) => !/\d beta ·/.test(screen), 'the beta pane to close');

    await runCommand(app, 'session-browser');
    await app.waitFor('sessions in the store (2)');
    // alpha is open in a pane (●); beta is not; model, turns and cost show.
    await app.waitFor(/● alpha +\S+ +0 /);
    expect(app.screen()).toMatch(/ beta +\S+ +1 +[\d.]+k?\/[\d.]+k? +\$0\.\d{3} +just now/);
    await select(app, 'beta');

    app.write('R');
    await app.waitFor('rename session beta');
    app.write('\x7f\x7f\x7f\x7fdelta');
    await app.waitFor('> delta');
    app.write(KEYS.enter);
    await app.waitFor(/renamed \S+ to delta/);
    await app.waitFor(/▶ {2}delta /);
    const records = await eventually(
      () => readJournal(world.sessions, 'beta'),
      (r) => r.some((record) => record.t === 'rename'),
      'a rename record in the journal',
    );
    expect(records[records.length - 1]).toEqual({ t: 'rename', name: 'delta' });
    const header = records[0];
    const id = header?.t === 'session' ? header.id : '';

    app.write('d');
    await app.waitFor('to the trash?');
    app.write('y');
    await app.waitFor(`moved ${id} to`);
    await app.waitFor('sessions in the store (1)');
    expect(existsSync(join(world.sessions, 'journals', `${id}.jsonl`))).toBe(false);
    expect(readdirSync(join(world.sessions, 'trash'))).toContain(`${id}.jsonl`);

    app.write('t');
    await app.waitFor('trash (1)');
    await app.waitFor(/▶ {2}delta /);
    app.write('r');
    await app.waitFor(`restored ${id}`);
    await app.waitFor('trash (0)');
    expect(existsSync(join(world.sessions, 'journals', `${id}.jsonl`))).toBe(true);
    app.write('t');
    await app.waitFor('sessions in the store (2)');
    await select(app, 'delta');
    app.write(KEYS.enter);
    await app.waitUntil((screen) => !screen.includes('sessions in the store'), 'the browser to close');
    await app.waitFor(/▶ 2 delta/);
    await app.waitFor('answer to beta question');
  });

  it('S opens the browser; d on a session open in a pane is refused; Enter on it focuses its pane', async () => {
    const world = await openWorld({ script: answerEcho });
    const app = await world.launch();
    app.write('S');
    await app.waitFor('sessions in the store (2)');
    await select(app, 'beta');
    app.write('d');
    await app.waitFor('beta is open in a pane: close it first');
    app.write(KEYS.enter);
    await app.waitUntil((screen) => !screen.includes('sessions in the store'), 'the browser to close');
    await app.waitFor(/▶ 2 beta/);
    await app.waitFor('beta is already open: focused its pane');
    expect(existsSync(join(world.sessions, 'trash'))).toBe(false);
  });
  it('Enter opens a stored session by id with its own model; a restore whose name is taken comes back as NAME-restored', async () => {
    const world = await openWorld({ script: answerEcho });
    const app = await world.launch();
    await runCommand(app, 'new zed --model claude-opus-4-1');
    await app.waitFor(/new agent zed \(claude-opus-4-1\)/);
    await typeMessage(app, 'zed', 'zed question');
    await app.waitFor('answer to zed question');
    await waitForState(app, 'zed', 'idle');
    expect(world.model.requests[0]?.body.model).toBe('claude-opus-4-1');
    await runCommand(app, 'close -t zed');
    await app.waitUntil((screen) => !/\d zed ·/.test(screen), 'the zed pane to close');

    // The focused agent (alpha) runs another model: the session keeps its own.
    app.write('S');
    await app.waitFor('sessions in the store (3)');
    await select(app, 'zed');
    app.write(KEYS.enter);
    await app.waitUntil((screen) => !screen.includes('sessions in the store'), 'the browser to close');
    await app.waitFor(/opened session zed \(claude-opus-4-1\)/);
    await app.waitFor(/▶ 3 zed/);
    await typeMessage(app, 'zed', 'again');
    await app.waitFor('answer to again');
    expect(world.model.requests[1]?.body.model).toBe('claude-opus-4-1');
    await waitForState(app, 'zed', 'idle');
    await runCommand(app, 'close -t zed');
    await app.waitUntil((screen) => !/\d zed ·/.test(screen), 'the zed pane to close again');

    // zed to the trash, a new zed in the store, then the old one restored: it must not take the name.
    app.write('S');
    await app.waitFor('sessions in the store (3)');
    await select(app, 'zed');
    app.write('d');
    await app.waitFor('to the trash?');
    app.write('y');
    await app.waitFor('sessions in the store (2)');
    app.write(KEYS.escape);
    await app.waitUntil((screen) => !screen.includes('sessions in the store'), 'the browser to close');
    await runCommand(app, 'new zed');
    await app.waitFor(/new agent zed \(/);
    await runCommand(app, 'close -t zed');
    await app.waitUntil((screen) => !/\d zed ·/.test(screen), 'the new zed pane to close');
    app.write('S');
    await app.waitFor('sessions in the store (3)');
    app.write('t');
    await app.waitFor('trash (1)');
    app.write('r');
    await app.waitFor(/restored \S+ as zed-restored \(the name zed is taken\)/);
    app.write('t');
    await app.waitFor('sessions in the store (4)');
    await select(app, 'zed-restored');
    app.write(KEYS.enter);
    await app.waitFor(/opened session zed-restored \(claude-opus-4-1\)/);
    await app.waitFor('answer to zed question');
  });
});
