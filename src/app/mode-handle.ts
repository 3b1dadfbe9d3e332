// What an open overlay offers the commands its keys run (`timeline-move -1`, `confirm-answer y`,
// `copy-mode-do select`…): each mode on the stack that is more than typed text carries one of
// these, and the mode's commands find the topmost of their kind (src/app/commands/mode-keys.ts).
import type { Move } from '../core/list-move.js';

export const TIMELINE_ACTIONS = ['enter', 'rewind', 'edit', 'fork', 'switch', 'copy', 'close'] as const;
export const CONFLICT_ANSWERS = ['overwrite', 'keep', 'cancel'] as const;
export const COPY_ACTIONS = ['select', 'copy', 'enter', 'search', 'older', 'newer', 'leave'] as const;
export const SEARCH_ACTIONS = ['older', 'newer', 'new', 'end'] as const;
export const GRAFT_ACTIONS = ['enter', 'back', 'preview-up', 'preview-down', 'close'] as const;
export const SESSION_ACTIONS = ['open', 'rename', 'trash', 'trash-view', 'restore', 'toggle', 'unfold', 'fold', 'close'] as const;

export type TimelineAction = (typeof TIMELINE_ACTIONS)[number];
export type ConflictAnswer = (typeof CONFLICT_ANSWERS)[number];
export type CopyAction = (typeof COPY_ACTIONS)[number];
export type SearchAction = (typeof SEARCH_ACTIONS)[number];
export type GraftAction = (typeof GRAFT_ACTIONS)[number];
export type SessionAction = (typeof SESSION_ACTIONS)[number];

/** One open overlay's actions, by kind. */
export type ModeHandle =
  | { readonly kind: 'timeline'; move(move: Move): void; act(action: TimelineAction): void }
  | { readonly kind: 'file-conflicts'; move(move: Move): void; answer(answer: ConflictAnswer): void }
  | { readonly kind: 'confirm'; answer(yes: boolean): void }
  | { readonly kind: 'receipts'; close(): void }
  | { readonly kind: 'pager'; move(move: Move): void; close(): void }
  | { readonly kind: 'copy'; move(move: Move): void; act(action: CopyAction): void }
  | { readonly kind: 'search'; act(action: SearchAction): void }
  | { readonly kind: 'graft'; move(move: Move): void; act(action: GraftAction): void }
  | { readonly kind: 'sessions'; move(move: Move): void; act(action: SessionAction): void };

export type HandleKind = ModeHandle['kind'];

/** Narrows a handle to one kind (a type guard, so no cast is needed). */
export function isHandleOf<K extends HandleKind>(handle: ModeHandle, kind: K): handle is Extract<ModeHandle, { kind: K }> {
  return handle.kind === kind;
}
