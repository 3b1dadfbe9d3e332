// Normal mode: a key is looked up in the key table (core/key-table.ts) and becomes a command
// line (through the same `dispatch` as the `:` prompt) or a view action.
import { completeCommandName } from '../core/dispatch.js';
import { COMMANDS } from '../core/commands/index.js';
import { bindingFor, KEY_TABLE, type KeyAction } from '../core/key-table.js';
import { neighbour, nextTiling } from '../core/layout-solver.js';
import { ptyDoesNotApply, ptyRefusedOperation } from '../core/pty-refusal.js';
import { formatReceipts, sendMessage } from '../core/receipt-message.js';
import type { KeyPress } from '../view/overlays/overlay.js';
import { handleApprovalKey } from './approval-keys.js';
import type { CockpitApp } from './cockpit-app.js';
import { undoAsking } from './file-conflict-flow.js';
import { enterCopyMode } from './copy-mode.js';
import { openGraftPicker } from './graft-picker.js';
import { attachPty } from './pty-attach.js';
import { openSessionBrowser } from './session-browser.js';
import { startSearch } from './search.js';
import { openTimeline } from './timeline-flow.js';

type ViewAction = Extract<KeyAction, { kind: 'view' }>['action'];

/** Handles one key pressed with no overlay open. */
export function handleNormalKey(app: CockpitApp, key: KeyPress): void {
  if (handleApprovalKey(app, key)) return;
  const binding = bindingFor(key.full) ?? (key.ch === undefined ? undefined : bindingFor(key.ch)) ?? (key.name === undefined ? undefined : bindingFor(key.name));
  if (binding === undefined) return;
  const focused = app.controller.focused();
  const refused = ptyRefusedOperation(binding.action);
  if (focused !== undefined && refused !== undefined && app.controller.find(focused)?.pty !== undefined) {
    app.show({ ok: false, error: ptyDoesNotApply(focused, refused) });
    return;
  }
  if (binding.action.kind === 'command') {
    if (focused === undefined && binding.action.line.includes('{agent}')) return;
    app.run(binding.action.line.replaceAll('{agent}', focused ?? ''));
    return;
  }
  viewAction(app, binding.action.action, key);
}

function viewAction(app: CockpitApp, action: ViewAction, key: KeyPress): void {
  const controller = app.controller;
  const names = controller.allAgents().map((agent) => agent.name);
  const focused = controller.focused();
  const focus = (name: string | undefined): void => {
    if (name === undefined) return;
    controller.setFocus(name);
    app.update();
  };
  const step = (delta: number): void => {
    if (focused === undefined || names.length === 0) return;
    const index = names.indexOf(focused);
    focus(names[(index + delta + names.length) % names.length]);
  };
  switch (action) {
    case 'next-pane':
      return step(1);
    case 'previous-pane':
      return step(-1);
    case 'move-left':
    case 'move-right':
    case 'move-up':
    case 'move-down':
      if (focused !== undefined) focus(neighbour(app.paneRects(), focused, directionOf(action)));
      return;
    case 'pane-number':
      return focus(names[Number(key.ch ?? key.name) - 1]);
    case 'message':
      if (focused === undefined || attachPty(app, focused)) return;
      app.setMode('message');
      app.view.openTextInput({
        title: `message ${focused} (Enter sends, Esc closes)`,
        onSubmit: (text) => {
          app.setMode('normal');
          app.show(sendMessage(controller.send(focused, text)));
        },
        onClose: () => app.setMode('normal'),
      });
      return;
    case 'broadcast':
      app.setMode('broadcast');
      app.view.openTextInput({
        title: 'broadcast a nudge to every agent (Enter sends, Esc closes)',
        onSubmit: (text) => {
          const receipts = controller.broadcast(text, { interrupt: false });
          // The status bar shows the last command's result: this broadcast, not the one before.
          app.message = { text: formatReceipts('broadcast', receipts), isError: false };
          app.setMode('receipts');
          app.view.openReceipts({
            title: 'broadcast',
            receipts,
            onClose: (next) => {
              app.setMode('normal');
              if (next !== undefined) handleNormalKey(app, next);
            },
          });
        },
        onClose: () => app.setMode('normal'),
      });
      return;
    case 'undo':
      if (focused !== undefined) undoAsking(app, focused);
      return;
    case 'pause-toggle': {
      const agent = focused === undefined ? undefined : controller.find(focused);
      if (agent === undefined) return;
      const paused = agent.state === 'paused' || agent.state === 'over-budget' || agent.pauseRequested;
      app.run(`${paused ? 'resume' : 'pause'} -t ${agent.name}`);
      return;
    }
    case 'timeline':
    case 'edit':
      return openTimeline(app, action === 'edit' ? 'e' : 'r');
    case 'graft':
      return openGraftPicker(app);
    case 'sessions':
      return openSessionBrowser(app);
    case 'new-agent':
      return openPrompt(app, 'new ');
    case 'prompt':
      return openPrompt(app, '');
    case 'zoom':
      app.zoom = !app.zoom;
      app.update();
      return;
    case 'next-tiling':
      app.setTiling(nextTiling(app.tiling));
      app.show({ ok: true, value: `tiling ${typeof app.tiling === 'string' ? app.tiling : 'custom'}` });
      return;
    case 'page-up':
    case 'page-down': {
      const pane = focused === undefined ? undefined : app.view.pane(focused);
      if (action === 'page-up') pane?.pageUp();
      else pane?.pageDown();
      app.view.requestRender();
      return;
    }
    case 'copy-mode':
      return enterCopyMode(app);
    case 'search':
      return startSearch(app);
    case 'help':
      app.setMode('help');
      app.view.openHelp({
        keys: KEY_TABLE.map((binding) => ({
          key: binding.label,
          command: binding.action.kind === 'command' ? binding.action.line.replaceAll('{agent}', 'AGENT') : '',
          note: binding.note,
        })),
        usage: COMMANDS.map((command) => `${command.usage.padEnd(52)} ${command.summary}`),
        onClose: () => app.setMode('normal'),
      });
      return;
    case 'quit':
      app.requestQuit();
      return;
  }
}

function directionOf(action: 'move-left' | 'move-right' | 'move-up' | 'move-down'): 'left' | 'right' | 'up' | 'down' {
  switch (action) {
    case 'move-left':
      return 'left';
    case 'move-right':
      return 'right';
    case 'move-up':
      return 'up';
    case 'move-down':
      return 'down';
  }
}

function openPrompt(app: CockpitApp, prefill: string): void {
  app.setMode('prompt');
  app.view.openPrompt({
    prefill,
    history: app.history,
    complete: (text) => {
      if (/\s/.test(text)) return text;
      const { matches, completed } = completeCommandName(text);
      return matches.length === 1 ? `${completed} ` : completed;
    },
    onSubmit: (line) => {
      app.setMode('normal');
      if (line.trim() === '') return;
      if (app.history[app.history.length - 1] !== line) app.history.push(line);
      app.run(line);
    },
    onClose: () => app.setMode('normal'),
  });
}
