// e2e: `agentmux ctl` against the real cockpit under a pty — a line runs as `:` would and renders
// at once; events stream as JSON lines; capture prints the pane as plain text; exit statuses
// 0/1/2/3; --json's shape; the socket's permissions; ctl works again after kill -9.
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, lstatSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { answerEcho, gate, paneText, replyScript, useWorld, waitForState } from './e2e-kit.js';
import { startAgentmux } from './terminal-driver.js';
import { ctl, ctlReady, followEvents, type EventFollower } from './ctl-kit.js';

const openWorld = useWorld();
const followers: EventFollower[] = [];
const holds: (() => void)[] = [];
afterEach(() => {
  for (const release of holds.splice(0)) release();
  for (const follower of followers.splice(0)) follower.stop();
});

const JsonReply = z.strictObject({ ok: z.boolean(), command: z.string(), message: z.string(), value: z.unknown() });

describe('agentmux e2e: ctl', { timeout: 90_000 }, () => {
  it('ctl send runs through dispatch and renders at once; ctl events sees the turn; ctl capture prints the pane as plain text', async () => {
    const world = await openWorld({ script: answerEcho });
    const app = await world.launch();
    await ctlReady(world);
    const events = await followEvents(world);
    followers.push(events);

    const sent = await ctl(world, 'send', '-t', 'beta', 'hello   from ctl');
    expect(sent.status).toBe(0);
    expect(sent.stderr).toBe('');
    expect(sent.stdout.trim()).not.toBe('');
    await app.waitUntil((screen) => paneText(screen, 1, 2).includes('answer to hello   from ctl'), 'the answer in beta');

    await events.waitFor((event) => event['type'] === 'entry' && z.object({ text: z.string() }).safeParse(event['entry']).data?.text === 'hello   from ctl', 'the user entry');
    await events.waitFor((event) => event['type'] === 'entry' && z.object({ kind: z.literal('assistant'), text: z.string() }).safeParse(event['entry']).data?.text === 'answer to hello   from ctl', 'the answer entry');
    await events.waitFor((event) => event['type'] === 'state' && event['agent'] === 'beta' && event['state'] === 'idle', 'beta idle');
    const finished = await events.waitFor((event) => event['type'] === 'turn-finished', 'turn-finished');
    expect(finished).toMatchObject({ agent: 'beta', turn: 1, outcome: 'answered', text: 'answer to hello   from ctl' });
    expect(z.array(z.string()).length(1).safeParse(finished['deliveries']).success).toBe(true);
    expect(events.lines.every((line) => !line.includes('"type":"delta"'))).toBe(true);
    expect(events.stderr()).toBe('');

    const captured = await ctl(world, 'capture', '-t', 'beta');
    expect(captured.status).toBe(0);
    expect(captured.stdout).toBe('[1] you hello   from ctl\n[1.2] beta answer to hello   from ctl\n');
    expect(captured.stdout).not.toContain('\x1b');
    const byPane = await ctl(world, 'capture', '-t', '2');
    expect(byPane.stdout).toBe(captured.stdout);

    // A reader that goes away (`ctl events | head -n 1`): ctl ends at the next event, status 0, silent.
    const gone = await followEvents(world);
    const goneExit = new Promise<number | null>((resolve) => gone.child.once('exit', (code) => resolve(code)));
    gone.child.stdout?.destroy();
    expect((await ctl(world, 'send', '-t', 'alpha', 'one more')).status).toBe(0);
    expect(await goneExit).toBe(0);
    expect(gone.stderr()).toBe('');
  });

  it('exit statuses: 0 done, 1 refused or failed by the cockpit, 2 ctl usage, 3 nothing answers; --json prints {ok, command, message, value}', async () => {
    const world = await openWorld({ script: answerEcho });
    const app = await world.launch();
    await ctlReady(world);

    const focused = await ctl(world, '--json', 'focus', 'beta');
    expect(focused.status).toBe(0);
    expect(JsonReply.parse(JSON.parse(focused.stdout))).toMatchObject({ ok: true, command: 'focus' });
    await app.waitFor(/▶ 2 beta/);

    const unknown = await ctl(world, 'frobnicate');
    expect(unknown.status).toBe(1);
    expect(unknown.stderr).toMatch(/unknown command "frobnicate"/);
    const badOption = await ctl(world, 'send', '--bogus', 'hi');
    expect(badOption.status).toBe(1);
    expect(badOption.stderr).toMatch(/send: unknown option "--bogus"/);
    const failed = await ctl(world, '--json', 'send', '-t', 'nobody', 'hi');
    expect(failed.status).toBe(1);
    expect(JsonReply.parse(JSON.parse(failed.stdout))).toMatchObject({ ok: false, command: 'send', value: null });
    expect((await ctl(world, 'capture', '-t', 'nobody')).status).toBe(1);

    const ownOption = await ctl(world, '--bogus', 'send', 'hi');
    expect(ownOption.status).toBe(2);
    expect(ownOption.stderr).toMatch(/--bogus/);
    expect((await ctl(world)).status).toBe(2);
    expect((await ctl(world, 'events', '--nope')).status).toBe(1);
    const badCapture = await ctl(world, 'capture', '--nope');
    expect(badCapture.status).toBe(1);
    expect(badCapture.stderr).toMatch(/^capture: unknown option '--nope'/);

    const nobody = await ctl({ ...world, sessions: join(world.dir, 'elsewhere') }, 'focus', 'alpha');
    expect(nobody.status).toBe(3);
    expect(nobody.stderr).toContain(join(world.dir, 'elsewhere', 'agentmux.sock'));
  });

  it('quit over ctl does not ask to confirm, even while an agent works, ends event streams and removes the socket', async () => {
    const held = gate();
    holds.push(held.release);
    const world = await openWorld({ script: replyScript(() => ({ text: 'a slow answer in several parts', tokensPerDelta: 1, hold: { afterDeltas: 1, until: held.until } })) });
    const app = await world.launch();
    await ctlReady(world);
    expect((await ctl(world, 'send', '-t', 'alpha', 'work')).status).toBe(0);
    await waitForState(app, 'alpha', 'streaming');
    const events = await followEvents(world);
    followers.push(events);
    const eventsExit = new Promise<number | null>((resolve) => events.child.once('exit', (code) => resolve(code)));
    const quit = await ctl(world, 'quit');
    expect(quit.status).toBe(0);
    expect(await app.exited()).toBe(0);
    // A follower's stream ends with the cockpit, quietly: its last line is the shutdown notice.
    expect(await eventsExit).toBe(0);
    expect(events.stderr()).toBe('');
    expect(events.lines.at(-1)).toBe('{"type":"shutdown"}');
    expect(existsSync(join(world.sessions, 'agentmux.sock'))).toBe(false);
  });

  it('after kill -9 of the cockpit, starting it again replaces the stale socket and ctl works', async () => {
    const world = await openWorld({ script: answerEcho });
    const first = await world.launch();
    await ctlReady(world);
    const events = await followEvents(world);
    followers.push(events);
    const eventsExit = new Promise<number | null>((resolve) => events.child.once('exit', (code) => resolve(code)));
    first.kill();
    await first.exited().catch(() => undefined);
    // The stream ended without the shutdown notice: ctl events says the cockpit went away and exits 3.
    expect(await eventsExit).toBe(3);
    expect(events.stderr()).toMatch(/the cockpit went away/);
    expect(events.lines.some((line) => line.includes('"shutdown"'))).toBe(false);
    const socket = join(world.sessions, 'agentmux.sock');
    expect(lstatSync(socket).isSocket()).toBe(true);
    expect((await ctl(world, 'focus', 'beta')).status).toBe(3);

    const second = await world.launch();
    await ctlReady(world);
    const focused = await ctl(world, 'focus', 'beta');
    expect(focused.status).toBe(0);
    await second.waitFor(/▶ 2 beta/);
  });

  it('the socket is 0600 in a 0700 store, and another user cannot connect', async () => {
    const world = await openWorld({ script: answerEcho });
    await world.launch();
    await ctlReady(world);
    const socket = join(world.sessions, 'agentmux.sock');
    expect(statSync(world.sessions).mode & 0o777).toBe(0o700);
    expect(statSync(socket).mode & 0o777).toBe(0o600);

    const setpriv = spawnSync('setpriv', ['--version']);
    if (process.getuid?.() !== 0 || setpriv.status !== 0) {
      console.warn('skipped connecting as another uid: needs root and setpriv to become nobody');
      return;
    }
    // Let nobody reach the socket through the directories, so only the socket's own 0600 refuses it.
    chmodSync(world.dir, 0o711);
    chmodSync(world.sessions, 0o711);
    const probe = `require('net').createConnection(${JSON.stringify(socket)}).on('connect', () => { console.log('connected'); process.exit(0); }).on('error', (e) => { console.log(e.code); process.exit(1); })`;
    const asNobody = spawnSync('setpriv', ['--reuid=65534', '--regid=65534', '--clear-groups', process.execPath, '-e', probe], { encoding: 'utf8' });
    expect(asNobody.stdout.trim()).toBe('EACCES');
    // The same probe as this user connects: the refusal above is the permission, not the probe.
    const asOwner = spawnSync(process.execPath, ['-e', probe], { encoding: 'utf8' });
    expect(asOwner.stdout.trim()).toBe('connected');
  });

  it('ctl capture of a PTY agent prints its emulated screen with the scrollback, as plain text', async () => {
    const world = await openWorld({ script: answerEcho, agents: ['alpha', 'shell'] });
    const shellDir = join(world.dir, 'shell-home');
    mkdirSync(shellDir);
    writeFileSync(
      world.layoutPath,
      JSON.stringify({
        name: 'e2e',
        agents: [
          { name: 'alpha', cwd: world.workspace },
          { name: 'shell', command: ['bash', '--norc', '--noprofile'], cwd: shellDir, env: { PS1: 'ready$ ' }, ready: 'ready\\$ $' },
        ],
        tiling: 'columns',
      }),
    );
    const app = await world.launch();
    await ctlReady(world);
    // Coloured output: the capture must carry the text without the escapes.
    expect((await ctl(world, 'send', '-t', 'shell', "printf '\\033[31mred\\033[0m\\n'; seq 1 300")).status).toBe(0);
    await app.waitUntil((screen) => paneText(screen, 1, 2).includes('300'), 'seq in the shell pane');
    const captured = await ctl(world, 'capture', '-t', 'shell');
    expect(captured.status).toBe(0);
    const numbers = Array.from({ length: 300 }, (_, index) => `${index + 1}`).join('\n');
    expect(captured.stdout).toContain(`\nred\n${numbers}\nready$`);
    expect(captured.stdout).not.toContain('\x1b');
  });

  it('a store path too long for a socket: the cockpit runs without ctl, and the status bar and the log say why', async () => {
    const world = await openWorld({ script: answerEcho });
    let sessions = world.dir;
    while (Buffer.byteLength(join(sessions, 'agentmux.sock')) <= 107) sessions = join(sessions, 'deeper-store-dir');
    const app = startAgentmux({
      args: ['--layout', world.layoutPath, '--sessions', sessions],
      cwd: world.dir,
      env: { ANTHROPIC_BASE_URL: world.model.url, ANTHROPIC_API_KEY: 'test-key' },
    });
    try {
      await app.waitFor('agentmux ctl is off: socket path too long for this system');
      const log = readFileSync(join(sessions, 'agentmux.log'), 'utf8');
      expect(log).toMatch(/agentmux ctl is off: socket path too long for this system \(\d+ bytes, at most 107\): /);
      expect(log).toContain(join(sessions, 'agentmux.sock'));
      const ran = await ctl({ ...world, sessions }, 'focus', 'beta');
      expect(ran.status).toBe(3);
      expect(ran.stderr).toContain('socket path too long');
    } finally {
      app.kill();
    }
  });
});
