// Keys on the focused agent that are more than one core command: `toggle-pause` (`p`),
// `confirm-undo` (`u`, asks about files changed since), `detach-pane` (C-q while attached to a
// PTY pane) and `quit` (asks to confirm while an agent works).
import * as z from 'zod';
import { targetOption } from '../../core/command-arguments.js';
import { failure } from '../../core/command.js';
import type { CockpitApp } from '../cockpit-app.js';
import { undoAsking } from '../file-conflict-flow.js';
import { detachPty } from '../pty-attach.js';
import { defineAppCommand, done, NO_ARGS } from './app-command.js';
import { refusedOnPty } from './pty-guard.js';
import { isPauseHeld } from '../../core/turn-phase.js';
import { targetError } from '../../core/command-target.js';

const TargetArgs = z.object({ options: z.object({ target: z.string().optional() }) });
const TARGET_ONLY = { options: [targetOption], positionals: [], text: 'none' } as const;

/** The agent `-t` names, or the focused one. */
function targetOf(app: CockpitApp, command: string, target: string | undefined): { ok: true; value: string } | { ok: false; error: string } {
  const reference = target ?? app.controller.panes.focused();
  if (reference === undefined) return { ok: false, error: `${command}: there is no agent` };
  const agent = app.controller.resolveAgent(reference);
  return agent.ok ? agent : { ok: false, error: `${command}: ${agent.error}` };
}

/** `toggle-pause [-t AGENT]`: `p` — resume a paused (or over-budget) agent, pause any other. */
export const togglePause = defineAppCommand({
  name: 'toggle-pause',
  usage: 'toggle-pause [-t AGENT]',
  summary: 'pause the agent, or resume it when paused',
  spec: TARGET_ONLY,
  schema: TargetArgs,
  run(app, { options }) {
    if (options.target === undefined) {
      const refused = refusedOnPty(app, 'toggle-pause', 'pause');
      if (refused !== undefined) return refused;
    }
    const name = targetOf(app, 'toggle-pause', options.target);
    if (!name.ok) return targetError(name.error);
    const agent = app.controller.find(name.value);
    if (agent === undefined) return failure('toggle-pause', `no agent "${name.value}"`);
    const paused = agent.state === 'paused' || agent.state === 'over-budget' || (agent.kind === 'sdk' && isPauseHeld(agent.phase));
    return app.dispatch(`${paused ? 'resume' : 'pause'} -t ${agent.name}`);
  },
});

/** `confirm-undo [-t AGENT]`: `u` — undo, first asking what to do with files changed since by someone else. */
export const confirmUndo = defineAppCommand({
  name: 'confirm-undo',
  usage: 'confirm-undo [-t AGENT]',
  summary: 'undo, asking first about files changed since (overwrite, keep, cancel)',
  spec: TARGET_ONLY,
  schema: TargetArgs,
  run(app, { options }) {
    if (options.target === undefined) {
      const refused = refusedOnPty(app, 'confirm-undo', 'undo');
      if (refused !== undefined) return refused;
    }
    const name = targetOf(app, 'confirm-undo', options.target);
    if (!name.ok) return targetError(name.error);
    return undoAsking(app, name.value);
  },
});

/** `detach-pane`: C-q while attached to a PTY pane gives the keyboard back to the cockpit. */
export const detachPane = defineAppCommand({
  name: 'detach-pane',
  usage: 'detach-pane',
  summary: 'detach the keyboard from the attached PTY pane',
  spec: NO_ARGS,
  schema: z.object({}),
  run(app) {
    const attached = app.attached;
    if (attached === undefined) return failure('detach-pane', 'no pane is attached');
    detachPty(app);
    return done(`detached from ${attached.name}`, { agent: attached.name });
  },
});

/** `quit`: `q`; asks `y` to confirm only while some agent is working. */
export const quit = defineAppCommand({
  name: 'quit',
  usage: 'quit',
  summary: 'quit agentmux (asks to confirm while an agent is working)',
  spec: NO_ARGS,
  schema: z.object({}),
  run(app) {
    return done(app.requestQuit());
  },
});
