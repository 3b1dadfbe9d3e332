// A cockpit without a terminal of its own: the real controller over the scripted model (the
// integration harness), the real blessed view on a headless terminal, and the app's CockpitApp
// between them — for the app's commands and keys, tested below the binary.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileCheckpointsFor } from '../../src/adapters/files/file-checkpoints.js';
import { launchPty } from '../../src/adapters/pty/node-pty-host.js';
import { createWorkspaceToolHost } from '../../src/adapters/tools/full-tool-host.js';
import type { ScriptStep } from '../../src/adapters/scripted-model/script.js';
import { CockpitApp } from '../../src/app/cockpit-app.js';
import type { Agent } from '../../src/core/agent.js';
import type { RestorePace } from '../../src/core/background-restore.js';
import type { ModeName } from '../../src/core/key-table.js';
import type { PtyScreen } from '../../src/core/pty-session.js';
import type { RunRecordLine } from '../../src/core/workflow/run-record.js';
import { RunBoard } from '../../src/app/workflow/run-board.js';
import { RunViewFlow } from '../../src/app/workflow/run-view-flow.js';
import { startHarness, until, type Harness } from '../integration/harness.js';
import { holdAlpha } from './held-setup.js';
import { openView, type ViewUnderTest } from '../view/view-kit.js';

// The screen of a PTY agent (undefined for any other agent, or before its command started).
function hostedScreen(agent: Agent | undefined): PtyScreen | undefined {
  return agent?.kind === 'pty' ? agent.pty.screen : undefined;
}

export type Cockpit = { readonly h: Harness; readonly t: ViewUnderTest; readonly app: CockpitApp; readonly quits: () => number };
const open: Cockpit[] = [];
/** Store directories the kit made for file checkpoints (the harness leaves a given dir alone). */
const dirs: string[] = [];

/** Disposes every cockpit the test opened (an afterEach). */
export async function closeCockpits(): Promise<void> {
  closeRunViews();
  for (const cockpit of open.splice(0)) {
    cockpit.app.dispose();
    cockpit.t.dispose();
    await cockpit.h.close();
  }
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
}


export const writeStep: ScriptStep = { text: 'Writing.', toolUses: [{ name: 'write_file', input: { path: 'new.txt', content: 'one\n' } }] };

const KIT_EPOCH = Date.now();

/** What a cockpit's harness runs with beyond the defaults: the model's script, file checkpoints, allowed tools. */
export type KitOptions = {
  readonly steps?: readonly ScriptStep[];
  readonly checkpoints?: boolean;
  readonly allow?: readonly string[];
  readonly now?: () => number;
  readonly restorePace?: RestorePace;
};

/** A fresh cockpit with agents alpha and beta in columns, set up for `mode`'s keys. */
export async function cockpitFor(mode: ModeName, options: KitOptions = {}): Promise<Cockpit> {
  const dir = options.checkpoints === true ? mkdtempSync(join(tmpdir(), 'agentmux-kit-')) : undefined;
  if (dir !== undefined) dirs.push(dir);
  const checkpoints = dir === undefined ? undefined : fileCheckpointsFor(dir);
  const tools = createWorkspaceToolHost({ write: true });
  const h = await startHarness(options.steps ?? (mode === 'approval' ? [writeStep, { text: 'done' }] : []), {
    agents: ['alpha', 'beta'],
    tools: checkpoints === undefined ? tools : checkpoints.wrap(tools),
    ...(dir === undefined || checkpoints === undefined ? {} : { dir, files: checkpoints.files }),
    approval: { approve: 'ask', allow: [...(options.allow ?? [])] },
    ptyLauncher: launchPty,
    // One instant for every cockpit of a test file, so two cockpits compared row by row list
    // their sessions in the same order (ties go by name), whatever the machine's load.
    now: options.now ?? ((): number => KIT_EPOCH),
    ...(options.restorePace === undefined ? {} : { restorePace: options.restorePace }),
  });
  const t = openView(120, 30);
  let quits = 0;
  const app = new CockpitApp({
    view: t.view,
    controller: h.controller,
    tiling: 'columns',
    banner: undefined,
    editor: undefined,
    onQuit: () => {
      quits += 1;
    },
  });
  const cockpit: Cockpit = { h, t, app, quits: () => quits };
  open.push(cockpit);
  if (mode === 'approval') {
    h.controller.delivery.send('alpha', 'write it');
    await until(() => h.agent('alpha').state === 'awaiting-approval', 'alpha awaiting approval');
    // The write's preview is read off the event loop and lands a frame later: wait until it is
    // drawn, or two cockpits built alike would compare with and without it.
    await settle(cockpit);
    const deadline = Date.now() + 20_000;
    while (!t.tty.text().includes('creates the file with')) {
      if (Date.now() > deadline) throw new Error(`the approval preview was never drawn; screen:\n${t.tty.text()}`);
      await new Promise((resolve) => setTimeout(resolve, 10));
      await settle(cockpit);
    }
  }
  if (mode === 'attached') {
    const made = h.controller.panes.newPtyAgent('shell', ['sh']);
    if (!made.ok) throw new Error(made.error);
    // Running is not ready: a loaded machine starts sh late, and a prompt drawn after one
    // cockpit's frame but before the other's would make their screens differ.
    await until(() => (hostedScreen(h.controller.find('shell'))?.bottomText(1).trim() ?? '') !== '', 'the shell showing its prompt');
    app.run('compose -t shell');
    await until(() => app.attached !== undefined, 'attached to shell');
  }
  if (mode === 'runs') await openRunView(cockpit);
  if (mode === 'held') holdAlpha(h.controller, 'alpha says the finding holds');
  await settle(cockpit);
  return cockpit;
}

