// e2e (issue 16, reviewer finding 3): a signal while $EDITOR is open over the suspended screen.
// agentmux ends the editor (its whole process tree, SIGKILL when it ignores SIGTERM), gives the
// terminal back, exits like `q` (0), and loses nothing: a temp file holding text the person saved
// is kept and named on stderr, one holding nothing new is removed; a held answer stays held (no
// `result` line: the run stopped at quit is continuable).
import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { ReceivedRequest, ScriptStep } from '../../src/adapters/scripted-model/script.js';
import { eventually, textOf, typeMessage, useWorld, type World } from './e2e-kit.js';
import { startAgentmux, type Driver } from './terminal-driver.js';

const HELD = join(import.meta.dirname, '..', 'fixtures', 'workflows', 'held-verdicts.js');
const Line = z.object({ type: z.string(), agent: z.string().optional(), status: z.string().optional() }).passthrough();

/** True while `pid` runs; a zombie or a missing /proc entry counts as dead. */
function runs(pid: number): boolean {
  let stat: string;
  try {
    stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch {
    return false;
  }
  const state = stat.slice(stat.lastIndexOf(')') + 2).split(' ')[0];
  return state !== 'Z' && state !== 'X';
}

function verdicts(request: ReceivedRequest): ScriptStep {
  const messages = request.body.messages;
  const prompt = messages[0] === undefined ? '' : textOf(messages[0]);
  const last = messages[messages.length - 1];
  if (last !== undefined && typeof last.content !== 'string' && last.content.some((block) => block.type === 'tool_result')) return { text: 'submitted' };
  if (prompt === 'verdict one' || prompt === 'verdict two') return { text: 'verdict', toolUses: [{ name: 'StructuredOutput', input: { holds: true, reason: prompt } }] };
  return { text: 'noted' };
}

function recordLines(sessions: string): z.infer<typeof Line>[] {
  const runsDir = join(sessions, 'runs');
  const [run] = existsSync(runsDir) ? readdirSync(runsDir) : [];
  const path = run === undefined ? undefined : join(runsDir, run, 'run.jsonl');
  if (path === undefined || !existsSync(path)) return [];
  return readFileSync(path, 'utf8').trimEnd().split('\n').map((line) => Line.parse(JSON.parse(line)));
}

/**
 * An editor that records its pid and its child's, optionally saves `saved` into the file, then
 * waits on a child (`sleep`), optionally ignoring SIGTERM (inherited by the sleep).
 */
function waitingEditor(world: World, saved: string | undefined, ignoreTerm: boolean): string {
  return world.script(
    'editor.sh',
    [
      ignoreTerm ? "trap '' TERM" : '',
      saved === undefined ? '' : `printf '%s' '${saved}' > "$1"`,
      `echo "$1" > "${world.dir}/editing"`,
      'sleep 1000 &',
      `echo "$PPID" > "${world.dir}/agentmux-pid"`,
      `echo "$$ $!" > "${world.dir}/editor-pids"`,
      'wait',
    ].join('\n'),
  );
}

/** The editor's pids once it is open (its shell and the sleep it waits on), and agentmux's (its parent). */
async function editorPids(world: World): Promise<{ readonly editor: number[]; readonly agentmux: number }> {
  const file = join(world.dir, 'editor-pids');
  const text = await eventually(() => (existsSync(file) ? readFileSync(file, 'utf8') : ''), (read) => read.endsWith('\n'), 'the editor open', 20_000);
  return { editor: text.trim().split(' ').map(Number), agentmux: Number(readFileSync(join(world.dir, 'agentmux-pid'), 'utf8')) };
}

/**
 * agentmux runs under a shell that stays after it (as in a terminal window or tmux pane): the
 * terminal outlives agentmux, so an editor left behind would still be running on it. The shell
 * prints agentmux's exit status.
 */
const LAUNCHER = ['/bin/sh', '-c', '"$@"; echo "agentmux exited with $?"; exec sleep 120', 'launcher'];

/** agentmux's exit status, as the launcher printed it. */
async function exitStatus(app: Driver): Promise<number> {
  const found = await eventually(() => /agentmux exited with (\d+)/u.exec(app.output()), (match) => match !== null, 'agentmux to exit', 20_000);
  return Number(found?.[1]);
}

const openWorld = useWorld();
let driver: Driver | undefined;
afterEach(() => {
  driver?.kill();
  driver = undefined;
});

/** Starts the held run with `editor` as $VISUAL and TMPDIR in the world; opens `one`'s held answer in it. */
async function editHeldAnswer(world: World, editor: string, temp: string): Promise<Driver> {
  const app = (driver = startAgentmux({
    args: ['run', HELD, '--hold', 'Verify', '--sessions', world.sessions],
    cwd: world.dir,
    env: { ANTHROPIC_BASE_URL: world.model.url, ANTHROPIC_API_KEY: 'test-key', VISUAL: editor, TMPDIR: temp },
    launcher: LAUNCHER,
  }));
  await app.waitUntil((screen) => (screen.match(/⏸ held for you/gu) ?? []).length >= 2, 'both verdicts held', 30_000);
  await openEditorBy(app, 'hold-edit -t one');
  return app;
}

/** Types `:LINE` Enter: the line opens the editor, so the prompt's closing is not waited for (the screen is suspended). */
async function openEditorBy(app: Driver, line: string): Promise<void> {
  app.write(':');
  await app.waitUntil(() => app.line(-1).startsWith(':'), 'the : prompt');
  app.write(line);
  await app.waitUntil(() => app.line(-1).startsWith(`:${line}`), `":${line}" on the prompt`);
  app.write('\r');
}

describe('agentmux e2e: a signal while $EDITOR is open', { timeout: 90_000 }, () => {
  it('SIGTERM: an editor ignoring SIGTERM is killed, the saved text is kept and named, the answer stays held, exit 0', async () => {
    const world = await openWorld({ script: verdicts });
    const temp = join(world.dir, 'tmp');
    mkdirSync(temp);
    const saved = '{"holds": false, "reason": "half done"}';
    const app = await editHeldAnswer(world, waitingEditor(world, saved, true), temp);
    const { editor: pids, agentmux } = await editorPids(world);
    const file = readFileSync(join(world.dir, 'editing'), 'utf8').trim();
    expect(pids.every(runs)).toBe(true);

    process.kill(agentmux, 'SIGTERM');
    expect(await exitStatus(app)).toBe(0);
    expect(pids.filter(runs)).toEqual([]);
    // The person's text, where stderr said it is.
    expect(readFileSync(file, 'utf8')).toBe(saved);
    expect(app.output()).toContain(`one's held answer (still held): agentmux stopped while you edited it; what you saved is kept in ${file}`);
    expect(readFileSync(join(world.sessions, 'agentmux.log'), 'utf8')).toContain(`kept in ${file}`);
    // The terminal given back: the alternate screen left after it was entered again.
    expect(app.output().lastIndexOf('\x1b[?1049l')).toBeGreaterThan(app.output().lastIndexOf('\x1b[?1049h'));
    // Still held: no value given for `one`; the run stopped at quit (continuable).
    const lines = recordLines(world.sessions);
    expect(lines.filter((line) => line.type === 'result' && line.agent === 'one')).toEqual([]);
    expect(lines.at(-1)).toMatchObject({ type: 'done', status: 'stopped' });
    expect(readdirSync(world.sessions).filter((name) => name.includes('agentmux.lock'))).toEqual([]);
  });

  it('SIGHUP: an editor that saved nothing is ended and its temp file removed, exit 0', async () => {
    const world = await openWorld({ script: verdicts });
    const temp = join(world.dir, 'tmp');
    mkdirSync(temp);
    const app = await editHeldAnswer(world, waitingEditor(world, undefined, false), temp);
    const { editor: pids, agentmux } = await editorPids(world);
    expect(readdirSync(temp).filter((name) => name.startsWith('agentmux-held-'))).toHaveLength(1);

    process.kill(agentmux, 'SIGHUP');
    expect(await exitStatus(app)).toBe(0);
    expect(pids.filter(runs)).toEqual([]);
    expect(readdirSync(temp).filter((name) => name.startsWith('agentmux-held-'))).toEqual([]);
    expect(app.output()).not.toContain('kept in');
    expect(recordLines(world.sessions).filter((line) => line.type === 'result' && line.agent === 'one')).toEqual([]);
  });

  it('SIGTERM during `edit 1` (no TEXT): the editor is ended and the saved text kept, the entry unchanged', async () => {
    const world = await openWorld({ script: [{ text: 'first answer' }] });
    const temp = join(world.dir, 'tmp');
    mkdirSync(temp);
    const app = (driver = startAgentmux({
      args: ['--layout', world.layoutPath, '--sessions', world.sessions],
      cwd: world.dir,
      env: { ANTHROPIC_BASE_URL: world.model.url, ANTHROPIC_API_KEY: 'test-key', VISUAL: waitingEditor(world, 'a better question', false), TMPDIR: temp },
      launcher: LAUNCHER,
    }));
    await app.waitFor('NORMAL');
    await typeMessage(app, 'alpha', 'first question');
    await app.waitFor('first answer', 20_000);
    await openEditorBy(app, 'edit -t alpha 1');
    const { editor: pids, agentmux } = await editorPids(world);
    const file = readFileSync(join(world.dir, 'editing'), 'utf8').trim();

    process.kill(agentmux, 'SIGTERM');
    expect(await exitStatus(app)).toBe(0);
    expect(pids.filter(runs)).toEqual([]);
    expect(readFileSync(file, 'utf8')).toBe('a better question');
    expect(app.output()).toContain(`edit alpha 1: agentmux stopped while you edited it; what you saved is kept in ${file}`);
  });
});
