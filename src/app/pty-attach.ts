// Attaching to a PTY pane (DESIGN.md §5 `Enter`): every typed byte goes to the child, no
// cockpit key acts, the title says "attached — C-q detaches", and C-q detaches. Also keeps each
// PTY agent's terminal at its pane's inner size and turns screen changes into frame requests.
import type { Controller } from '../core/controller.js';
import type { Disposable } from '../core/events.js';
import type { Rect } from '../core/layout-solver.js';
import type { PtyAgent } from '../core/pty-agent.js';
import { DETACH_KEY, translateCursorKeys } from '../core/pty-keys.js';
import { err, ok, type Result } from '../core/result.js';
import type { CockpitView } from '../view/cockpit-view.js';
import type { CockpitApp } from './cockpit-app.js';

/** Attaches the keyboard to the PTY agent `name`; an error (and nothing changes) if it is not a running PTY agent. */
export function attachPty(app: CockpitApp, name: string): Result<string> {
  const pty = hostedPty(app, name);
  if (pty === undefined) return err(`${name} is not a PTY agent`);
  if (!pty.running) return err(`${name} is not running: :restart starts it again`);
  if (app.attached !== undefined) return err(`already attached to ${app.attached.name}`);
  app.attached = { name, leave: app.modes.enter('attached') };
  app.view.pane(name)?.scrollToBottom();
  app.view.captureInput((data) => onAttachedInput(app, name, data));
  return ok(`attached to ${name} — C-q detaches`);
}

/** Gives the keyboard back to the cockpit. */
export function detachPty(app: CockpitApp): void {
  const attached = app.attached;
  if (attached === undefined) return;
  app.attached = undefined;
  app.view.captureInput(undefined);
  attached.leave();
}

function onAttachedInput(app: CockpitApp, name: string, data: string): void {
  const pty = hostedPty(app, name);
  const at = data.indexOf(DETACH_KEY);
  const keys = at < 0 ? data : data.slice(0, at);
  if (keys !== '' && pty !== undefined) pty.type(translateCursorKeys(keys, pty.screen?.applicationCursorKeys ?? false));
  if (at >= 0) app.run('detach-pane');
  else if (pty === undefined || !pty.running) detachPty(app);
}

/** Each frame's layout: PTY children follow their pane's inner size; an attach to a gone or exited child ends. */
export function syncPtyPanes(app: CockpitApp, rects: ReadonlyMap<string, Rect>): void {
  for (const agent of app.controller.allAgents()) {
    if (agent.kind !== 'pty') continue;
    const rect = rects.get(agent.name);
    if (rect === undefined || rect.width < 3 || rect.height < 3) continue;
    agent.pty.resize(rect.width - 2, rect.height - 2);
  }
  const attached = app.attached === undefined ? undefined : hostedPty(app, app.attached.name);
  if (app.attached !== undefined && attached?.running !== true) detachPty(app);
}

// The PTY side of the agent `name`, when it is a PTY agent.
function hostedPty(app: CockpitApp, name: string): PtyAgent | undefined {
  const agent = app.controller.find(name);
  return agent?.kind === 'pty' ? agent.pty : undefined;
}

/** A PTY screen change asks for a frame (the scheduler coalesces: never one per byte). */
export function watchPtyScreens(controller: Controller, view: CockpitView): Disposable {
  return controller.screens.on(() => view.requestRender());
}
