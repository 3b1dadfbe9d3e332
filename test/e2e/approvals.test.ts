// e2e: a write_file call waits for the user; `y`, `a` and `n` (with a reason) on the focused pane
// answer it, as the screen, the journal and the requests the scripted model received show; the bell rings once per approval wait.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  entriesOf,
  eventually,
  readJournal,
  typeMessage,
  useWorld,
  waitForState,
  type World,
} from './e2e-kit.js';
import type { ScriptStep } from '../../src/adapters/scripted-model/script.js';

const openWorld = useWorld();

const writeStep = (path: string, content: string): ScriptStep => ({
  text: `Writing ${path}.`,
  toolUses: [{ name: 'write_file', input: { path, content } }],
});

/** The tool_result blocks of the request the scripted model received at `index`. */
function toolResults(world: World, index: number): unknown[] {
  const messages = world.model.requests[index]?.body.messages ?? [];
  return messages.flatMap((m) => (typeof m.content === 'string' ? [] : m.content.filter((b) => b.type === 'tool_result')));
}

/** How many BEL bytes the program wrote outside OSC sequences (which also end in BEL). */
function bellsIn(output: string): number {
  let bells = 0;
  for (let at = 0; at < output.length; at++) {
    if (output.startsWith('\x1b]', at)) {
      // An OSC runs to BEL or to the string terminator, ESC backslash.
      const bel = output.indexOf('\x07', at);
      const st = output.indexOf('\x1b\\', at);
      const ends = [bel, st].filter((index) => index >= 0);
      if (ends.length === 0) break;
      at = Math.min(...ends);
      if (at === st) at += 1;
    } else if (output[at] === '\x07') {
      bells += 1;
    }
  }
  return bells;
}

describe('agentmux e2e: approvals', { timeout: 60_000 }, () => {
  it('a pending write_file shows in the pane title and the hints; y writes the file and sends the result', async () => {
    const world = await openWorld({
      agents: ['alpha'],
      approval: { approve: 'ask' },
      script: [
        { text: 'Writing the notes.', toolUses: [{ name: 'write_file', input: { path: 'notes.txt', content: 'one\ntwo\n' } }] },
        { text: 'Written.' },
      ],
    });
    const app = await world.launch();
    await typeMessage(app, 'alpha', 'write the notes');
    await waitForState(app, 'alpha', 'awaiting-approval');
    await app.waitFor('write_file notes.txt (2 lines)');
    await app.waitFor('y once · a always (write_file) · n refuse');
    const file = join(world.workspace, 'notes.txt');
    expect(existsSync(file)).toBe(false);
    expect(world.model.requests).toHaveLength(1);

    app.write('y');
    await app.waitFor('Written.');
    await waitForState(app, 'alpha', 'idle');
    expect(readFileSync(file, 'utf8')).toBe('one\ntwo\n');
    const messages = world.model.requests[1]?.body.messages ?? [];
    const results = messages.flatMap((m) => (typeof m.content === 'string' ? [] : m.content.filter((b) => b.type === 'tool_result')));
    expect(results).toHaveLength(1);
    expect(results[0]).not.toHaveProperty('is_error');
  });

  it('a on a write_file call says what it allows, and the next write_file runs without asking; the allow is in the journal', async () => {
    const world = await openWorld({
      agents: ['alpha'],
      approval: { approve: 'ask' },
      script: [writeStep('a.txt', 'A\n'), writeStep('b.txt', 'B\n'), { text: 'Both written.' }],
    });
    const app = await world.launch();
    await typeMessage(app, 'alpha', 'write two files');
    await waitForState(app, 'alpha', 'awaiting-approval');
    await app.waitFor('a always (write_file)');

    app.write('a');
    await app.waitFor('from now on allowed: write_file');
    // No key after `a`: the second call must run by itself for the third request to come.
    await app.waitFor('Both written.');
    await waitForState(app, 'alpha', 'idle');
    expect(world.model.requests).toHaveLength(3);
    expect(readFileSync(join(world.workspace, 'a.txt'), 'utf8')).toBe('A\n');
    expect(readFileSync(join(world.workspace, 'b.txt'), 'utf8')).toBe('B\n');
    expect(toolResults(world, 2)).toHaveLength(2);
    for (const result of toolResults(world, 2)) expect(result).not.toHaveProperty('is_error');
    const records = await eventually(
      () => readJournal(world.sessions, 'alpha'),
      (found) => found.some((record) => record.t === 'allow'),
      'the allow record',
    );
    expect(records.filter((record) => record.t === 'allow')).toEqual([{ t: 'allow', entry: 'write_file' }]);
  });

  it('n, a reason and Enter refuse the call: nothing is written and the model gets the reason as an is_error result', async () => {
    const world = await openWorld({
      agents: ['alpha'],
      approval: { approve: 'ask' },
      script: [writeStep('notes.txt', 'one\n'), { text: 'Understood, not writing.' }],
    });
    const app = await world.launch();
    await typeMessage(app, 'alpha', 'write the notes');
    await waitForState(app, 'alpha', 'awaiting-approval');

    // n opens the : prompt with `approve n `: the rest of the line is the reason.
    app.write('n');
    await app.waitFor(':approve n');
    app.write('use the docs folder');
    await app.waitFor('use the docs folder');
    app.write('\r');
    await app.waitFor('Understood, not writing.');
    await waitForState(app, 'alpha', 'idle');
    expect(existsSync(join(world.workspace, 'notes.txt'))).toBe(false);
    expect(toolResults(world, 1)).toEqual([
      expect.objectContaining({ is_error: true, content: 'refused by the user: use the docs folder' }),
    ]);
    const results = entriesOf(readJournal(world.sessions, 'alpha')).filter((entry) => entry.kind === 'tool-result');
    expect(results).toEqual([expect.objectContaining({ isError: true, content: 'refused by the user: use the docs folder' })]);
  });

  it('the terminal bell rings once each time an agent starts awaiting approval', async () => {
    const world = await openWorld({
      agents: ['alpha'],
      approval: { approve: 'ask' },
      script: [
        { text: 'First file.', toolUses: [{ name: 'write_file', input: { path: 'one.txt', content: '1\n' } }] },
        { text: 'Second file.', toolUses: [{ name: 'write_file', input: { path: 'two.txt', content: '2\n' } }] },
        { text: 'Both written.' },
      ],
    });
    const app = await world.launch();
    expect(bellsIn(app.output())).toBe(0);
    await typeMessage(app, 'alpha', 'write two files');
    await waitForState(app, 'alpha', 'awaiting-approval');
    await app.waitFor('write_file one.txt');
    expect(bellsIn(app.output())).toBe(1);
    // Frames drawn while it waits (a key, a repaint) do not ring again.
    app.write('?');
    await app.waitFor('this help');
    app.write('\x1b');
    await app.waitUntil((screen) => !screen.includes('this help'), 'the help to close');
    expect(bellsIn(app.output())).toBe(1);

    app.write('y');
    await app.waitFor('write_file two.txt');
    await waitForState(app, 'alpha', 'awaiting-approval');
    expect(bellsIn(app.output())).toBe(2);
    app.write('y');
    await app.waitFor('Both written.');
    await waitForState(app, 'alpha', 'idle');
    expect(bellsIn(app.output())).toBe(2);
  });
});
