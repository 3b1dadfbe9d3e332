// The composer as the app uses it (issue 11 item 7): `Enter` messages an agent, `b` broadcasts a
// nudge, both in the same box. The box sits at the bottom of the agent's pane (the whole pane
// area for a broadcast); what it held when closed is kept as the draft; C-g edits the draft in
// $VISUAL/$EDITOR (the in-app editor when none is set) and opens the box again with the result.
// A paste in normal mode (B2) opens the box for the focused agent with the pasted text in it.
import { formatReceipts, sendMessage } from '../core/receipt-message.js';
import { messageOf } from '../core/result.js';
import type { CockpitApp } from './cockpit-app.js';
import { BROADCAST_KEY } from './composer-memory.js';

/** Who the box writes to. */
export type ComposerTarget = { readonly kind: 'agent'; readonly name: string } | { readonly kind: 'broadcast' };

function keyOf(target: ComposerTarget): string {
  return target.kind === 'agent' ? target.name : BROADCAST_KEY;
}

/** Opens the composer for `target`, starting from its kept draft plus `added` (a paste). */
export function openComposer(app: CockpitApp, target: ComposerTarget, added = ''): void {
  const key = keyOf(target);
  const leave = app.modes.enter(target.kind === 'agent' ? 'message' : 'broadcast');
  app.view.openComposer({
    title: target.kind === 'agent' ? `message ${target.name}` : 'broadcast a nudge to every agent',
    text: app.composer.draftOf(key) + added,
    history: app.composer.historyOf(key),
    area: () => (target.kind === 'agent' ? app.paneRects().get(target.name) : undefined) ?? app.view.paneArea(),
    onSubmit: (text) => {
      leave();
      app.composer.sent(key, text);
      if (target.kind === 'agent') app.show(sendMessage(app.controller.delivery.send(target.name, text)));
      else showBroadcast(app, text);
      if (app.composer.problem !== undefined) app.show({ ok: false, error: app.composer.problem });
    },
    onClose: (draft) => {
      leave();
      app.composer.keepDraft(key, draft);
      if (draft.trim() !== '') app.show({ ok: true, value: `draft kept for ${target.kind === 'agent' ? target.name : 'the broadcast'}: ${target.kind === 'agent' ? 'Enter' : 'b'} opens it again` });
    },
    onUnboundChord: (chord) => app.show({ ok: false, error: `${chord.full} is not bound in the composer: it does nothing (? lists the keys)` }),
    onEditor: (draft) => {
      leave();
      app.composer.keepDraft(key, draft);
      void editDraft(app, draft).then((edited) => {
        if (edited.kind === 'failed') app.show({ ok: false, error: edited.why });
        app.composer.keepDraft(key, edited.kind === 'edited' ? edited.text : draft);
        openComposer(app, target);
      });
    },
  });
}

/** Text pasted in normal mode: into the composer of the focused agent (never read as keys). */
export function pasteInNormalMode(app: CockpitApp, text: string): void {
  const focused = app.controller.panes.focused();
  if (focused === undefined) {
    app.show({ ok: false, error: 'paste ignored: there is no agent to write to (n makes one)' });
    return;
  }
  if (app.controller.find(focused)?.kind === 'pty') {
    app.show({ ok: false, error: `paste not sent: ${focused} is a PTY pane; Enter attaches to it, then paste` });
    return;
  }
  openComposer(app, { kind: 'agent', name: focused }, text);
}

function showBroadcast(app: CockpitApp, text: string): void {
  const receipts = app.controller.delivery.broadcast(text, { interrupt: false });
  // The status bar shows the last command's result: this broadcast, not the one before.
  app.message = { text: formatReceipts('broadcast', receipts), isError: false };
  // Any key closes the receipts and then acts as in normal mode (the key table's "other keys" row).
  const overlay = app.view.openReceipts({ title: 'broadcast', receipts, onClose: () => leaveReceipts() });
  const leaveReceipts = app.modes.enter('receipts', { kind: 'receipts', close: () => overlay.close() });
}

type Edited = { readonly kind: 'edited'; readonly text: string } | { readonly kind: 'unchanged' } | { readonly kind: 'failed'; readonly why: string };

/** The draft in $VISUAL/$EDITOR (screen suspended), or in the in-app editor when neither is set. */
async function editDraft(app: CockpitApp, draft: string): Promise<Edited> {
  const command = app.editorCommand;
  if (command === undefined || command.trim() === '') {
    const leave = app.modes.enter('edit');
    return new Promise((resolve) => {
      app.view.openTextArea({
        title: 'the draft — C-s puts it back in the box, Esc leaves it as it was',
        text: draft,
        onSave: (text) => {
          leave();
          resolve({ kind: 'edited', text });
        },
        onClose: () => {
          leave();
          resolve({ kind: 'unchanged' });
        },
      });
    });
  }
  try {
    return await app.editors.withFile(command, { what: 'the draft', prefix: 'agentmux-draft-', name: 'message.md' }, async (file) => {
      const ran = await file.round(draft);
      if (ran.kind === 'stopped') return { kind: 'failed', why: 'draft: agentmux stopped while it was being edited' };
      if (ran.kind === 'failed') return { kind: 'failed', why: ran.why };
      // Editors end files with a newline; a message does not need one.
      return { kind: 'edited', text: ran.text.replace(/\n$/, '') };
    });
  } catch (thrown) {
    return { kind: 'failed', why: `draft: ${messageOf(thrown)}` };
  }
}