/** Lets blessed finish the chunk of input, the app its frame, and the terminal its parsing. */
export async function settle(cockpit: Cockpit): Promise<void> {
  await new Promise((resolve) => setImmediate(resolve));
  cockpit.app.update();
  cockpit.t.view.renderNow();
  // An overlay opened or moved by that frame's work is drawn by the next one: draw it too.
  await new Promise((resolve) => setImmediate(resolve));
  cockpit.t.view.renderNow();
  await cockpit.t.tty.flush();
}

/** Types one key (its bytes as one chunk) and waits until blessed has reported it. */
export async function press(cockpit: Cockpit, bytes: string): Promise<void> {
  const reported = new Promise((resolve) => cockpit.t.view.screen.once('keypress', resolve));
  cockpit.t.tty.press(bytes);
  await reported;
  await settle(cockpit);
}


const runViewDisposers: (() => void)[] = [];

/** Disposes the run boards `openRunView` made (called by closeCockpits). */
export function closeRunViews(): void {
  for (const dispose of runViewDisposers.splice(0)) dispose();
}

/**
 * Gives `cockpit` a run view over one live run `r1` of script `audit` (phase Review: alpha
 * working, beta done) at a fixed clock, and opens it with `runs`.
 */
export async function openRunView(cockpit: Cockpit): Promise<RunViewFlow> {
  const { app } = cockpit;
  const hooks = { changed: (): void => undefined, ticked: (): void => undefined };
  const now = (): number => KIT_EPOCH + 5_000;
  const board = new RunBoard({ controller: cockpit.h.controller, stallAfterMs: 60_000, now, queued: () => 2, changed: () => hooks.changed(), ticked: () => hooks.ticked() });
  const flow = new RunViewFlow(app, board, 60_000, now);
  hooks.changed = () => flow.changed();
  hooks.ticked = () => flow.ticked();
  runViewDisposers.push(() => {
    flow.dispose();
    board.dispose();
  });
  app.runView = flow;
  const at = new Date(KIT_EPOCH).toISOString();
  const record = (line: RunRecordLine): void => board.runEvent({ kind: 'record', line }, 'r1');
  record({ type: 'meta', at, run: 'r1', name: 'audit', description: 'a test run', phases: [{ title: 'Review' }], script: 'audit.js' });
  record({ type: 'phase', at, title: 'Review' });
  record({ type: 'log', at, text: 'reviewing 2 files' });
  record({ type: 'started', at, agent: 'alpha', session: 's-alpha', label: 'alpha', phase: 'Review', key: 'k1' });
  record({ type: 'started', at, agent: 'beta', session: 's-beta', label: 'beta', phase: 'Review', key: 'k2' });
  record({ type: 'result', at, agent: 'beta', key: 'k2', value: 'fine' });
  app.run('runs');
  await settle(cockpit);
  return flow;
}
