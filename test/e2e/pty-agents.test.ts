// PTY agents end to end: the real agentmux hosting a real bash next to an SDK agent on the
// scripted model. A broadcast reaches both; a `ready` pattern holds a nudge back while bash
// shows a dialog; a flood leaves the keys responsive; attach, detach, exit code and restart;
// a layout PTY agent whose command does not exist says why on its pane.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  answerEcho,
  eventually,
  paneText,
  runCommand,
  useWorld,
  type World,
} from './e2e-kit.js';
import { KEYS, type Driver } from './terminal-driver.js';

const openWorld = useWorld();

const echo = answerEcho;

/** A world whose layout has the SDK agent `alpha` and the PTY agent `shell` (bash at a `ready$ ` prompt). */
async function ptyWorld(): Promise<{ world: World; app: Driver; shellDir: string }> {
  const made = await openWorld({ script: echo, agents: ['alpha', 'shell'] });
  const shellDir = join(made.dir, 'shell-home');
  mkdirSync(shellDir);
  writeFileSync(
    made.layoutPath,
    JSON.stringify({
      name: 'e2e',
      agents: [
        { name: 'alpha', cwd: made.workspace },
        {
          name: 'shell',
          command: ['bash', '--norc', '--noprofile'],
          cwd: shellDir,
          env: { PS1: 'ready$ ' },
          ready: 'ready\\$ $',
        },
      ],
      tiling: 'columns',
    }),
  );
  const app = await made.launch();
  await app.waitUntil((screen) => shellPane(screen).includes('ready$'), 'the bash prompt in the shell pane');
  return { world: made, app, shellDir };
}

/** The shell pane's rows without its side borders, right-trimmed. */
function shellPane(screen: string): string {
  return paneText(screen, 1, 2)
    .split('\n')
    .map((row) => row.replace(/^│/, '').replace(/│$/, '').trimEnd())
    .join('\n');
}

describe('agentmux e2e: PTY agents', { timeout: 90_000 }, () => {
  it('a bash PTY pane and an SDK agent both receive one broadcast, visible on screen', async () => {
    const { world: w, app, shellDir } = await ptyWorld();
    await runCommand(app, 'broadcast echo hi > out.txt');
    await app.waitFor(/broadcast: alpha delivered.*shell delivered/);
    const written = await eventually(
      () => (existsSync(join(shellDir, 'out.txt')) ? readFileSync(join(shellDir, 'out.txt'), 'utf8') : ''),
      (text) => text !== '',
      'out.txt in the shell agent cwd',
    );
    expect(written).toBe('hi\n');
    await app.waitUntil((screen) => /ready\$ echo hi > out\.txt\s*\n.*ready\$/.test(shellPane(screen)), 'the command and the next prompt in the shell pane');
    await app.waitUntil((screen) => paneText(screen, 0, 2).includes('answer to echo hi > out.txt'), 'the answer in the alpha pane');
    const texts = w.model.requests.map((request) => JSON.stringify(request.body.messages));
    expect(texts.some((text) => text.includes('echo hi > out.txt'))).toBe(true);
  });

  it('a ready pattern holds a nudge back while bash shows a dialog, and delivers it once the dialog is answered', async () => {
    const { app } = await ptyWorld();
    await runCommand(app, 'send -t shell read -p "Continue? [y/n] " answer; echo "answer=$answer"');
    await app.waitUntil((screen) => /Continue\? \[y\/n\]\s*$/m.test(shellPane(screen)), 'the dialog');
    await runCommand(app, 'nudge -t shell echo nudged');
    await app.waitFor('nudge: shell queued (waits until its ready pattern matches)');
    await app.waitFor('running · 1 queued until ready');
    // Nothing was typed into the dialog: its line still ends at the question.
    expect(shellPane(app.screen())).toMatch(/Continue\? \[y\/n\]\s*$/m);
    app.write('2');
    await app.waitFor('▶ 2 shell');
    app.write(KEYS.enter);
    await app.waitFor('attached — C-q detaches');
    app.write('y');
    app.write(KEYS.enter);
    app.write(KEYS.ctrlQ);
    await app.waitUntil((screen) => !screen.includes('attached — C-q detaches'), 'the detach');
    await app.waitUntil((screen) => /answer=y\s*\n.*ready\$ echo nudged\s*\n.*nudged/.test(shellPane(screen)), 'the nudge after the answer');
    expect(shellPane(app.screen())).not.toMatch(/Continue\? \[y\/n\] \S*echo/);
    await app.waitFor(/2 shell · idle \(running\) ·/);
  });

  it('keys act while a PTY pane is flooded, and the pane shows the prompt once the flood ends', async () => {
    const { app } = await ptyWorld();
    await runCommand(app, 'send -t shell timeout 5 yes; echo flood-done');
    await app.waitUntil((screen) => /^y$/m.test(shellPane(screen)), 'the flood on screen');
    // Keys act during the flood; how fast is the bench's (bench/render: the PTY flood figures).
    const respond = async (key: string, condition: (screen: string) => boolean, what: string): Promise<void> => {
      app.write(key);
      await app.waitUntil(condition, what);
    };
    await respond(KEYS.tab, (screen) => screen.includes('▶ 1 alpha'), 'Tab to focus alpha');
    await respond('?', (screen) => screen.includes('this help'), 'the help overlay');
    await respond(KEYS.escape, (screen) => !screen.includes('this help'), 'Esc to close it');
    await app.waitUntil((screen) => shellPane(screen).includes('flood-done'), 'the flood to end', 30_000);
    await app.waitUntil((screen) => /ready\$\s*$/m.test(shellPane(screen)), 'the prompt after the flood');
  });

  it('attach passes keys to bash, exit 3 shows the exit code, and :restart starts bash again', async () => {
    const { app } = await ptyWorld();
    app.write('2');
    await app.waitFor('▶ 2 shell');
    app.write(KEYS.enter);
    await app.waitFor('attached — C-q detaches');
    await app.waitFor('keys go to the attached pane');
    // Cockpit keys do nothing while attached: `q` and `?` are typed into bash.
    app.write('echo q?x$((6*7))');
    app.write(KEYS.enter);
    await app.waitUntil((screen) => /^q\?x42/m.test(shellPane(screen)), 'the keys typed into bash');
    expect(app.screen()).not.toContain('this help');
    app.write('exit 3');
    app.write(KEYS.enter);
    await app.waitFor(/2 shell · error \(exited 3 · :restart starts it again\)/);
    await app.waitUntil((screen) => !screen.includes('attached — C-q detaches'), 'the attach to end with the child');
    await runCommand(app, 'restart -t shell');
    await app.waitFor('restarted shell (bash --norc --noprofile)');
    await app.waitFor(/2 shell · idle \(running\)/);
    await runCommand(app, 'rewind -t shell 1');
    await app.waitFor('shell is a PTY agent: rewind does not apply');
  });

  it('a PTY layout agent whose command does not exist shows why on its pane, with its exit code', async () => {
    const world = await openWorld({ script: echo, agents: ['alpha'] });
    writeFileSync(
      world.layoutPath,
      JSON.stringify({ name: 'e2e', agents: [{ name: 'alpha', cwd: world.workspace }, { name: 'shell', command: ['/nonexistent/agentmux-no-such-program'] }] }),
    );
    const app = await world.launch();
    await app.waitFor(/2 shell · error \(exited 1/);
    await app.waitFor('No such file or directory');
  });
});
